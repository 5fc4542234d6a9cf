import type { ApplicantFacts, PolicyEngine, SubsidyDefinition } from '@huimin/policy';
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import { periodKey } from '../applications/period.js';
import { TERMINAL_STATES } from '../applications/workflow.js';
import type { Database, OfferTable, SweepPartTable } from '../db/schema.js';
import { noApplicationParameter } from '../parameters/server-parameters.js';
import {
  receivedFrom,
  type FactRow,
  type OrganisationRow,
  type PaidRow,
  type PersonRow,
} from '../registry/engine-facts.js';
import type { Vault } from '../security/vault.js';

// One batch of the sweep, once read (`sweep-batch-read.ts`): its rows' shapes, the offers decided
// for them, and the batch saved with the part's new place.

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STATES);

/** Where a running sweep is, for a progress bar. */
export interface SweepProgress {
  readonly phase: 'people' | 'units' | 'filing';
  readonly done: number;
  readonly total: number;
}

/**
 * What a run of the sweep did, added to as it runs: people and units decided, and where the time
 * went in milliseconds — reading batches with their facts, deciding them in the engine, writing
 * the offers with the saved place. The benchmark prints it; a queued slice returns it as its output.
 */
export interface SweepTally {
  people: number;
  units: number;
  read: number;
  decide: number;
  write: number;
}

export const emptyTally = (): SweepTally => ({ people: 0, units: 0, read: 0, decide: 0, write: 0 });

/** A person or unit in a batch, with its facts and its applications, as the batch query returns it. */
export type BatchApplication = PaidRow & { state: string; period_key: string };
/** A fact as the batch reads it: `dataset` names the list a status was verified from, if one was. */
export type BatchFact = FactRow & { dataset?: string | null };
export type PersonInBatch = Omit<PersonRow, 'name'> & {
  region_code: string;
  id_number_hmac: string;
  facts: BatchFact[];
  applications: BatchApplication[];
};
export type UnitInBatch = OrganisationRow & { facts: FactRow[]; applications: BatchApplication[] };

export type NewOffer = Insertable<OfferTable>;

/** What a run over people and a run over units share, as `SweepService` hands them over. */
export interface WalkRun {
  readonly db: Kysely<Database>;
  readonly vault: Vault;
  readonly now: () => Date;
  readonly sweep: { readonly jobId: string; readonly judgedOn: string; readonly engine: PolicyEngine };
  readonly subsidies: readonly SubsidyDefinition[];
  readonly range: { low: string; high: string };
  /** The part being walked, and where its rows end (included; null: the region's end). */
  readonly part: PartRef;
  readonly upto: Place;
  readonly batchSize: number;
  readonly total: number;
  /** Batches left in this slice of the sweep. */
  readonly slice: { left: number };
  readonly tally: SweepTally;
  readonly onProgress?: (progress: SweepProgress) => void;
}

/** A place in the (region, id) order of people or units; null before the first. */
export type Place = { region: string; id: string } | null;

/** Which part of which sweep a batch belongs to (decision 009: parts by (region, id) range). */
export interface PartRef {
  readonly jobId: string;
  readonly part: number;
}

/** Offers for one person or unit: every subsidy the engine finds it eligible for and not applied for. */
export function offersFor(
  sweep: { jobId: string; judgedOn: string; engine: PolicyEngine },
  subsidies: readonly SubsidyDefinition[],
  personId: string | null,
  organisationId: string | null,
  region: string,
  applications: readonly BatchApplication[],
  applicant: ApplicantFacts,
): NewOffer[] {
  // Most people in a registry have applied for nothing: no set to build for them.
  const applied =
    applications.length === 0
      ? undefined
      : new Set(applications.filter((a) => !TERMINAL.has(a.state)).map((a) => `${a.subsidy_id}|${a.period_key}`));
  const out: NewOffer[] = [];
  for (const subsidy of subsidies) {
    // The verdict and amount only: the sweep keeps no reasons, so none are built (most are ineligible).
    const decision = sweep.engine.eligibility(subsidy, applicant, region, sweep.judgedOn);
    if (!decision.eligible || decision.amountFen === 0) continue;
    const period = periodKey(subsidy, {}, sweep.judgedOn);
    if (applied?.has(`${subsidy.id}|${period}`)) continue;
    out.push({
      person_id: personId,
      organisation_id: organisationId,
      subsidy_id: subsidy.id,
      period_key: period,
      region_code: region,
      amount_fen: decision.amountFen === null ? null : String(decision.amountFen),
      no_application: needsNoApplication(sweep.engine, subsidy.id, region, sweep.judgedOn),
      state: 'open',
      sweep_job_id: sweep.jobId,
    });
  }
  return out;
}

/**
 * Another runner of the same sweep saved its place first: this one's batch is rolled back and it
 * stops (decision 024 — a queued job can run twice when a slow run outlives its expiry).
 */
export class SweepMovedOn extends Error {
  constructor() {
    super('the sweep’s saved place moved on: another runner has it');
  }
}

/**
 * A batch's offers and the part's new place, in one transaction, if the part's saved place is
 * still `from` (the place the batch was read after); otherwise nothing is saved and `SweepMovedOn`
 * is thrown. The sweep's counts go up by the batch, last, so the row shared by the parts is held
 * only for the end of the transaction.
 */
export async function saveBatch(
  db: Kysely<Database>,
  now: Date,
  at: PartRef,
  phase: 'people' | 'units',
  from: Place,
  cursor: Place,
  done: number,
  batchLength: number,
  offers: readonly NewOffer[],
): Promise<void> {
  const people = offers.filter((o) => o.person_id !== null);
  const units = offers.filter((o) => o.organisation_id !== null);
  await db.transaction().execute(async (trx) => {
    // First, so a second runner waits here on the row until the first commits, then finds the place moved.
    await movePart(trx, at, phase, from, {
      cursor: cursor?.id ?? null,
      cursor_region: cursor?.region ?? null,
      ...(phase === 'people' ? { people_done: done } : { units_done: done }),
      updated_at: now,
    });
    let created = 0;
    if (people.length > 0)
      created += await insertOffers(trx, people, sql`on conflict (person_id, subsidy_id, period_key) do nothing`);
    if (units.length > 0)
      created += await insertOffers(
        trx,
        units,
        sql`on conflict (organisation_id, subsidy_id, period_key) where organisation_id is not null do nothing`,
      );
    await trx
      .updateTable('sweep_job')
      .set((eb) => ({
        ...(phase === 'people'
          ? { people_done: eb('people_done', '+', batchLength) }
          : { units_done: eb('units_done', '+', batchLength) }),
        offers_created: eb('offers_created', '+', created),
        updated_at: now,
      }))
      .where('id', '=', at.jobId)
      .execute();
  });
}

/**
 * A sweep's offers inserted from one JSON parameter instead of nine bound values a row: a batch
 * writes thousands, and binding them was a fifth of the insert (3,200 offers on the embedded
 * database: 165 -> 128 ms). Only the columns the sweep sets are read from the rows; the rest take
 * their defaults. How many were new: an offer already there is left as it is.
 */
async function insertOffers(
  trx: Kysely<Database>,
  rows: readonly NewOffer[],
  onConflict: RawBuilder<unknown>,
): Promise<number> {
  const inserted = await sql`
    insert into offer (person_id, organisation_id, subsidy_id, period_key, region_code, amount_fen, no_application, state, sweep_job_id)
    select person_id, organisation_id, subsidy_id, period_key, region_code, amount_fen, no_application, state, sweep_job_id
    from json_populate_recordset(null::offer, ${JSON.stringify(rows)}::json)
    ${onConflict}`.execute(trx);
  return Number(inserted.numAffectedRows ?? 0n);
}

/** The part's saved place is `place` (null: none saved, the start of an open part). */
export function atPlace(eb: ExpressionBuilder<Database, 'sweep_part'>, place: Place) {
  return place
    ? eb.and([eb('cursor', '=', place.id), eb('cursor_region', '=', place.region)])
    : eb.or([eb('cursor', 'is', null), eb('cursor_region', 'is', null)]);
}

export function lastOf(batch: readonly { region_code: string; id: string }[]): Place {
  const last = batch[batch.length - 1];
  return last ? { region: last.region_code, id: last.id } : null;
}

/** What one person or unit was paid, from its own applications in the batch. */
export function received(
  applications: readonly BatchApplication[],
  column: 'person_id' | 'organisation_id',
  idNumberOf?: (personId: string) => string | undefined,
) {
  const paid = applications.filter((a) => a.state === 'paid');
  return paid.length === 0 ? [] : [...receivedFrom(paid, column, idNumberOf).values()].flat();
}

function needsNoApplication(engine: PolicyEngine, subsidy: string, region: string, on: string): boolean {
  return engine.parameters.resolve(noApplicationParameter(subsidy), region, on)?.value === 1;
}

/**
 * A part's walk of people (or units) ended at `last`: it turns to units from `next` (or to done),
 * if its saved place is still `last`; otherwise another runner has it (`SweepMovedOn`).
 */
export async function turnPart(
  db: Kysely<Database>,
  now: Date,
  at: PartRef,
  from: 'people' | 'units',
  last: Place,
  next: Place,
): Promise<Place> {
  await movePart(db, at, from, last, {
    phase: from === 'people' ? 'units' : 'done',
    cursor: next?.id ?? null,
    cursor_region: next?.region ?? null,
    updated_at: now,
  });
  return next;
}

/**
 * Moves a part on from `place` in `phase`, only if its saved place is still there: the one guard
 * of a batch saved and of a phase turned. Otherwise another runner has it (`SweepMovedOn`).
 */
async function movePart(
  db: Kysely<Database>,
  at: PartRef,
  phase: 'people' | 'units',
  place: Place,
  to: Updateable<SweepPartTable>,
): Promise<void> {
  const moved = await db
    .updateTable('sweep_part')
    .set(to)
    .where('sweep_job_id', '=', at.jobId)
    .where('part', '=', at.part)
    .where('phase', '=', phase)
    .where((eb) => atPlace(eb, place))
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) throw new SweepMovedOn();
}
