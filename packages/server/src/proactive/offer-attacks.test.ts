import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * An offer answered many times at once (a double tap, a retry on a slow line; on a database server
 * the requests really run side by side): it is confirmed into one application, or declined with
 * none, never both, and no answer is a server error.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, supervisor: Client;
const graduates: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'oa-clerk', ['clerk'], '510104');
  supervisor = await staff(app, 'oa-supervisor', ['supervisor'], '510104');
  for (let i = 0; i < 2; i++) {
    const id = idNumber('2004-05-05');
    graduates.push(id);
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: id,
        name: `应届${i}`,
        regionCode: '510104',
        facts: [
          { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
          { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
        ],
      }),
      201,
    );
  }
  const actor = await app.sessions.actorOf(supervisor.accountId, null);
  const job = await app.sweeps.start(actor);
  await app.sweeps.run(job.id, actor);
}, 120_000);
afterAll(() => app?.close());

async function openOffer(i: number): Promise<{ me: Client; offerId: string; personId: string }> {
  const me = await applicant(app, {
    kind: 'person',
    idNumber: graduates[i],
    name: `应届${i}`,
    regionCode: '510104',
    username: `oa-graduate${i}`,
  });
  const [offer] = (await me.request('GET', '/api/v1/offers?state=open')).json<{
    offers: { id: string; personId: string }[];
  }>().offers;
  if (!offer) throw new Error('no open offer');
  return { me, offerId: offer.id, personId: offer.personId };
}

const applicationsOf = (personId: string) =>
  app.database.db.selectFrom('application').select(['id', 'state']).where('person_id', '=', personId).execute();

const offerRow = (id: string) =>
  app.database.db
    .selectFrom('offer')
    .select(['state', 'application_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('an offer answered fifty times at once', () => {
  it('confirmed fifty times: one application, the offer confirmed with it, and no server error', async () => {
    const { me, offerId, personId } = await openOffer(0);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => me.request('POST', `/api/v1/offers/${offerId}/confirmation`)),
    );
    expect(answers.filter((a) => a.statusCode >= 500).map((a) => a.body)).toEqual([]);
    const filed = await applicationsOf(personId);
    expect(filed).toHaveLength(1);
    expect(await offerRow(offerId)).toEqual({ state: 'confirmed', application_id: filed[0]?.id });
    for (const a of answers.filter((x) => x.statusCode === 201)) expect(a.json()).toMatchObject({ id: filed[0]?.id });
  });

  it('confirmed and declined at once: either an application and the offer confirmed, or neither', async () => {
    const { me, offerId, personId } = await openOffer(1);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        me.request('POST', `/api/v1/offers/${offerId}/${k % 2 === 0 ? 'declination' : 'confirmation'}`),
      ),
    );
    expect(answers.filter((a) => a.statusCode >= 500).map((a) => a.body)).toEqual([]);
    const filed = await applicationsOf(personId);
    const offer = await offerRow(offerId);
    if (offer.state === 'confirmed') expect(filed.map((f) => f.id)).toEqual([offer.application_id]);
    else expect({ offer, filed }).toEqual({ offer: { state: 'declined', application_id: null }, filed: [] });
  });
});
