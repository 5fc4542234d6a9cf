import { sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.js';
import { databaseBefore } from './migration.test-kit.js';

/**
 * 0055 on a database whose bank files were downloaded before batches named who downloaded them:
 * each downloaded batch takes its downloader from the audit trail, the earliest download that was
 * given (not a copy after it, nor a refusal); a batch never downloaded names no one.
 */
const NAME = '20261206-0055-bank-file-downloaded-by';
let database: DatabaseHandle;
let m0055: Migration;

beforeAll(async () => {
  ({ database, migration: m0055 } = await databaseBefore(NAME));
}, 120_000);
afterAll(() => database?.close());

describe('migration 0055: who downloaded a bank file', () => {
  it('names the first downloader from the audit trail, and no one for a batch not downloaded', async () => {
    const db = database.db;
    const account = async (username: string) =>
      (
        await sql<{ id: string }>`insert into account (username, display_name, roles, region_code, password_hash)
          values (${username}, ${username}, '{finance}', '510104', 'not-a-login') returning id`.execute(db)
      ).rows[0]!.id;
    const first = await account('first-finance');
    const second = await account('second-finance');
    const fund = (
      await sql<{ id: string }>`insert into fund (code, name, source, year, region_code)
        values ('JY', '就业补助资金', 'central-employment', 2026, '510104') returning id`.execute(db)
    ).rows[0]!.id;
    const batch = async (number: string, exportedAt: string | null) =>
      (
        await sql<{ id: string }>`insert into payment_batch
          (number, fund_id, channel, region_code, layout, state, item_count, total_fen, created_by, exported_at)
          values (${number}, ${fund}, 'bank-account', '510104', 'generic-csv',
                  ${exportedAt ? 'exported' : 'open'}, 0, 0, ${first}, ${exportedAt}::timestamptz)
          returning id`.execute(db)
      ).rows[0]!.id;
    const downloaded = await batch('B1', '2026-11-23T02:00:00Z');
    const neverDownloaded = await batch('B2', null);
    let seq = 0;
    const entry = async (actor: string, batchId: string, outcome: 'success' | 'failure') =>
      sql`insert into audit_entry (seq, at, actor_id, action, outcome, entity_type, entity_id, prev_hash, hash)
          values (${++seq}, now(), ${actor}, 'payment-batch.exported', ${outcome}, 'payment_batch', ${batchId}, 'p', 'h')`.execute(
        db,
      );
    // A refusal first (it gave no file), then the download, then someone else's copy.
    await entry(second, downloaded, 'failure');
    await entry(first, downloaded, 'success');
    await entry(second, downloaded, 'success');

    await m0055.up(db as never);

    const rows = await sql<{ number: string; exported_by: string | null }>`
      select number, exported_by from payment_batch where id in (${downloaded}, ${neverDownloaded}) order by number`.execute(
      db,
    );
    expect(rows.rows).toEqual([
      { number: 'B1', exported_by: first },
      { number: 'B2', exported_by: null },
    ]);
    // A batch not downloaded cannot name a downloader.
    await expect(
      sql`update payment_batch set exported_by = ${first} where id = ${neverDownloaded}`.execute(db),
    ).rejects.toThrow(/payment_batch_exported_by_when_exported/);
  });
});
