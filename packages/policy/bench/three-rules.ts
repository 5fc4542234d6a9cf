import { wholeMonthsBetween } from '../src/core/dates.js';
import { cite } from '../src/core/documents.js';
import { reason, type Reason } from '../src/core/subsidy.js';
import { text } from '../src/core/text.js';
import type { PersonFacts } from '../src/facts/facts.js';
import {
  hasAnyStatus,
  hasStatus,
  isInGraduationAcademicYear,
  isInSixGroups,
  leftSchoolWithinYears,
} from '../src/facts/queries.js';

/**
 * The same three 庆阳 rules the benchmark runs through the engine (一次性求职补贴 第22条, 一次性创业补贴
 * 第14条, 职业技能评价补贴 第19条), written two other ways: flat facts for json-rules-engine, and
 * hand-inlined functions producing the same decision — the practical speed limit.
 */
export const DATE = '2024-03-01';
export const REGION = '621002';
export const RULES = ['one-time-job-seeking', 'one-time-startup', 'skill-evaluation'] as const;

export interface Outcome {
  readonly subsidy: string;
  readonly eligible: boolean;
  readonly amountFen: number | null;
  readonly reasons: readonly Reason[];
}

/** Derived facts, as a json-rules-engine user would compute them before running the rules. */
export function flatFacts(p: PersonFacts, feeFen: number): Record<string, boolean | number> {
  const b = p.businesses?.[0];
  const c = p.certificates?.[0];
  const on = DATE;
  const registered = b?.registeredOn ?? on;
  return {
    inGraduationYear: isInGraduationAcademicYear(p, on),
    hardship: hasAnyStatus(
      p,
      [
        'dibao-household',
        'zero-employment-household',
        'poverty-monitoring',
        'tekun',
        'disabled',
        'national-student-loan',
      ],
      on,
    ),
    civilServant: hasStatus(p, 'civil-service-staff', on),
    receivedJobSeeking: (p.subsidies ?? []).some((s) => s.subsidy === 'one-time-job-seeking'),
    receivedStartup: (p.subsidies ?? []).some((s) => s.subsidy === 'one-time-startup'),
    firstBusiness: b !== undefined && (p.businesses?.length ?? 0) === 1,
    operatedMonths:
      b && b.operatingNormally && !(b.deregisteredOn && b.deregisteredOn <= on)
        ? wholeMonthsBetween(b.registeredOn, on)
        : -1,
    founderGroup:
      leftSchoolWithinYears(p, registered, 2) ||
      hasAnyStatus(p, ['hard-to-employ', 'veteran', 'returning-migrant-worker'], registered),
    certKindOk: c !== undefined && (c.kind === 'vocational-qualification' || c.kind === 'skill-level'),
    firstEvaluation: c?.firstEvaluation === true,
    sixGroups: isInSixGroups(p, c?.issuedOn ?? on),
    evaluationsReceived: (p.subsidies ?? []).filter((s) => s.subsidy === 'skill-evaluation').length,
    sameOccupation:
      c !== undefined &&
      (p.subsidies ?? []).some((s) => s.subsidy === 'skill-evaluation' && s.occupation === c.occupation),
    certClaimed:
      c !== undefined && (p.subsidies ?? []).some((s) => s.subsidy === 'skill-evaluation' && s.certificateId === c.id),
    feeFen,
  };
}

const QY = (item: string) => cite('QY-2023-102', item);
const CS = (article: string) => cite('CS-2023-181', article);
const pair = (code: string, zh: string, citation: ReturnType<typeof cite>) =>
  [reason(code, true, text(zh, code), citation), reason(code, false, text(zh, code), citation)] as const;

const R = {
  gradYear: pair('GRADUATION_ACADEMIC_YEAR', '须为毕业学年内的高校毕业生', QY('第22条')),
  hardship: pair('JOB_SEEKING_HARDSHIP', '困难家庭等', QY('第22条')),
  civil: pair('NOT_CIVIL_SERVICE_STAFF', '非在编人员', CS('第十六条')),
  onceJob: pair('NOT_RECEIVED_BEFORE', '限一次', QY('第22条')),
  firstBiz: pair('FIRST_BUSINESS', '首次创业', QY('第14条')),
  operated: pair('OPERATED_NORMALLY', '正常运营12个月', QY('第14条')),
  founder: pair('FOUNDER_GROUP', '创业者群体', QY('第14条')),
  onceStart: pair('NOT_RECEIVED_BEFORE', '限一次', QY('第14条')),
  kind: pair('CERTIFICATE_KIND', '证书类别', QY('第19条')),
  first: pair('FIRST_EVALUATION', '初次评价', CS('第六条')),
  six: pair('SIX_GROUPS', '六类人员', CS('第六条')),
  cap: pair('EVALUATION_LIFETIME_CAP', '最多3次', CS('第六条')),
  sameOcc: pair('SAME_OCCUPATION_ONCE', '同一职业一次', CS('第六条')),
  claimed: pair('CERTIFICATE_NOT_CLAIMED', '同一证书一次', CS('第六条')),
};
const amount = (zh: string, citation: ReturnType<typeof cite>) => reason('AMOUNT', true, text(zh, 'amount'), citation);

/** Hand-inlined: the three rules as straight-line code over the flat facts. */
export function handInlined(f: Record<string, boolean | number>): Outcome[] {
  const out: Outcome[] = [];
  {
    const reasons: Reason[] = [];
    let ok = true;
    const add = (met: boolean, r: readonly [Reason, Reason]) => {
      reasons.push(met ? r[0] : r[1]);
      if (!met) ok = false;
    };
    add(f.inGraduationYear === true, R.gradYear);
    add(f.hardship === true, R.hardship);
    add(f.civilServant !== true, R.civil);
    add(f.receivedJobSeeking !== true, R.onceJob);
    if (ok) reasons.push(amount('一次性求职补贴：1,000元', QY('第22条')));
    out.push({ subsidy: 'one-time-job-seeking', eligible: ok, amountFen: ok ? 100_000 : 0, reasons });
  }
  {
    const reasons: Reason[] = [];
    let ok = true;
    const add = (met: boolean, r: readonly [Reason, Reason]) => {
      reasons.push(met ? r[0] : r[1]);
      if (!met) ok = false;
    };
    add(f.firstBusiness === true, R.firstBiz);
    add((f.operatedMonths as number) >= 12, R.operated);
    add(f.founderGroup === true, R.founder);
    add(f.civilServant !== true, R.civil);
    add(f.receivedStartup !== true, R.onceStart);
    if (ok) reasons.push(amount('一次性创业补贴：5,000元', QY('第14条')));
    out.push({ subsidy: 'one-time-startup', eligible: ok, amountFen: ok ? 500_000 : 0, reasons });
  }
  {
    const reasons: Reason[] = [];
    let ok = true;
    const add = (met: boolean, r: readonly [Reason, Reason]) => {
      reasons.push(met ? r[0] : r[1]);
      if (!met) ok = false;
    };
    add(f.certKindOk === true, R.kind);
    add(f.firstEvaluation === true, R.first);
    add(f.sixGroups === true, R.six);
    add(f.civilServant !== true, R.civil);
    add((f.evaluationsReceived as number) < 3, R.cap);
    add(f.sameOccupation !== true, R.sameOcc);
    add(f.certClaimed !== true, R.claimed);
    const fee = Math.min(f.feeFen as number, 30_000);
    if (ok) reasons.push(amount(`评价费用，最高300元：${fee / 100}元`, QY('第19条')));
    out.push({ subsidy: 'skill-evaluation', eligible: ok, amountFen: ok ? fee : 0, reasons });
  }
  return out;
}

/** The same rules for json-rules-engine: conditions over the flat facts, the amount in the event. */
export const JSON_RULES = [
  {
    name: 'one-time-job-seeking',
    conditions: {
      all: [
        { fact: 'inGraduationYear', operator: 'equal', value: true },
        { fact: 'hardship', operator: 'equal', value: true },
        { fact: 'civilServant', operator: 'equal', value: false },
        { fact: 'receivedJobSeeking', operator: 'equal', value: false },
      ],
    },
    event: { type: 'eligible', params: { amountFen: 100_000 } },
  },
  {
    name: 'one-time-startup',
    conditions: {
      all: [
        { fact: 'firstBusiness', operator: 'equal', value: true },
        { fact: 'operatedMonths', operator: 'greaterThanInclusive', value: 12 },
        { fact: 'founderGroup', operator: 'equal', value: true },
        { fact: 'civilServant', operator: 'equal', value: false },
        { fact: 'receivedStartup', operator: 'equal', value: false },
      ],
    },
    event: { type: 'eligible', params: { amountFen: 500_000 } },
  },
  {
    name: 'skill-evaluation',
    conditions: {
      all: [
        { fact: 'certKindOk', operator: 'equal', value: true },
        { fact: 'firstEvaluation', operator: 'equal', value: true },
        { fact: 'sixGroups', operator: 'equal', value: true },
        { fact: 'civilServant', operator: 'equal', value: false },
        { fact: 'evaluationsReceived', operator: 'lessThan', value: 3 },
        { fact: 'sameOccupation', operator: 'equal', value: false },
        { fact: 'certClaimed', operator: 'equal', value: false },
      ],
    },
    event: { type: 'eligible', params: { capFen: 30_000 } },
  },
] as const;
