import type { IsoDate, SubsidyDefinition } from '@huimin/policy';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';
import { regionPrefix } from '../regions/region-scope.js';
import type { ClaimInput, CreateApplication } from './applications.schemas.js';

/** Whose claim an application is, with the person's keyed ID hash the datasets are asked by. */
export interface Applicant {
  readonly personId: string | null;
  readonly organisationId: string | null;
  readonly regionCode: string;
  /** The person's `id_number_hmac`; null for a unit. */
  readonly idNumberHmac: string | null;
}

/**
 * Whose claim a new application is: the person or unit a clerk names within the clerk's regions,
 * or the applicant's own bound record.
 */
export async function applicantFor(
  db: Kysely<Database>,
  actor: Actor,
  subsidy: SubsidyDefinition,
  input: CreateApplication,
  prepared: boolean,
): Promise<Applicant> {
  const wantsPerson = subsidy.applicant === 'person';
  if (prepared || actor.permissions.has('application:create')) {
    const given = wantsPerson ? input.personId : input.organisationId;
    if (!given) throw new AppError('REQUIRED_FIELD', 400, wantsPerson ? 'personId' : 'organisationId');
    const found = await applicantRow(db, wantsPerson, given, regionPrefix(actor.regionCode));
    if (!found)
      throw new AppError(
        wantsPerson ? 'PERSON_NOT_FOUND' : 'ORGANISATION_NOT_FOUND',
        404,
        wantsPerson ? 'personId' : 'organisationId',
      );
    return found;
  }
  const own = wantsPerson ? actor.personId : actor.organisationId;
  if (!own) throw new AppError('SUBSIDY_NOT_FOR_APPLICANT', 422, 'subsidy', { value: subsidy.id });
  const found = await applicantRow(db, wantsPerson, own);
  if (!found) throw new Error(`the account's own ${wantsPerson ? 'person' : 'organisation'} ${own} is missing`);
  return found;
}

/** The person or unit by id, within a region when given; a person with the hash read in the same query. */
async function applicantRow(
  db: Kysely<Database>,
  person: boolean,
  id: string,
  within?: string,
): Promise<Applicant | undefined> {
  if (person) {
    let query = db.selectFrom('person').select(['id', 'region_code', 'id_number_hmac']).where('id', '=', id);
    if (within !== undefined) query = query.where('region_code', 'like', `${within}%`);
    const row = await query.executeTakeFirst();
    return (
      row && { personId: row.id, organisationId: null, regionCode: row.region_code, idNumberHmac: row.id_number_hmac }
    );
  }
  let query = db.selectFrom('organisation').select(['id', 'region_code']).where('id', '=', id);
  if (within !== undefined) query = query.where('region_code', 'like', `${within}%`);
  const row = await query.executeTakeFirst();
  return row && { personId: null, organisationId: row.id, regionCode: row.region_code, idNumberHmac: null };
}

/**
 * The next application number, `<region>-<year>-<sequence, seven digits or more>`, as an expression
 * the insert evaluates: the number costs no round trip of its own inside the filing's transaction.
 */
export function nextApplicationNumber(regionCode: string, today: IsoDate): RawBuilder<string> {
  return sql<string>`(select ${`${regionCode}-${today.slice(0, 4)}-`} || lpad(n, greatest(7, length(n)), '0')
    from (select nextval('application_number_seq')::text as n) as next)`;
}

/**
 * The live application that already claims this subsidy for this period (and, for a service claim,
 * this station, base or event: `serviceSite()`), if any.
 */
export async function liveClaim(
  db: Kysely<Database>,
  subsidyId: string,
  applicant: { personId: string | null; organisationId: string | null },
  periodKey: string,
  site = '',
): Promise<{ id: string; number: string; state: string } | undefined> {
  return db
    .selectFrom('application')
    .select(['id', 'number', 'state'])
    .where('subsidy_id', '=', subsidyId)
    .where(
      applicant.personId ? 'person_id' : 'organisation_id',
      '=',
      applicant.personId ?? applicant.organisationId ?? '',
    )
    .where('period_key', '=', periodKey)
    .where('service_site', '=', site)
    .where('state', 'not in', ['withdrawn', 'not-accepted', 'rejected', 'revoked'])
    .executeTakeFirst();
}

/**
 * A person claims for themself: lists of hires, interns or workers belong to a unit's claim. Refused
 * before any of their ID numbers is looked up, so a person's form cannot probe the registry.
 */
export function assertListsFit(subsidy: SubsidyDefinition, claim: ClaimInput): void {
  // A unit's list names each person once: listed twice, they would be paid twice.
  for (const list of ['hires', 'interns', 'workers'] as const) {
    const seen = new Map<string, number>();
    for (const [i, entry] of (claim[list] ?? []).entries()) {
      const id = entry.idNumber.toUpperCase();
      const first = seen.get(id);
      if (first !== undefined)
        throw new AppError('DUPLICATE_ENTRY', 400, `claim.${list}[${i}].idNumber`, { entry: String(first + 1) });
      seen.set(id, i);
    }
  }
  if (subsidy.applicant !== 'person') return;
  for (const list of ['hires', 'interns', 'workers'] as const) {
    if (claim[list] !== undefined) {
      throw new AppError(
        'VALIDATION_FAILED',
        400,
        `claim.${list}`,
        inBoth('detail', '个人申请不填写人员名单', 'a person’s application lists no people'),
      );
    }
  }
}
