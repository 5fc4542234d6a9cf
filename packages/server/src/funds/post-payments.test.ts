import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { post, postPayments, type PaymentPosting } from './ledger.js';

/**
 * Payments posted as a set (a payment batch's settlement): each is committed → paid with both its
 * entries, in the accounts of the regions the caller names. A payment whose region was left out
 * finds no accounts, and the whole set is refused: never a payment without its entries.
 */
let app: TestApp;
let actorId: string;
let applications: string[];
const CITY = '510100';
const COUNTY = '510104';

beforeAll(async () => {
  app = await startTestApp();
  const clerk = await staff(app, 'payments-clerk', ['clerk'], COUNTY);
  actorId = clerk.accountId;
  const person = (
    await clerk.request('POST', '/api/v1/people', { idNumber: idNumber('1991-01-01'), name: '付', regionCode: COUNTY })
  ).json<{ id: string }>();
  const rows = await app.database.db
    .insertInto('application')
    .values(
      [0, 1].map((i) => ({
        number: `PP-${i}`,
        subsidy_id: 'one-time-startup',
        applicant_kind: 'person' as const,
        person_id: person.id,
        organisation_id: null,
        region_code: COUNTY,
        period_key: `post-payments-${i}`,
        claim: '{}',
        state: 'payable',
        requested_by: actorId,
        idempotency_key: `post-payments-${i}`,
      })),
    )
    .returning('id')
    .execute();
  applications = rows.map((r) => r.id);
});
afterAll(() => app.close());

describe('payments posted as a set', () => {
  it('pays in the regions named, and refuses the whole set when a region is left out', async () => {
    const db = app.database.db;
    const fund = await db
      .insertInto('fund')
      .values({ code: 'PP-1', name: '测试资金', source: 'central-employment', year: 2026, region_code: CITY })
      .returning('id')
      .executeTakeFirstOrThrow();
    const move = (kind: 'issue' | 'allocate' | 'commit', amountFen: number, applicationId?: string) =>
      db.transaction().execute((trx) =>
        post(
          trx,
          {
            kind,
            fundId: fund.id,
            amountFen,
            from: { region: kind === 'commit' ? COUNTY : CITY, account: kind === 'issue' ? 'treasury' : 'available' },
            to: { region: kind === 'issue' ? CITY : COUNTY, account: kind === 'commit' ? 'committed' : 'available' },
            ...(applicationId ? { applicationId } : {}),
          },
          'PP-1',
        ),
      );
    await move('issue', 60_000);
    await move('allocate', 60_000);
    for (const id of applications) await move('commit', 30_000, id);
    const payments: PaymentPosting[] = applications.map((id, k) => ({
      applicationId: id,
      amountFen: '30000',
      memo: `PB#${k + 1}`,
    }));
    const pay = (regions: string[]) =>
      db
        .transaction()
        .execute((trx) => postPayments(trx, { fundId: fund.id, actorId, at: new Date(), payments, regions }));
    const balances = () =>
      db
        .selectFrom('ledger_account')
        .select(['region_code', 'kind', 'balance_fen'])
        .where('fund_id', '=', fund.id)
        .where('kind', 'in', ['committed', 'paid'])
        .orderBy('kind')
        .execute();

    await expect(pay([CITY])).rejects.toThrow();
    expect(await balances()).toEqual([{ region_code: COUNTY, kind: 'committed', balance_fen: '60000' }]);

    await pay([COUNTY]);
    expect(await balances()).toEqual([
      { region_code: COUNTY, kind: 'committed', balance_fen: '0' },
      { region_code: COUNTY, kind: 'paid', balance_fen: '60000' },
    ]);
  });
});
