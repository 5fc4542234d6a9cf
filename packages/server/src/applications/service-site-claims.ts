import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';

const LIVE_EXCLUDED = ['withdrawn', 'not-accepted', 'rejected', 'revoked'] as const;

interface ServiceClaimKey {
  subsidyId: string;
  applicant: { personId: string | null; organisationId: string | null };
  periodKey: string;
  /** `serviceSite()` of the claim: '' when it names no station, base or event. */
  site: string;
}

/** The period as the messages say it (`2026年度` / `2026`), in each language. */
function periodValues(periodKey: string): Record<string, string> {
  const year = /^year:(\d{4})$/.exec(periodKey)?.[1];
  if (year) return { 'period.zh-CN': `${year}年度`, 'period.en-US': `for ${year}` };
  return periodKey === 'once' ? { 'period.zh-CN': '', 'period.en-US': '' } : { period: periodKey };
}

/**
 * A unit claims its service for a period either once as a whole (no `claim.service.site`) or once per
 * station, base or event — never both, which would pay a station's figures twice. The same station
 * twice is the unique index's to refuse (`application_one_per_period_and_site`); this refuses the
 * mix, under a lock on the unit's claims for the subsidy so two concurrent filings cannot both pass.
 * Called inside the filing's transaction, before the insert.
 */
export async function assertServiceClaimFits(trx: Transaction<Database>, key: ServiceClaimKey): Promise<void> {
  const applicantId = key.applicant.personId ?? key.applicant.organisationId ?? '';
  await sql`select pg_advisory_xact_lock(hashtextextended(${`service-claim:${key.subsidyId}:${applicantId}`}, 0))`.execute(
    trx,
  );
  const other = await trx
    .selectFrom('application')
    .select(['number', 'service_site'])
    .where('subsidy_id', '=', key.subsidyId)
    .where(key.applicant.personId ? 'person_id' : 'organisation_id', '=', applicantId)
    .where('period_key', '=', key.periodKey)
    .where('state', 'not in', [...LIVE_EXCLUDED])
    .where('service_site', key.site === '' ? '<>' : '=', '')
    .executeTakeFirst();
  if (!other) return;
  throw new AppError('SERVICE_SITE_CONFLICT', 409, 'claim.service.site', {
    value: other.number,
    ...periodValues(key.periodKey),
    'kind.zh-CN': key.site === '' ? '按服务站点（基地、活动）分别' : '未注明服务站点（基地、活动）',
    'kind.en-US': key.site === '' ? 'one per station, base or event' : 'naming no station, base or event',
  });
}

/** The same station, base or event already claimed for the period: refused naming the field. */
export function duplicateServiceClaim(site: string, number: string | undefined, periodKey: string): AppError {
  return new AppError('DUPLICATE_SERVICE_CLAIM', 409, 'claim.service.site', {
    value: number ?? '',
    site,
    ...periodValues(periodKey),
  });
}
