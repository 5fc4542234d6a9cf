import { addMonths, citationIn, cite, formatCitation, monthIndex, type IsoDate, type Text } from '@huimin/policy';

/**
 * Risk checks (风控预警) on an application, against other departments' data and the platform's own:
 * each has a code, a severity — `block` (cannot be approved or paid), `review` (a reviewer must
 * look and clear it with a reason), `note` — and an explanation citing its rule. Pure: the service
 * gathers what they read.
 */
export type Severity = 'block' | 'review' | 'note';

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Text;
  readonly cites: string;
  readonly snapshotId?: string;
}

export interface Subject {
  /** The keyed hash of the ID number (how reference data names a person). */
  readonly subject: string;
  readonly name: string;
  readonly role: 'applicant' | 'listed';
}

export interface Snapshot<T> {
  readonly id: string;
  readonly takenOn: IsoDate;
  readonly records: ReadonlyMap<string, readonly T[]>;
}

export interface CheckInput {
  readonly today: IsoDate;
  readonly people: readonly Subject[];
  readonly unitCode?: string;
  readonly claim: { readonly fromMonth?: string; readonly toMonth?: string };
  readonly deaths?: Snapshot<{ date: IsoDate }>;
  readonly roster?: Snapshot<{ unit?: string }>;
  readonly business?: Snapshot<{ status: string; deregisteredOn?: IsoDate }>;
  readonly insurance?: Snapshot<{ fromMonth: string; toMonth: string }>;
  /** Other live applications listing the same person for the same subsidy and period. */
  readonly duplicates: readonly { subject: string; number: string }[];
  /** How many registered people share the applicant's payee account, and the allowed most. */
  readonly sharedAccount?: { holders: number; max: number };
  /** How many registered people share the applicant's phone number, and the allowed most. */
  readonly sharedPhone?: { holders: number; max: number };
  /** How many registered people share the applicant's address, and the allowed most. */
  readonly sharedAddress?: { holders: number; max: number };
  /**
   * The person's claims still in process (in any region), and the rules this claim breaks once
   * they are counted as granted: caps and exclusive pairs the engine only sees after payment.
   */
  readonly pendingElsewhere?: { numbers: readonly string[]; broken: readonly { message: Text; cites: string }[] };
  /** A training certificate issued here: its class's attendance, the trainee's other classes, the class's results. */
  readonly training?: {
    classNumber: string;
    sessions: number;
    attended: number;
    overlapping: readonly string[];
    assessed: number;
    passed: number;
    minAttendancePermille: number;
    passRateClassSize: number;
  };
  /** The unit's earlier paid claims for lists of hires: when each was paid and when each hire left. */
  readonly earlierHires?: {
    claims: readonly { number: string; paidOn: IsoDate; leftOn: readonly (IsoDate | null)[] }[];
    months: number;
    min: number;
  };
}

type Check = (input: CheckInput) => Finding[];

// 181号 第二十三条: verify claimants are real and entitled, cross-checking other departments' data.
const VERIFY = formatCitation(cite('CS-2023-181', '第二十三条'));
const NO_CIVIL_SERVICE = formatCitation(cite('CS-2023-181', '第十六条'));

const text = (zh: string, en: string): Text => ({ zh, en });

const deceased: Check = ({ people, deaths }) =>
  deaths
    ? people.flatMap((p) => {
        const record = deaths.records.get(p.subject)?.[0];
        return record
          ? [
              {
                code: 'PERSON_DECEASED',
                severity: 'block' as const,
                message: text(
                  `${p.name}：死亡登记（${record.date}）`,
                  `${p.name}: recorded as deceased (${record.date})`,
                ),
                cites: VERIFY,
                snapshotId: deaths.id,
              },
            ]
          : [];
      })
    : [];

const civilService: Check = ({ people, roster }) =>
  roster
    ? people.flatMap((p) =>
        roster.records.has(p.subject)
          ? [
              {
                code: 'CIVIL_SERVICE_ROSTER',
                severity: 'block' as const,
                message: text(
                  `${p.name}：在机关事业单位在编人员名册中`,
                  `${p.name}: on the roster of established civil-service staff`,
                ),
                cites: NO_CIVIL_SERVICE,
                snapshotId: roster.id,
              },
            ]
          : [],
      )
    : [];

const deregistered: Check = ({ unitCode, business }) => {
  const record = unitCode ? business?.records.get(unitCode)?.[0] : undefined;
  if (!business || !record || record.status !== 'deregistered') return [];
  return [
    {
      code: 'UNIT_DEREGISTERED',
      severity: 'block',
      message: text(
        `单位已注销（${record.deregisteredOn ?? ''}）`,
        `The unit is deregistered (${record.deregisteredOn ?? ''})`,
      ),
      cites: VERIFY,
      snapshotId: business.id,
    },
  ];
};

const insuranceShort: Check = ({ people, claim, insurance }) => {
  if (!insurance || !claim.fromMonth) return [];
  const from = monthIndex(claim.fromMonth);
  const to = monthIndex(claim.toMonth ?? claim.fromMonth);
  return people.flatMap((p) => {
    const runs = insurance.records.get(p.subject) ?? [];
    let missing = 0;
    for (let m = from; m <= to; m++)
      if (!runs.some((r) => monthIndex(r.fromMonth) <= m && m <= monthIndex(r.toMonth))) missing++;
    return missing === 0
      ? []
      : [
          {
            code: 'INSURANCE_SHORT',
            severity: 'review' as const,
            message: text(
              `${p.name}：社保缴费数据中缺少申报期间的 ${missing} 个月`,
              `${p.name}: ${missing} claimed months are missing from the contribution records`,
            ),
            cites: VERIFY,
            snapshotId: insurance.id,
          },
        ];
  });
};

const duplicate: Check = ({ people, duplicates }) =>
  duplicates.map((d) => ({
    code: 'CLAIMED_TWICE',
    severity: 'block' as const,
    message: text(
      `${people.find((p) => p.subject === d.subject)?.name ?? ''}：同一补贴同一期间已在申请 ${d.number} 中申报`,
      `${people.find((p) => p.subject === d.subject)?.name ?? ''}: already claimed for the same subsidy and period in ${d.number}`,
    ),
    cites: VERIFY,
  }));

/** One payee account, phone or address registered to more people than the region allows. */
function sharedBy(
  key: 'sharedAccount' | 'sharedPhone' | 'sharedAddress',
  code: string,
  message: (holders: number, max: number) => Text,
): Check {
  return (input) => {
    const shared = input[key];
    return shared && shared.holders > shared.max
      ? [{ code, severity: 'review', message: message(shared.holders, shared.max), cites: VERIFY }]
      : [];
  };
}

const sharedAccount = sharedBy('sharedAccount', 'SHARED_ACCOUNT', (n, max) =>
  text(`收款账户由 ${n} 人共用（上限 ${max}）`, `The payee account is shared by ${n} people (at most ${max})`),
);
const sharedPhone = sharedBy('sharedPhone', 'SHARED_PHONE', (n, max) =>
  text(`联系电话由 ${n} 人共用（上限 ${max}）`, `The phone number is shared by ${n} people (at most ${max})`),
);
const sharedAddress = sharedBy('sharedAddress', 'SHARED_ADDRESS', (n, max) =>
  text(`居住地址登记有 ${n} 人（上限 ${max}）`, `${n} people are registered at the address (at most ${max})`),
);

const pendingElsewhere: Check = ({ pendingElsewhere }) =>
  pendingElsewhere && pendingElsewhere.broken.length > 0
    ? [
        {
          code: 'PENDING_CLAIMS_EXCEED',
          severity: 'review',
          message: text(
            `与尚在办理的申请 ${pendingElsewhere.numbers.join('、')} 合并计算后不符合：${pendingElsewhere.broken.map((b) => `${b.message.zh}（${b.cites}）`).join('；')}`,
            `Counted with claims still in process (${pendingElsewhere.numbers.join(', ')}), this claim breaks: ${pendingElsewhere.broken.map((b) => `${b.message.en} (${citationIn(b.cites, 'en-US')})`).join('; ')}`,
          ),
          cites: pendingElsewhere.broken[0]?.cites ?? VERIFY,
        },
      ]
    : [];

/**
 * A unit whose subsidised hires all left soon after it was paid (hired for the subsidy, not the
 * job): every hire of an earlier paid claim of at least `min` people left within `months` of payment.
 */
const hiresLeft: Check = ({ earlierHires }) => {
  if (!earlierHires) return [];
  const { months, min } = earlierHires;
  return earlierHires.claims
    .filter(
      (c) =>
        c.leftOn.length >= min &&
        c.leftOn.every((left) => left !== null && left >= c.paidOn && left <= addMonths(c.paidOn, months)),
    )
    .map((c) => ({
      code: 'HIRES_LEFT_AFTER_SUBSIDY',
      severity: 'review' as const,
      message: text(
        `单位前次获补贴的申请 ${c.number} 所列 ${c.leftOn.length} 人均在补贴发放（${c.paidOn}）后 ${months} 个月内离职`,
        `All ${c.leftOn.length} hires of the unit's earlier claim ${c.number} left within ${months} months of its payment (${c.paidOn})`,
      ),
      cites: VERIFY,
    }));
};

// 人社部发〔2024〕5号 (三)(十四): risk warnings in the real-name system; attendance records checked.
const TRAINING_RISK = formatCitation(cite('RSB-2024-5', '（三）'));
const TRAINING_AUDIT = formatCitation(cite('RSB-2024-5', '（十四）'));

/** A trainee on the rosters of two classes whose dates overlap cannot have attended both. */
const overlappingClasses: Check = ({ training }) =>
  training && training.overlapping.length > 0
    ? [
        {
          code: 'TRAINEE_IN_TWO_CLASSES',
          severity: 'block',
          message: text(
            `学员同期还在培训班 ${training.overlapping.join('、')} 的名册中`,
            `The trainee is also on the roster of ${training.overlapping.join(', ')} at the same time`,
          ),
          cites: TRAINING_RISK,
        },
      ]
    : [];

/** Attendance below the region's threshold (in ‰ of the class's sessions). */
const lowAttendance: Check = ({ training }) =>
  training && training.attended * 1000 < training.sessions * training.minAttendancePermille
    ? [
        {
          code: 'ATTENDANCE_BELOW_THRESHOLD',
          severity: 'block',
          message: text(
            `培训班 ${training.classNumber} 考勤 ${training.attended}/${training.sessions} 次，低于 ${training.minAttendancePermille / 10}%`,
            `Attended ${training.attended} of ${training.sessions} sessions of ${training.classNumber}, below ${training.minAttendancePermille / 10}%`,
          ),
          cites: TRAINING_AUDIT,
        },
      ]
    : [];

/** Everyone in a large class passed: possible, but the pattern of manufactured results; a reviewer looks. */
const manufacturedPassRate: Check = ({ training }) =>
  training && training.assessed >= training.passRateClassSize && training.passed === training.assessed
    ? [
        {
          code: 'PASS_RATE_SUSPICIOUS',
          severity: 'review',
          message: text(
            `培训班 ${training.classNumber} 的 ${training.assessed} 名学员全部考核合格`,
            `All ${training.assessed} trainees of ${training.classNumber} passed`,
          ),
          cites: TRAINING_AUDIT,
        },
      ]
    : [];

export const CHECKS: readonly Check[] = [
  deceased,
  civilService,
  deregistered,
  insuranceShort,
  duplicate,
  sharedAccount,
  sharedPhone,
  sharedAddress,
  pendingElsewhere,
  hiresLeft,
  overlappingClasses,
  lowAttendance,
  manufacturedPassRate,
];

export function runChecks(input: CheckInput): Finding[] {
  return CHECKS.flatMap((check) => check(input));
}
