import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import type { LedgerAccountKind } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { post, type Posting } from './ledger.js';

/**
 * The ledger's invariants under random sequences of operations, against a model: each operation
 * succeeds exactly when the model says it may, and afterwards every transaction balances, every
 * balance equals the sum of its entries, no account but the treasury is negative, and no
 * application has more than one payment outstanding.
 */
let app: TestApp;
let template: { personId: string; accountId: string };
const CITY = '510100';
const COUNTY = '510104';

beforeAll(async () => {
  app = await startTestApp();
  const clerk = await staff(app, 'ledger-clerk', ['clerk'], COUNTY);
  const person = (
    await clerk.request('POST', '/api/v1/people', { idNumber: idNumber('1990-01-01'), name: '账', regionCode: COUNTY })
  ).json<{ id: string }>();
  template = { personId: person.id, accountId: clerk.accountId };
});

/** Three fresh applications for one run: payment history is per application, across funds. */
async function freshApplications(run: number): Promise<string[]> {
  const rows = await app.database.db
    .insertInto('application')
    .values(
      [0, 1, 2].map((i) => ({
        number: `L-${run}-${i}`,
        subsidy_id: 'one-time-startup',
        applicant_kind: 'person' as const,
        person_id: template.personId,
        organisation_id: null,
        region_code: COUNTY,
        period_key: `ledger-run-${run}-${i}`,
        claim: '{}',
        state: 'approved',
        requested_by: template.accountId,
        idempotency_key: `ledger-run-${run}-${i}`,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
afterAll(() => app.close());

type Op =
  | { op: 'issue'; amount: number }
  | { op: 'allocate'; amount: number }
  | { op: 'commit' | 'release' | 'recover'; app: number; amount: number }
  | { op: 'pay'; app: number; amount: number; offset: -1 | 0 | 1 }
  | { op: 'return'; app: number };

const amount = fc.integer({ min: 1, max: 5_000 });
const appIndex = fc.integer({ min: 0, max: 2 });
const operation: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('issue' as const), amount: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ op: fc.constant('allocate' as const), amount }),
  fc.record({ op: fc.constantFrom('commit' as const, 'release' as const, 'recover' as const), app: appIndex, amount }),
  fc.record({
    op: fc.constant('pay' as const),
    app: appIndex,
    amount,
    offset: fc.constantFrom(0 as const, 0 as const, 0 as const, 1 as const, -1 as const),
  }),
  fc.record({ op: fc.constant('return' as const), app: appIndex }),
);

let runs = 0;

describe('the double-entry ledger', () => {
  it('keeps its invariants under any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        const db = app.database.db;
        const fund = await db
          .insertInto('fund')
          .values({
            code: `F-${++runs}`,
            name: '测试资金',
            source: 'central-employment',
            year: 2026,
            region_code: CITY,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const applications = await freshApplications(runs);
        const balance = new Map<string, number>();
        const bal = (region: string, kind: LedgerAccountKind) => balance.get(`${region}:${kind}`) ?? 0;
        const move = (from: [string, LedgerAccountKind], to: [string, LedgerAccountKind], n: number) => {
          balance.set(`${from[0]}:${from[1]}`, bal(...from) - n);
          balance.set(`${to[0]}:${to[1]}`, bal(...to) + n);
        };
        const pays = [0, 0, 0];
        const returns = [0, 0, 0];
        const lastPaid = [0, 0, 0];

        for (const o of ops) {
          let posting: Posting;
          let expected: 'ok' | 'INSUFFICIENT_FUNDS' | 'ALREADY_PAID' | 'PAYMENT_NOT_FOUND';
          let apply: () => void = () => undefined;
          const base = { fundId: fund.id };
          if (o.op === 'issue') {
            posting = {
              ...base,
              kind: 'issue',
              amountFen: o.amount,
              from: { region: CITY, account: 'treasury' },
              to: { region: CITY, account: 'available' },
            };
            expected = 'ok';
            apply = () => move([CITY, 'treasury'], [CITY, 'available'], o.amount);
          } else if (o.op === 'allocate') {
            posting = {
              ...base,
              kind: 'allocate',
              amountFen: o.amount,
              from: { region: CITY, account: 'available' },
              to: { region: COUNTY, account: 'available' },
            };
            expected = bal(CITY, 'available') >= o.amount ? 'ok' : 'INSUFFICIENT_FUNDS';
            apply = () => move([CITY, 'available'], [COUNTY, 'available'], o.amount);
          } else if (o.op === 'commit' || o.op === 'release' || o.op === 'recover') {
            const [from, to] = (
              {
                commit: ['available', 'committed'],
                release: ['committed', 'available'],
                recover: ['paid', 'recovered'],
              } as const
            )[o.op];
            posting = {
              ...base,
              kind: o.op,
              amountFen: o.amount,
              applicationId: applications[o.app],
              from: { region: COUNTY, account: from },
              to: { region: COUNTY, account: to },
            };
            expected = bal(COUNTY, from) >= o.amount ? 'ok' : 'INSUFFICIENT_FUNDS';
            apply = () => move([COUNTY, from], [COUNTY, to], o.amount);
          } else if (o.op === 'pay') {
            const attempt = returns[o.app]! + 1 + o.offset;
            posting = {
              ...base,
              kind: 'pay',
              amountFen: o.amount,
              applicationId: applications[o.app],
              attempt,
              from: { region: COUNTY, account: 'committed' },
              to: { region: COUNTY, account: 'paid' },
            };
            expected =
              o.offset !== 0 || pays[o.app]! > returns[o.app]!
                ? 'ALREADY_PAID'
                : bal(COUNTY, 'committed') >= o.amount
                  ? 'ok'
                  : 'INSUFFICIENT_FUNDS';
            apply = () => {
              move([COUNTY, 'committed'], [COUNTY, 'paid'], o.amount);
              pays[o.app]!++;
              lastPaid[o.app] = o.amount;
            };
          } else {
            const n = lastPaid[o.app] || 1;
            posting = {
              ...base,
              kind: 'payment-returned',
              amountFen: n,
              applicationId: applications[o.app],
              attempt: returns[o.app]! + 1,
              from: { region: COUNTY, account: 'paid' },
              to: { region: COUNTY, account: 'committed' },
            };
            expected =
              pays[o.app]! <= returns[o.app]!
                ? 'PAYMENT_NOT_FOUND'
                : bal(COUNTY, 'paid') >= n
                  ? 'ok'
                  : 'INSUFFICIENT_FUNDS';
            apply = () => {
              move([COUNTY, 'paid'], [COUNTY, 'committed'], n);
              returns[o.app]!++;
            };
          }
          const outcome = await db
            .transaction()
            .execute((trx) => post(trx, posting, 'F'))
            .then(() => 'ok' as const)
            .catch((e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`));
          expect(outcome, `${JSON.stringify(o)}`).toBe(expected);
          if (outcome === 'ok') apply();
        }

        const accounts = await db
          .selectFrom('ledger_account')
          .select(['region_code', 'kind', 'balance_fen'])
          .where('fund_id', '=', fund.id)
          .execute();
        for (const a of accounts)
          expect(Number(a.balance_fen), `${a.region_code}:${a.kind}`).toBe(bal(a.region_code, a.kind));
        const { rows: unbalanced } = await sql<{
          n: string;
        }>`select count(*) as n from (select transaction_id from ledger_entry group by transaction_id having sum(amount_fen) <> 0) t`.execute(
          db,
        );
        expect(Number(unbalanced[0]?.n)).toBe(0);
        const { rows: drift } = await sql<{
          n: string;
        }>`select count(*) as n from ledger_account a where a.balance_fen <> coalesce((select sum(amount_fen) from ledger_entry e where e.account_id = a.id), 0)`.execute(
          db,
        );
        expect(Number(drift[0]?.n)).toBe(0);
        const { rows: negative } = await sql<{
          n: string;
        }>`select count(*) as n from ledger_account where kind <> 'treasury' and balance_fen < 0`.execute(db);
        expect(Number(negative[0]?.n)).toBe(0);
        const { rows: outstanding } = await sql<{
          n: string;
        }>`select count(*) as n from (select application_id from ledger_transaction group by application_id
          having count(*) filter (where kind = 'pay') - count(*) filter (where kind = 'payment-returned') not in (0, 1)) t`.execute(
          db,
        );
        expect(Number(outstanding[0]?.n)).toBe(0);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('refuses an unbalanced transaction and any change to a posted entry', async () => {
    const db = app.database.db;
    const fund = await db
      .insertInto('fund')
      .values({ code: 'F-unbalanced', name: '测试', source: 'county-employment', year: 2026, region_code: COUNTY })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.transaction().execute((trx) =>
      post(
        trx,
        {
          kind: 'issue',
          fundId: fund.id,
          amountFen: 100,
          from: { region: COUNTY, account: 'treasury' },
          to: { region: COUNTY, account: 'available' },
        },
        'F',
      ),
    );
    const account = await db
      .selectFrom('ledger_account')
      .select('id')
      .where('fund_id', '=', fund.id)
      .where('kind', '=', 'available')
      .executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        const t = await trx
          .insertInto('ledger_transaction')
          .values({ kind: 'issue', fund_id: fund.id, amount_fen: '5', region_code: COUNTY })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('ledger_entry')
          .values({ transaction_id: t.id, account_id: account.id, amount_fen: '5' })
          .execute();
      }),
    ).rejects.toThrow(/does not balance/);
    await expect(sql`update ledger_entry set amount_fen = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_transaction`.execute(db)).rejects.toThrow(/append-only/);
    expect(
      (
        await db
          .selectFrom('ledger_account')
          .select('balance_fen')
          .where('id', '=', account.id)
          .executeTakeFirstOrThrow()
      ).balance_fen,
    ).toBe('100');
  });
});
