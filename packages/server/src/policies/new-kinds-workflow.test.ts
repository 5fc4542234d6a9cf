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

/** The accounts one county's subsidies pass through, each a different person (separation of duties). */
interface Desk {
  readonly region: string;
  readonly officer: Client;
  readonly clerk: Client;
  readonly counter: Client;
  readonly reviewer: Client;
  readonly approver: Client;
  readonly finance: Client;
}

async function desk(county: string, city: string): Promise<Desk> {
  await fundRegion(app, county, 100_000_000);
  return {
    region: county,
    officer: await staff(app, `officer-${county}`, ['parameter-officer'], county),
    clerk: await staff(app, `clerk-${county}`, ['clerk'], county),
    counter: await staff(app, `counter-${county}`, ['clerk'], county),
    reviewer: await staff(app, `reviewer-${county}`, ['reviewer'], county),
    approver: await staff(app, `approver-${county}`, ['approver'], city),
    finance: await staff(app, `finance-${county}`, ['finance'], city),
  };
}

let chengdu: Desk, qingyang: Desk, guizhou: Desk;
beforeAll(async () => {
  app = await startTestApp({ clock });
  chengdu = await desk('510104', '510100');
  qingyang = await desk('621002', '621000');
  guizhou = await desk('522601', '522600');
});
afterAll(() => app.close());

async function setStandard(parameter: string, value: number, at: Desk = chengdu): Promise<void> {
  expectOk(
    await at.officer.request('POST', '/api/v1/parameters', {
      parameter,
      regionCode: at.region,
      from: '2026-01-01',
      value,
      note: '示例标准（测试）',
    }),
    201,
  );
}

async function organisation(
  category: string,
  facts: { kind: string; data: Record<string, unknown> }[],
  at: Desk = chengdu,
): Promise<{ id: string; code: string }> {
  const code = creditCode(at.region);
  const res = await at.clerk.request('POST', '/api/v1/organisations', {
    creditCode: code,
    name: '测试单位',
    category,
    sizeClass: 'small',
    regionCode: at.region,
    facts,
  });
  expectOk(res, 201);
  return { id: res.json<{ id: string }>().id, code };
}

async function registeredPerson(facts: { kind: string; data: Record<string, unknown> }[], at: Desk): Promise<string> {
  const res = await at.clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1990-04-04', 'male', at.region),
    name: '测试申请人',
    regionCode: at.region,
    facts,
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

const act = async (c: Client, id: string, action: string, extra: Record<string, unknown> = {}) => {
  const res = await c.request('POST', `/api/v1/applications/${id}/transitions`, { action, ...extra });
  expectOk(res);
  return res.json<{ state: string; amountFen?: number }>();
};

let filings = 0;
async function throughPayment(body: Record<string, unknown>, at: Desk = chengdu): Promise<number | undefined> {
  const filed = await at.clerk.request('POST', '/api/v1/applications', {
    ...body,
    idempotencyKey: `new-kinds-${++filings}`,
    submit: true,
  });
  expectOk(filed, 201);
  const id = filed.json<{ id: string }>().id;
  await act(at.counter, id, 'accept');
  await act(at.reviewer, id, 'review');
  const approved = await act(at.approver, id, 'approve');
  await act(at.approver, id, 'release');
  expect((await act(at.finance, id, 'pay', { paymentReference: 'T-1' })).state).toBe('paid');
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

  it('就业创业服务补助: a unit running two 零工驿站 is paid for each', async () => {
    const operator = await organisation('public-institution', [
      { kind: 'designation', data: { kind: 'gig-worker-station', from: '2025-01-01' } },
    ]);
    const claim = (site: string, served: number) => ({
      subsidy: 'employment-service',
      organisationId: operator.id,
      claim: { year: 2026, service: { kind: 'public-service', site, served, outcomes: 10 } },
    });
    expect(await throughPayment(claim('春熙路零工驿站', 120))).toBe(120 * 2_000);
    expect(await throughPayment(claim('盐市口零工驿站', 80))).toBe(80 * 2_000);
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
      await chengdu.clerk.request('POST', '/api/v1/people', {
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

describe('the new kinds of 庆阳 and 贵州, from filing to payment', () => {
  it('庆阳 第15条 创业孵化基地奖补: a city-level start-up park', async () => {
    await setStandard('incubation-award.incubation-base-city', 5_000_000, qingyang);
    const park = await organisation(
      'enterprise',
      [{ kind: 'designation', data: { kind: 'incubation-base-city', from: '2025-03-01' } }],
      qingyang,
    );
    expect(
      await throughPayment(
        { subsidy: 'incubation-base-award', organisationId: park.id, claim: { designation: 'incubation-base-city' } },
        qingyang,
      ),
    ).toBe(5_000_000);
  });

  it('庆阳 第14条 省级创业带动就业资金: the grant the provincial review set, for a migrant worker’s business', async () => {
    const code = creditCode('621002');
    const founder = await registeredPerson(
      [
        { kind: 'status', data: { kind: 'returning-migrant-worker', from: '2024-01-01' } },
        {
          kind: 'business',
          data: { creditCode: code, form: 'individual-business', registeredOn: '2025-04-01', operatingNormally: true },
        },
      ],
      qingyang,
    );
    expect(
      await throughPayment(
        {
          subsidy: 'startup-project-fund',
          personId: founder,
          claim: { businessCreditCode: code, projectGrantFen: 8_000_000 },
        },
        qingyang,
      ),
    ).toBe(8_000_000);
  });

  it('贵州 二（六） 场所租赁补贴: half the rent of a returning migrant worker’s premises', async () => {
    await setStandard('premises-rent.share-permille', 500, guizhou);
    const code = creditCode('522601');
    const returnee = await registeredPerson(
      [
        { kind: 'status', data: { kind: 'returning-migrant-worker', from: '2025-01-01' } },
        {
          kind: 'business',
          data: { creditCode: code, form: 'individual-business', registeredOn: '2025-06-01', operatingNormally: true },
        },
      ],
      guizhou,
    );
    expect(
      await throughPayment(
        { subsidy: 'premises-rent', personId: returnee, claim: { businessCreditCode: code, rentFen: 1_200_000 } },
        guizhou,
      ),
    ).toBe(600_000);
  });

  it('贵州 二（三） 省级优秀劳务合作站（点）一次性奖励, for the year rated', async () => {
    await setStandard('labour-station.award', 2_000_000, guizhou);
    const station = await organisation(
      'hr-service-agency',
      [{ kind: 'designation', data: { kind: 'labour-station-excellent', from: '2026-06-30' } }],
      guizhou,
    );
    expect(
      await throughPayment(
        { subsidy: 'labour-station-award', organisationId: station.id, claim: { year: 2026 } },
        guizhou,
      ),
    ).toBe(2_000_000);
  });
});
