import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, supervisor: Client;
const graduates: string[] = [];

const graduateFacts = [
  { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
  { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
];

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  supervisor = await staff(app, 'supervisor', ['supervisor'], '510104');
  for (let i = 0; i < 7; i++) {
    const id = idNumber('2004-05-05');
    graduates.push(id);
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: id,
        name: `毕业生${i}`,
        regionCode: '510104',
        facts: graduateFacts,
      }),
      201,
    );
  }
  for (let i = 0; i < 4; i++)
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: idNumber('1980-05-05'),
        name: `其他${i}`,
        regionCode: '510104',
      }),
      201,
    );
  // One graduate has already applied: no offer for them.
  const found = (await clerk.request('GET', `/api/v1/people?idNumber=${graduates[0]}`)).json<{
    people: { id: string }[];
  }>().people[0]!;
  expectOk(
    await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-job-seeking',
      personId: found.id,
      idempotencyKey: 'already-applied',
      submit: true,
    }),
    201,
  );
});
afterAll(() => app.close());

const offersFor = async (subsidy: string) =>
  (
    await app.database.db
      .selectFrom('offer')
      .select(['person_id', 'subsidy_id'])
      .where('subsidy_id', '=', subsidy)
      .execute()
  ).length;

describe('the proactive sweep (政策找人)', () => {
  it('offers the subsidy to everyone eligible who has not applied, and a second run creates nothing twice', async () => {
    const actor = await app.sessions.actorOf(supervisor.accountId, null);
    const job = await app.sweeps.start(actor);
    await app.sweeps.run(job.id, actor, { batchSize: 3 });
    expect(await app.sweeps.get(actor, job.id)).toMatchObject({ state: 'done', peopleTotal: 11, peopleDone: 11 });
    expect(await offersFor('one-time-job-seeking')).toBe(6);

    const again = await app.sweeps.start(actor);
    await app.sweeps.run(again.id, actor, { batchSize: 4 });
    expect(await app.sweeps.get(actor, again.id)).toMatchObject({ state: 'done', offersCreated: 0 });
    expect(await offersFor('one-time-job-seeking')).toBe(6);
  });

  it('an interrupted sweep resumes where it stopped', async () => {
    await app.database.db.deleteFrom('offer').execute();
    const actor = await app.sessions.actorOf(supervisor.accountId, null);
    const job = await app.sweeps.start(actor);
    let batches = 0;
    await expect(
      app.sweeps.run(job.id, actor, {
        batchSize: 4,
        onProgress: () => {
          if (++batches === 2) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const stopped = await app.sweeps.get(actor, job.id);
    expect(stopped).toMatchObject({ state: 'failed', peopleDone: 8 });
    await app.sweeps.run(job.id, actor, { batchSize: 4 });
    expect(await app.sweeps.get(actor, job.id)).toMatchObject({ state: 'done', peopleDone: 11 });
    expect(await offersFor('one-time-job-seeking')).toBe(6);
  });

  it('runs in the background over the API, and the person confirms the offer in one step', async () => {
    const started = await supervisor.request('POST', '/api/v1/sweeps');
    expect(started.statusCode).toBe(202);
    const id = started.json<{ id: string }>().id;
    // Waits on the job, however long a loaded machine takes (the test's budget bounds it).
    await vi.waitFor(
      async () =>
        expect((await supervisor.request('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({ state: 'done' }),
      { timeout: 100_000, interval: 50 },
    );

    const me = await applicant(app, {
      kind: 'person',
      idNumber: graduates[3],
      name: '毕业生3',
      regionCode: '510104',
      username: 'graduate3',
    });
    const offers = (await me.request('GET', '/api/v1/offers?state=open')).json<{
      offers: { id: string; subsidy: string; amountFen?: number }[];
    }>().offers;
    expect(offers).toEqual([expect.objectContaining({ subsidy: 'one-time-job-seeking', amountFen: 150_000 })]);
    const confirmed = await me.request('POST', `/api/v1/offers/${offers[0]!.id}/confirmation`);
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ state: 'submitted', subsidy: 'one-time-job-seeking' });
    expect((await me.request('GET', '/api/v1/offers?state=open')).json()).toEqual({ offers: [] });
  }, 120_000);

  it('a declined offer is closed and not made again', async () => {
    const me = await applicant(app, {
      kind: 'person',
      idNumber: graduates[4],
      name: '毕业生4',
      regionCode: '510104',
      username: 'graduate4',
    });
    const [offer] = (await me.request('GET', '/api/v1/offers?state=open')).json<{ offers: { id: string }[] }>().offers;
    const declined = await me.request('POST', `/api/v1/offers/${offer!.id}/declination`);
    expect(declined.json()).toMatchObject({ id: offer!.id, state: 'declined' });
    const actor = await app.sessions.actorOf(supervisor.accountId, null);
    const job = await app.sweeps.start(actor);
    await app.sweeps.run(job.id, actor);
    expect(
      (await me.request('GET', '/api/v1/offers')).json<{ offers: { state: string }[] }>().offers.map((o) => o.state),
    ).toEqual(['declined']);
    // Someone else's offer is not theirs to confirm or decline.
    const other = await app.database.db
      .selectFrom('offer')
      .select('id')
      .where('state', '=', 'open')
      .executeTakeFirstOrThrow();
    expect((await me.request('POST', `/api/v1/offers/${other.id}/declination`)).statusCode).toBe(404);
  });

  it('免申即享: where the region marks a subsidy as needing no application, the sweep files it and sends it to review', async () => {
    // Setting what is paid is the parameter officer's post; the read-only supervisor may not (issue 14).
    const officer = await staff(app, 'policy-officer', ['parameter-officer'], '510104');
    expect(
      (
        await supervisor.request('POST', '/api/v1/parameters', {
          parameter: 'proactive.no-application.one-time-job-seeking',
          regionCode: '510104',
          from: '2026-11-01',
          value: 1,
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const marked = await officer.request('POST', '/api/v1/parameters', {
      parameter: 'proactive.no-application.one-time-job-seeking',
      regionCode: '510104',
      from: '2026-11-01',
      value: 1,
      note: '区人社局关于一次性求职补贴免申即享的通知（测试）',
    });
    expect(marked.statusCode).toBe(201);
    expect(
      (
        await clerk.request('POST', '/api/v1/parameters', {
          parameter: 'proactive.no-application.one-time-job-seeking',
          regionCode: '510104',
          from: '2026-11-01',
          value: 1,
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await officer.request('POST', '/api/v1/parameters', {
          parameter: 'no.such.thing',
          regionCode: '510104',
          from: '2026-11-01',
          value: 1,
          note: 'x',
        })
      ).json(),
    ).toMatchObject({ code: 'UNKNOWN_PARAMETER', field: 'parameter' });

    // A graduate registered after the earlier sweeps: the next one files their application.
    const id = idNumber('2004-06-06');
    const person = (
      await clerk.request('POST', '/api/v1/people', {
        idNumber: id,
        name: '新毕业生',
        regionCode: '510104',
        facts: graduateFacts,
      })
    ).json<{ id: string }>();
    const actor = await app.sessions.actorOf(supervisor.accountId, null);
    const job = await app.sweeps.start(actor);
    await app.sweeps.run(job.id, actor);
    expect(await app.sweeps.get(actor, job.id)).toMatchObject({
      state: 'done',
      offersCreated: 1,
      applicationsFiled: 1,
    });
    const offer = await app.database.db
      .selectFrom('offer')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ state: 'filed', no_application: true });
    const filed = (await clerk.request('GET', `/api/v1/applications/${offer.application_id}`)).json<{
      state: string;
      events: { action: string }[];
    }>();
    expect(filed.state).toBe('accepted');
    expect(filed.events.map((e) => e.action)).toEqual(['create', 'prepare']);

    // The person cannot confirm what is already filed; a reviewer takes it from here, not the supervisor who ran the sweep.
    const me = await applicant(app, {
      kind: 'person',
      idNumber: id,
      name: '新毕业生',
      regionCode: '510104',
      username: 'new-graduate',
    });
    expect((await me.request('POST', `/api/v1/offers/${offer.id}/confirmation`)).statusCode).toBe(404);
    expect(
      (await me.request('GET', '/api/v1/applications'))
        .json<{ applications: { id: string }[] }>()
        .applications.map((a) => a.id),
    ).toEqual([offer.application_id]);
    const reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
    expect(
      (await reviewer.request('POST', `/api/v1/applications/${offer.application_id}/transitions`, { action: 'review' }))
        .statusCode,
    ).toBe(200);
    // Nobody can send a claim a person filed straight to review over the API.
    expect(
      (await clerk.request('POST', `/api/v1/applications/${offer.application_id}/transitions`, { action: 'prepare' }))
        .statusCode,
    ).toBe(400);
  });

  it('a filing interrupted after the application was made finds it again instead of filing twice', async () => {
    const id = idNumber('2004-07-07');
    const person = (
      await clerk.request('POST', '/api/v1/people', {
        idNumber: id,
        name: '又一毕业生',
        regionCode: '510104',
        facts: graduateFacts,
      })
    ).json<{ id: string }>();
    const actor = await app.sessions.actorOf(supervisor.accountId, null);
    const job = await app.sweeps.start(actor);
    await expect(
      app.sweeps.run(job.id, actor, {
        onProgress: (p) => {
          if (p.phase === 'filing') throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    // The application was filed and the offer marked in the same step; undo the mark to stand for a crash between them.
    await app.database.db
      .updateTable('offer')
      .set({ state: 'open', application_id: null })
      .where('person_id', '=', person.id)
      .execute();
    await app.sweeps.run(job.id, actor);
    const apps = await app.database.db
      .selectFrom('application')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(apps).toHaveLength(1);
    expect(
      await app.database.db
        .selectFrom('offer')
        .select(['state', 'application_id'])
        .where('person_id', '=', person.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: 'filed', application_id: apps[0]!.id });
  });
});

describe('the sweep over units', () => {
  // 四川 失业保险稳岗返还 was open from 2024-07-13 to 2024-12-31 (川办发〔2024〕34号 (三)).
  const unitClock = TestClock.at('2024-09-02T10:00:00+08:00');
  let unitApp: TestApp;
  beforeAll(async () => {
    unitApp = await startTestApp({ clock: unitClock });
  });
  afterAll(() => unitApp.close());

  it('offers a unit what it qualifies for from its registry facts, and the unit confirms it', async () => {
    const clerk = await staff(unitApp, 'clerk', ['clerk'], '510104');
    const supervisor = await staff(unitApp, 'supervisor', ['supervisor'], '510104');
    const year = (layoffs: number) => ({
      kind: 'unemployment-insurance-year',
      data: { year: 2023, contributedFen: 1_000_000, fullyPaidMonths: 24, insuredStaffAtYearStart: 40, layoffs },
    });
    const steady = creditCode('510104');
    const cutting = creditCode('510104');
    for (const [code, facts] of [
      [steady, [year(0)]],
      [cutting, [year(20)]],
    ] as const) {
      expectOk(
        await clerk.request('POST', '/api/v1/organisations', {
          creditCode: code,
          name: `单位${code.slice(-4)}`,
          category: 'enterprise',
          sizeClass: 'small',
          regionCode: '510104',
          facts,
        }),
        201,
      );
    }
    const actor = await unitApp.sessions.actorOf(supervisor.accountId, null);
    const job = await unitApp.sweeps.start(actor);
    await unitApp.sweeps.run(job.id, actor, { batchSize: 1 });
    expect(await unitApp.sweeps.get(actor, job.id)).toMatchObject({
      state: 'done',
      phase: 'units',
      unitsTotal: 2,
      unitsDone: 2,
      offersCreated: 1,
    });

    const unit = await applicant(unitApp, {
      kind: 'organisation',
      creditCode: steady,
      name: `单位${steady.slice(-4)}`,
      category: 'enterprise',
      regionCode: '510104',
      username: 'steady-unit',
    });
    const offers = (await unit.request('GET', '/api/v1/offers?state=open')).json<{
      offers: { id: string; subsidy: string; amountFen?: number }[];
    }>().offers;
    // 60% of last year's 10,000 yuan for an SME.
    expect(offers).toEqual([
      expect.objectContaining({ subsidy: 'unemployment-insurance-stabilization', amountFen: 600_000 }),
    ]);
    const confirmed = await unit.request('POST', `/api/v1/offers/${offers[0]!.id}/confirmation`);
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ state: 'submitted', subsidy: 'unemployment-insurance-stabilization' });

    const again = await unitApp.sweeps.start(actor);
    await unitApp.sweeps.run(again.id, actor);
    expect(await unitApp.sweeps.get(actor, again.id)).toMatchObject({ offersCreated: 0 });
  });
});
