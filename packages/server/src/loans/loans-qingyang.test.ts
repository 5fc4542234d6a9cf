import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { borrower, parties, statement, xlsx, type Parties } from './loans.test-kit.js';

// 庆阳 (庆政办发〔2023〕102号 第16条, 2023-10-27 to 2023-12-31): 20万元 a person (+10% in a
// partnership), 3 years, no counter-guarantee up to 10万元, one extension of at most a year; the
// share of interest is left to the province ("按规定"), so no quarter is subsidised.
const clock = TestClock.at('2023-11-01T10:00:00+08:00');
let app: TestApp;
let clerk: Client, reviewer: Client;
let qingyang: Parties;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'qy-clerk', ['clerk'], '621002');
  reviewer = await staff(app, 'qy-reviewer', ['reviewer'], '621000');
  qingyang = await parties(app, clerk, '621002');
}, 120_000);
afterAll(() => app.close());

const apply = (c: Client, borrowerKind: string, requestedFen: number, termMonths = 36) =>
  c.request('POST', '/api/v1/loans', {
    borrower: borrowerKind,
    requestedFen,
    termMonths,
    purpose: '开办农家乐',
    bankId: qingyang.bankId,
    guarantorId: qingyang.guarantorId,
  });

describe('创业担保贷款 in 庆阳', () => {
  it('an individual may borrow 20万元 for 36 months, a partner 22万元; a fen or a month more is refused', async () => {
    const a = await borrower(app, '621002');
    expect((await apply(a, 'individual', 20_000_001)).json()).toMatchObject({ code: 'LOAN_OVER_LIMIT' });
    expect((await apply(a, 'individual', 20_000_000, 37)).json()).toMatchObject({
      code: 'LOAN_TERM_TOO_LONG',
      field: 'termMonths',
    });
    expect((await apply(a, 'partnership', 22_000_001)).json()).toMatchObject({ code: 'LOAN_OVER_LIMIT' });
    expectOk(await apply(a, 'partnership', 22_000_000), 201);
  }, 60_000);

  it('up to 10万元 the guarantor may not ask for a counter-guarantee; the bank may extend once, up to a year', async () => {
    const b = await borrower(app, '621002');
    const id = (await apply(b, 'individual', 10_000_000)).json<{ id: string }>().id;
    expectOk(await reviewer.request('POST', `/api/v1/loans/${id}/qualification`, { approve: true }));
    const asked = await qingyang.guaranteeOfficer.request('POST', `/api/v1/loans/${id}/guarantee`, {
      approve: true,
      counterGuarantee: true,
    });
    expect(asked.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'counterGuarantee' });
    // Waived by the text, so there is none to describe.
    const described = await qingyang.guaranteeOfficer.request('POST', `/api/v1/loans/${id}/guarantee`, {
      approve: true,
      counterGuaranteeKind: 'mortgage',
      counterGuaranteeNote: '商铺抵押',
    });
    expect(described.json()).toMatchObject({ code: 'COUNTER_GUARANTEE_NOT_ASKED', field: 'counterGuaranteeKind' });
    const guaranteed = await qingyang.guaranteeOfficer.request('POST', `/api/v1/loans/${id}/guarantee`, {
      approve: true,
    });
    expect(guaranteed.json()).toMatchObject({ state: 'guaranteed', counterGuaranteeWaived: true });
    const contracted = await qingyang.bankOfficer.request('POST', `/api/v1/loans/${id}/contract`, {
      principalFen: 10_000_000,
      annualRateBp: 345,
      termMonths: 36,
      disbursedOn: '2023-11-01',
    });
    expect(contracted.json()).toMatchObject({ state: 'active', maturesOn: '2026-10-31' });
    const extend = (extendedTo: string) =>
      qingyang.bankOfficer.request('POST', `/api/v1/loans/${id}/extension`, { extendedTo, reason: '受灾影响流动性' });
    expect((await extend('2027-11-01')).json()).toMatchObject({ code: 'LOAN_EXTENSION_NOT_ALLOWED' });
    expect((await extend('2027-10-31')).json()).toMatchObject({ extendedTo: '2027-10-31' });
    expect((await extend('2027-06-30')).json()).toMatchObject({ code: 'LOAN_EXTENSION_NOT_ALLOWED' });

    // A quarter repaid on time earns nothing: 庆阳's text leaves the share to the province.
    const number = contracted.json<{ number: string }>().number;
    const file = await statement([[number, '2023-Q4', '100000.00', '3.45', '581.39', '是']]);
    clock.setDate('2024-01-10');
    const bank = await login(app, qingyang.bankOfficer.username);
    expect((await bank.request('POST', '/api/v1/loans/statements', file, xlsx)).json()).toMatchObject({
      rows: 1,
      subsidyFen: 0,
    });
    const seen = (await bank.request('GET', `/api/v1/loans/${id}`)).json<{ periods: unknown[] }>();
    expect(seen.periods).toMatchObject([{ period: '2023-Q4', outcome: 'share-not-set', subsidyFen: 0 }]);
  }, 60_000);
});
