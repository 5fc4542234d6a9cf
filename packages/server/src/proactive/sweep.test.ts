import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
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
    expectOk(await clerk.request('POST', '/api/v1/people', { idNumber: id, name: `毕业生${i}`, regionCode: '510104', facts: graduateFacts }), 201);
  }
  for (let i = 0; i < 4; i++) expectOk(await clerk.request('POST', '/api/v1/people', { idNumber: idNumber('1980-05-05'), name: `其他${i}`, regionCode: '510104' }), 201);
  // One graduate has already applied: no offer for them.
  const found = (await clerk.request('GET', `/api/v1/people?idNumber=${graduates[0]}`)).json<{ people: { id: string }[] }>().people[0]!;
  expectOk(await clerk.request('POST', '/api/v1/applications', { subsidy: 'one-time-job-seeking', personId: found.id, idempotencyKey: 'already-applied', submit: true }), 201);
});
afterAll(() => app.close());

const offersFor = async (subsidy: string) => (await app.database.db.selectFrom('offer').select(['person_id', 'subsidy_id']).where('subsidy_id', '=', subsidy).execute()).length;

describe('the proactive sweep (政策找人)', () => {
  it('offers the subsidy to everyone eligible who has not applied, and a second run creates nothing twice', async () => {
    const actor = await app.sessions.actorOf(supervisor.accountId, null);
    const job = await app.sweeps.start(actor);
    await app.sweeps.run(job.id, { batchSize: 3 });
    expect(await app.sweeps.get(actor, job.id)).toMatchObject({ state: 'done', peopleTotal: 11, peopleDone: 11 });
    expect(await offersFor('one-time-job-seeking')).toBe(6);

    const again = await app.sweeps.start(actor);
    await app.sweeps.run(again.id, { batchSize: 4 });
    expect(await app.sweeps.get(actor, again.id)).toMatchObject({ state: 'done', offersCreated: 0 });
    expect(await offersFor('one-time-job-seeking')).toBe(6);
  });

  it('an interrupted sweep resumes where it stopped', async () => {
    await app.database.db.deleteFrom('offer').execute();
    const actor = await app.sessions.actorOf(supervisor.accountId, null);
    const job = await app.sweeps.start(actor);
    let batches = 0;
    await expect(
      app.sweeps.run(job.id, {
        batchSize: 4,
        onProgress: () => {
          if (++batches === 2) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const stopped = await app.sweeps.get(actor, job.id);
    expect(stopped).toMatchObject({ state: 'failed', peopleDone: 8 });
    await app.sweeps.run(job.id, { batchSize: 4 });
    expect(await app.sweeps.get(actor, job.id)).toMatchObject({ state: 'done', peopleDone: 11 });
    expect(await offersFor('one-time-job-seeking')).toBe(6);
  });

  it('runs in the background over the API, and the person confirms the offer in one step', async () => {
    const started = await supervisor.request('POST', '/api/v1/sweeps');
    expect(started.statusCode).toBe(202);
    const id = started.json<{ id: string }>().id;
    for (let i = 0; i < 50; i++) {
      if ((await supervisor.request('GET', `/api/v1/sweeps/${id}`)).json<{ state: string }>().state === 'done') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await supervisor.request('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({ state: 'done' });

    const me = await applicant(app, { kind: 'person', idNumber: graduates[3], name: '毕业生3', regionCode: '510104', username: 'graduate3' });
    const offers = (await me.request('GET', '/api/v1/offers?state=open')).json<{ offers: { id: string; subsidy: string; amountFen?: number }[] }>().offers;
    expect(offers).toEqual([expect.objectContaining({ subsidy: 'one-time-job-seeking', amountFen: 150_000 })]);
    const confirmed = await me.request('POST', `/api/v1/offers/${offers[0]!.id}/confirmation`);
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ state: 'submitted', subsidy: 'one-time-job-seeking' });
    expect((await me.request('GET', '/api/v1/offers?state=open')).json()).toEqual({ offers: [] });
  });
});
