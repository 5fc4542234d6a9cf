import { sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.js';
import { databaseBefore } from './migration.test-kit.js';

/**
 * 0058 on files handed in before they recorded the step they came after: those of an application now
 * returned take the latest step dated no later than their upload (0 before any step); those of any
 * other application 0, before any return to come.
 */
const NAME = '20261206-0058-evidence-after-event';
let database: DatabaseHandle;
let m0058: Migration;

beforeAll(async () => {
  ({ database, migration: m0058 } = await databaseBefore(NAME));
}, 120_000);
afterAll(() => database?.close());

describe('migration 0058: what a file came after', () => {
  it('dates each earlier file by the steps before it', async () => {
    const db = database.db;
    const account = (
      await sql<{ id: string }>`insert into account (username, display_name, roles, region_code, password_hash)
        values ('graduate', '毕业生', '{applicant}', '510104', 'not-a-login') returning id`.execute(db)
    ).rows[0]!.id;
    const person = (
      await sql<{ id: string }>`insert into person (id_number_hmac, id_number_cipher, id_number_masked, name, sex, birth_date, region_code)
        values ('h', 'c', '5101**********0012', '毕业生', 'male', '2004-03-05', '510104') returning id`.execute(db)
    ).rows[0]!.id;
    const made = async (number: string, subsidy: string, state: string) =>
      (
        await sql<{ id: string }>`insert into application
            (number, subsidy_id, applicant_kind, person_id, region_code, period_key, claim, state, requested_by, idempotency_key)
          values (${number}, ${subsidy}, 'person', ${person}, '510104', 'once', '{}', ${state}, ${account}, ${number})
          returning id`.execute(db)
      ).rows[0]!.id;
    const application = await made('SQ-1', 'one-time-job-seeking', 'returned');
    const accepted = await made('SQ-2', 'skill-evaluation', 'accepted');
    const step = (seq: number, action: string, to: string, at: string, of = application) =>
      sql`insert into application_event (application_id, seq, action, to_state, actor_id, actor_roles, at)
          values (${of}, ${seq}, ${action}, ${to}, ${account}, '{applicant}', ${at}::timestamptz)`.execute(db);
    const file = (name: string, at: string, of = application) =>
      sql`insert into application_evidence
            (application_id, material, material_name, file_name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
          values (${of}, 0, '{"zh":"身份证","en":"ID card"}', ${name}, 'application/pdf', 1, 's', '\\x00',
                  ${account}, ${at}::timestamptz)`.execute(db);
    await file('draft.pdf', '2026-11-23T01:00:00Z');
    await step(1, 'submit', 'submitted', '2026-11-23T02:00:00Z');
    await file('between.pdf', '2026-11-23T02:30:00Z');
    await step(2, 'return', 'returned', '2026-11-23T03:00:00Z');
    await file('after.pdf', '2026-11-23T04:00:00Z');
    await step(1, 'submit', 'submitted', '2026-11-23T02:00:00Z', accepted);
    await file('other.pdf', '2026-11-23T04:00:00Z', accepted);

    await m0058.up(db as never);

    const rows = await sql<{ file_name: string; after_event: number }>`
      select file_name, after_event from application_evidence order by uploaded_at, file_name`.execute(db);
    expect(rows.rows).toEqual([
      { file_name: 'draft.pdf', after_event: 0 },
      { file_name: 'between.pdf', after_event: 1 },
      { file_name: 'after.pdf', after_event: 2 },
      { file_name: 'other.pdf', after_event: 0 },
    ]);
  });
});
