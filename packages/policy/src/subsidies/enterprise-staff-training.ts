import { standardNotSet } from '../core/build.js';
import { addDays, addMonths } from '../core/dates.js';
import type { Citation } from '../core/documents.js';
import { monthsOf, type Duration } from '../core/durations.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { Certificate, Hire, OrganisationFacts, PersonFacts } from '../facts/facts.js';
import { isInSixGroups } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { CS181, organisationIs, SC2025 } from '../rules/common.js';
import { assessItems, itemRule, qualifyingPeople, type ItemRule } from '../rules/items.js';
import { VOCATIONAL_TRAINING } from './vocational-training.js';

/**
 * 企业职工职业培训补贴 — the training subsidy for an enterprise's own staff, claimed by the
 * enterprise (财社〔2023〕181号 第五条（二）; 四川 办法 第六条（一） 在岗初始培训、在岗提升培训):
 * - 新录用的六类人员: a contract of 1 year or more, trained in post skills within a year of signing,
 *   by the enterprise's own or a recognised training institution, and certified;
 * - 在职职工 in 企业新型学徒制 or 技师培训 under national and provincial rules, certified.
 * The text pays "职工个人或企业": a certificate paid to the person under 职业培训补贴 is not paid
 * again to the enterprise, nor the reverse. The standards are the region's, per route.
 */
export const ENTERPRISE_STAFF_TRAINING = 'enterprise-staff-training';

/** Subsidies a training certificate is paid once across. */
const CERTIFICATE_FAMILY = [VOCATIONAL_TRAINING, ENTERPRISE_STAFF_TRAINING];

type Route = 'new-hire' | 'apprenticeship' | 'technician';

const STANDARDS: Readonly<Record<Route, string>> = {
  'new-hire': 'enterprise-training.new-hire.per-person',
  apprenticeship: 'enterprise-training.apprenticeship.per-person',
  technician: 'enterprise-training.technician.per-person',
};

const ROUTE_NAMES: Readonly<Record<Route, { zh: string; en: string }>> = {
  'new-hire': { zh: '新录用职工岗位技能培训', en: 'post-skills training of new hires' },
  apprenticeship: { zh: '企业新型学徒制培训', en: 'new-style enterprise apprenticeship' },
  technician: { zh: '技师培训', en: 'technician training' },
};

/** The enterprise's labour contract with the person, covering `on`. */
function contractWith(person: PersonFacts, employer: string, on: string) {
  return (person.employments ?? []).find(
    (e) =>
      e.kind === 'labour-contract' && e.employer === employer && e.from <= on && (e.to === undefined || e.to >= on),
  );
}

interface Trained {
  readonly certificate: Certificate;
  readonly route: Route;
}

/**
 * The certificate a listed staff member is claimed for and the route it came by: the newest
 * certificate from training while on this enterprise's contract, not yet paid for.
 */
function trainedBy(
  hire: Hire,
  ctx: EvaluationContext<OrganisationFacts>,
  contract: Duration,
  within: Duration,
): Trained | undefined {
  const employer = ctx.applicant.creditCode;
  const candidates = (hire.person.certificates ?? [])
    .filter((c) => c.training && c.issuedOn <= ctx.date && c.issuedOn >= c.training.to)
    .sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : -1));
  for (const c of candidates) {
    const training = c.training;
    if (!training) continue;
    const job = contractWith(hire.person, employer, training.from);
    if (!job) continue;
    if (training.kind === 'apprenticeship' || training.kind === 'technician')
      return { certificate: c, route: training.kind };
    if (training.kind !== 'employment-skills') continue;
    const longEnough = job.contractMonths === undefined || job.contractMonths >= monthsOf(contract);
    const soonEnough = training.from <= addMonths(job.from, monthsOf(within));
    if (longEnough && soonEnough && isInSixGroups(hire.person, addDays(job.from, -1)))
      return { certificate: c, route: 'new-hire' };
  }
  return undefined;
}

interface StaffRules {
  readonly rules: readonly ItemRule<Hire>[];
  readonly trained: (h: Hire, ctx: EvaluationContext<OrganisationFacts>) => Trained | undefined;
}

/** The per-person rules, with the figures `article` states for new hires. */
function staffRules(article: Citation): StaffRules {
  const contract = duration('vocational-training.new-hire-contract-months', article);
  const within = duration('vocational-training.new-hire-trained-within-months', article);
  const trained = (h: Hire, ctx: EvaluationContext<OrganisationFacts>) =>
    ctx.memo(h, () => trainedBy(h, ctx, contract, within));
  const rules: readonly ItemRule<Hire>[] = [
    itemRule<Hire>(
      'TRAINED_AND_CERTIFIED',
      '须为本企业新录用的六类人员（签订1年以上劳动合同、签订之日起1年内参加岗位技能培训），或参加企业新型学徒制、技师培训的在职职工，培训后取得证书',
      'Must be a new hire from the six groups (a contract of a year or more, trained within a year of signing) or staff in an apprenticeship or technician training, certified after training',
      (h, ctx) => trained(h, ctx) !== undefined,
      [contract, within],
    ),
    itemRule<Hire>(
      'CERTIFICATE_NOT_CLAIMED',
      '同一证书不得重复申领培训补贴（个人或企业只能享受一次）',
      'A certificate is paid once, to the person or to the enterprise',
      (h, ctx) => {
        const c = trained(h, ctx)?.certificate;
        if (!c) return true;
        if ((h.person.subsidies ?? []).some((s) => CERTIFICATE_FAMILY.includes(s.subsidy) && s.certificateId === c.id))
          return false;
        // The enterprise's own grants name the person, not the certificate: one paid for this
        // person on or after the certificate's date already covered it.
        return !(ctx.applicant.subsidies ?? []).some(
          (s) =>
            s.subsidy === ENTERPRISE_STAFF_TRAINING && s.personId === h.person.idNumber && s.grantedOn >= c.issuedOn,
        );
      },
    ),
  ];
  return { rules, trained };
}

function amount(basis: Citation, { rules, trained }: StaffRules) {
  return (ctx: EvaluationContext<OrganisationFacts>): AmountResult => {
    const { qualifying } = assessItems(ctx, ctx.claim.hires, rules);
    const byRoute = new Map<Route, number>();
    for (const h of qualifying) {
      const route = trained(h, ctx)?.route;
      if (route) byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    }
    let amountFen = 0;
    const zh: string[] = [];
    const en: string[] = [];
    let citation: Citation | undefined;
    for (const [route, count] of byRoute) {
      const p = ctx.param(STANDARDS[route]);
      if (!p) return standardNotSet(STANDARDS[route], basis);
      amountFen += p.value * count;
      citation ??= p.citation;
      zh.push(`${ROUTE_NAMES[route].zh}${count}人 × ${formatYuan(p.value)}`);
      en.push(`${count} in ${ROUTE_NAMES[route].en} × ${formatYuanEn(p.value)}`);
    }
    return {
      amountFen,
      explanation: text(
        `${zh.join(' + ')} = ${formatYuan(amountFen)}`,
        `${en.join(' + ')} = ${formatYuanEn(amountFen)}`,
      ),
      citation: citation ?? basis,
    };
  };
}

const who = text(
  '新录用六类人员并组织其岗位技能培训的企业，组织在职职工参加企业新型学徒制培训、技师培训的企业',
  'Enterprises training new hires from the six groups, or their staff in apprenticeships or technician training',
);
const standard = text(
  '培训后取得证书的，按当地标准给予企业培训补贴；个人已享受的不再给予企业',
  'A regional standard per certified trainee; not where the person was paid',
);
const materials = [
  text('职工名册及劳动合同', 'Staff roster and labour contracts'),
  text('培训计划、培训机构及考勤记录', 'Training plan, institution and attendance'),
  text('职工培训后取得的证书', 'The certificates obtained'),
];
const parameters = Object.values(STANDARDS);
const enterprises = (citation: Citation) =>
  organisationIs(
    ['enterprise', 'individual-business'],
    { zh: '申请单位须为企业', en: 'The applicant must be an enterprise' },
    citation,
  );

const nationalRules = staffRules(CS181('第五条（二）'));
const sichuanRules = staffRules(SC2025('第六条（一）'));

export const EnterpriseStaffTrainingSubsidy = defineSubsidy({
  id: ENTERPRISE_STAFF_TRAINING,
  source: import.meta.url,
  name: text('企业职工职业培训补贴', 'Vocational training subsidy for enterprise staff'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'enterprise-staff-training/national-2023',
      region: '000000',
      basis: CS181('第五条（二）'),
      from: '2023-12-20',
      who,
      standard,
      materials,
      parameters,
      conditions: [
        enterprises(CS181('第五条（二）')),
        qualifyingPeople(
          'QUALIFYING_TRAINEES',
          text('须有符合条件的参训职工', 'At least one eligible trainee'),
          CS181('第五条（二）'),
          (ctx) => ctx.claim.hires,
          nationalRules.rules,
        ),
      ],
      amount: amount(CS181('第五条（二）'), nationalRules),
    }),
    scheme({
      id: 'enterprise-staff-training/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（一）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who,
      standard,
      materials,
      parameters,
      conditions: [
        enterprises(SC2025('第六条（一）')),
        qualifyingPeople(
          'QUALIFYING_TRAINEES',
          text('须有符合条件的参训职工', 'At least one eligible trainee'),
          SC2025('第六条（一）'),
          (ctx) => ctx.claim.hires,
          sichuanRules.rules,
        ),
      ],
      amount: amount(SC2025('第六条（一）'), sichuanRules),
    }),
  ],
});
