import { condition, outcome, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { formatYuan, formatYuanEn, shareOf, type Fen } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { EmploymentServiceKind, OrganisationDesignationKind, OrganisationFacts } from '../facts/facts.js';
import { EMPLOYMENT_SERVICE_NAMES } from '../facts/vocabulary.js';
import { CS181, SC2025, SC34 } from '../rules/common.js';

/**
 * 就业创业服务补助 — employment and start-up service subsidy (财社〔2023〕181号 第十二条): paid to
 * 基层公共就业服务机构 (家门口就业服务站, 零工驿站 included) for their free public employment
 * services and to 创业孵化基地 for incubation, "根据工作量、专业性和成效等"; and to public
 * employment services for recruitment events and start-up services, "根据服务人数、成效和成本等".
 * The amounts are the region's: a rate per person served (工作量), a rate per outcome (成效) and,
 * for recruitment, a share of the cost (成本). 专业性 is the bureau's judgement on the file, not a
 * figure. In 四川 it counts toward the 15% service ceiling (四川 办法 第十二条; funds module).
 */
export const EMPLOYMENT_SERVICE = 'employment-service';

/** Who provides each service: the designations the text names for it. */
const PROVIDERS: Readonly<Record<EmploymentServiceKind, readonly OrganisationDesignationKind[]>> = {
  'public-service': ['public-employment-service', 'home-employment-station', 'gig-worker-station'],
  incubation: ['incubation-base'],
  recruitment: ['public-employment-service'],
};

/**
 * The article that names each service and its amount, per scheme: in 四川 from 2024-07-13, 川办发
 * 〔2024〕34号 (五) restates incubation and (六) the public services of 零工市场; 181号 still names
 * recruitment events.
 */
type Articles = Readonly<Record<EmploymentServiceKind, Citation>>;

function providerOf(basis: Citation): Condition<OrganisationFacts> {
  return condition(
    'SERVICE_PROVIDER',
    text(
      '申请单位须为承担该项服务的基层公共就业服务机构（含政府设立的家门口就业服务站、零工驿站）、创业孵化基地或公共就业创业服务机构',
      'The applicant must be the public employment service, government-run station or incubation base that provides the service',
    ),
    basis,
    (ctx) => {
      const service = ctx.claim.service;
      if (!service) return outcome(false, '未申报服务项目', 'No service claimed');
      const held = (ctx.applicant.designations ?? []).find(
        (d) =>
          PROVIDERS[service.kind].includes(d.kind) && d.from <= ctx.date && (d.to === undefined || d.to >= ctx.date),
      );
      const name = EMPLOYMENT_SERVICE_NAMES[service.kind];
      return held
        ? true
        : outcome(false, `未认定为${name.zh}的承担机构`, `Not designated to provide ${name.en.toLowerCase()}`);
    },
  );
}

const figuresGiven = (citation: Citation) =>
  condition<OrganisationFacts>(
    'SERVICE_FIGURES',
    text('须申报服务年度的工作量（服务人数）及成效', 'The year’s workload (people served) and results must be given'),
    citation,
    (ctx) => {
      const service = ctx.claim.service;
      if (!service || service.served === 0) return outcome(false, '服务人数为0', 'No one served');
      if (service.outcomes > service.served)
        return outcome(
          false,
          `成效${service.outcomes}人多于服务人数${service.served}人`,
          `${service.outcomes} outcomes exceed ${service.served} served`,
        );
      return true;
    },
  );

/** 免费: free public services are paid for only when the provider charged nothing for them. */
const freeOfCharge = (citation: Citation) =>
  condition<OrganisationFacts>(
    'FREE_SERVICE',
    text('公共就业服务须免费提供', 'Public employment services must be free of charge'),
    citation,
    (ctx) => {
      const service = ctx.claim.service;
      if (service?.kind !== 'public-service' || !service.chargedFen) return true;
      return outcome(
        false,
        `向服务对象收费${formatYuan(service.chargedFen)}`,
        `Charged those served ${formatYuanEn(service.chargedFen)}`,
      );
    },
  );

const rateIds = (kind: EmploymentServiceKind) => ({
  perServed: `employment-service.${kind}.per-served`,
  perOutcome: `employment-service.${kind}.per-outcome`,
  costShare: `employment-service.${kind}.cost-share-permille`,
});

/** Rate × people served + rate × outcomes (+ a share of the cost): each part the region has set. */
function amount(articles: Articles) {
  return (ctx: EvaluationContext<OrganisationFacts>): AmountResult => {
    const service = ctx.claim.service;
    if (!service) return standardNotSet(rateIds('public-service').perServed, articles['public-service']);
    const ids = rateIds(service.kind);
    const perServed = ctx.param(ids.perServed);
    const perOutcome = ctx.param(ids.perOutcome);
    const costShare = ctx.param(ids.costShare);
    const citation = articles[service.kind];
    if (!perServed && !perOutcome && !costShare) return standardNotSet(ids.perServed, citation);
    const parts: { zh: string; en: string; fen: Fen }[] = [];
    if (perServed)
      parts.push({
        zh: `服务${service.served}人 × ${formatYuan(perServed.value)}`,
        en: `${service.served} served × ${formatYuanEn(perServed.value)}`,
        fen: perServed.value * service.served,
      });
    if (perOutcome)
      parts.push({
        zh: `成效${service.outcomes}人 × ${formatYuan(perOutcome.value)}`,
        en: `${service.outcomes} outcomes × ${formatYuanEn(perOutcome.value)}`,
        fen: perOutcome.value * service.outcomes,
      });
    if (costShare && service.costFen !== undefined) {
      parts.push({
        zh: `成本${formatYuan(service.costFen)} × ${costShare.value / 10}%`,
        en: `cost ${formatYuanEn(service.costFen)} × ${costShare.value / 10}%`,
        fen: shareOf(service.costFen, costShare.value, 1000),
      });
    }
    const amountFen = parts.reduce((sum, p) => sum + p.fen, 0);
    const name = EMPLOYMENT_SERVICE_NAMES[service.kind];
    // The station, base or event claimed for, so a unit's several claims read apart.
    const site = service.site ? { zh: `（${service.site}）`, en: ` (${service.site})` } : { zh: '', en: '' };
    return {
      amountFen,
      explanation: text(
        `${name.zh}${site.zh}：${parts.map((p) => p.zh).join(' + ') || '无可计补助的项目'} = ${formatYuan(amountFen)}`,
        `${name.en}${site.en}: ${parts.map((p) => p.en).join(' + ') || 'nothing to count'} = ${formatYuanEn(amountFen)}`,
      ),
      citation: perServed?.citation ?? perOutcome?.citation ?? costShare?.citation ?? citation,
    };
  };
}

const parameters = (['public-service', 'incubation', 'recruitment'] as const).flatMap((k) => Object.values(rateIds(k)));
const who = text(
  '承担免费公共就业服务的基层公共就业服务机构（含政府设立的家门口就业服务站、零工驿站等），开展创业孵化服务的创业孵化基地，开展招聘活动和创业服务的公共就业创业服务机构',
  'Public employment services and government-run stations giving free services, incubation bases, and public services holding recruitment events',
);
const standard = text(
  '根据工作量、专业性和成效（招聘活动：服务人数、成效和成本）给予一定补助，标准由当地确定',
  'By workload, professionalism and results (recruitment: people served, results and cost), at rates the region sets',
);
const materials = [
  text('服务台账（服务对象名单、服务内容、日期）', 'Service register (who was served, what, when)'),
  text(
    '成效证明（实现就业或孵化企业正常经营的名单）',
    'Evidence of results (people placed, incubated firms operating)',
  ),
  text('招聘活动成本票据（招聘活动）', 'Receipts for the cost of recruitment events'),
];

function schemeConditions(basis: Citation, articles: Articles): Condition<OrganisationFacts>[] {
  return [providerOf(basis), figuresGiven(basis), freeOfCharge(articles['public-service'])];
}

const national: Articles = {
  'public-service': CS181('第十二条'),
  incubation: CS181('第十二条'),
  recruitment: CS181('第十二条'),
};
// 川办发〔2024〕34号 restates incubation (五) and 零工市场 services (六); 181号 still names the rest.
const sichuan2024: Articles = {
  'public-service': SC34('（六）'),
  incubation: SC34('（五）'),
  recruitment: CS181('第十二条'),
};
const sichuan2025: Articles = {
  'public-service': SC2025('第七条（一）'),
  incubation: SC2025('第七条（一）'),
  recruitment: SC2025('第七条（一）'),
};

export const EmploymentServiceSubsidy = defineSubsidy({
  id: EMPLOYMENT_SERVICE,
  source: import.meta.url,
  name: text('就业创业服务补助', 'Employment and start-up service subsidy'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'yearly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'employment-service/national-2023',
      region: '000000',
      basis: CS181('第十二条'),
      from: '2023-12-20',
      who,
      standard,
      materials,
      parameters,
      conditions: schemeConditions(CS181('第十二条'), national),
      amount: amount(national),
    }),
    scheme({
      id: 'employment-service/sichuan-2024',
      region: '510000',
      basis: SC34('（五）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who,
      standard,
      materials,
      parameters,
      conditions: schemeConditions(SC34('（五）'), sichuan2024),
      amount: amount(sichuan2024),
    }),
    scheme({
      id: 'employment-service/sichuan-2025',
      region: '510000',
      basis: SC2025('第七条（一）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who,
      standard,
      materials,
      parameters,
      conditions: schemeConditions(SC2025('第七条（一）'), sichuan2025),
      amount: amount(sichuan2025),
    }),
  ],
});
