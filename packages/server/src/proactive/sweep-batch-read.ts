import { sql, type Kysely } from 'kysely';
import { NO_ONE } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { BatchApplication, BatchFact, PersonInBatch, Place } from './sweep-batch.js';

// Reading one batch of the sweep: the people or units after the cursor, with their facts and
// applications, in one statement by column (decision 009), and assembled into rows to decide.

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
  cursor: Place,
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
  cursor: Place,
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
 * The batch's people as far as the main thread needs them when a thread decides: in order, each
 * one's id, region and ID number hash (the saved place, the batch's size, the reference datasets'
 * lookup). Only the rows' text is parsed, and no object built per person: assembling the whole
 * batch here as well as in the thread cost the main thread, which sets the pace, about 2 s a
 * million people.
 */
export function personKeys(texts: BatchTexts): { id: string; region_code: string; id_number_hmac: string }[] {
  const r = columnsOf(texts.rows);
  const column = (name: (typeof BATCH_COLUMNS.person)[number]) =>
    r.columns[BATCH_COLUMNS.person.indexOf(name)] as string[];
  const [ids, regions, hmacs] = [column('id'), column('region_code'), column('id_number_hmac')];
  const out = new Array<{ id: string; region_code: string; id_number_hmac: string }>(r.length);
  for (let i = 0; i < r.length; i++)
    out[i] = { id: ids[i] as string, region_code: regions[i] as string, id_number_hmac: hmacs[i] as string };
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
