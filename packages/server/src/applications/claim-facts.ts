import {
  validateFacts,
  yearEnd,
  type ApplicantFacts,
  type ClaimFacts,
  type Hire,
  type Intern,
  type IsoDate,
  type PersonFacts,
} from '@huimin/policy';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApplicationTable, Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';
import { loadOrganisationFacts, loadPersonFacts } from '../registry/applicant-record-queries.js';
import type { Vault } from '../security/vault.js';
import type { ClaimInput } from './applications.schemas.js';

/** A claim as stored: the people in it by registry id, never by ID number (which is kept encrypted). */
export interface StoredClaim extends Omit<ClaimFacts, 'hires' | 'interns' | 'workers'> {
  hires?: (Omit<Hire, 'person'> & { personId: string })[];
  interns?: (Omit<Intern, 'person'> & { personId: string })[];
  workers?: (Omit<NonNullable<ClaimFacts['workers']>[number], 'person'> & { personId: string })[];
}

/** The standard (分) of the catalogue item a certificate's class trained for, if the certificate was issued here. */
export type CatalogueStandardOf = (
  db: Kysely<Database> | Transaction<Database>,
  serial: string,
) => Promise<number | undefined>;

/** Checks the claim and replaces each ID number in it with the registry id of that person. */
export async function storedClaim(db: Kysely<Database>, vault: Vault, input: ClaimInput): Promise<StoredClaim> {
  const problems = validateFacts(input, 'claim');
  const first = problems[0];
  if (first) throw new AppError('INVALID_FACT', 400, first.field, inBoth('detail', first.message.zh, first.message.en));
  // Every ID number in the lists, looked up in one query by its keyed hash.
  const listed = [...(input.hires ?? []), ...(input.interns ?? []), ...(input.workers ?? [])].map((x) =>
    vault.lookupHash('id-number', x.idNumber.toUpperCase()),
  );
  const found = listed.length
    ? await db
        .selectFrom('person')
        .select(['id', 'id_number_hmac'])
        .where('id_number_hmac', 'in', [...new Set(listed)])
        .execute()
    : [];
  const personByHash = new Map(found.map((p) => [p.id_number_hmac, p.id]));
  const resolve = <T extends { idNumber: string }>(list: readonly T[] | undefined, field: string) =>
    list?.map((item, i) => {
      const { idNumber, ...rest } = item;
      const personId = personByHash.get(vault.lookupHash('id-number', idNumber.toUpperCase()));
      if (!personId)
        throw new AppError('PERSON_NOT_REGISTERED', 422, `claim.${field}[${i}].idNumber`, {
          value: `${idNumber.slice(0, 6)}…`,
        });
      return { ...rest, personId };
    });
  const { hires, interns, workers, ...rest } = input;
  const stored: StoredClaim = { ...(rest as StoredClaim) };
  const h = resolve(hires, 'hires');
  const i = resolve(interns, 'interns');
  const w = resolve(workers, 'workers');
  if (h) stored.hires = h;
  if (i) stored.interns = i;
  if (w) stored.workers = w;
  return stored;
}

/** The registry ids of the people a claim lists (hires, interns, workers), in the claim's order. */
export function listedPersonIds(claim: unknown): string[] {
  const stored = (claim ?? {}) as StoredClaim;
  return [...(stored.hires ?? []), ...(stored.interns ?? []), ...(stored.workers ?? [])].map((x) => x.personId);
}

/** The facts the engine decides on: the applicant and everyone in the claim, from the registry now. */
export async function engineFacts(
  db: Kysely<Database> | Transaction<Database>,
  vault: Vault,
  catalogueStandardOf: CatalogueStandardOf,
  app: Pick<Selectable<ApplicationTable>, 'id' | 'claim' | 'person_id' | 'organisation_id'>,
): Promise<{ applicant: ApplicantFacts; claim: ClaimFacts }> {
  const stored = app.claim as StoredClaim;
  const listed = listedPersonIds(stored);
  const people = await loadPersonFacts(db, vault, [...listed, ...(app.person_id ? [app.person_id] : [])]);
  const person = (id: string): PersonFacts => {
    const facts = people.get(id);
    // People are never deleted, so a claim always names someone in the registry.
    if (!facts) throw new Error(`person ${id} named in application ${app.id} is not in the registry`);
    return facts;
  };
  const applicant = app.person_id
    ? person(app.person_id)
    : await loadOrganisationFacts(db, vault, app.organisation_id ?? '');
  if (!applicant) throw new AppError('ORGANISATION_NOT_FOUND', 404);
  const { hires, interns, workers, ...rest } = stored;
  // A certificate from a class run here carries its catalogue item's standard (5号 (一)(十三)).
  const catalogueStandardFen = stored.certificateId ? await catalogueStandardOf(db, stored.certificateId) : undefined;
  const claim: ClaimFacts = {
    ...rest,
    ...(catalogueStandardFen !== undefined ? { catalogueStandardFen } : {}),
    ...(hires ? { hires: hires.map(({ personId, ...h }) => ({ ...h, person: person(personId) })) } : {}),
    ...(interns ? { interns: interns.map(({ personId, ...x }) => ({ ...x, person: person(personId) })) } : {}),
    ...(workers ? { workers: workers.map(({ personId, ...x }) => ({ ...x, person: person(personId) })) } : {}),
  };
  return { applicant, claim };
}

/**
 * The day an application is judged on: the rule day its claim names, else today when it is being
 * filed (submitted or resubmitted), else the day it was submitted. Review, approval and the check
 * before acceptance all judge on this day, so a warning at acceptance says what review will find.
 */
export function judgedOn(
  app: Pick<Selectable<ApplicationTable>, 'claim' | 'submitted_on'>,
  filing: boolean,
  today: IsoDate,
): IsoDate {
  return ruleDayOf(app.claim as StoredClaim) ?? (filing ? today : (app.submitted_on ?? today));
}

/**
 * The day whose rules judge a claim, where it is not the filing day: a period of a contracted loan
 * under the rules of the contract day; a year's loan award under those of the year's last day.
 */
export function ruleDayOf(claim: StoredClaim): IsoDate | undefined {
  return claim.loan?.contractedOn ?? (claim.loanAward ? yearEnd(claim.loanAward.year) : undefined);
}
