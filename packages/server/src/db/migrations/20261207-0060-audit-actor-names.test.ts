import { sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.js';
import { databaseBefore } from './migration.test-kit.js';

/**
 * 0060 on a trail written before it: the names it finds are listed once per region, entries with no
 * region or no actor are not, and from then on each new entry's name is listed as it is appended.
 */
const NAME = '20261207-0060-audit-actor-names';
let database: DatabaseHandle;
let m0060: Migration;

beforeAll(async () => {
  ({ database, migration: m0060 } = await databaseBefore(NAME));
}, 120_000);
afterAll(() => database?.close());

let seq = 0;
const entry = (actorName: string | null, regionCode: string | null) => {
  seq++;
  return sql`insert into audit_entry (seq, at, actor_name, region_code, action, outcome, prev_hash, hash)
      values (${seq}, now(), ${actorName}, ${regionCode}, 'test.entry', 'success', 'p', ${`h${seq}`})`.execute(
    database.db,
  );
};

const listed = async () =>
  (
    await sql<{ region_code: string; actor_name: string }>`
      select region_code, actor_name from audit_actor order by region_code, actor_name`.execute(database.db)
  ).rows.map((r) => `${r.region_code} ${r.actor_name}`);

describe('migration 0060: the names of the audit trail’s actors', () => {
  it('lists the names the trail holds, once per region, then each name appended', async () => {
    await entry('锦江区受理员 王芳', '510104');
    await entry('锦江区受理员 王芳', '510104');
    await entry('锦江区受理员 王芳', '510105');
    await entry(null, '510104'); // the system
    await entry('登录失败的访客', null); // no region: no auditor's search reaches it
    await database.db.transaction().execute((trx) => m0060.up(trx));
    expect(await listed()).toEqual(['510104 锦江区受理员 王芳', '510105 锦江区受理员 王芳']);

    await entry('锦江区受理员 王芳', '510104');
    await entry('青羊区审核员 李雷', '510105');
    await entry(null, '510105');
    expect(await listed()).toEqual([
      '510104 锦江区受理员 王芳',
      '510105 锦江区受理员 王芳',
      '510105 青羊区审核员 李雷',
    ]);
  });
});
