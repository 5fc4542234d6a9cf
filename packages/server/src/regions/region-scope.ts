import { regionLevel } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';

/**
 * A staff account sees its own region and every region below it. GB/T 2260 codes nest by prefix
 * (省 51, 市 5101, 县 510104), so "below" is a prefix match the database can use an index for.
 */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case 'national':
      return '';
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code;
  }
}

/**
 * A scope's codes as a range: GB/T 2260 codes are six digits, so the codes under a prefix lie
 * between it padded with 0s and with 9s in any collation, and the range can use a btree index
 * (a LIKE prefix can only under the C collation).
 */
export function regionRange(code: string): { low: string; high: string } {
  const prefix = regionPrefix(code);
  return { low: prefix.padEnd(6, '0'), high: prefix.padEnd(6, '9') };
}

export function isInScope(scope: string, code: string): boolean {
  return code.startsWith(regionPrefix(scope));
}

/** Refuses a region the system does not know or the caller does not administer. */
export async function assertRegionInScope(
  db: Kysely<Database>,
  scope: string,
  code: string,
  field: string,
): Promise<void> {
  const known = await db
    .selectFrom('region')
    .select(['code', 'name_zh', 'name_en'])
    .where('code', '=', code)
    .executeTakeFirst();
  refuseRegion(known, scope, code, field);
}

/** The same check for the many rows of an imported file: the known regions are read once. */
export async function regionChecker(
  db: Kysely<Database>,
  scope: string,
): Promise<(code: string, field: string) => void> {
  const rows = await db.selectFrom('region').select(['code', 'name_zh', 'name_en']).execute();
  const known = new Map(rows.map((r) => [r.code, r]));
  return (code, field) => refuseRegion(known.get(code), scope, code, field);
}

/** Refused outside the caller's regions, the region said by its name with its code (贵阳市（520100）). */
function refuseRegion(
  known: { name_zh: string; name_en: string } | undefined,
  scope: string,
  code: string,
  field: string,
): void {
  if (!known) throw new AppError('UNKNOWN_REGION', 400, field, { value: code });
  if (!isInScope(scope, code))
    throw new AppError(
      'OUT_OF_REGION',
      403,
      field,
      inBoth('value', `${known.name_zh}（${code}）`, `${known.name_en} (${code})`),
    );
}

/**
 * Region codes to their names in one language, for a sheet of many rows (GB/T 2260 codes read as
 * names); a code the table lacks is given back as it is.
 */
export async function regionNamer(db: Kysely<Database>, language: 'zh' | 'en'): Promise<(code: string) => string> {
  const names = await db.selectFrom('region').select(['code', 'name_zh', 'name_en']).execute();
  const byCode = new Map(names.map((r) => [r.code, language === 'zh' ? r.name_zh : r.name_en]));
  return (code) => byCode.get(code) ?? code;
}

/** A region's name in both languages for a refusal's message (`{key}`); its code where the table lacks it. */
export async function regionNameInBoth(
  db: Kysely<Database>,
  code: string,
  key = 'region',
): Promise<Record<string, string>> {
  const known = await db
    .selectFrom('region')
    .select(['name_zh', 'name_en'])
    .where('code', '=', code)
    .executeTakeFirst();
  return inBoth(key, known?.name_zh ?? code, known?.name_en ?? code);
}
