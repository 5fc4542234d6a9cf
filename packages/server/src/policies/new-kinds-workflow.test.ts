import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The subsidy kinds issue 22 added, each filed over the API and paid through the ordinary workflow
 * (accept → review → approve → release → pay), at the local standards a parameter officer sets —
 * they leave their amounts to the region, and an unset standard cannot be approved.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let officer: Client, clerk: Client, counter: Client, reviewer: Client, approver: Client, finance: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  officer = await staff(app, 'parameter-officer', ['parameter-officer'], '510104');
  clerk = await staff(app, 'registry-clerk', ['clerk'], '510104');
  counter = await staff(app, 'counter-clerk', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'approver', ['approver'], '510100');
  finance = await staff(app, 'finance', ['finance'], '510100');
});
afterAll(() => app.close());

async function setStandard(parameter: string, value: number): Promise<void> {
  expectOk(
    await officer.request('POST', '/api/v1/parameters', {
      parameter,
      regionCode: '510104',
      from: '2026-01-01',
      value,
      note: '锦江区示例标准（测试）',
    }),
    201,
  );
}

async function organisation(
  category: string,
  facts: { kind: string; data: Record<string, unknown> }[],
): Promise<{ id: string; code: string }> {
  const code = creditCode('510104');
  const res = await clerk.request('POST', '/api/v1/organisations', {
    creditCode: code,
    name: '测试单位',
    category,
    sizeClass: 'small',
    regionCode: '510104',
    facts,
  });
  expectOk(res, 201);
  return { id: res.json<{ id: string }>().id, code };
}

const act = async (c: Client, id: string, action: string, extra: Record<string, unknown> = {}) => {
  const res = await c.request('POST', `/api/v1/applications/${id}/transitions`, { action, ...extra });
  expectOk(res);
  return res.json<{ state: string; amountFen?: number }>();
};

let filings = 0;
async function throughPayment(body: Record<string, unknown>): Promise<number | undefined> {
  const filed = await clerk.request('POST', '/api/v1/applications', {
    ...body,
    idempotencyKey: `new-kinds-${++filings}`,
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

describe('the new subsidy kinds, from filing to payment', () => {
  it('就业创业服务补助: a 家门口就业服务站 claims for a year of free services', async () => {
    await setStandard('employment-service.public-service.per-served', 2_000);
    const station = await organisation('public-institution', [
      { kind: 'designation', data: { kind: 'home-employment-station', from: '2025-01-01' } },
    ]);
    const amount = await throughPayment({
      subsidy: 'employment-service',
      organisationId: station.id,
      claim: { year: 2026, service: { kind: 'public-service', served: 300, outcomes: 80 } },
    });
    expect(amount).toBe(300 * 2_000);
  });

  it('高技能人才培养补助: a provincial skill-master studio’s project', async () => {
    await setStandard('high-skill.skill-master-studio-provincial.award', 10_000_000);
    const host = await organisation('enterprise', [
      { kind: 'designation', data: { kind: 'skill-master-studio-provincial', from: '2025-06-01' } },
    ]);
    expect(
      await throughPayment({
        subsidy: 'high-skill-training',
        organisationId: host.id,
        claim: { designation: 'skill-master-studio-provincial', year: 2026 },
      }),
    ).toBe(10_000_000);
  });

  it('企业职工职业培训补贴: an enterprise claims for a technician it trained', async () => {
    await setStandard('enterprise-training.technician.per-person', 300_000);
    const firm = await organisation('enterprise', []);
    const id = idNumber('1988-08-08', 'male', '510104');
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: id,
        name: '技师',
        regionCode: '510104',
        facts: [
          { kind: 'employment', data: { kind: 'labour-contract', employer: firm.code, from: '2020-01-01' } },
          {
            kind: 'certificate',
            data: {
              id: 'T-2026-01',
              kind: 'skill-level',
              occupation: '钳工',
              level: 2,
              issuedOn: '2026-09-30',
              training: { kind: 'technician', from: '2026-03-01', to: '2026-09-15' },
            },
          },
        ],
      }),
      201,
    );
    const amount = await throughPayment({
      subsidy: 'enterprise-staff-training',
      organisationId: firm.id,
      claim: { hires: [{ idNumber: id, contractStart: '2020-01-01', insuredMonths: 12 }] },
    });
    expect(amount).toBe(300_000);
  });

  it('项目制培训补贴: an institution contracted for a project', async () => {
    await setStandard('project-training.employment-skills.per-person', 150_000);
    const school = await organisation('training-institution', [
      { kind: 'designation', data: { kind: 'project-training-provider', from: '2026-03-01' } },
    ]);
    const amount = await throughPayment({
      subsidy: 'project-training',
      organisationId: school.id,
      claim: { project: { kind: 'employment-skills', trainees: 20, certified: 18, reformUnemployed: 20 } },
    });
    expect(amount).toBe(18 * 150_000);
  });
});
