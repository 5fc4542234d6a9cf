import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';

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

/** The postings sheet's header row, as the import template names its columns. */
export const SHEET_HEADER = [
  '岗位名称 (title)',
  '职业 (occupation)',
  '招聘人数 (headcount)',
  '月薪下限（元） (payMin)',
  '月薪上限（元） (payMax)',
  '工作地区代码 (regionCode)',
  '工作地点 (place)',
  '任职要求 (requirements)',
  '联系方式 (contact)',
  '有效期起 (validFrom)',
  '有效期至 (validTo)',
];

/** A civil minute in 成都 as a `datetime-local` field takes it. */
export function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
