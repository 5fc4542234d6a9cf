import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The writes to `account` and `password_history` that sign-in needs (accounts owns both tables).
 * Sessions asks for them through its `AccountCredentials` port, which the composition root fills
 * with this object, so sessions imports nothing of accounts (accounts imports sessions).
 */
export const accountCredentials = {
  /**
   * Counts one wrong password in the database, not from a row read earlier (25 wrong passwords
   * sent at once all read the same count). Past `maxFailedLogins` the account locks until
   * `lockUntil` and the count starts again: `failedLogins` 0 means it locked now.
   */
  async countFailedLogin(
    trx: Transaction<Database>,
    accountId: string,
    maxFailedLogins: number,
    lockUntil: Date,
  ): Promise<{ failedLogins: number }> {
    const locks = sql<boolean>`failed_logins + 1 > ${maxFailedLogins}`;
    const counted = await trx
      .updateTable('account')
      .set({
        failed_logins: sql`case when ${locks} then 0 else failed_logins + 1 end`,
        locked_until: sql`case when ${locks} then ${lockUntil}::timestamptz else locked_until end`,
      })
      .where('id', '=', accountId)
      .returning(['failed_logins'])
      .executeTakeFirstOrThrow();
    return { failedLogins: counted.failed_logins };
  },

  /** A good password clears the count, unless a lock written meanwhile still holds (then false). */
  async clearFailedLogins(trx: Transaction<Database>, accountId: string, now: Date): Promise<boolean> {
    const unlocked = await trx
      .updateTable('account')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', accountId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning('id')
      .executeTakeFirst();
    return unlocked !== undefined;
  },

  /** A new password (already hashed), kept in the history; lifts a lockout. */
  async storePassword(
    trx: Transaction<Database>,
    accountId: string,
    passwordHash: string,
    now: Date,
    mustChange: boolean,
  ): Promise<{ regionCode: string }> {
    const account = await trx
      .updateTable('account')
      .set({
        password_hash: passwordHash,
        password_changed_at: now,
        must_change_password: mustChange,
        failed_logins: 0,
        locked_until: null,
      })
      .where('id', '=', accountId)
      .returning(['region_code'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('password_history')
      .values({ account_id: accountId, password_hash: passwordHash, set_at: now })
      .execute();
    return { regionCode: account.region_code };
  },
};
