import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * 公示期满: a claim publicised before payment may be released once its publicity is over with no
 * objection. The approver's queue counts those, the worklist lists them alone, and each row says so:
 * not on the last day of publicity, from the day after it.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00'); // a Monday
let app: TestApp;
let approver: Client;
const ids: string[] = [];

async function publicisedClaim(n: number): Promise<string> {
  const clerk = await staff(app, `pe-clerk-${n}`, ['clerk'], '510104');
  const accepter = await staff(app, `pe-accepter-${n}`, ['clerk'], '510104');
  const reviewer = await staff(app, `pe-reviewer-${n}`, ['reviewer'], '510104');
  const person = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber(`2004-03-0${n}`, 'female', '510104'),
    name: `公示${n}`,
    regionCode: '510104',
    facts: [
      { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
      { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
    ],
  });
  expectOk(person, 201);
  const filed = await clerk.request('POST', '/api/v1/applications', {
    subsidy: 'one-time-job-seeking',
    personId: person.json<{ id: string }>().id,
    idempotencyKey: `publicity-${n}`,
    submit: true,
  });
  expectOk(filed, 201);
  const id = filed.json<{ id: string }>().id;
  for (const [who, action] of [
    [accepter, 'accept'],
    [reviewer, 'review'],
    [approver, 'approve'],
    [approver, 'publicise'],
  ] as const)
    expectOk(await who.request('POST', `/api/v1/applications/${id}/transitions`, { action }));
  return id;
}

const publicisedQueue = async () =>
  (await approver.request('GET', '/api/v1/applications/queue'))
    .json<{ queue: { state: string; count: number; publicityEnded: number }[] }>()
    .queue.find((q) => q.state === 'publicised');
const ended = async () =>
  (await approver.request('GET', '/api/v1/applications/worklist?view=queue&publicityEnded=true')).json<{
    applications: { id: string; publicityEnded?: boolean }[];
  }>().applications;
const flagged = async (id: string) =>
  (await approver.request('GET', `/api/v1/applications/${id}`)).json<{ publicityEnded?: boolean }>().publicityEnded;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 10_000_000);
  approver = await staff(app, 'pe-approver', ['approver'], '510104');
  ids.push(await publicisedClaim(1)); // publicised Monday 23 November: to Monday 30 November
  clock.setDate('2026-11-25');
  approver = await login(app, 'pe-approver');
  ids.push(await publicisedClaim(2)); // publicised Wednesday 25 November: to Wednesday 2 December
}, 120_000);
afterAll(() => app?.close());

describe('claims whose publicity is over', () => {
  it('are none on the last day of publicity', async () => {
    clock.setDate('2026-11-30');
    approver = await login(app, 'pe-approver');
    expect(await publicisedQueue()).toMatchObject({ count: 2, publicityEnded: 0 });
    expect(await ended()).toEqual([]);
    expect(await flagged(ids[0]!)).toBeUndefined();
  });

  it('are counted, listed alone and marked from the day after, while the other is still in publicity', async () => {
    clock.setDate('2026-12-01');
    approver = await login(app, 'pe-approver');
    expect(await publicisedQueue()).toMatchObject({ count: 2, publicityEnded: 1 });
    expect((await ended()).map((a) => [a.id, a.publicityEnded])).toEqual([[ids[0], true]]);
    expect(await flagged(ids[1]!)).toBeUndefined();
  });

  it('leave the list once released for payment', async () => {
    const id = ids[0]!;
    const { version } = (await approver.request('GET', `/api/v1/applications/${id}`)).json<{ version: number }>();
    expectOk(await approver.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'release', version }));
    expect(await ended()).toEqual([]);
    expect(await flagged(id)).toBeUndefined();
    expect(await publicisedQueue()).toMatchObject({ count: 1, publicityEnded: 0 });
  });

  it('are asked for with a yes or no, and anything else is refused naming the field', async () => {
    const refused = await approver.request('GET', '/api/v1/applications/worklist?publicityEnded=soon');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'publicityEnded' });
  });
});
