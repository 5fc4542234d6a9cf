import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { borrower, parties, statement, xlsx, type Parties } from './loans.test-kit.js';

// 四川 (川办发〔2024〕34号 （五）, 2024-07-13 to 2025-12-31): 30万元 a person, 50% of the interest.
const clock = TestClock.at('2025-06-10T10:00:00+08:00');
let app: TestApp;
let clerk: Client, counter: Client, reviewer: Client, approver: Client, finance: Client;
let sichuan: Parties;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'loan-clerk', ['clerk'], '510104');
  counter = await staff(app, 'loan-counter', ['clerk'], '510104');
  reviewer = await staff(app, 'loan-reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'loan-approver', ['approver'], '510104');
  finance = await staff(app, 'loan-finance', ['finance'], '510100');
  sichuan = await parties(app, clerk, '510104');
}, 120_000);
afterAll(() => app.close());

type LoanT = {
  id: string;
  number: string;
  state: string;
  counterGuaranteeWaived: boolean | null;
  maturesOn: string;
  subsidyPaidFen: number;
  schedule: unknown[];
  periods: { period: string; outcome: string; subsidyFen: number; claimState: string | null }[];
};
const apply = (c: Client, requestedFen: number, p = sichuan) =>
  c.request('POST', '/api/v1/loans', {
    borrower: 'individual',
    requestedFen,
    termMonths: 36,
    purpose: '开办奶茶店',
    bankId: p.bankId,
    guarantorId: p.guarantorId,
  });

/** Applied, qualified, guaranteed (no counter-guarantee) and contracted at 3.45% on the day given. */
async function activeLoan(c: Client, requestedFen: number, disbursedOn: string, p = sichuan): Promise<LoanT> {
  const applied = await apply(c, requestedFen, p);
  expectOk(applied, 201);
  const id = applied.json<LoanT>().id;
  expectOk(await reviewer.request('POST', `/api/v1/loans/${id}/qualification`, { approve: true }));
  const guaranteed = await p.guaranteeOfficer.request('POST', `/api/v1/loans/${id}/guarantee`, {
    approve: true,
    counterGuarantee: false,
  });
  expectOk(guaranteed);
  expect(guaranteed.json<LoanT>().counterGuaranteeWaived).toBe(true);
  const contracted = await p.bankOfficer.request('POST', `/api/v1/loans/${id}/contract`, {
    principalFen: requestedFen,
    annualRateBp: 345,
    termMonths: 36,
    disbursedOn,
  });
  expectOk(contracted);
  return contracted.json<LoanT>();
}

const act = (c: Client, id: string, action: string) =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, { action });

describe('创业担保贷款 end to end (四川)', () => {
  let graduate: Client, late: Client;
  let a: LoanT, b: LoanT;

  it('anyone may read what the region’s text allows before applying: the limit with its article, or that none is offered', async () => {
    const terms = async (q: string) => (await app.http.inject({ url: `/api/v1/loans/terms?${q}` })).json();
    expect(await terms('region=510104&borrower=individual')).toMatchObject({
      region: '510104',
      on: '2025-06-10',
      limit: { value: 30_000_000, cites: expect.stringContaining('川办发〔2024〕34号') },
    });
    // 庆阳's text ended with 2023: no limit in force, so a form would only be refused.
    expect(await terms('region=621002&borrower=individual')).not.toHaveProperty('limit');
    expect(await terms('region=510104&borrower=company')).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'borrower',
    });
  });

  it('a graduate may apply for 30万元, not a fen more, and has one open loan at a time', async () => {
    graduate = await borrower(app, '510104');
    const over = await apply(graduate, 30_000_001);
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ code: 'LOAN_OVER_LIMIT', field: 'requestedFen' });
    expect(over.json<{ message: string }>().message).toContain('300,000元（川办发〔2024〕34号 （五））');
    const overInEnglish = await graduate.request(
      'POST',
      '/api/v1/loans',
      {
        borrower: 'individual',
        requestedFen: 30_000_001,
        termMonths: 36,
        purpose: '开办奶茶店',
        bankId: sichuan.bankId,
        guarantorId: sichuan.guarantorId,
      },
      { 'accept-language': 'en-US' },
    );
    expect(overInEnglish.json<{ message: string }>().message).toContain(
      'over the limit ¥300,000.00 (川办发〔2024〕34号 (5))',
    );
    expect(await app.database.db.selectFrom('loan').select('id').execute()).toHaveLength(0);
    a = await activeLoan(graduate, 20_000_000, '2025-06-10');
    expect(a).toMatchObject({ state: 'active', maturesOn: '2028-06-09' });
    expect(a.schedule).toHaveLength(12);
    expect((await apply(graduate, 1_000_000)).json()).toMatchObject({ code: 'LOAN_LIVE_EXISTS' });
  }, 60_000);

  it('the borrower is told of each decision: qualified, guaranteed, lent; and of a refusal with its reason', async () => {
    type Notice = { kind: string; loanId?: string; message: string };
    const messages = async (c: Client, language = 'zh-CN') =>
      (await c.request('GET', '/api/v1/notifications', undefined, { 'accept-language': language }))
        .json<{ notifications: Notice[] }>()
        .notifications.filter((n) => n.kind === 'loan')
        .map((n) => [n.loanId, n.message]);
    expect(await messages(graduate)).toEqual([
      [a.id, expect.stringContaining(`已于2025-06-10放款200,000元`)],
      [a.id, expect.stringContaining('担保已通过，请与经办银行联系')],
      [a.id, expect.stringContaining('已通过资格审核')],
    ]);
    expect((await messages(graduate, 'en-US'))[0]?.[1]).toContain('of ¥200,000.00 was disbursed on 2025-06-10');
    const refused = await borrower(app, '510104');
    const applied = await apply(refused, 1_000_000);
    expectOk(applied, 201);
    const id = applied.json<LoanT>().id;
    expectOk(
      await reviewer.request('POST', `/api/v1/loans/${id}/qualification`, {
        approve: false,
        reason: '经营项目不在扶持范围',
      }),
    );
    expect(await messages(refused)).toEqual([[id, expect.stringContaining('未通过资格审核：经营项目不在扶持范围')]]);
  }, 60_000);

  it('the bank cannot record a rate above its agreed cap; a borrower cannot review their own loan', async () => {
    late = await borrower(app, '510104');
    const applied = (await apply(late, 10_000_000)).json<LoanT>();
    expect(
      (await late.request('POST', `/api/v1/loans/${applied.id}/qualification`, { approve: true })).statusCode,
    ).toBe(403);
    expectOk(await reviewer.request('POST', `/api/v1/loans/${applied.id}/qualification`, { approve: true }));
    // 四川 waives no counter-guarantee: one asked is recorded for what it is, or the guarantee is not given.
    const guarantee = (body: object) =>
      sichuan.guaranteeOfficer.request('POST', `/api/v1/loans/${applied.id}/guarantee`, { approve: true, ...body });
    expect((await guarantee({})).json()).toMatchObject({ code: 'REQUIRED_FIELD', field: 'counterGuaranteeKind' });
    expect((await guarantee({ counterGuaranteeKind: 'guarantor' })).json()).toMatchObject({
      code: 'REQUIRED_FIELD',
      field: 'counterGuaranteeNote',
    });
    expect(
      (
        await guarantee({ counterGuarantee: false, counterGuaranteeKind: 'mortgage', counterGuaranteeNote: '房产' })
      ).json(),
    ).toMatchObject({ code: 'COUNTER_GUARANTEE_NOT_ASKED', field: 'counterGuaranteeKind' });
    const given = await guarantee({ counterGuaranteeKind: 'guarantor', counterGuaranteeNote: ' 公职人员王某某保证 ' });
    expectOk(given);
    expect(given.json()).toMatchObject({
      state: 'guaranteed',
      counterGuaranteeWaived: false,
      counterGuarantee: { kind: 'guarantor', note: '公职人员王某某保证' },
    });
    // Guaranteed for 36 months: a contract of 120 is a loan nobody qualified or guaranteed.
    const longer = await sichuan.bankOfficer.request('POST', `/api/v1/loans/${applied.id}/contract`, {
      principalFen: 10_000_000,
      annualRateBp: 445,
      termMonths: 120,
      disbursedOn: '2025-06-10',
    });
    expect(longer.json()).toMatchObject({ code: 'LOAN_TERM_OVER_GUARANTEED', field: 'termMonths' });
    // Above what was applied for: the amount in 元, not 分 (30000000 read as 3千万).
    const more = await sichuan.bankOfficer.request(
      'POST',
      `/api/v1/loans/${applied.id}/contract`,
      { principalFen: 10_000_001, annualRateBp: 445, termMonths: 36, disbursedOn: '2025-06-10' },
      { 'accept-language': 'en-US' },
    );
    expect(more.json()).toMatchObject({
      code: 'LOAN_OVER_REQUESTED',
      message: expect.stringContaining('more than the ¥100,000.00 applied for'),
    });
    const capped = await sichuan.bankOfficer.request('POST', `/api/v1/loans/${applied.id}/contract`, {
      principalFen: 10_000_000,
      annualRateBp: 446,
      termMonths: 36,
      disbursedOn: '2025-06-10',
    });
    expect(capped.json()).toMatchObject({ code: 'LOAN_RATE_OVER_CAP', field: 'annualRateBp' });
    // Guaranteed today (10 June): a disbursement dated the day before would be a loan nobody
    // vouched for, its terms read before the guarantee.
    const early = await sichuan.bankOfficer.request(
      'POST',
      `/api/v1/loans/${applied.id}/contract`,
      { principalFen: 10_000_000, annualRateBp: 445, termMonths: 36, disbursedOn: '2025-06-09' },
      { 'accept-language': 'en-US' },
    );
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'LOAN_DISBURSED_BEFORE_GUARANTEE',
      field: 'disbursedOn',
      message: expect.stringContaining('before it was guaranteed (2025-06-10)'),
    });
    const contracted = await sichuan.bankOfficer.request('POST', `/api/v1/loans/${applied.id}/contract`, {
      principalFen: 10_000_000,
      annualRateBp: 445,
      termMonths: 36,
      disbursedOn: '2025-06-10',
    });
    expectOk(contracted);
    b = contracted.json<LoanT>();
    // Once lent, it is not guaranteed again; the refusal names the state in the reader's language.
    const again = await sichuan.guaranteeOfficer.request(
      'POST',
      `/api/v1/loans/${applied.id}/guarantee`,
      { approve: true, counterGuarantee: false },
      { 'accept-language': 'en-US' },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('The loan is being repaid; this cannot be done now');
  }, 60_000);

  it('四川 states no extension: the bank cannot extend', async () => {
    const res = await sichuan.bankOfficer.request('POST', `/api/v1/loans/${a.id}/extension`, {
      extendedTo: '2029-06-09',
      reason: '受灾',
    });
    expect(res.json()).toMatchObject({ code: 'LOAN_EXTENSION_NOT_ALLOWED' });
  }, 60_000);

  it('a statement with errors imports nothing and names every row and field at once', async () => {
    // A quarter later: sessions from before do not survive the move.
    clock.setDate('2025-10-10');
    const again = (c: Client) => login(app, c.username);
    clerk = await again(clerk);
    counter = await again(counter);
    reviewer = await again(reviewer);
    approver = await again(approver);
    finance = await again(finance);
    graduate = await again(graduate);
    late = await again(late);
    sichuan = {
      ...sichuan,
      bankOfficer: await again(sichuan.bankOfficer),
      guaranteeOfficer: await again(sichuan.guaranteeOfficer),
    };
    const bad = await statement([
      ['DB510104-2025-99999', '2025-Q3', '100.00', '3.45', '1.00', '是'],
      [a.number, '2025-Q3', '300000.00', '4.50', '1743.33', '是'],
      [b.number, '2025-Q3', '100000.00', '4.45', '1124.86', '否'],
      [b.number, '2025-Q3', '100000.00', '4.45', '1124.86', '否'],
      // Four cells wrong in one row: each is named, not only the first.
      [b.number, 'Q3-2025', '十万', '4.456', '1124.86', '也许'],
    ]);
    const res = await sichuan.bankOfficer.request('POST', '/api/v1/loans/statements', bad, xlsx);
    expect(res.statusCode).toBe(422);
    const errors = res.json<{ errors: { row: number; field: string }[] }>().errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'loanNumber'],
      [3, 'balance'],
      [3, 'annualRate'],
      [5, 'period'],
      [6, 'period'],
      [6, 'balance'],
      [6, 'annualRate'],
      [6, 'repaidOnTime'],
    ]);
    expect(await app.database.db.selectFrom('loan_period').select('id').execute()).toHaveLength(0);

    // 20万元 at 3.45% for Q3's 92 days bears at most 1,763.34 元 (360-day year, rounded up): a
    // statement claiming more, whatever balance and rate it shows, is not this loan's interest.
    const inflated = await statement([[a.number, '2025-Q3', '1.00', '0.01', '9999999.99', '是']]);
    const refused = await sichuan.bankOfficer.request('POST', '/api/v1/loans/statements', inflated, xlsx);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { row: number; field: string }[] }>().errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'interest'],
    ]);
    const most = await statement([[a.number, '2025-Q3', '200000.00', '3.45', '1763.35', '是']]);
    const over = await sichuan.bankOfficer.request('POST', '/api/v1/loans/statements', most, xlsx);
    expect(over.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['interest']);
  }, 60_000);

  it('a quarter repaid on time earns half its interest, rounded down; one repaid late earns nothing', async () => {
    const file = await statement([
      [a.number, '2025-Q3', '200000.00', '3.45', '1743.33', '是'],
      [b.number, '2025-Q3', '100000.00', '4.45', '1124.86', '否'],
    ]);
    const res = await sichuan.bankOfficer.request('POST', '/api/v1/loans/statements', file, xlsx);
    expectOk(res);
    // 1743.33元 × 50% = 871.665元 → 871.66元
    expect(res.json()).toMatchObject({ period: '2025-Q3', rows: 2, subsidyFen: 87_166 });
    // The same file again, or another with a quarter already done, computes nothing twice.
    expect((await sichuan.bankOfficer.request('POST', '/api/v1/loans/statements', file, xlsx)).json()).toMatchObject({
      code: 'STATEMENT_ALREADY_IMPORTED',
    });
    const again = await statement([[a.number, '2025-Q3', '200000.00', '3.45', '1743.34', '是']]);
    const twice = await sichuan.bankOfficer.request('POST', '/api/v1/loans/statements', again, xlsx);
    expect(twice.json<{ errors: { row: number; field: string }[] }>().errors).toMatchObject([
      { row: 2, field: 'period' },
    ]);
    // A quarter still running cannot be settled yet.
    const early = await statement([[a.number, '2025-Q4', '200000.00', '3.45', '1743.33', '是']]);
    const running = await sichuan.bankOfficer.request('POST', '/api/v1/loans/statements', early, xlsx);
    expect(running.json<{ errors: { row: number; field: string }[] }>().errors).toMatchObject([
      { row: 2, field: 'period' },
    ]);
    const late = (await graduate.request('GET', `/api/v1/loans/${a.id}`)).json<LoanT>();
    expect(late.periods).toMatchObject([{ period: '2025-Q3', outcome: 'subsidised', subsidyFen: 87_166 }]);
    const lateB = (await sichuan.bankOfficer.request('GET', `/api/v1/loans/${b.id}`)).json<LoanT>();
    expect(lateB.periods).toMatchObject([{ outcome: 'overdue', subsidyFen: 0 }]);
  }, 60_000);

  it('the claim is filed, reviewed and paid to the bank from the inclusive-finance fund, once', async () => {
    // The employment fund may not pay it (181号 第十六条（四）); the inclusive-finance fund does.
    await fundRegion(app, '510104', 10_000_000);
    await fundRegion(app, '510104', 1_000_000, 'inclusive-finance');
    const filed = await clerk.request('POST', '/api/v1/loans/claims');
    expectOk(filed);
    expect(filed.json()).toMatchObject({ filed: 1, subsidyFen: 87_166 });
    expect((await clerk.request('POST', '/api/v1/loans/claims')).json()).toMatchObject({ filed: 0 });
    const period = await app.database.db
      .selectFrom('loan_period')
      .select('application_id')
      .where('loan_id', '=', a.id)
      .executeTakeFirstOrThrow();
    const id = period.application_id as string;
    for (const [c, action] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
      [approver, 'release'],
    ] as const)
      expectOk(await act(c, id, action));
    const app1 = (await finance.request('GET', `/api/v1/applications/${id}`)).json<{
      amountFen: number;
      state: string;
    }>();
    expect(app1).toMatchObject({ amountFen: 87_166, state: 'payable' });
    const commit = await app.database.db
      .selectFrom('ledger_transaction')
      .innerJoin('fund', 'fund.id', 'ledger_transaction.fund_id')
      .select(['fund.source', 'ledger_transaction.amount_fen'])
      .where('application_id', '=', id)
      .execute();
    expect(commit).toEqual([{ source: 'inclusive-finance', amount_fen: '87166' }]);

    const created = await finance.request('POST', '/api/v1/payment-batches', { layout: 'generic-csv' });
    expectOk(created, 201);
    const batch = created.json<{ batches: { id: string; totalFen: number; channel: string }[] }>().batches[0]!;
    expect(batch).toMatchObject({ totalFen: 87_166, channel: 'bank-account' });
    const bankFile = (await finance.request('GET', `/api/v1/payment-batches/${batch.id}/file`)).body;
    expect(bankFile).toContain('示例农商银行');
    const account = /6217\d+/.exec(bankFile)?.[0] ?? '';
    const returned = Buffer.from(
      `序号,账号,户名,金额,处理结果,失败原因,银行流水号\r\n1,${account},示例农商银行1,871.66,成功,,BK1\r\n`,
      'utf8',
    );
    expectOk(
      await finance.request('POST', `/api/v1/payment-batches/${batch.id}/returns`, returned, {
        'content-type': 'text/csv',
      }),
    );
    const seen = (await graduate.request('GET', `/api/v1/loans/${a.id}`)).json<LoanT>();
    expect(seen.subsidyPaidFen).toBe(87_166);
    expect(seen.periods[0]).toMatchObject({ claimState: 'paid' });
    // The borrower is told the money went to the bank, not to their own account.
    const told = (await graduate.request('GET', '/api/v1/notifications')).json<{
      notifications: { kind: string; message: string }[];
    }>();
    expect(told.notifications.find((n) => n.kind === 'paid')?.message).toContain('871.66元已拨付至示例农商银行1的账户');
  }, 60_000);

  it('default goes to the guarantee fund (代偿), within what the fund has left', async () => {
    // A reason that prints as nothing is no reason.
    const blank = await sichuan.bankOfficer.request('POST', `/api/v1/loans/${b.id}/default`, {
      on: '2025-10-10',
      reason: '\u200b',
    });
    expect(blank.json()).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    expectOk(
      await sichuan.bankOfficer.request('POST', `/api/v1/loans/${b.id}/default`, {
        on: '2025-10-10',
        reason: '连续逾期',
      }),
    );
    // The fund pays for a default that has happened: not on a day before it, and the day is named.
    const early = await sichuan.guaranteeOfficer.request('POST', `/api/v1/loans/${b.id}/compensation`, {
      amountFen: 9_000_000,
      compensatedOn: '2025-10-09',
    });
    expect(early.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'compensatedOn' });
    expect(early.json<{ message: string }>().message).toContain('2025-10-10');
    const over = await sichuan.guaranteeOfficer.request('POST', `/api/v1/loans/${b.id}/compensation`, {
      amountFen: 10_000_001,
      compensatedOn: '2025-10-10',
    });
    // The principal in 元, as the guarantor reads it, not in 分.
    expect(over.json()).toMatchObject({
      code: 'COMPENSATION_OVER_PRINCIPAL',
      field: 'amountFen',
      message: '字段 金额：代偿金额不能超过贷款本金 100,000元',
    });
    const done = await sichuan.guaranteeOfficer.request('POST', `/api/v1/loans/${b.id}/compensation`, {
      amountFen: 9_000_000,
      compensatedOn: '2025-10-10',
    });
    expectOk(done);
    expect(done.json()).toMatchObject({ state: 'compensated', compensationFen: 9_000_000 });
    // The audit trail says how much the fund paid and on which day, not only the new state.
    const entry = await app.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('entity_id', '=', b.id)
      .where('action', '=', 'loans.compensated')
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ state: 'compensated', amountFen: 9_000_000, compensatedOn: '2025-10-10' });
  }, 60_000);

  it('repaid early, the borrower may borrow again; the register sums the region', async () => {
    // Its 2025-Q3 statement is imported: it cannot have ended the day before that quarter began.
    const before = await sichuan.bankOfficer.request('POST', `/api/v1/loans/${a.id}/repayment`, { on: '2025-06-30' });
    expect(before.statusCode).toBe(409);
    expect(before.json()).toMatchObject({ code: 'LOAN_QUARTER_AFTER_END', field: 'on' });
    expect(before.json<{ message: string }>().message).toContain('2025-Q3');
    expectOk(await sichuan.bankOfficer.request('POST', `/api/v1/loans/${a.id}/repayment`, { on: '2025-10-10' }));
    expect((await apply(graduate, 5_000_000)).statusCode).toBe(201);
    const register = (await approver.request('GET', '/api/v1/loans/register')).json<unknown[]>();
    expect(register).toEqual([
      {
        regionCode: '510104',
        // Two lent, one applied for again, and one refused at its qualification.
        count: 4,
        active: 0,
        balanceFen: 0,
        subsidyPaidFen: 87_166,
        defaulted: 1,
        disbursed: 2,
        defaultRatePermille: 500,
      },
    ]);
  }, 60_000);

  it('a bank sees only its own loans, and no other party acts for it', async () => {
    const other = await parties(app, clerk, '510104');
    expect((await other.bankOfficer.request('GET', `/api/v1/loans/${a.id}`)).statusCode).toBe(404);
    expect((await other.bankOfficer.request('GET', '/api/v1/loans')).json()).toEqual([]);
    expect((await graduate.request('GET', '/api/v1/loans')).json<unknown[]>()).toHaveLength(2);
  }, 60_000);

  it('a statement for a quarter after the loan was repaid says so, not that its interest is over 0 days', async () => {
    // Repaid on 10 October 2025; the first quarter of 2026 has ended by 10 April.
    clock.setDate('2026-04-10');
    const bank = await login(app, sichuan.bankOfficer.username);
    const after = await statement([[a.number, '2026-Q1', '200000.00', '3.45', '1700.00', '是']]);
    const res = await bank.request('POST', '/api/v1/loans/statements', after, { ...xlsx, 'accept-language': 'en-US' });
    expect(res.json<{ errors: { row: number; field: string; message: { en: string } }[] }>().errors).toMatchObject([
      { row: 2, field: 'period', message: { en: expect.stringContaining('after the loan ended on 2025-10-10') } },
    ]);
  }, 60_000);
});
