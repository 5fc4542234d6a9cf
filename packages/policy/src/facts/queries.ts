import { within, type IsoDate } from '../core/dates.js';
import { parseResidentId } from '../identity/resident-id.js';
import type { RetirementCategory } from '../retirement/statutory-retirement.js';
import type { Certificate, PersonFacts, PersonStatusKind } from './facts.js';

/** Reading facts "as on" a day. Small, pure helpers the subsidy rules share. */

export function hasStatus(person: PersonFacts, kind: PersonStatusKind, on: IsoDate): boolean {
  const statuses = person.statuses;
  if (!statuses) return false;
  for (const s of statuses) if (s.kind === kind && within(on, s.from, s.to)) return true;
  return false;
}

export function hasAnyStatus(person: PersonFacts, kinds: readonly PersonStatusKind[], on: IsoDate): boolean {
  for (const kind of kinds) if (hasStatus(person, kind, on)) return true;
  return false;
}

/** The earliest date a status began, if the person ever held it. */
export function statusSince(person: PersonFacts, kind: PersonStatusKind, on: IsoDate): IsoDate | undefined {
  for (const s of person.statuses ?? []) if (s.kind === kind && within(on, s.from, s.to)) return s.from;
  return undefined;
}

export function birthDateOf(person: PersonFacts): IsoDate | undefined {
  if (person.birthDate) return person.birthDate;
  const parsed = parseResidentId(person.idNumber);
  return parsed.ok ? parsed.value.birthDate : undefined;
}

export function sexOf(person: PersonFacts): 'male' | 'female' | undefined {
  if (person.sex) return person.sex;
  const parsed = parseResidentId(person.idNumber);
  return parsed.ok ? parsed.value.sex : undefined;
}

/** Men are `male`; a woman's category must be recorded (it is not in her ID number). */
export function retirementCategoryOf(person: PersonFacts): RetirementCategory | undefined {
  if (person.retirementCategory) return person.retirementCategory;
  return sexOf(person) === 'male' ? 'male' : undefined;
}

/** 毕业年度高校毕业生: graduates in the calendar year of `on`. */
export function isGraduatingYear(person: PersonFacts, on: IsoDate): boolean {
  return person.graduation !== undefined && person.graduation.date.slice(0, 4) === on.slice(0, 4);
}

/** 毕业学年: the academic year that ends with graduation, 1 September to 31 August. */
export function isInGraduationAcademicYear(person: PersonFacts, on: IsoDate): boolean {
  if (!person.graduation) return false;
  const date = person.graduation.date;
  const year = Number(date.slice(0, 4));
  const endYear = date.slice(5, 7) >= '09' ? year + 1 : year;
  return on >= `${endYear - 1}-09-01` && on <= `${endYear}-08-31`;
}

/** 离校N年内: on or after leaving school and no later than N years after it. */
export function leftSchoolWithinYears(person: PersonFacts, on: IsoDate, years: number): boolean {
  if (!person.graduation) return false;
  const left = person.graduation.date;
  // Whole years later as a string: a 02-29 bound on a common year compares exactly like 02-28.
  return on >= left && on <= `${Number(left.slice(0, 4)) + years}${left.slice(4)}`;
}

/** Employed (labour contract or public-welfare post) on the day. */
export function isEmployedOn(person: PersonFacts, on: IsoDate): boolean {
  for (const e of person.employments ?? []) {
    if (e.kind !== 'flexible' && within(on, e.from, e.to)) return true;
  }
  return false;
}

/** 未就业 since leaving school: no employment from graduation up to (not including) `before`. */
export function unemployedSinceGraduation(person: PersonFacts, before: IsoDate): boolean {
  const graduated = person.graduation?.date;
  if (!graduated) return false;
  for (const e of person.employments ?? []) {
    if (e.kind === 'flexible') continue;
    if (e.from < before && (e.to === undefined || e.to >= graduated)) return false;
  }
  return true;
}

/**
 * 六类人员 (财社〔2023〕181号 第五条): 防止返贫监测对象, 毕业年度高校毕业生, 城乡未继续升学的应届初高中毕业生,
 * 农村转移就业劳动者, 城镇登记失业人员, 就业困难人员.
 */
export function isInSixGroups(person: PersonFacts, on: IsoDate): boolean {
  return (
    isGraduatingYear(person, on) ||
    hasAnyStatus(
      person,
      ['poverty-monitoring', 'school-leaver', 'rural-transfer-worker', 'registered-unemployed', 'hard-to-employ'],
      on,
    )
  );
}

export function certificateById(person: PersonFacts, id: string | undefined): Certificate | undefined {
  if (id === undefined) return undefined;
  for (const c of person.certificates ?? []) if (c.id === id) return c;
  return undefined;
}
