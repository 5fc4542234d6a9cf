import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import type { Database } from '../db/schema.js';
import { loadPersonFacts } from '../registry/applicant-record-queries.js';
import { IdNumberNotRead, personFacts } from '../registry/engine-facts.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { readBatch, withCiphers } from './sweep-batch-read.js';
import type { PersonInBatch, Place, UnitInBatch } from './sweep-batch.js';

/**
 * A batch read by range, its facts and applications by the batch's ids (decision 009: where the time
 * goes) reads what the one query with correlated subqueries read before it: every fact not
 * retracted, in the order recorded, and every application, of each person or unit in the batch and
 * of no one else — a person with none, one with several of a kind, the last of a batch and the first
 * of the next.
 */
let app: TestApp;
let db: Kysely<Database>;
const range = { low: '510104', high: '510104' };

/** The query the batch read was before it became set-based: the spec of what a batch holds. */
async function asBefore(table: 'person' | 'organisation', after: Place, size: number, upto: Place = null) {
  const owner = table === 'person' ? sql.ref('f.person_id') : sql.ref('f.organisation_id');
  const applicant = table === 'person' ? sql.ref('a.person_id') : sql.ref('a.organisation_id');
  const columns =
    table === 'person'
      ? sql`t.id, t.region_code, t.id_number_cipher, t.id_number_hmac, t.name, t.birth_date, t.sex, t.retirement_category, t.hukou_region, t.rural, t.household_id`
      : sql`t.id, t.region_code, t.credit_code, t.credit_code_override, t.name, t.category, t.size_class`;
  const { rows } = await sql<{ batch: string | null }>`
    select json_agg(b order by b.region_code, b.id)::text as batch from (
      select ${columns},
        coalesce((select json_agg(json_build_object('kind', f.kind, 'data', f.data, 'dataset', case when f.source = 'reference' then f.provenance->>'dataset' end) order by f.recorded_at) from registry_fact f
                  where ${owner} = t.id and f.retracted_at is null), '[]') as facts,
        coalesce((select json_agg(json_build_object('person_id', a.person_id, 'organisation_id', a.organisation_id, 'subsidy_id', a.subsidy_id, 'region_code', a.region_code,
                    'amount_fen', a.amount_fen::text, 'claim', a.claim, 'updated_at', a.updated_at, 'state', a.state, 'period_key', a.period_key)) from application a
                  where ${applicant} = t.id), '[]') as applications
      from ${sql.table(table)} t
      where t.region_code >= ${range.low} and t.region_code <= ${range.high}
        and (t.region_code, t.id) > (${after?.region ?? ''}, ${after?.id ?? '00000000-0000-0000-0000-000000000000'}::uuid)
        ${upto ? sql`and (t.region_code, t.id) <= (${upto.region}, ${upto.id}::uuid)` : sql``}
      order by t.region_code, t.id
      limit ${size}
    ) b`.execute(db);
  const batch = rows[0]?.batch ? (JSON.parse(rows[0].batch) as { applications: { subsidy_id: string }[] }[]) : [];
  // The batch no longer reads a person's name (no rule reads it) nor the ID number's cipher.
  return table === 'person'
    ? batch.map(
        ({
          name: _name,
          id_number_cipher: _cipher,
          ...rest
        }: {
          name?: string;
          id_number_cipher?: string;
          applications: { subsidy_id: string }[];
        }) => rest,
      )
    : batch;
}

// Applications come in no set order, either way.
const comparable = (batch: readonly { applications: readonly { subsidy_id: string }[] }[]) =>
  batch.map((b) => ({
    ...b,
    applications: [...b.applications].sort((x, y) => x.subsidy_id.localeCompare(y.subsidy_id)),
  }));

async function walk<T extends { region_code: string; id: string; applications: { subsidy_id: string }[] }>(
  table: 'person' | 'organisation',
  size: number,
  upto: Place = null,
) {
  let after: Place = null;
  const batches: number[] = [];
  for (;;) {
    const batch = await readBatch<T>(db, table, range, after, size, upto);
    expect(comparable(batch)).toEqual(comparable(await asBefore(table, after, size, upto)));
    if (batch.length === 0) return batches;
    batches.push(batch.length);
    const last = batch[batch.length - 1] as T;
    after = { region: last.region_code, id: last.id };
  }
}

beforeAll(async () => {
  app = await startTestApp();
  db = app.database.db;
  const people = await db
    .insertInto('person')
    .values(
      Array.from({ length: 5 }, (_, i) => {
        const number = idNumber('2004-05-05');
        return {
          id_number_hmac: app.vault.lookupHash('id-number', number),
          id_number_cipher: app.vault.encrypt(number),
          id_number_masked: `${number.slice(0, 6)}********${number.slice(14)}`,
          name: `居民${i}`,
          sex: 'female' as const,
          birth_date: '2004-05-05',
          region_code: '510104',
        };
      }),
    )
    .returning('id')
    .execute();
  const unit = await db
    .insertInto('organisation')
    .values({
      credit_code: '91510104MA0000001X',
      name: '单位',
      category: 'enterprise',
      size_class: 'small',
      region_code: '510104',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const account = await db
    .insertInto('account')
    .values({
      username: 'sweep-batch',
      display_name: '经办',
      roles: ['clerk'],
      region_code: '510104',
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The first person has none; the others several, of a kind recorded at different times, one retracted.
  const at = (day: number) => new Date(Date.UTC(2026, 10, day));
  const facts = people.slice(1).flatMap((p, i) => [
    {
      person_id: p.id,
      kind: 'graduation',
      data: JSON.stringify({ date: '2027-06-30', institution: 'b' }),
      source: 'manual' as const,
      recorded_at: at(20 - i),
    },
    {
      person_id: p.id,
      kind: 'graduation',
      data: JSON.stringify({ date: '2026-06-30', institution: 'a' }),
      source: 'manual' as const,
      recorded_at: at(10 + i),
    },
    {
      person_id: p.id,
      kind: 'status',
      data: JSON.stringify({ kind: 'dibao-household', from: '2020-01-01' }),
      source: 'reference' as const,
      provenance: JSON.stringify({ dataset: 'social-assistance' }),
      recorded_at: at(5),
    },
    {
      person_id: p.id,
      kind: 'employment',
      data: JSON.stringify({ kind: 'flexible', from: '2025-01-01' }),
      source: 'manual' as const,
      recorded_at: at(7),
      retracted_at: at(8),
      retraction_reason: '录错',
    },
  ]);
  await db
    .insertInto('registry_fact')
    .values([
      ...facts.map((f) => ({ organisation_id: null, recorded_by: null, ...f })),
      {
        person_id: null,
        organisation_id: unit.id,
        kind: 'insurance',
        data: JSON.stringify({ insured: 3 }),
        source: 'manual',
        recorded_by: null,
      },
    ])
    .execute();
  const application = (
    owner: { person_id: string } | { organisation_id: string },
    subsidy: string,
    state: string,
    i: number,
  ) => ({
    number: `T-${i}`,
    subsidy_id: subsidy,
    applicant_kind: 'person_id' in owner ? ('person' as const) : ('organisation' as const),
    region_code: '510104',
    period_key: '2026',
    claim: JSON.stringify({}),
    state,
    requested_by: account.id,
    idempotency_key: `sweep-batch-${i}`,
    ...owner,
  });
  await db
    .insertInto('application')
    .values([
      application({ person_id: (people[2] as { id: string }).id }, 'one-time-job-seeking', 'paid', 1),
      application({ person_id: (people[2] as { id: string }).id }, 'flexible-employment-insurance', 'submitted', 2),
      application({ person_id: (people[4] as { id: string }).id }, 'one-time-job-seeking', 'rejected', 3),
      application({ organisation_id: unit.id }, 'employer-insurance', 'submitted', 4),
    ])
    .execute();
});

afterAll(async () => {
  await app?.close();
});

describe('a sweep batch read set-based', () => {
  it('reads each person’s facts and applications as the correlated query did, batch by batch', async () => {
    // Batches of two: the last of one batch and the first of the next each keep their own facts.
    expect(await walk<PersonInBatch>('person', 2)).toEqual([2, 2, 1]);
    expect(await walk<PersonInBatch>('person', 20)).toEqual([5]);
  });

  it('keeps the facts of a kind in the order recorded and leaves out the retracted', async () => {
    const batch = await readBatch<PersonInBatch>(db, 'person', range, null, 20);
    const noFacts = batch.filter((p) => p.facts.length === 0);
    expect(noFacts).toHaveLength(1);
    for (const p of batch.filter((x) => x.facts.length > 0)) {
      expect(p.facts.map((f) => f.kind).sort()).toEqual(['graduation', 'graduation', 'status']);
      expect(p.facts.find((f) => f.kind === 'status')?.dataset).toBe('social-assistance');
    }
  });

  it('reads no ID number; a rule asking for one stops the batch, which is decided again with them', async () => {
    const [first] = await readBatch<PersonInBatch>(db, 'person', range, null, 20);
    const person = first as PersonInBatch;
    expect(person.id_number_cipher).toBeUndefined();
    expect(() => personFacts(app.vault, person, person.facts, []).idNumber).toThrow(IdNumberNotRead);
    const [keyed] = await withCiphers(db, [person]);
    expect(personFacts(app.vault, keyed as PersonInBatch, person.facts, []).idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it('ends at the part’s end, included', async () => {
    const all = await readBatch<PersonInBatch>(db, 'person', range, null, 20);
    const third = all[2] as PersonInBatch;
    expect(await walk<PersonInBatch>('person', 2, { region: third.region_code, id: third.id })).toEqual([2, 1]);
  });

  it('takes facts of one instant in the order of their ids, as a filing does: the greater id counts', async () => {
    // Two graduations recorded in one transaction share their instant; the one with the greater id
    // is recorded first here, so the table's own order would put it first.
    const number = idNumber('2003-03-03');
    const person = await db
      .insertInto('person')
      .values({
        id_number_hmac: app.vault.lookupHash('id-number', number),
        id_number_cipher: app.vault.encrypt(number),
        id_number_masked: `${number.slice(0, 6)}********${number.slice(14)}`,
        name: '同时',
        sex: 'male',
        birth_date: '2003-03-03',
        region_code: '510105',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const instant = new Date(Date.UTC(2026, 10, 30));
    const graduation = (id: string, institution: string) => ({
      id,
      person_id: person.id,
      organisation_id: null,
      kind: 'graduation',
      data: JSON.stringify({ date: '2026-06-30', institution }),
      source: 'manual' as const,
      recorded_by: null,
      recorded_at: instant,
    });
    await db
      .insertInto('registry_fact')
      .values(graduation('ffffffff-0000-4000-8000-000000000000', 'greater'))
      .execute();
    await db.insertInto('registry_fact').values(graduation('00000000-0000-4000-8000-000000000000', 'lesser')).execute();

    const [swept] = await readBatch<PersonInBatch>(db, 'person', { low: '510105', high: '510105' }, null, 20);
    expect(swept?.facts.map((f) => (f.data as { institution: string }).institution)).toEqual(['lesser', 'greater']);
    const inSweep = personFacts(app.vault, swept as PersonInBatch, (swept as PersonInBatch).facts, []);
    const atFiling = (await loadPersonFacts(db, app.vault, [person.id])).get(person.id);
    expect(inSweep.graduation?.institution).toBe('greater');
    expect(atFiling?.graduation?.institution).toBe('greater');
  });

  it('reads units the same way', async () => {
    expect(await walk<UnitInBatch & { applications: { subsidy_id: string }[] }>('organisation', 20)).toEqual([1]);
  });
});
