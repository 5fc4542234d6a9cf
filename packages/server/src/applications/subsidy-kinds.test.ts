import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The whole lifecycle over the API for six subsidy kinds, for people and for employers: the clerk
 * registers the facts, files at the counter, and each step is taken by its own account. The
 * amounts are the engine's, with the example local standards the demo regions carry.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, counter: Client, reviewer: Client, approver: Client, finance: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  clerk = await staff(app, 'registry-clerk', ['clerk'], '510104');
  counter = await staff(app, 'counter-clerk', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'approver', ['approver'], '510100');
  finance = await staff(app, 'finance', ['finance'], '510100');
});
afterAll(() => app.close());

type Fact = { kind: string; data: Record<string, unknown> };
const unitCode = creditCode('510104');

async function registerPerson(
  birth: string,
  facts: Fact[],
  sex: 'male' | 'female' = 'male',
): Promise<{ id: string; idNumber: string }> {
  const id = idNumber(birth, sex, '510104');
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: id,
    name: '测试',
    regionCode: '510104',
    facts,
  });
  expectOk(res, 201);
  return { id: res.json<{ id: string }>().id, idNumber: id };
}

const act = async (c: Client, id: string, action: string, extra: Record<string, unknown> = {}) => {
  const res = await c.request('POST', `/api/v1/applications/${id}/transitions`, { action, ...extra });
  expectOk(res);
  return res.json<{ state: string; amountFen?: number }>();
};

let filings = 0;

/** Files the application (by the registry clerk), then accept → review → approve → release → pay. */
async function throughPayment(body: Record<string, unknown>): Promise<number | undefined> {
  const filed = await clerk.request('POST', '/api/v1/applications', {
    ...body,
    idempotencyKey: `kinds-${String(body.subsidy)}-${++filings}`,
    submit: true,
  });
  expectOk(filed, 201);
  const id = filed.json<{ id: string }>().id;
  await act(counter, id, 'accept');
  await act(reviewer, id, 'review');
  const approved = await act(approver, id, 'approve');
  await act(approver, id, 'release');
  expect((await act(finance, id, 'pay', { paymentReference: 'T-1' })).state).toBe('paid');
  return approved.amountFen;
}

const flexibleInsurance = (fromMonth: string, toMonth: string, payer = 'self', employer?: string): Fact => ({
  kind: 'insurance',
  data: {
    fromMonth,
    toMonth,
    payer,
    ...(employer ? { employer } : {}),
    pensionFen: 60_000,
    medicalFen: 30_000,
    unemploymentFen: 3_000,
  },
});

describe('six subsidy kinds, from filing to payment', () => {
  it('职业培训补贴: a registered-unemployed trainee with a skill-level certificate', async () => {
    const p = await registerPerson('1995-04-01', [
      { kind: 'status', data: { kind: 'registered-unemployed', from: '2025-01-01' } },
      {
        kind: 'certificate',
        data: {
          id: 'C-2026-001',
          kind: 'skill-level',
          occupation: '电工',
          level: 4,
          issuedOn: '2026-10-20',
          training: { kind: 'employment-skills', from: '2026-09-01', to: '2026-10-10' },
        },
      },
    ]);
    expect(
      await throughPayment({ subsidy: 'vocational-training', personId: p.id, claim: { certificateId: 'C-2026-001' } }),
    ).toBe(150_000);
  });

  it('职业技能评价补贴: a first evaluation', async () => {
    const p = await registerPerson('1990-02-01', [
      { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
      {
        kind: 'certificate',
        data: {
          id: 'E-2026-001',
          kind: 'skill-level',
          occupation: '焊工',
          level: 5,
          issuedOn: '2026-10-01',
          firstEvaluation: true,
        },
      },
    ]);
    expect(
      await throughPayment({ subsidy: 'skill-evaluation', personId: p.id, claim: { certificateId: 'E-2026-001' } }),
    ).toBe(30_000);
  });

  it('就业困难人员灵活就业社会保险补贴: 2/3 of ten months', async () => {
    const p = await registerPerson('1985-03-01', [
      { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-01-01' } },
      { kind: 'employment', data: { kind: 'flexible', from: '2025-01-01' } },
      flexibleInsurance('2026-01', '2026-10'),
    ]);
    // 10 × 93,000 = 930,000 at 66.7% = 620,310, capped at 2/3 = 620,000.
    expect(
      await throughPayment({
        subsidy: 'social-insurance-flexible-hard-to-employ',
        personId: p.id,
        claim: { fromMonth: '2026-01', toMonth: '2026-10' },
      }),
    ).toBe(620_000);
  });

  it('公益性岗位补贴: a hard-to-employ person placed on a post, at the minimum wage', async () => {
    const p = await registerPerson('1975-05-05', [
      { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-06-01' } },
      {
        kind: 'employment',
        data: {
          kind: 'public-welfare-post',
          employer: unitCode,
          from: '2026-01-01',
          placement: 1,
          postName: '社区保洁',
        },
      },
    ]);
    const amount = await throughPayment({
      subsidy: 'public-welfare-post',
      personId: p.id,
      claim: { fromMonth: '2026-01', toMonth: '2026-10' },
    });
    expect(amount).toBe(10 * 210_000);
  });

  it('小微企业招用高校毕业生社会保险补贴: an employer claims for a graduate it hired', async () => {
    const unit = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: unitCode,
      name: '成都锦江示例科技有限公司',
      category: 'enterprise',
      sizeClass: 'small',
      regionCode: '510104',
    });
    expectOk(unit, 201);
    const grad = await registerPerson('2003-09-09', [
      { kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } },
      {
        kind: 'employment',
        data: { kind: 'labour-contract', employer: unitCode, from: '2026-07-01', contractMonths: 12 },
      },
      {
        kind: 'insurance',
        data: {
          fromMonth: '2026-07',
          toMonth: '2026-10',
          payer: 'employer',
          employer: unitCode,
          pensionFen: 50_000,
          medicalFen: 20_000,
          unemploymentFen: 2_000,
        },
      },
    ]);
    const amount = await throughPayment({
      subsidy: 'social-insurance-employer-graduate',
      organisationId: unit.json<{ id: string }>().id,
      claim: {
        hires: [{ idNumber: grad.idNumber, contractStart: '2026-07-01', contractMonths: 12, insuredMonths: 4 }],
        fromMonth: '2026-07',
        toMonth: '2026-10',
      },
    });
    expect(amount).toBe(4 * 72_000);

    // Those months are paid for this hire now: a second claim for one of them is refused.
    const again = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'social-insurance-employer-graduate',
      organisationId: unit.json<{ id: string }>().id,
      claim: {
        hires: [{ idNumber: grad.idNumber, contractStart: '2026-07-01', contractMonths: 12, insuredMonths: 4 }],
        fromMonth: '2026-07',
        toMonth: '2026-07',
      },
      idempotencyKey: 'kinds-employer-again',
      submit: true,
    });
    const againId = again.json<{ id: string }>().id;
    await act(counter, againId, 'accept', { reason: '材料齐全，所涉月份是否已享受由审核核定' });
    expect(
      (await reviewer.request('POST', `/api/v1/applications/${againId}/transitions`, { action: 'review' })).json(),
    ).toMatchObject({ code: 'DECISION_NOT_ELIGIBLE' });
  });

  it('一次性求职补贴 waits for its publicity to end before payment', async () => {
    const p = await registerPerson(
      '2004-03-05',
      [
        { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
        { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
      ],
      'female',
    );
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-job-seeking',
      personId: p.id,
      idempotencyKey: 'kinds-job-seeking-1',
      submit: true,
    });
    const id = filed.json<{ id: string }>().id;
    await act(counter, id, 'accept');
    await act(reviewer, id, 'review');
    expect((await act(approver, id, 'approve')).amountFen).toBe(150_000);
    expect((await act(approver, id, 'publicise')).state).toBe('publicised');
  });

  it('a claim the engine finds ineligible cannot pass review; the reviewer is told the rule and its article', async () => {
    const p = await registerPerson('1992-12-12', [
      { kind: 'status', data: { kind: 'registered-unemployed', from: '2025-01-01' } },
      {
        kind: 'business',
        data: {
          creditCode: creditCode('510104'),
          form: 'individual-business',
          registeredOn: '2026-03-01',
          operatingNormally: true,
        },
      },
    ]);
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: p.id,
      idempotencyKey: 'kinds-startup-0001',
      submit: true,
    });
    const id = filed.json<{ id: string }>().id;
    await act(counter, id, 'accept', { reason: '材料齐全，资格由审核核定' });
    const review = await reviewer.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'review' });
    expect(review.json()).toMatchObject({
      code: 'DECISION_NOT_ELIGIBLE',
      message: expect.stringContaining('四川省中央和省级财政就业创业补助资金管理办法》 第六条（四）'),
    });
    expect((await act(reviewer, id, 'reject', { reason: '不属于创业补贴对象' })).state).toBe('rejected');
  });

  it('a subsidy whose local standard is not set cannot be approved, and says which parameter is missing', async () => {
    const p = await registerPerson('1980-12-12', [
      { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-01-01' } },
      {
        kind: 'business',
        data: {
          creditCode: creditCode('510104'),
          form: 'individual-business',
          registeredOn: '2026-03-01',
          operatingNormally: true,
        },
      },
    ]);
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: p.id,
      idempotencyKey: 'kinds-startup-0002',
      submit: true,
    });
    const id = filed.json<{ id: string }>().id;
    await act(counter, id, 'accept');
    await act(reviewer, id, 'review');
    const approve = await approver.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'approve' });
    expect(approve.json()).toMatchObject({ code: 'AMOUNT_NOT_SET' });
  });
});
