import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { POSTING_COLUMNS } from '../../server/src/employment-services/labour-market/postings-sheet.js';
import { headerOf } from '../../server/src/registry/import/templates.js';

// What the labour-market walk reads from the demo city and writes into its forms.

/** Two enterprises of 锦江区 from the demo registry: a station's operator and a gig's employer. */
export async function demoUnits(db: Kysely<Database>): Promise<{ operator: string; employer: string }> {
  const rows = await db
    .selectFrom('organisation')
    .select('credit_code')
    .where('category', '=', 'enterprise')
    .where('region_code', '=', '510104')
    .orderBy('credit_code', 'desc')
    .limit(2)
    .execute();
  const [operator, employer] = rows.map((r) => r.credit_code);
  if (!operator || !employer) throw new Error('the demo city has no two enterprises in 锦江区');
  return { operator, employer };
}

/** The postings template's columns a posting needs, in its order (description and level left out). */
export const SHEET_HEADER = POSTING_COLUMNS.filter((c) => c.key !== 'description' && c.key !== 'minLevel').map(
  headerOf,
);

/** A civil minute in 成都 as a `datetime-local` field takes it. */
export function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
