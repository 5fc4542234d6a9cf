import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../../policy/src/testing/builders.js';
import { applicant, expectOk, login as signIn, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * A hire starts the unit's 一次性吸纳就业补贴 offer (政策找人, issue 19 item 4). 贵州 pays a small or micro
 * enterprise 500元 per household of the three groups it hires (黔人社发〔2022〕 二（五）); the sweep
 * never sees hires, so the offer comes from the referral's hire: decided by the engine, with its
 * article, one offer per unit and month listing the month's qualifying hires, nothing filed.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
const base = '/api/v1/labour-market';
let app: TestApp;
let clerk: Client, clerk2: Client, unit: Client;
let unitId: string, unitCode: string, postingId: string;
let people = 0;

const post = (c: Client, url: string, body?: unknown) => c.request('POST', url, body);

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'ho-clerk', ['clerk'], '520102');
  clerk2 = await staff(app, 'ho-clerk2', ['clerk'], '520102');
  const code = creditCode('520102');
  unitCode = code;
  // A small enterprise in 南明区, then its own account.
  expectOk(
    await post(clerk, '/api/v1/organisations', {
      creditCode: code,
      name: '南明小微制衣有限公司',
      category: 'enterprise',
      sizeClass: 'small',
      regionCode: '520102',
    }),
    201,
  );
  unit = await applicant(app, {
    kind: 'organisation',
    creditCode: code,
    name: '南明小微制衣有限公司',
    category: 'enterprise',
    regionCode: '520102',
    username: 'ho-unit',
  });
  unitId = (await unit.request('GET', '/api/v1/session')).json<{ account: { organisationId: string } }>().account
    .organisationId;
  const posted = await post(unit, `${base}/my-postings`, {
    title: '缝纫工',
    occupationCode: '6-18-01-01',
    headcount: 10,
    payMinFen: 300_000,
    payMaxFen: 400_000,
    regionCode: '520102',
    place: '南明区工业园',
    requirements: '',
    description: '',
    contact: '人事部 0851-0000000',
    validFrom: '2026-11-01',
    validTo: '2027-01-31',
  });
  expectOk(posted, 201);
  postingId = posted.json<{ id: string }>().id;
  expectOk(await post(clerk, `${base}/postings/${postingId}/review`, { publish: true }));
}, 60_000);
afterAll(() => app.close());

/** A person of 南明区 with a job-seeking profile; `group` is one of the three groups, or none. */
async function seeker(group: Group, householdId: string): Promise<string> {
  const profile = await clerk.request('PUT', `${base}/seekers`, {
    personId: await person(group, householdId),
    regionCode: '520102',
    occupationCodes: ['6-18-01-01'],
    payMinFen: 300_000,
    availableFrom: clock.today(),
    skills: '',
  });
  expectOk(profile);
  return profile.json<{ id: string }>().id;
}

type Group = 'poverty-alleviated' | 'relocated' | undefined;

async function person(group: Group, householdId: string): Promise<string> {
  const res = await post(clerk, '/api/v1/people', {
    idNumber: idNumber('1998-04-0' + String((++people % 9) + 1), 'female', '520102'),
    name: `求职者${people}`,
    regionCode: '520102',
    householdId,
    facts: group ? [{ kind: 'status', data: { kind: group, from: '2021-01-01' } }] : [],
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

/** Referred by a clerk, hired by the unit on the day. */
async function hire(seekerId: string, hiredOn = '2026-11-23') {
  const referral = await post(clerk2, `${base}/referrals`, { seekerId, postingId, note: '' });
  expectOk(referral, 201);
  const hired = await post(unit, `${base}/my-referrals/${referral.json<{ id: string }>().id}/answer`, {
    answer: 'hired',
    hiredOn,
  });
  expectOk(hired);
  return hired;
}

interface OfferRow {
  id: string;
  subsidy_id: string;
  period_key: string;
  amount_fen: string | null;
  state: string;
  origin: string;
  sweep_job_id: string | null;
  application_id: string | null;
  hires: { personId: string; hiredOn: string; source: { kind: string } }[];
  decision: { eligible: boolean; scheme: string; reasons: { code: string; met: boolean; cites: string }[] };
}

const offersOfUnit = async (): Promise<OfferRow[]> =>
  (await app.database.db.selectFrom('offer').selectAll().where('organisation_id', '=', unitId).execute()) as never;

const unitMessages = async () =>
  (await unit.request('GET', '/api/v1/notifications')).json<{
    notifications: { kind: string; offerId?: string; message: string }[];
  }>().notifications;

describe('a hire starts the unit’s 一次性吸纳就业补贴 offer', () => {
  it('a poverty-alleviated person hired through a referral: the unit is offered 500元, with the article', async () => {
    await hire(await seeker('poverty-alleviated', 'H-1'));
    const offers = await offersOfUnit();
    expect(offers).toHaveLength(1);
    const [offer] = offers;
    expect(offer).toMatchObject({
      subsidy_id: 'one-time-hiring',
      period_key: 'month:2026-11',
      amount_fen: '50000',
      state: 'open',
      origin: 'hire',
      sweep_job_id: null,
      application_id: null,
    });
    expect(offer?.hires).toEqual([
      { personId: expect.any(String), hiredOn: '2026-11-23', source: { kind: 'referral', id: expect.any(String) } },
    ]);
    expect(offer?.decision).toMatchObject({ eligible: true, scheme: 'one-time-hiring/guizhou-2022' });
    expect(offer?.decision.reasons.every((r) => r.met && r.cites.includes('二（五）'))).toBe(true);
    // The unit sees it among its offers, without having applied.
    const listed = (await unit.request('GET', '/api/v1/offers')).json<{
      offers: { id: string; amountFen: number }[];
    }>();
    expect(listed.offers).toEqual([expect.objectContaining({ id: offer?.id, amountFen: 50_000 })]);
    // And is told so in its messages, with the amount and where to confirm it.
    expect(await unitMessages()).toEqual([
      expect.objectContaining({ kind: 'offered', offerId: offer?.id, message: expect.stringContaining('500元') }),
    ]);
    const applications = await app.database.db
      .selectFrom('application')
      .select('id')
      .where('organisation_id', '=', unitId)
      .execute();
    expect(applications).toEqual([]);
  });

  it('a second household hired the same month adds to the same offer; the same household does not', async () => {
    await hire(await seeker('relocated', 'H-2'));
    await hire(await seeker('poverty-alleviated', 'H-2'));
    const [offer, ...more] = await offersOfUnit();
    expect(more).toEqual([]);
    expect(offer?.hires).toHaveLength(3);
    // 贵州 pays per household: H-1 and H-2.
    expect(offer?.amount_fen).toBe('100000');
    // One message for the month's offer, naming what it holds now.
    expect(await unitMessages()).toEqual([
      expect.objectContaining({ kind: 'offered', message: expect.stringContaining('1,000元') }),
    ]);
  });

  it('someone outside the three groups makes no offer and leaves the month’s offer as it was', async () => {
    await hire(await seeker(undefined, 'H-3'));
    const [offer] = await offersOfUnit();
    expect(offer?.hires).toHaveLength(3);
    expect(offer?.amount_fen).toBe('100000');
  });

  it('confirmed, the offer is claimed with the hires it was made for, at the amount it offered', async () => {
    const [offer] = await offersOfUnit();
    const res = await post(unit, `/api/v1/offers/${offer?.id}/confirmation`);
    expectOk(res, 201);
    const application = res.json<{
      state: string;
      decidedFen?: number;
      claim: { hires?: { personId: string }[] };
      listedPeople?: { id: string; name: string; identifier: string }[];
    }>();
    expect(application).toMatchObject({ state: 'submitted', decidedFen: 100_000 });
    expect(application.claim.hires).toHaveLength(3);
    // The page names each hire; the claim holds only their registry ids.
    expect(application.listedPeople?.map((p) => p.id).sort()).toEqual(
      application.claim.hires?.map((h) => h.personId).sort(),
    );
    for (const p of application.listedPeople ?? []) {
      expect(p.name).not.toBe('');
      expect(p.identifier).toContain('*');
    }
    const [after] = await offersOfUnit();
    expect(after).toMatchObject({ state: 'confirmed' });
  });

  it('two hires at once in a new month: one offer lists both', async () => {
    clock.setDate('2026-12-01');
    [clerk, clerk2, unit] = await Promise.all([login('ho-clerk'), login('ho-clerk2'), login('ho-unit')]);
    const [a, b] = await Promise.all([seeker('poverty-alleviated', 'H-4'), seeker('poverty-alleviated', 'H-5')]);
    await Promise.all([hire(a, '2026-12-01'), hire(b, '2026-12-01')]);
    const december = (await offersOfUnit()).filter((o) => o.period_key === 'month:2026-12');
    expect(december).toHaveLength(1);
    expect(december[0]?.hires).toHaveLength(2);
    expect(december[0]?.amount_fen).toBe('100000');
  });

  it('an offer the unit declined is not made again for that month’s later hires', async () => {
    const [december] = (await offersOfUnit()).filter((o) => o.period_key === 'month:2026-12');
    expectOk(await post(unit, `/api/v1/offers/${december?.id}/declination`));
    await hire(await seeker('poverty-alleviated', 'H-6'), '2026-12-01');
    const [after] = (await offersOfUnit()).filter((o) => o.period_key === 'month:2026-12');
    expect(after).toMatchObject({ state: 'declined', amount_fen: '100000' });
    expect(after?.hires).toHaveLength(2);
  });

  it('a labour contract registered at the counter (就业登记) starts the offer too, with no referral', async () => {
    clock.setDate('2027-01-05');
    clerk = await login('ho-clerk');
    const personId = await person('poverty-alleviated', 'H-7');
    expectOk(
      await post(clerk, '/api/v1/employment-services/registrations', {
        personId,
        kind: 'employment',
        employmentKind: 'labour-contract',
        employerCreditCode: unitCode,
        regionCode: '520102',
        basis: 'residence',
        startsOn: '2027-01-05',
      }),
      201,
    );
    const [january] = (await offersOfUnit()).filter((o) => o.period_key === 'month:2027-01');
    expect(january).toMatchObject({ origin: 'hire', state: 'open', amount_fen: '50000' });
    expect(january?.hires).toEqual([
      { personId, hiredOn: '2027-01-05', source: { kind: 'registration', id: expect.any(String) } },
    ]);
  });
});

const login = (username: string) => signIn(app, username);
