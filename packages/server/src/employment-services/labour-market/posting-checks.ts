import { addMonths, formatYuan, type IsoDate } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
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
  if (first)
    errors.push(
      new AppError(
        'DISCRIMINATORY_CONTENT',
        400,
        first.field,
        {
          words: findings.map((f) => `“${f.words}”`).join('、'),
          'ground.zh-CN': first.rule.zh,
          'ground.en-US': first.rule.en,
          cite: first.rule.cite,
        },
        findings.map((f) => ({
          column: f.field,
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

/** An amount as people read it: `7,000元`, or in English `7,000 yuan`. */
export function yuan(fen: number, language: 'zh' | 'en' = 'zh'): string {
  const text = formatYuan(fen);
  return language === 'zh' ? text : text.replace('元', ' yuan');
}
