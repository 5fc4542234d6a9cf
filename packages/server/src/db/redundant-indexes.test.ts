import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * An index whose key columns lead a wider index on the same table costs a write for every row and
 * saves no read: the wider one answers every lookup by those columns, foreign-key checks included
 * (migration 0046 dropped two left behind when their wider twins were added). A unique index is a
 * rule and a partial one covers fewer rows, so neither is redundant this way; nor is one whose
 * column is compared differently (`text_pattern_ops` for a name's prefix).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('the migrated database', () => {
  it('has no plain index whose columns lead another index of its table', async () => {
    const { rows } = await sql<{ table: string; index: string; keys: string; plain: boolean; whole: boolean }>`
      select t.relname as "table", i.relname as "index",
             (select string_agg(k || ':' || c, ' ' order by n)
                from unnest(x.indkey::int2[], x.indclass::oid[]) with ordinality as u(k, c, n)
               where n <= x.indnkeyatts) as keys,
             not x.indisunique and x.indpred is null and x.indexprs is null as plain,
             x.indpred is null and x.indexprs is null as whole
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid
        join pg_am am on am.oid = i.relam
       where t.relnamespace = current_schema()::regnamespace and am.amname = 'btree'`.execute(app.database.db);
    expect(rows.length).toBeGreaterThan(100);
    const redundant = rows.filter(
      (a) =>
        a.plain &&
        rows.some(
          (b) => b.index !== a.index && b.table === a.table && b.whole && `${b.keys} `.startsWith(`${a.keys} `),
        ),
    );
    expect(redundant.map((r) => `${r.table}.${r.index}`)).toEqual([]);
  });
});
