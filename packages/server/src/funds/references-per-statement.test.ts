import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Migrations 0043, 0045 and 0047 (decisions 006 and 009): the references of ledger transactions and
 * entries, application events, notifications, payment items and offers are checked once per
 * statement, and their parents can be neither deleted, re-keyed nor truncated. An orphan is a bug, so the whole statement fails with the
 * foreign-key error code; the good rows of the same statement are not written either.
 */
let app: TestApp;
const COUNTY = '510104';
const NOBODY = '00000000-0000-4000-8000-000000000000';
let ids: {
  person: string;
  organisation: string;
  account: string;
  application: string;
  fund: string;
  ledgerAccount: string;
  transaction: string;
  batch: string;
  sweep: string;
};

beforeAll(async () => {
  app = await startTestApp();
  const clerk = await staff(app, 'references-clerk', ['clerk'], COUNTY);
  const person = (
    await clerk.request('POST', '/api/v1/people', { idNumber: idNumber('1991-02-03'), name: '引', regionCode: COUNTY })
  ).json<{ id: string }>();
  const db = app.database.db;
  const application = await db
    .insertInto('application')
    .values({
      number: 'R-1',
      subsidy_id: 'one-time-startup',
      applicant_kind: 'person',
      person_id: person.id,
      organisation_id: null,
      region_code: COUNTY,
      period_key: 'references-1',
      claim: '{}',
      state: 'approved',
      requested_by: clerk.accountId,
      idempotency_key: 'references-1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fund = await db
    .insertInto('fund')
    .values({ code: 'REF-TEST', name: '引用', source: 'county-employment', year: 2026, region_code: COUNTY })
    .returning('id')
    .executeTakeFirstOrThrow();
  const accounts = await db
    .insertInto('ledger_account')
    .values((['treasury', 'available'] as const).map((kind) => ({ fund_id: fund.id, region_code: COUNTY, kind })))
    .returning(['id', 'kind'])
    .execute();
  const treasury = accounts.find((a) => a.kind === 'treasury')?.id ?? '';
  const available = accounts.find((a) => a.kind === 'available')?.id ?? '';
  const transaction = await db.transaction().execute(async (trx) => {
    const t = await trx
      .insertInto('ledger_transaction')
      .values({ kind: 'issue', fund_id: fund.id, amount_fen: '100', region_code: COUNTY })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('ledger_entry')
      .values([
        { transaction_id: t.id, account_id: treasury, amount_fen: '-100' },
        { transaction_id: t.id, account_id: available, amount_fen: '100' },
      ])
      .execute();
    return t.id;
  });
  const organisation = await db
    .insertInto('organisation')
    .values({ credit_code: creditCode(COUNTY), name: '引用单位', category: 'enterprise', region_code: COUNTY })
    .returning('id')
    .executeTakeFirstOrThrow();
  const batch = await db
    .insertInto('payment_batch')
    .values({
      number: 'REF-B-1',
      fund_id: fund.id,
      channel: 'social-security-card',
      region_code: COUNTY,
      layout: 'test',
      state: 'open',
      item_count: 0,
      total_fen: '0',
      created_by: clerk.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sweep = await db
    .insertInto('sweep_job')
    .values({
      region_code: COUNTY,
      judged_on: '2026-12-04',
      state: 'done',
      cursor: null,
      people_total: 0,
      cursor_region: null,
      started_by: clerk.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids = {
    person: person.id,
    organisation: organisation.id,
    account: clerk.accountId,
    application: application.id,
    fund: fund.id,
    ledgerAccount: available,
    transaction,
    batch: batch.id,
    sweep: sweep.id,
  };
});
afterAll(() => app.close());

const refused = { code: '23503' };

describe('a reference without its parent fails the statement', () => {
  it('refuses a ledger entry of a transaction or account that does not exist, and writes none of its statement', async () => {
    const db = app.database.db;
    const before = await sql<{ n: number }>`select count(*)::int as n from ledger_entry`.execute(db);
    await expect(
      sql`insert into ledger_entry (transaction_id, account_id, amount_fen)
          values (${ids.transaction}, ${ids.ledgerAccount}, 1), (${ids.transaction}, ${ids.ledgerAccount}, -1),
                 (999999999, ${ids.ledgerAccount}, 1), (999999999, ${ids.ledgerAccount}, -1)`.execute(db),
    ).rejects.toMatchObject(refused);
    await expect(
      sql`insert into ledger_entry (transaction_id, account_id, amount_fen) values (${ids.transaction}, 999999999, 1), (${ids.transaction}, 999999999, -1)`.execute(
        db,
      ),
    ).rejects.toThrow(/violates its reference to "ledger_account"/);
    const after = await sql<{ n: number }>`select count(*)::int as n from ledger_entry`.execute(db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('refuses a ledger transaction of a fund, region, application or actor that does not exist', async () => {
    const db = app.database.db;
    const insert = (fund: string, region: string, application: string | null, actor: string | null) =>
      sql`insert into ledger_transaction (kind, fund_id, amount_fen, region_code, application_id, actor_id)
          values (${application ? 'commit' : 'issue'}, ${fund}, 1, ${region}, ${application}, ${actor})`.execute(db);
    await expect(insert(NOBODY, COUNTY, null, null)).rejects.toThrow(/violates its reference to "fund"/);
    await expect(insert(ids.fund, '999999', null, null)).rejects.toThrow(/violates its reference to "region"/);
    await expect(insert(ids.fund, COUNTY, NOBODY, null)).rejects.toThrow(/violates its reference to "application"/);
    await expect(insert(ids.fund, COUNTY, null, NOBODY)).rejects.toMatchObject(refused);
  });

  it('refuses an application event of an application or actor that does not exist', async () => {
    const db = app.database.db;
    const insert = (application: string, actor: string) =>
      sql`insert into application_event (application_id, seq, action, to_state, actor_id, actor_roles)
          values (${application}, 9001, 'test', 'approved', ${actor}, '{clerk}')`.execute(db);
    await expect(insert(NOBODY, ids.account)).rejects.toThrow(/violates its reference to "application"/);
    await expect(insert(ids.application, NOBODY)).rejects.toThrow(/violates its reference to "account"/);
  });

  it('refuses a notification to a person who does not exist, and re-pointing one', async () => {
    const db = app.database.db;
    await expect(
      sql`insert into notification (application_id, person_id, kind, sms_state)
          values (${ids.application}, ${NOBODY}, 'paid', 'none')`.execute(db),
    ).rejects.toThrow(/violates its reference to "person"/);
    await sql`insert into notification (application_id, person_id, kind, sms_state)
              values (${ids.application}, ${ids.person}, 'paid', 'none')`.execute(db);
    await expect(sql`update notification set person_id = ${NOBODY}`.execute(db)).rejects.toMatchObject(refused);
    await sql`update notification set read_at = now() where person_id = ${ids.person}`.execute(db);
  });

  it('refuses a payment item of a batch or application that does not exist, and writes none of its statement', async () => {
    const db = app.database.db;
    const insert = (rows: readonly [batch: string, application: string, attempt: number][]) =>
      sql`insert into payment_item (batch_id, seq, application_id, attempt, amount_fen, payee_name, account_cipher, account_masked, state)
          select batch, seq, application, attempt, 100, '引', 'cipher', '****', 'pending'
            from unnest(${sql.val(rows.map((r) => r[0]))}::uuid[], ${sql.val(rows.map((_, k) => 9000 + k))}::integer[],
                        ${sql.val(rows.map((r) => r[1]))}::uuid[], ${sql.val(rows.map((r) => r[2]))}::integer[]) as v(batch, seq, application, attempt)`.execute(
        db,
      );
    await expect(
      insert([
        [ids.batch, ids.application, 1],
        [ids.batch, NOBODY, 1],
      ]),
    ).rejects.toThrow(/violates its reference to "application"/);
    await expect(insert([[NOBODY, ids.application, 1]])).rejects.toMatchObject(refused);
    await expect(insert([[NOBODY, ids.application, 1]])).rejects.toThrow(/violates its reference to "payment_batch"/);
    const written = await sql<{ n: number }>`select count(*)::int as n from payment_item`.execute(db);
    expect(written.rows[0]?.n).toBe(0);
  });

  it('writes a payment item with both parents, settles it, and refuses re-pointing it', async () => {
    const db = app.database.db;
    await sql`insert into payment_item (batch_id, seq, application_id, attempt, amount_fen, payee_name, account_cipher, account_masked, state)
              values (${ids.batch}, 1, ${ids.application}, 1, 100, '引', 'cipher', '****', 'pending')`.execute(db);
    await sql`update payment_item set state = 'paid', bank_reference = 'B1', settled_at = now() where batch_id = ${ids.batch}`.execute(
      db,
    );
    await expect(
      sql`update payment_item set application_id = ${NOBODY} where batch_id = ${ids.batch}`.execute(db),
    ).rejects.toMatchObject(refused);
    await expect(
      sql`update payment_item set batch_id = ${NOBODY} where batch_id = ${ids.batch}`.execute(db),
    ).rejects.toMatchObject(refused);
  });
});

describe('an offer names a person or unit, a region, a sweep and an application that exist', () => {
  const insert = (
    rows: readonly { person?: string; organisation?: string; region?: string; sweep?: string; key: string }[],
  ) =>
    sql`insert into offer (person_id, organisation_id, subsidy_id, period_key, region_code, amount_fen, state, sweep_job_id)
        select person, organisation, 'one-time-startup', key, region, 100, 'open', sweep
          from json_populate_recordset(null::record, ${JSON.stringify(
            rows.map((r) => ({
              person: r.person ?? null,
              organisation: r.organisation ?? null,
              region: r.region ?? COUNTY,
              sweep: r.sweep ?? ids.sweep,
              key: r.key,
            })),
          )}::json) as v(person uuid, organisation uuid, region char(6), sweep uuid, key text)`.execute(
      app.database.db,
    );
  const offers = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from offer`.execute(app.database.db)).rows[0]?.n;

  it('refuses a batch of offers where one names a person, unit, region or sweep that is not there, and writes none of it', async () => {
    await expect(
      insert([
        { person: ids.person, key: 'o-1' },
        { person: NOBODY, key: 'o-2' },
      ]),
    ).rejects.toThrow(/violates its reference to "person"/);
    await expect(insert([{ organisation: NOBODY, key: 'o-3' }])).rejects.toThrow(
      /violates its reference to "organisation"/,
    );
    await expect(insert([{ person: ids.person, region: '999999', key: 'o-4' }])).rejects.toThrow(
      /violates its reference to "region"/,
    );
    await expect(insert([{ person: ids.person, sweep: NOBODY, key: 'o-5' }])).rejects.toMatchObject(refused);
    expect(await offers()).toBe(0);
  });

  it('writes offers whose parents are there, sets the application one became, and refuses any other', async () => {
    const db = app.database.db;
    await insert([
      { person: ids.person, key: 'o-6' },
      { organisation: ids.organisation, key: 'o-7' },
    ]);
    expect(await offers()).toBe(2);
    await expect(
      sql`update offer set state = 'confirmed', application_id = ${NOBODY} where period_key = 'o-6'`.execute(db),
    ).rejects.toThrow(/violates its reference to "application"/);
    await sql`update offer set state = 'confirmed', application_id = ${ids.application} where period_key = 'o-6'`.execute(
      db,
    );
    await sql`update offer set state = 'declined' where period_key = 'o-7'`.execute(db);
    for (const column of ['person_id', 'sweep_job_id'])
      await expect(
        sql`update offer set ${sql.ref(column)} = ${NOBODY} where period_key = 'o-6'`.execute(db),
      ).rejects.toMatchObject(refused);
    await expect(
      sql`update offer set region_code = '510105' where period_key = 'o-6'`.execute(db),
    ).rejects.toMatchObject(refused);
  });
});

describe('a referenced parent stays', () => {
  it.each([
    ['application', 'id', () => ids.application],
    ['account', 'id', () => ids.account],
    ['person', 'id', () => ids.person],
    ['organisation', 'id', () => ids.organisation],
    ['payment_batch', 'id', () => ids.batch],
    ['sweep_job', 'id', () => ids.sweep],
    ['fund', 'id', () => ids.fund],
    ['region', 'code', () => COUNTY],
    ['ledger_account', 'id', () => ids.ledgerAccount],
  ])('refuses deleting, re-keying or truncating %s', async (table, key, id) => {
    const db = app.database.db;
    await expect(
      sql`delete from ${sql.table(table)} where ${sql.ref(key)} = ${id()}`.execute(db),
    ).rejects.toMatchObject(refused);
    const other = key === 'code' ? '999998' : table === 'ledger_account' ? '999999999' : NOBODY;
    await expect(
      sql`update ${sql.table(table)} set ${sql.ref(key)} = ${other} where ${sql.ref(key)} = ${id()}`.execute(db),
    ).rejects.toMatchObject(refused);
    await expect(sql`truncate ${sql.table(table)} cascade`.execute(db)).rejects.toMatchObject(refused);
  });

  it('refuses truncating ledger transactions, which already refuse any update or delete', async () => {
    await expect(sql`truncate ledger_transaction cascade`.execute(app.database.db)).rejects.toMatchObject(refused);
  });

  it('keeps no per-row foreign key on the six tables, and checks each with a trigger per statement', async () => {
    const db = app.database.db;
    const keys = await sql<{ child: string }>`
      select conrelid::regclass::text as child from pg_constraint
       where contype = 'f' and conrelid::regclass::text in ('ledger_transaction', 'ledger_entry', 'application_event', 'notification', 'payment_item', 'offer')`.execute(
      db,
    );
    expect(keys.rows).toEqual([]);
    const triggers = await sql<{ name: string }>`
      select tgname as name from pg_trigger where tgname like '%_references_exist' order by 1`.execute(db);
    expect(triggers.rows.map((r) => r.name)).toEqual([
      'application_event_references_exist',
      'ledger_entry_references_exist',
      'ledger_transaction_references_exist',
      'notification_references_exist',
      'offer_references_exist',
      'payment_item_references_exist',
    ]);
  });
});
