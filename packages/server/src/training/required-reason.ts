import { AppError } from '../http/errors.js';
import { saysSomething } from '../http/said.js';

/** A reason a step cannot be taken without (moving out of a catalogue, an inspection's finding). */
export function requiredReason(reason: string, field = 'reason'): string {
  const r = reason.trim();
  if (!saysSomething(r)) throw new AppError('REASON_REQUIRED', 400, field);
  return r;
}
