import type { IsoDate, SubsidyDefinition } from '@huimin/policy';

/**
 * The period an application claims for, so that one applicant has one live application per
 * subsidy and period (two tabs or a retry find the first):
 * - once-only subsidies: one live application at a time;
 * - yearly: the year claimed, or the year of filing;
 * - monthly: the months claimed;
 * - per claim: the certificate claimed for, a loan's period (贴息 per quarter), a loan award's year, or else the month of
 *   filing (a unit's list of hires).
 */
export function periodKey(
  subsidy: SubsidyDefinition,
  claim: {
    year?: number;
    fromMonth?: string;
    toMonth?: string;
    certificateId?: string;
    loan?: { period?: { key: string } };
    loanAward?: { year: number };
  },
  filedOn: IsoDate,
): string {
  switch (subsidy.periodicity) {
    case 'once':
      return 'once';
    case 'yearly':
      return `year:${claim.year ?? filedOn.slice(0, 4)}`;
    case 'monthly':
      return claim.fromMonth
        ? `months:${claim.fromMonth}..${claim.toMonth ?? claim.fromMonth}`
        : `month:${filedOn.slice(0, 7)}`;
    case 'per-claim':
      if (claim.loan?.period) return `loan-period:${claim.loan.period.key}`;
      if (claim.loanAward) return `loan-award:${claim.loanAward.year}`;
      return claim.certificateId ? `certificate:${claim.certificateId}` : `month:${filedOn.slice(0, 7)}`;
  }
}

/**
 * What a claim is for within its period, beside the period itself: a 就业创业服务补助 claim names the
 * station, base or event (`claim.service.site`; the texts pay per 零工驿站, 家门口就业服务站, 孵化基地 and
 * 招聘活动), kept with the service's kind. Normalised (full-width forms, spaces, case), so
 * `春熙路 零工驿站` and `春熙路零工驿站` are one station. '' when the claim names none.
 */
export function serviceSite(claim: { service?: { kind: string; site?: string } }): string {
  // Invisible format characters (zero-width space, soft hyphen, word joiner) do not make a new site.
  const site = claim.service?.site
    ?.normalize('NFKC')
    .replace(/[\s\p{Cf}]+/gu, '')
    .toLowerCase();
  return claim.service && site ? `${claim.service.kind}:${site}` : '';
}
