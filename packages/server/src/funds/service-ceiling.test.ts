import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/** 四川 办法 第十二条: central and provincial money for service subsidies stays within 15% of the year's funds. */
const clock = TestClock.at('2025-06-02T10:00:00+08:00');
let app: TestApp;
let province: Client, clerk: Client, counter: Client, reviewer: Client, approver: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  province = await staff(app, 'province-finance', ['finance'], '510000');
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  counter = await staff(app, 'counter', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'approver', ['approver'], '510104');
});
afterAll(() => app.close());

async function fund(code: string, receivedFen: number): Promise<void> {
  const created = await province.request('POST', '/api/v1/funds', {
    code,
    name: code,
    source: 'central-employment',
    year: 2025,
    regionCode: '510000',
  });
  const id = created.json<{ id: string }>().id;
  expectOk(await province.request('POST', `/api/v1/funds/${id}/issuance`, { amountFen: receivedFen }));
  expectOk(
    await province.request('POST', `/api/v1/funds/${id}/allocations`, {
      fromRegion: '510000',
      toRegion: '510104',
      amountFen: receivedFen,
    }),
  );
}

/** An assistance base employing ten poverty-alleviated people, its 50,000元 award reviewed. */
async function reviewedBaseAward(): Promise<string> {
  const unit = await clerk.request('POST', '/api/v1/organisations', {
    creditCode: creditCode('510104'),
    name: '帮扶基地公司',
    category: 'enterprise',
    regionCode: '510104',
    facts: [{ kind: 'designation', data: { kind: 'assistance-base', from: '2025-01-01' } }],
  });
  expectOk(unit, 201);
  const workers = [];
  for (let i = 0; i < 10; i++) {
    const id = idNumber('1990-02-02');
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: id,
        name: `工人${i}`,
        regionCode: '510104',
        facts: [{ kind: 'status', data: { kind: 'poverty-alleviated', from: '2021-01-01' } }],
      }),
      201,
    );
    workers.push({
      idNumber: id,
      contractMonths: 12,
      workedMonths: 6,
      insuredMonths: 6,
      firstExport: false,
      destination: 'outside-county',
    });
  }
  const filed = await clerk.request('POST', '/api/v1/applications', {
    subsidy: 'assistance-base-award',
    organisationId: unit.json<{ id: string }>().id,
    claim: { workers },
    idempotencyKey: 'base-award-0001',
    submit: true,
  });
  expectOk(filed, 201);
  const id = filed.json<{ id: string }>().id;
  expectOk(await counter.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'accept' }));
  expectOk(await reviewer.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'review' }));
  return id;
}

describe('the 15% ceiling on service subsidies', () => {
  it('refuses a 50,000元 award from central money of 200,000元 (15% = 30,000元), citing 第十二条', async () => {
    await fund('ZY-2025-A', 20_000_000);
    const id = await reviewedBaseAward();
    const res = await approver.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'approve' });
    expect(res.json()).toMatchObject({ code: 'SPENDING_RULE', message: expect.stringContaining('第十二条') });

    // A second fund of 400,000元 (its 15% is 60,000元) can pay it; the ceiling is kept fund by fund.
    await fund('ZY-2025-B', 40_000_000);
    expect(
      (await approver.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'approve' })).json(),
    ).toMatchObject({ state: 'approved', amountFen: 5_000_000 });
  });
});
