import { condition, outcome } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { cite } from '../core/documents.js';
import type { Condition } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { ApplicantFacts, OrganisationFacts, PersonFacts } from '../facts/facts.js';
import { hasStatus } from '../facts/queries.js';

export const CS181 = (article: string): Citation => cite('CS-2023-181', article);
export const RSB5 = (item: string): Citation => cite('RSB-2024-5', item);
export const SC2025 = (article: string): Citation => cite('SC-2025-FUND', article);
export const SC34 = (item: string): Citation => cite('SC-2024-34', item);
export const QY102 = (item: string): Citation => cite('QY-2023-102', item);
export const GZ2022 = (item: string): Citation => cite('GZ-2022-RURAL', item);
/** 政府工作报告 of a year: the section stating that year's main targets. */
export const GWR = (year: 2023 | 2024 | 2025): Citation => cite(`GWR-${year}`, '主要预期目标');

/** 不得对机关事业单位在编人员发放本办法中的补贴 (财社〔2023〕181号 第十六条; 四川 办法 第十三条). */
export function notCivilServiceStaff(citation: Citation): Condition<PersonFacts> {
  return condition(
    'NOT_CIVIL_SERVICE_STAFF',
    text(
      '申请人不得为机关事业单位在编人员',
      'The applicant must not be on the staff establishment of a government organ or public institution',
    ),
    citation,
    (ctx) => !hasStatus(ctx.applicant, 'civil-service-staff', ctx.date),
  );
}

/** A subsidy paid once: the applicant must not have received it before. */
export function notReceivedBefore<A extends ApplicantFacts>(
  subsidyIds: readonly string[],
  citation: Citation,
  what: string,
  whatEn: string,
): Condition<A> {
  return condition<A>(
    'NOT_RECEIVED_BEFORE',
    text(`${what}每人（单位）限享受一次`, `${whatEn} is granted once`),
    citation,
    (ctx) => {
      const earlier = (ctx.applicant.subsidies ?? []).find((s) => subsidyIds.includes(s.subsidy));
      return earlier ? outcome(false, `已于${earlier.grantedOn}享受`, `Already granted on ${earlier.grantedOn}`) : true;
    },
  );
}

/** The unit claiming must be of one of the listed kinds. */
export function organisationIs(
  categories: readonly OrganisationFacts['category'][],
  rule: { zh: string; en: string },
  citation: Citation,
): Condition<OrganisationFacts> {
  return condition('APPLICANT_UNIT_KIND', text(rule.zh, rule.en), citation, (ctx) =>
    categories.includes(ctx.applicant.category),
  );
}
