import { toXlsx } from './import/tabular.js';
import type { PersonViewT } from './registry.schemas.js';

/** At most this many people in one export: a register, not a copy of the database. */
export const PEOPLE_EXPORT_LIMIT = 10_000;

const SEX = { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } } as const;

/**
 * The people list as found (人员库查询结果), in the reader's language: ID and phone numbers stay
 * masked, the region by its name. The full numbers are given one person at a time, with a purpose.
 */
export function peopleSheet(
  people: readonly PersonViewT[],
  regionName: (code: string) => string,
  language: 'zh' | 'en',
): Promise<Buffer> {
  const zh = language === 'zh';
  const yesNo = (b: boolean | undefined) => (b === undefined ? '' : zh ? (b ? '是' : '否') : b ? 'Yes' : 'No');
  const header = zh
    ? ['姓名', '证件号码（脱敏）', '性别', '出生年份', '地区', '户籍地', '农村户籍', '手机号码（脱敏）']
    : ['Name', 'ID number (masked)', 'Sex', 'Year of birth', 'Region', 'Hukou region', 'Rural hukou', 'Phone (masked)'];
  return toXlsx(
    zh ? '人员库' : 'People',
    header,
    people.map((p) => [
      p.name,
      p.idNumberMasked,
      SEX[p.sex as keyof typeof SEX]?.[language] ?? p.sex,
      String(p.birthYear),
      regionName(p.regionCode),
      p.hukouRegion ? regionName(p.hukouRegion) : '',
      yesNo(p.rural),
      p.phoneMasked ?? '',
    ]),
  );
}
