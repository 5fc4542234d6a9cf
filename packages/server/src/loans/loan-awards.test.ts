import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { borrower, parties, type Parties } from './loans.test-kit.js';

// 创业担保贷款奖补 in 四川 (川办发〔2024〕34号 （五）: "落实…奖补政策", no figure): nothing is awarded
// until a region sets its share with its own document. Here 成都 sets 0.5% of the year's new loans
// for its lending banks, and nothing for guarantee institutions.
const clock = TestClock.at('2024-12-31T10:00:00+08:00');
let app: TestApp;
let clerk: Client, clerk2: Client, counter: Client, reviewer: Client, approver: Client, finance: Client;
let officer: Client;
let p: Parties;

type Report = {
  region: string;
  ruleSet: boolean;
  rules: { role: string; set: boolean; sharePermille: number | null; summary: { zh: string; en: string } }[];
  rows: {
    role: string;
    newLoans: number;
    newLoanFen: number;
    awardFen: number;
    basis: string | null;
    claim: { applicationId: string | null; state: string | null } | null;
  }[];
  totals: { newLoans: number; newLoanFen: number; awardFen: number };
};
const report = async (year: number, c = clerk) => {
  const res = await c.request('GET', `/api/v1/loans/awards?year=${year}`);
  expectOk(res);
  return res.json<Report>();
};
const bankRow = (r: Report) => r.rows.find((x) => x.role === 'bank')!;
const guarantorRow = (r: Report) => r.rows.find((x) => x.role === 'guarantor')!;

/** Applied for on the clock's day, qualified and guaranteed: ready for the bank's contract. */
async function guaranteed(requestedFen: number): Promise<string> {
  const c = await borrower(app, '510104');
  const applied = await c.request('POST', '/api/v1/loans', {
    borrower: 'individual',
    requestedFen,
    termMonths: 36,
    purpose: '开办小吃店',
    bankId: p.bankId,
    guarantorId: p.guarantorId,
  });
  expectOk(applied, 201);
  const id = applied.json<{ id: string }>().id;
  expectOk(await reviewer.request('POST', `/api/v1/loans/${id}/qualification`, { approve: true }));
  expectOk(
    await p.guaranteeOfficer.request('POST', `/api/v1/loans/${id}/guarantee`, {
      approve: true,
      counterGuarantee: false,
    }),
  );
  return id;
}
async function disburse(bank: Client, id: string, principalFen: number, on: string): Promise<void> {
  expectOk(
    await bank.request('POST', `/api/v1/loans/${id}/contract`, {
      principalFen,
      annualRateBp: 345,
      termMonths: 36,
      disbursedOn: on,
    }),
  );
}

/** Sessions end when the clock jumps: the bank's officer signs in again on the new day. */
async function bankOfficerAgain(): Promise<Client> {
  const row = await app.database.db
    .selectFrom('account')
    .innerJoin('loan_institution', 'loan_institution.organisation_id', 'account.organisation_id')
    .select('account.username')
    .where('loan_institution.id', '=', p.bankId)
    .executeTakeFirstOrThrow();
  return login(app, row.username);
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  const setup = await staff(app, 'award-setup', ['clerk'], '510104');
  reviewer = await staff(app, 'award-qualifier', ['reviewer'], '510104');
  p = await parties(app, setup, '510104');
  const [a, b, c] = [await guaranteed(10_000_000), await guaranteed(20_000_000), await guaranteed(10_000_099)];
  await disburse(p.bankOfficer, a, 10_000_000, '2024-12-31');
  clock.setDate('2025-06-30');
  const bank = await bankOfficerAgain();
  await disburse(bank, b, 20_000_000, '2025-01-01');
  await disburse(bank, c, 10_000_099, '2025-06-30');
  clock.setDate('2026-01-12');
  clerk = await staff(app, 'award-clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'award-clerk2', ['clerk'], '510104');
  counter = await staff(app, 'award-counter', ['clerk'], '510104');
  reviewer = await staff(app, 'award-reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'award-approver', ['approver'], '510104');
  finance = await staff(app, 'award-finance', ['finance'], '510100');
  officer = await staff(app, 'award-officer', ['parameter-officer'], '510100');
}, 180_000);
afterAll(() => app.close());

describe('创业担保贷款奖补: a year’s awards to banks and guarantors, at the share the region set', () => {
  it('a loan disbursed on 31 December counts for that year, one on 1 January for the next', async () => {
    expect(bankRow(await report(2024))).toMatchObject({ newLoans: 1, newLoanFen: 10_000_000 });
    expect(bankRow(await report(2025))).toMatchObject({ newLoans: 2, newLoanFen: 30_000_099 });
    expect(guarantorRow(await report(2025))).toMatchObject({ newLoans: 2, newLoanFen: 30_000_099 });
  });

  it('with no share set, the report shows 0, says the region has set no rule, and nothing can be filed', async () => {
    const r = await report(2025);
    // Two loans, each on its bank's row and its guarantor's: two in the total, not four.
    expect(r).toMatchObject({ ruleSet: false, totals: { newLoans: 2, newLoanFen: 30_000_099, awardFen: 0 } });
    expect(r.rules[0]).toMatchObject({ role: 'bank', set: false, sharePermille: null });
    expect(r.rules[0]?.summary.zh).toContain('本地区未规定2025年度经办银行奖补标准');
    expect(r.rules[0]?.summary.en).toContain('This region has set no 2025 award for lending banks');
    const filed = await clerk.request('POST', '/api/v1/loans/awards', { year: 2025 });
    expectOk(filed);
    expect(filed.json()).toEqual({ filed: 0, awardFen: 0 });
  });

  it('成都 sets 0.5% for banks: 0.5% of 300,000.99元 is 1,500.00元 (rounded down), citing its document', async () => {
    expectOk(
      await officer.request('POST', '/api/v1/parameters', {
        parameter: 'startup-loan.award-bank-permille',
        regionCode: '510100',
        from: '2025-01-01',
        value: 5,
        note: '成财金〔2025〕1号 第三条（示例）',
      }),
      201,
    );
    const r = await report(2025);
    expect(r.ruleSet).toBe(true);
    expect(bankRow(r)).toMatchObject({ awardFen: 150_000, basis: '成财金〔2025〕1号 第三条（示例）', claim: null });
    expect(guarantorRow(r)).toMatchObject({ awardFen: 0 });
    // 2024's rule is the one in force on 2024-12-31: 成都's share starts in 2025.
    expect(bankRow(await report(2024))).toMatchObject({ awardFen: 0 });
  });

  it('fifty filings at once, by two clerks, file the bank’s award once; filing again files nothing', async () => {
    await fundRegion(app, '510104', 1_000_000, 'inclusive-finance');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? clerk : clerk2).request('POST', '/api/v1/loans/awards', { year: 2025 }),
      ),
    );
    for (const res of results) expectOk(res);
    const sums = results.map((res) => res.json<{ filed: number; awardFen: number }>());
    expect(sums.reduce((s, x) => s + x.filed, 0)).toBe(1);
    expect(sums.reduce((s, x) => s + x.awardFen, 0)).toBe(150_000);
    expect((await clerk.request('POST', '/api/v1/loans/awards', { year: 2025 })).json()).toEqual({
      filed: 0,
      awardFen: 0,
    });
    const claims = await app.database.db
      .selectFrom('application')
      .select(['id', 'payee_organisation_id', 'organisation_id'])
      .where('subsidy_id', '=', 'startup-loan-award')
      .execute();
    expect(claims).toHaveLength(1);
    expect(claims[0]?.payee_organisation_id).toBe(claims[0]?.organisation_id);
  }, 120_000);

  it('the award is accepted, reviewed, approved by different people and paid to the bank from inclusive finance', async () => {
    const id = bankRow(await report(2025)).claim?.applicationId as string;
    for (const [c, action] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
      [approver, 'release'],
    ] as const)
      expectOk(await c.request('POST', `/api/v1/applications/${id}/transitions`, { action }));
    const commit = await app.database.db
      .selectFrom('ledger_transaction')
      .innerJoin('fund', 'fund.id', 'ledger_transaction.fund_id')
      .select(['fund.source', 'ledger_transaction.amount_fen'])
      .where('application_id', '=', id)
      .execute();
    expect(commit).toEqual([{ source: 'inclusive-finance', amount_fen: '150000' }]);
    const created = await finance.request('POST', '/api/v1/payment-batches', { layout: 'generic-csv' });
    expectOk(created, 201);
    const batch = created.json<{ batches: { id: string; totalFen: number; channel: string }[] }>().batches[0]!;
    expect(batch).toMatchObject({ totalFen: 150_000, channel: 'bank-account' });
    expect((await finance.request('GET', `/api/v1/payment-batches/${batch.id}/file`)).body).toContain('示例农商银行');
    expect(bankRow(await report(2025)).claim).toMatchObject({ state: 'payable' });
  }, 60_000);
});
