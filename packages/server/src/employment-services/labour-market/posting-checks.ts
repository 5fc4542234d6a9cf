import { addMonths, formatYuan, formatYuanEn, type IsoDate, type ResolvedParameter } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { fieldLabel } from '../../i18n/field-labels.js';
import { findDiscrimination } from './discrimination-rules.js';
import { occupation } from './occupations.js';
import { latestReferenceRecord } from '../../risk/reference-queries.js';
import type { Employer } from './posting-repository.js';
import type { PostingInput } from './labour-market.schemas.js';

/** A posting is shown at most this long before it must be posted again (岗位信息 kept current). */
const LONGEST_VALIDITY_MONTHS = 6;

/** What is wrong with a posting's own fields: pay upside down, dates, an unknown occupation, discrimination. */
export function assertPostingFields(input: PostingInput, today: IsoDate): void {
  const [first] = postingFieldErrors(input, today);
  if (first) throw first;
}

/**
 * Every problem of a posting's own fields, not only the first: an import names each of a row's
 * problems at once (the form stops at the first, as one field is corrected at a time).
 */
export function postingFieldErrors(input: PostingInput, today: IsoDate): AppError[] {
  const errors: AppError[] = [];
  if (input.payMaxFen < input.payMinFen)
    errors.push(
      new AppError('PAY_RANGE_INVERTED', 400, 'payMaxFen', {
        'min.zh-CN': yuan(input.payMinFen),
        'min.en-US': yuan(input.payMinFen, 'en'),
        'max.zh-CN': yuan(input.payMaxFen),
        'max.en-US': yuan(input.payMaxFen, 'en'),
      }),
    );
  if (!occupation(input.occupationCode)) errors.push(new AppError('UNKNOWN_OCCUPATION', 400, 'occupationCode'));
  if (input.validTo < input.validFrom)
    errors.push(new AppError('DATES_REVERSED', 400, 'validTo', { date: input.validFrom }));
  else if (input.validTo < today) errors.push(new AppError('POSTING_PAST', 400, 'validTo'));
  else if (input.validTo > addMonths(input.validFrom, LONGEST_VALIDITY_MONTHS))
    errors.push(new AppError('POSTING_TOO_LONG', 400, 'validTo', { months: String(LONGEST_VALIDITY_MONTHS) }));
  const findings = findDiscrimination({
    title: input.title,
    requirements: input.requirements,
    description: input.description,
  });
  const first = findings[0];
  // Each ground with its words and article, once, however many fields repeat the words.
  const said = (language: 'zh' | 'en') => [
    ...new Set(
      findings.map((f) =>
        language === 'zh' ? `${f.rule.zh}“${f.words}”（${f.rule.cite}）` : `${f.rule.en} “${f.words}” (${f.rule.cite})`,
      ),
    ),
  ];
  if (first)
    errors.push(
      new AppError(
        'DISCRIMINATORY_CONTENT',
        400,
        first.field,
        { 'found.zh-CN': said('zh').join('；'), 'found.en-US': said('en').join('; ') },
        findings.map((f) => ({
          column: f.field,
          // Named as the form names it: the list under the error shows this, not the key.
          columnName: { zh: fieldLabel(f.field, 'zh-CN'), en: fieldLabel(f.field, 'en-US') },
          words: f.words,
          ground: f.rule.ground,
          cite: f.rule.cite,
          message: {
            zh: `${f.rule.zh}：“${f.words}”（${f.rule.cite}）`,
            en: `${f.rule.en}: “${f.words}” (${f.rule.cite})`,
          },
        })),
      ),
    );
  return errors;
}

/**
 * The employer as the registry knows it (《人力资源市场暂行条例》 第二十四条: the unit's information is
 * checked): a unit the latest business-registry snapshot shows deregistered (注销) posts nothing.
 */
export async function assertEmployerActive(db: Kysely<Database> | Transaction<Database>, employer: Employer) {
  // The snapshot serving the employer's region: another province's newer file says nothing of it.
  const found = await latestReferenceRecord<{ status: string; deregisteredOn?: string }>(
    db,
    'business-registry',
    employer.credit_code,
    employer.region_code,
  );
  const status = found.loaded ? found.record?.data : undefined;
  if (status?.status === 'deregistered')
    throw new AppError('EMPLOYER_DEREGISTERED', 400, 'organisationId', {
      name: employer.name,
      date: status.deregisteredOn ?? '',
    });
}

/** A dated regional parameter in force on a day (the policy engine's resolution), or none set. */
export type StandardLookup = (parameter: string, region: string, on: IsoDate) => Promise<ResolvedParameter | undefined>;

/** 当地月最低工资标准: the parameter the subsidies already read (public-welfare posts, internships). */
export const MINIMUM_WAGE = 'minimum-wage.monthly';

/** How a posting states its pay: a month for a job posting, a day or a piece for a gig. */
export type PayUnit = 'month' | 'day' | 'piece';

/**
 * Pay below the workplace's monthly minimum wage (《中华人民共和国劳动法》 第四十八条: 用人单位支付劳动者的
 * 工资不得低于当地最低工资标准), on the day the work can start (today or the posting's first day).
 * Only a monthly pay range is compared: a gig's pay by the day or the piece says nothing of a month
 * without the hours, so it is left to the reviewer. Where no standard is set for the region (the
 * texts give no figure; an administrator keeps it, FACTS "Minimum wage"), the posting is accepted
 * unchecked: refusing would close the board of a region for want of a setting, and inventing a
 * floor would refuse lawful pay — the reviewer still reads every posting before it is shown.
 */
export async function minimumWageError(
  standard: StandardLookup,
  input: Pick<PostingInput, 'payMinFen' | 'regionCode' | 'validFrom'>,
  payUnit: PayUnit,
  today: IsoDate,
): Promise<AppError | undefined> {
  if (payUnit !== 'month') return undefined;
  const on = input.validFrom > today ? input.validFrom : today;
  const wage = await standard(MINIMUM_WAGE, input.regionCode, on);
  if (!wage || input.payMinFen >= wage.value) return undefined;
  return new AppError('PAY_BELOW_MINIMUM_WAGE', 400, 'payMinFen', {
    'pay.zh-CN': yuan(input.payMinFen),
    'pay.en-US': yuan(input.payMinFen, 'en'),
    'standard.zh-CN': yuan(wage.value),
    'standard.en-US': yuan(wage.value, 'en'),
    from: wage.from,
  });
}

/**
 * A workplace in another province than the unit's own is refused. The texts do support work out of
 * the province — 劳务输出 is organised by the bureaux together (庆政办发〔2023〕102号 第7条 东西部劳务协作、
 * 外省市工作站; 贵州 六六 (一) "联合招聘", (十四) 省外劳务协作站; 贵州 重点帮扶县实施意见 二（三） 有组织
 * 劳务输出 to 省外) — but none has a unit post a job in another province on its own board: the
 * destination's bureau collects and checks those jobs. And here a posting is reviewed by the clerks
 * of its workplace's region, so a job placed in another province would be reviewed by a bureau that
 * does not hold the unit (《人力资源市场暂行条例》 第二十四条 checks the unit) and never by the unit's
 * own. The workplace must also be a region the regions module knows (checked where the region's
 * scope is: `assertRegionInScope`, `regionChecker`).
 */
export async function workplaceError(
  db: Kysely<Database>,
  employer: Pick<Employer, 'region_code'>,
  regionCode: string,
): Promise<AppError | undefined> {
  const province = `${employer.region_code.slice(0, 2)}0000`;
  if (regionCode.slice(0, 2) === province.slice(0, 2)) return undefined;
  // Named as people read them, in both languages; a code stands for a region the table lacks.
  const names = await db
    .selectFrom('region')
    .select(['code', 'name_zh', 'name_en'])
    .where('code', 'in', [regionCode, province])
    .execute();
  const name = (code: string, language: 'name_zh' | 'name_en') =>
    names.find((r) => r.code === code)?.[language] ?? code;
  return new AppError('WORKPLACE_OUT_OF_PROVINCE', 400, 'regionCode', {
    'value.zh-CN': name(regionCode, 'name_zh'),
    'value.en-US': name(regionCode, 'name_en'),
    'province.zh-CN': name(province, 'name_zh'),
    'province.en-US': name(province, 'name_en'),
  });
}

/** An amount as people read it: `7,000元`, or in English `¥7,000.00`. */
export function yuan(fen: number, language: 'zh' | 'en' = 'zh'): string {
  return language === 'zh' ? formatYuan(fen) : formatYuanEn(fen);
}
