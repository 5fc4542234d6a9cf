import { AppError } from './errors.js';

/**
 * A report asked for days `from` to `to` (both included) where `to` comes first is a slip of the
 * caller, not a period in which nothing happened: an empty report would read as "nothing was paid".
 * Refused as validateFacts refuses a reversed fact (PERIOD_REVERSED, naming the end, `to`). Both are
 * YYYY-MM-DD by their schema, so the text compares as the days do.
 */
export function refuseReversedPeriod(query: { readonly from?: string; readonly to?: string }): void {
  if (query.from && query.to && query.to < query.from)
    throw new AppError('PERIOD_REVERSED', 400, 'to', { from: query.from, to: query.to });
}
