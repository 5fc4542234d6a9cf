import type { ApplicantFacts, PolicyEngine, SubsidyDefinition } from '@huimin/policy';
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Updateable } from 'kysely';
import { periodKey } from '../applications/period.js';
import { TERMINAL_STATES } from '../applications/workflow.js';
import { NO_ONE } from '../auth/actor.js';
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

// One batch of the sweep: read people or units with their facts and applications, decide, save.

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

/**
 * A batch as the database returns it, in three JSON texts: the people (or units) after the cursor,
 * their facts, and their applications. Each is one value crossing from the embedded database (on
 * it the per-row cost dominated), and each is by column — one JSON array per column, not one object
 * per row, which the database built ten or more fields at a time (decision 009: rows by column);
 * `assembleBatch` joins them, on whichever thread decides the batch.
 */
export interface BatchTexts {
  /** `BATCH_COLUMNS[table]`, each an array in (region, id) order. */
  readonly rows: string;
  /** Every fact of the batch not retracted, in the order recorded: owner, kind, data, dataset. */
  readonly facts: string;
  /** Every application of the batch (`APPLICATION_COLUMNS`), in no set order. */
  readonly applications: string;
  /** The column of an application naming its person or unit. */
  readonly applicant: 'person_id' | 'organisation_id';
  readonly table: 'person' | 'organisation';
}

/**
 * The columns a batch reads: what the engine's facts are built from (`personFacts`,
 * `organisationFacts`), the place, and the hash the reference datasets are looked up by. A
 * person's name is not read (no rule reads it), nor the ID number's cipher (the largest column, read
 * for a batch only if a rule asks for a number: `withCiphers`).
 */
const BATCH_COLUMNS = {
  person: [
    'id',
    'region_code',
    'id_number_hmac',
    'birth_date',
    'sex',
    'retirement_category',
    'hukou_region',
    'rural',
    'household_id',
  ],
  organisation: ['id', 'region_code', 'credit_code', 'credit_code_override', 'name', 'category', 'size_class'],
} as const;
const APPLICATION_COLUMNS = [
  'person_id',
  'organisation_id',
  'subsidy_id',
  'region_code',
  'amount_fen',
  'claim',
  'updated_at',
  'state',
  'period_key',
] as const;

/** The next batch after the cursor, each one with its facts and applications (`readBatchTexts`, assembled). */
export async function readBatch<T>(
  db: Kysely<Database>,
  table: 'person' | 'organisation',
  range: { low: string; high: string },
  cursor: { region: string; id: string } | null,
  size: number,
  upto: Place = null,
): Promise<T[]> {
  const texts = await readBatchTexts(db, table, range, cursor, size, upto);
  return texts ? assembleBatch<T>(texts) : [];
}

/**
 * The next batch after the cursor, set-based: the rows by (region, id) range, then the facts and
 * the applications of those ids, in one statement. It replaced one query building each one's facts
 * and applications in correlated subqueries (decision 009: where the time goes). Null when none
 * are left.
 *
 * Facts recorded at the same instant (in one transaction) are taken in the order of their ids, as
 * `engine-facts.ts` takes them, so the sweep and a filing count the same one of a kind.
 */
export async function readBatchTexts(
  db: Kysely<Database>,
  table: 'person' | 'organisation',
  range: { low: string; high: string },
  cursor: { region: string; id: string } | null,
  size: number,
  /** The end of the sweep part being walked, included; null to the end of the region. */
  upto: Place = null,
): Promise<BatchTexts | null> {
  const owner = table === 'person' ? sql.ref('f.person_id') : sql.ref('f.organisation_id');
  const applicant = table === 'person' ? sql.ref('a.person_id') : sql.ref('a.organisation_id');
  const columns = BATCH_COLUMNS[table];
  // Each aggregate in one order: the database sorts once and they all read it.
  const rowsInOrder = sql.join(
    columns.map((c) => sql`array_agg(${sql.ref(`b.${c}`)} order by b.region_code, b.id)`),
    sql`, `,
  );
  const factOrder = sql`order by f.recorded_at, f.id`;
  // One statement: the batch's ids go from the rows to their facts and applications inside the
  // database, never out and back in as an array of tens of thousands. Each part is one JSON array
  // of columns; `having` makes an empty one null.
  //
  // Without statistics (the embedded database has no autovacuum, so none unless someone runs
  // ANALYZE) the planner expects a few rows after the cursor and takes them all by a bitmap scan,
  // then sorts them for the first `size`: every batch read the rest of the range, and a sweep grew
  // with the square of the registry (the second batch of 200,000 people read 179,999 rows, 1.76 s;
  // walking the index, 20,000 rows, 0.25 s). With bitmap scans off for this statement it walks the
  // (region, id) index and stops at `size`.
  const statement = sql<{ batch: string | null; facts: string | null; applications: string | null }>`
    with b as materialized (
      select ${sql.join(columns.map((c) => sql.ref(`t.${c}`)))}
      from ${sql.table(table)} t
      where t.region_code >= ${range.low} and t.region_code <= ${range.high}
        -- From the start: every region code sorts after '', whatever the id.
        and (t.region_code, t.id) > (${cursor?.region ?? ''}, ${cursor?.id ?? NO_ONE}::uuid)
        ${upto ? sql`and (t.region_code, t.id) <= (${upto.region}, ${upto.id}::uuid)` : sql``}
      order by t.region_code, t.id
      limit ${size}
    )
    select
      (select json_build_array(${rowsInOrder}) from b having count(*) > 0)::text as batch,
      (select json_build_array(array_agg(${owner} ${factOrder}), array_agg(f.kind ${factOrder}),
                 array_agg(f.data ${factOrder}),
                 array_agg(case when f.source = 'reference' then f.provenance->>'dataset' end ${factOrder}))
         from registry_fact f
         where ${owner} = any(array(select b.id from b)) and f.retracted_at is null
         having count(*) > 0)::text as facts,
      (select json_build_array(array_agg(a.person_id), array_agg(a.organisation_id), array_agg(a.subsidy_id),
                 array_agg(a.region_code), array_agg(a.amount_fen::text), array_agg(a.claim), array_agg(a.updated_at),
                 array_agg(a.state), array_agg(a.period_key))
         from application a
         where ${applicant} = any(array(select b.id from b))
         having count(*) > 0)::text as applications`;
  const { rows } = await db.transaction().execute(async (trx) => {
    await sql`set local enable_bitmapscan = off`.execute(trx);
    return statement.execute(trx);
  });
  const batch = rows[0]?.batch;
  if (!batch) return null;
  return {
    rows: batch,
    facts: rows[0]?.facts ?? '[]',
    applications: rows[0]?.applications ?? '[]',
    applicant: table === 'person' ? 'person_id' : 'organisation_id',
    table,
  };
}

/** A JSON array of columns, parsed: the columns and how many rows they hold. */
function columnsOf(text: string): { columns: unknown[][]; length: number } {
  const columns = JSON.parse(text) as unknown[][];
  return { columns, length: columns[0]?.length ?? 0 };
}

/**
 * The batch's people (or units) in (region, id) order, each with its own facts in the order
 * recorded and its own applications: what `readBatchTexts` read, as the rules read it.
 */
export function assembleBatch<T>(texts: BatchTexts): T[] {
  const facts = new Map<string, BatchFact[]>();
  const f = columnsOf(texts.facts);
  const [owners, kinds, data, datasets] = f.columns as [string[], string[], unknown[], (string | null)[]];
  for (let i = 0; i < f.length; i++) {
    const fact: BatchFact = { kind: kinds[i] as string, data: data[i], dataset: datasets[i] ?? null };
    const owner = owners[i] as string;
    const mine = facts.get(owner);
    if (mine) mine.push(fact);
    else facts.set(owner, [fact]);
  }
  const applications = new Map<string, BatchApplication[]>();
  const a = columnsOf(texts.applications);
  for (let i = 0; i < a.length; i++) {
    const application = {} as Record<string, unknown>;
    for (let c = 0; c < APPLICATION_COLUMNS.length; c++)
      application[APPLICATION_COLUMNS[c] as string] = (a.columns[c] as unknown[])[i];
    const owner = (application[texts.applicant] as string | null) ?? '';
    const mine = applications.get(owner);
    if (mine) mine.push(application as unknown as BatchApplication);
    else applications.set(owner, [application as unknown as BatchApplication]);
  }
  const names = BATCH_COLUMNS[texts.table];
  const r = columnsOf(texts.rows);
  const ids = r.columns[0] as string[];
  const out: T[] = new Array<T>(r.length);
  for (let i = 0; i < r.length; i++) {
    const row = {} as Record<string, unknown>;
    for (let c = 0; c < names.length; c++) row[names[c] as string] = (r.columns[c] as unknown[])[i];
    const id = ids[i] as string;
    row.facts = facts.get(id) ?? [];
    row.applications = applications.get(id) ?? [];
    out[i] = row as T;
  }
  return out;
}

/**
 * The batch with each person's ID number cipher, for a batch in which a rule asked for a number
 * (`IdNumberNotRead`): one query by the batch's ids.
 */
export async function withCiphers(db: Kysely<Database>, batch: readonly PersonInBatch[]): Promise<PersonInBatch[]> {
  if (batch.length === 0) return [];
  const { rows } = await sql<{ id: string; id_number_cipher: string }>`
    select id, id_number_cipher from person where id = any(${batch.map((p) => p.id)}::uuid[])`.execute(db);
  const ciphers = new Map(rows.map((r) => [r.id, r.id_number_cipher]));
  return batch.map((p) => {
    const cipher = ciphers.get(p.id);
    return cipher === undefined ? p : { ...p, id_number_cipher: cipher };
  });
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
  const applied = new Set(
    applications.filter((a) => !TERMINAL.has(a.state)).map((a) => `${a.subsidy_id}|${a.period_key}`),
  );
  const out: NewOffer[] = [];
  for (const subsidy of subsidies) {
    const decision = sweep.engine.evaluate({ subsidy: subsidy.id, region, date: sweep.judgedOn, applicant });
    if (!decision.eligible || decision.amountFen === 0) continue;
    const period = periodKey(subsidy, {}, sweep.judgedOn);
    if (applied.has(`${subsidy.id}|${period}`)) continue;
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
      created += (
        await trx
          .insertInto('offer')
          .values(people)
          .onConflict((oc) => oc.columns(['person_id', 'subsidy_id', 'period_key']).doNothing())
          .returning('id')
          .execute()
      ).length;
    if (units.length > 0)
      created += (
        await trx
          .insertInto('offer')
          .values(units)
          .onConflict((oc) =>
            oc
              .columns(['organisation_id', 'subsidy_id', 'period_key'])
              .where('organisation_id', 'is not', null)
              .doNothing(),
          )
          .returning('id')
          .execute()
      ).length;
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
