import { addDays, addMonths, checkCreditCode, type IsoDate } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, inBoth } from '../../http/errors.js';
import {
  regionNames,
  registrationsOf,
  type PersonForRegistration,
  type RegistrationRow,
} from './registration-repository.js';
import type { RegisterInput } from './registration-service.js';

const KIND = {
  employment: { zh: '就业登记', en: 'employment' },
  unemployment: { zh: '失业登记', en: 'unemployment' },
} as const;

/** A period as people read it: "2026-03-01 至 2026-05-31", "2026-03-01 至今". */
function period(from: string, to: string | null): Record<string, string> {
  return { 'zh-CN': `${from} 至 ${to ?? '今'}`, 'en-US': `${from} to ${to ?? 'now'}` };
}

/**
 * 劳动法 第十五条: no one is employed before 16, so no registration starts before then — nor, as
 * an imported row might say, before the person was born.
 */
export function refuseBeforeWorkingAge(birthDate: IsoDate, startsOn: IsoDate): void {
  const sixteen = addMonths(birthDate, 16 * 12);
  if (startsOn < sixteen) throw new AppError('BEFORE_WORKING_AGE', 400, 'startsOn', { date: sixteen });
}

/** Registered at the place of residence (常住地) or of 户籍: the region must be that place. */
export async function refuseRegionMismatch(
  db: Kysely<Database>,
  person: PersonForRegistration,
  input: RegisterInput,
): Promise<void> {
  const expected = input.basis === 'residence' ? person.region_code : person.hukou_region;
  if (expected === input.regionCode) return;
  const names = expected ? await regionNames(db, expected) : { zh: '（未登记）', en: '(not recorded)' };
  throw new AppError(input.basis === 'residence' ? 'NOT_RESIDENCE_REGION' : 'NOT_HUKOU_REGION', 400, 'regionCode', {
    'expected.zh-CN': names.zh,
    'expected.en-US': names.en,
  });
}

/**
 * One registration at a time: an open one in another region must be ended there first (named with
 * its region and date); one of the same kind, or one starting on or after the new one's first day,
 * overlaps (both periods named); so does a past one that ran past the new first day.
 */
export async function refuseOverlap(
  trx: Transaction<Database>,
  personId: string,
  open: RegistrationRow | undefined,
  input: RegisterInput,
): Promise<void> {
  if (open && open.region_code !== input.regionCode) {
    const region = await regionNames(trx, open.region_code);
    throw new AppError('REGISTERED_ELSEWHERE', 409, 'regionCode', {
      date: open.starts_on,
      'region.zh-CN': region.zh,
      'region.en-US': region.en,
      'kind.zh-CN': KIND[open.kind].zh,
      'kind.en-US': KIND[open.kind].en,
    });
  }
  // Of the other kind and begun the same day or later: it cannot end the day before the new one
  // begins, so the new one is said to begin after it, with the first day it may.
  if (open && open.kind !== input.kind && open.starts_on >= input.startsOn)
    throw new AppError('REGISTRATION_STARTS_TOO_EARLY', 409, 'startsOn', {
      date: open.starts_on,
      next: addDays(open.starts_on, 1),
      'kind.zh-CN': KIND[open.kind].zh,
      'kind.en-US': KIND[open.kind].en,
    });
  const clash =
    open && (open.kind === input.kind || open.starts_on >= input.startsOn)
      ? open
      : (await registrationsOf(trx, personId)).find((r) => r.ends_on !== null && r.ends_on >= input.startsOn);
  if (!clash) return;
  const mine = period(input.startsOn, null);
  const theirs = period(clash.starts_on, clash.ends_on);
  throw new AppError('REGISTRATION_OVERLAPS', 409, 'startsOn', {
    'new.zh-CN': mine['zh-CN'] ?? '',
    'new.en-US': mine['en-US'] ?? '',
    'existing.zh-CN': theirs['zh-CN'] ?? '',
    'existing.en-US': theirs['en-US'] ?? '',
    'kind.zh-CN': KIND[clash.kind].zh,
    'kind.en-US': KIND[clash.kind].en,
  });
}

/**
 * The employer's 统一社会信用代码 is checked like the registry checks a unit's: a wrong check
 * character is a slip of the keyboard, and the employment would be recorded at a unit that does
 * not exist. A code the registry holds as it is (an early pilot code, kept with a reason) stands.
 */
export async function refuseBadEmployerCode(db: Kysely<Database>, code: string | undefined): Promise<void> {
  if (!code || checkCreditCode(code) === 'valid') return;
  const held = await db.selectFrom('organisation').select('id').where('credit_code', '=', code).executeTakeFirst();
  if (held) return;
  throw new AppError(
    'INVALID_CREDIT_CODE',
    400,
    'employerCreditCode',
    inBoth('detail', '校验码错误', 'the check character is wrong'),
  );
}
