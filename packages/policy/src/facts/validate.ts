import { isIsoDate, isIsoMonth } from '../core/dates.js';
import { isFen } from '../core/money.js';
import { isRegionCode } from '../core/regions.js';
import { text, type Text } from '../core/text.js';
import { checkCreditCode } from '../identity/credit-code.js';
import { parseResidentId } from '../identity/resident-id.js';

/**
 * Semantic checks on facts, past what a JSON schema can say: an ID number's check digit, a date that
 * exists, money that is a whole non-negative number of fen, a known region code. Every problem
 * names its field by path (`applicant.certificates[0].issuedOn`) so the caller can point at it.
 */
export interface FieldError {
  readonly field: string;
  readonly code:
    | 'INVALID_ID_NUMBER'
    | 'INVALID_CREDIT_CODE'
    | 'INVALID_DATE'
    | 'INVALID_MONTH'
    | 'INVALID_AMOUNT'
    | 'INVALID_REGION'
    | 'INVALID_COUNT'
    | 'PERIOD_REVERSED';
  readonly message: Text;
}

const DATE_FIELDS = new Set([
  'birthDate',
  'date',
  'from',
  'to',
  'issuedOn',
  'registeredOn',
  'deregisteredOn',
  'grantedOn',
  'contractStart',
  'hiredEarlyOn',
]);
const MONTH_FIELDS = new Set(['month', 'fromMonth', 'toMonth']);
const REGION_FIELDS = new Set(['region', 'hukouRegion']);
const COUNT_FIELDS = new Set([
  'contractMonths',
  'insuredMonths',
  'months',
  'trainingDays',
  'retentionPermille',
  'workedMonths',
  'stableMonths',
  'termMonths',
  'annualRateBp',
  'layoffs',
  'insuredStaffAtYearStart',
  'fullyPaidMonths',
  'partners',
  'placement',
  'served',
  'outcomes',
  'trainees',
  'certified',
  'reformUnemployed',
]);

function walk(value: unknown, path: string, key: string, errors: FieldError[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, key, errors));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, k, errors);
    periodInOrder(value as Record<string, unknown>, path, errors);
    return;
  }
  if (key === 'idNumber' || key === 'personId') {
    const parsed = parseResidentId(String(value));
    if (!parsed.ok) {
      const why = {
        format: ['格式不正确（应为18位）', 'is not 18 characters of digits (last may be X)'],
        'birth-date': ['出生日期不存在', 'has a birth date that does not exist'],
        'check-digit': ['校验码错误', 'has a wrong check digit'],
      }[parsed.error];
      errors.push({
        field: path,
        code: 'INVALID_ID_NUMBER',
        message: text(`身份证号码${why[0]}`, `The ID number ${why[1]}`),
      });
    }
  } else if (key === 'creditCode' || key === 'employer' || key === 'businessCreditCode') {
    if (checkCreditCode(String(value)) === 'format') {
      errors.push({
        field: path,
        code: 'INVALID_CREDIT_CODE',
        message: text('统一社会信用代码格式不正确', 'The unified social credit code is malformed'),
      });
    }
  } else if (DATE_FIELDS.has(key)) {
    if (!isIsoDate(value))
      errors.push({
        field: path,
        code: 'INVALID_DATE',
        message: text(
          `日期“${String(value)}”不存在或格式不正确（应为YYYY-MM-DD）`,
          `“${String(value)}” is not a real date (YYYY-MM-DD)`,
        ),
      });
  } else if (MONTH_FIELDS.has(key)) {
    if (!isIsoMonth(value))
      errors.push({
        field: path,
        code: 'INVALID_MONTH',
        message: text(`月份“${String(value)}”格式不正确（应为YYYY-MM）`, `“${String(value)}” is not a month (YYYY-MM)`),
      });
  } else if (key.endsWith('Fen')) {
    if (!isFen(value) || value < 0)
      errors.push({
        field: path,
        code: 'INVALID_AMOUNT',
        message: text('金额须为非负整数（单位：分）', 'Amounts must be whole, non-negative numbers of fen'),
      });
  } else if (REGION_FIELDS.has(key)) {
    if (!isRegionCode(value))
      errors.push({
        field: path,
        code: 'INVALID_REGION',
        message: text('行政区划代码须为6位数字（GB/T 2260）', 'Region codes are 6 digits (GB/T 2260)'),
      });
  } else if (COUNT_FIELDS.has(key)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      errors.push({
        field: path,
        code: 'INVALID_COUNT',
        message: text('须为非负整数', 'Must be a whole, non-negative number'),
      });
  }
}

/**
 * A period whose end comes before its start (a claim for 2026-09 to 2026-03, a job ended before it
 * began) is refused at its end, whatever the rules would make of it: read as given, a rule would
 * count no months, or the wrong ones. Ends that are not real dates or months are already named.
 */
function periodInOrder(value: Record<string, unknown>, path: string, errors: FieldError[]): void {
  for (const [start, end, isValid] of [
    ['from', 'to', isIsoDate],
    ['fromMonth', 'toMonth', isIsoMonth],
  ] as const) {
    const [a, b] = [value[start], value[end]];
    if (isValid(a) && isValid(b) && (b as string) < (a as string))
      errors.push({
        field: path ? `${path}.${end}` : end,
        code: 'PERIOD_REVERSED',
        message: text(
          `结束（${b as string}）早于开始（${a as string}）`,
          `The end (${b as string}) is before the start (${a as string})`,
        ),
      });
  }
}

/** Checks an evaluation request (or any part of it); an empty list means it may be evaluated. */
export function validateFacts(value: unknown, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  walk(value, path, '', errors);
  return errors;
}
