import { afterAll, beforeAll } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import {
  applicant,
  expectOk,
  fundRegion,
  login,
  PASSWORD,
  staff,
  TestClock,
  type Client,
} from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { Fixtures, Records, Scope } from './authorization-matrix.table.js';
import {
  employmentRecords,
  labourRecords,
  key,
  openClasses,
  OWN,
  post,
  regionOf,
  type Training,
} from './authorization-matrix-records.test-kit.js';
import { ROLES, type Role } from './roles.js';

// The authorization matrix's set-up: one account per role in 510104, and in each of two regions
// (own: 510104, other: 620102) every kind of record a row of the matrix names.

const clock = TestClock.at('2026-11-02T10:00:00+08:00');
export let app: TestApp;
export const callers = {} as Record<Role, Client>;
const setupClerks = {} as Record<Scope, Client>;
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new Error(`set-up: no ${what}`);
  return value;
}

async function freshPerson(s: Scope, facts: unknown[] = []): Promise<string> {
  return (
    await post(setupClerks[s], '/api/v1/people', {
      idNumber: idNumber('1986-06-06', 'male', regionOf(s)),
      name: `新人${key()}`,
      regionCode: regionOf(s),
      facts,
    })
  ).id;
}

async function submitted(s: Scope): Promise<string> {
  return (
    await post(setupClerks[s], '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: await freshPerson(s),
      idempotencyKey: `mx-${key()}`,
      submit: true,
    })
  ).id;
}

export const fixtures = {
  password: PASSWORD,
  loginName: 'mx-login',
  idNumber: (d: string) => idNumber(d),
  creditCode,
  key,
  freshPerson: (s: Scope) => freshPerson(s),
  submitted,
} as Fixtures & { own: Records; other: Records };
const mutable = fixtures as { -readonly [K in keyof Fixtures]: Fixtures[K] };

/** After the clock has moved: everything else the rows name, in one region. */
async function setUpRegion(s: Scope, training: Training, graduate: string | null): Promise<Records> {
  const region = regionOf(s);
  const clerk = setupClerks[s];
  const hire = (role: string) => staff(app, `mx-${role}-${region}`, [role], region);
  const [clerk2, reviewer, approver, finance, supervisor] = [
    await login(app, `mx-clerk2-${region}`),
    await hire('reviewer'),
    await hire('approver'),
    await hire('finance'),
    await hire('supervisor'),
  ];
  await hire('auditor');

  // A completed class with a certificate.
  await post(
    clerk,
    `/api/v1/training/classes/${training.completedClass}/assessment`,
    { results: [{ personId: training.trainee, passed: true, score: 90 }] },
    200,
  );
  const completed = await post<{ trainees: { certificate?: string }[] }>(
    clerk,
    `/api/v1/training/classes/${training.completedClass}/completion`,
    undefined,
    200,
  );
  const certificate = must(completed.trainees[0]?.certificate, 'certificate');

  const person = (
    await post(clerk, '/api/v1/people', {
      idNumber: idNumber('1985-05-05', 'male', region),
      name: `人员${region}`,
      regionCode: region,
    })
  ).id;
  const organisation = (
    await post(clerk, '/api/v1/organisations', {
      creditCode: creditCode(region),
      name: `单位${region}`,
      category: 'enterprise',
      regionCode: region,
    })
  ).id;
  const application = (
    await post(clerk, '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: person,
      idempotencyKey: `mx-${key()}`,
      submit: true,
    })
  ).id;
  const fact = (
    await post(clerk, `/api/v1/people/${person}/facts`, {
      kind: 'status',
      data: { kind: 'veteran', from: '2020-01-01' },
    })
  ).id;
  const draft = (
    await post(clerk, '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: await freshPerson(s),
      idempotencyKey: `mx-${key()}`,
    })
  ).id;
  const evidenceRes = await clerk.request(
    'POST',
    `/api/v1/applications/${draft}/evidence?material=0&fileName=a.pdf`,
    Buffer.from('%PDF-1.4\n%%EOF\n'),
    { 'content-type': 'application/octet-stream' },
  );
  expectOk(evidenceRes, 201);
  const account = (await staff(app, `mx-target-${region}`, ['clerk'], region)).accountId;

  // Money: a fund, an application taken to payable, and the batch it is paid in.
  const fund = await fundRegion(app, region, 10_000_000);
  const payee = await freshPerson(s, [
    { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
    {
      kind: 'certificate',
      data: {
        id: 'E1',
        kind: 'skill-level',
        occupation: '焊工',
        level: 5,
        issuedOn: '2026-10-01',
        firstEvaluation: true,
      },
    },
  ]);
  expectOk(
    await clerk.request('PUT', `/api/v1/people/${payee}/bank-account`, {
      accountNumber: `62170000${region}0001`,
      bankName: '示例银行',
    }),
  );
  const payable = (
    await post(clerk, '/api/v1/applications', {
      subsidy: 'skill-evaluation',
      personId: payee,
      claim: { certificateId: 'E1' },
      idempotencyKey: `mx-${key()}`,
      submit: true,
    })
  ).id;
  for (const [c, action] of [
    [clerk2, 'accept'],
    [reviewer, 'review'],
    [approver, 'approve'],
    [approver, 'release'],
  ] as const)
    expectOk(await c.request('POST', `/api/v1/applications/${payable}/transitions`, { action }));
  const batch = must(
    (await post<{ batches: { id: string }[] }>(finance, '/api/v1/payment-batches', { layout: 'generic-csv' }))
      .batches[0]?.id,
    'payment batch',
  );
  const publication = (
    await post(finance, '/api/v1/allocation/publications', {
      title: `分配${region}`,
      regionCode: region,
      scheme: 'sichuan-2025-training',
      totalFen: 1000,
      regions: [{ region, values: { trainees: 1, results: 1 } }],
    })
  ).id;
  const spot = await post<{ id: string; items: { id: string }[] }>(supervisor, '/api/v1/spot-checks', {
    sampleSize: 1,
  });

  // A sweep, and the offer it makes a graduate (in the own region, the applicant caller).
  const graduateId = graduate ?? (await freshPerson(s));
  for (const data of [
    { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
    { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
  ])
    await post(clerk, `/api/v1/people/${graduateId}/facts`, data);
  const actor = await app.sessions.actorOf(supervisor.accountId, null);
  const sweep = await app.sweeps.start(actor);
  await app.sweeps.run(sweep.id, actor);
  const offer = await app.database.db
    .selectFrom('offer')
    .selectAll()
    .where('person_id', '=', graduateId)
    .executeTakeFirstOrThrow();
  // A second open offer (another period), so one can be confirmed and the other declined.
  const { id: _, created_at: __, ...copy } = offer;
  const spareOffer = await app.database.db
    .insertInto('offer')
    .values({ ...copy, hires: null, decision: null, period_key: `${offer.period_key}-matrix` })
    .returning('id')
    .executeTakeFirstOrThrow();

  const employment = await employmentRecords(s, clerk, reviewer, { db: app.database.db, freshPerson });
  const labour = await labourRecords(s, clerk, reviewer, {
    db: app.database.db,
    organisation,
    registrant: employment.registrant,
  });
  const {
    trainee,
    traineeIdNumber,
    demandItem,
    spareDemandItem,
    spareUnit,
    institution,
    spareInstitution,
    appliedClass,
    approvedClass,
    completedClass,
  } = training;
  return {
    region,
    person,
    organisation,
    application,
    draft,
    evidence: evidenceRes.json<{ id: string }>().id,
    fact,
    account,
    fund,
    batch,
    spotCheck: spot.id,
    spotItem: must(spot.items[0]?.id, 'spot-check item'),
    sweep: sweep.id,
    offer: offer.id,
    spareOffer: spareOffer.id,
    publication,
    demandItem,
    spareDemandItem,
    spareUnit,
    institution,
    spareInstitution,
    appliedClass,
    approvedClass,
    completedClass,
    trainee,
    traineeIdNumber,
    certificate,
    ...employment,
    ...labour,
  };
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  const training = {} as Record<Scope, Training>;
  for (const s of ['own', 'other'] as const) {
    setupClerks[s] = await staff(app, `mx-clerk-${regionOf(s)}`, ['clerk'], regionOf(s));
    training[s] = await openClasses(
      s,
      setupClerks[s],
      await staff(app, `mx-clerk2-${regionOf(s)}`, ['clerk'], regionOf(s)),
    );
  }
  // Three weeks on, the classes have ended; sessions from before do not survive the move.
  clock.setDate('2026-11-23');
  for (const s of ['own', 'other'] as const) setupClerks[s] = await login(app, `mx-clerk-${regionOf(s)}`);
  for (const role of ROLES) {
    callers[role] =
      role === 'applicant'
        ? await applicant(app, {
            kind: 'person',
            idNumber: idNumber('2004-05-05', 'female', OWN),
            name: '申请人',
            regionCode: OWN,
            username: 'matrix-applicant',
          })
        : await staff(app, `matrix-${role}`, [role], OWN);
  }
  await staff(app, 'mx-login', ['auditor'], OWN);
  const me = (await callers.applicant.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>()
    .account.personId;
  mutable.own = await setUpRegion('own', training.own, me);
  mutable.other = await setUpRegion('other', training.other, null);
}, 180_000);

afterAll(async () => {
  // POST /api/v1/sweeps starts a sweep in the background: let it finish before the database closes.
  for (
    let i = 0;
    i < 200 &&
    (await app.database.db.selectFrom('sweep_job').select('id').where('state', '=', 'running').execute()).length > 0;
    i++
  )
    await new Promise((r) => setTimeout(r, 50));
  await app.close();
});
