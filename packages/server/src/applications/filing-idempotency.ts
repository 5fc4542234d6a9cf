import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/**
 * The key an application is filed under: the caller's idempotency key with a fingerprint of what
 * is filed, so a retry finds the first filing and the same key for different content is told apart.
 */
export function filingKey(idempotencyKey: string, content: readonly unknown[]): string {
  const fingerprint = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return `${idempotencyKey}:${fingerprint.slice(0, 16)}`;
}

/**
 * The application this account already filed under the caller's key, if any. The same key for
 * different content is refused (`IDEMPOTENCY_KEY_REUSED`).
 */
export async function priorFiling(
  db: Kysely<Database>,
  accountId: string,
  idempotencyKey: string,
  key: string,
): Promise<string | undefined> {
  const prior = await db
    .selectFrom('application')
    .select(['id', 'idempotency_key'])
    .where('requested_by', '=', accountId)
    .where('idempotency_key', 'like', `${idempotencyKey}:%`)
    .executeTakeFirst();
  if (!prior) return undefined;
  if (prior.idempotency_key !== key) throw new AppError('IDEMPOTENCY_KEY_REUSED', 422, 'idempotencyKey');
  return prior.id;
}
