import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * A referral (岗位推荐) counts once toward an unemployed graduate's 1+3+1 (川办发〔2024〕34号 (十四): three
 * referrals): the same person to the same posting is one referral, however many times it is sent or
 * logged, and however many at once.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, clerk2: Client, caseWorker: Client;
let seekerId: string, postingId: string, secondPostingId: string, unpublishedId: string;
let caseId: string, personId: string, unitId: string;

interface CaseView {
  id: string;
  personId: string;
  promise?: { referralsDone: number };
  contacts: { kind: string; note: string }[];
}

const theCase = async () =>
  (await caseWorker.request('GET', '/api/v1/employment-services/cases'))
    .json<{ cases: CaseView[] }>()
    .cases.find((c) => c.personId === personId);
const refer = (to = postingId) =>
  caseWorker.request('POST', '/api/v1/labour-market/referrals', { seekerId, postingId: to, note: '符合岗位要求' });
const logReferral = (note: string, happenedOn = '2026-11-23', naming?: string) =>
  caseWorker.request('POST', `/api/v1/employment-services/cases/${caseId}/contacts`, {
    kind: 'referral',
    happenedOn,
    note,
    ...(naming === undefined ? {} : { postingId: naming }),
  });

/** A posting of the unit, published by a second clerk unless `publish` is false. */
async function posting(title: string, publish = true): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/labour-market/postings', {
    organisationId: unitId,
    title,
    occupationCode: '6-18-02-04',
    headcount: 2,
    payMinFen: 500_000,
    payMaxFen: 700_000,
    regionCode: '510104',
    place: '锦江区工业园3号',
    requirements: '',
    description: '钢结构焊接',
    contact: '人事部',
    validFrom: '2026-11-23',
    validTo: '2027-01-31',
  });
  expectOk(res, 201);
  const id = res.json<{ id: string }>().id;
  if (publish) expectOk(await clerk2.request('POST', `/api/v1/labour-market/postings/${id}/review`, { publish: true }));
  return id;
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'ro-clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'ro-clerk2', ['clerk'], '510104');
  caseWorker = await staff(app, 'ro-case', ['case-worker'], '510104');
  const person = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('2003-04-04'),
    name: '应届毕业生',
    regionCode: '510104',
    facts: [{ kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } }],
  });
  expectOk(person, 201);
  personId = person.json<{ id: string }>().id;
  expectOk(
    await clerk.request('POST', '/api/v1/employment-services/registrations', {
      personId,
      kind: 'unemployment',
      regionCode: '510104',
      basis: 'residence',
      startsOn: '2026-11-01',
    }),
    201,
  );
  caseId = (await theCase())?.id ?? '';
  const seeker = await clerk.request('PUT', '/api/v1/labour-market/seekers', {
    personId,
    regionCode: '510104',
    occupationCodes: ['6-18-02-04'],
    payMinFen: 400_000,
    availableFrom: '2026-11-23',
    skills: '',
  });
  expectOk(seeker);
  seekerId = seeker.json<{ id: string }>().id;
  const unit = await clerk.request('POST', '/api/v1/organisations', {
    creditCode: creditCode('510104'),
    name: '锦江焊接有限公司',
    category: 'enterprise',
    regionCode: '510104',
  });
  expectOk(unit, 201);
  unitId = unit.json<{ id: string }>().id;
  postingId = await posting('焊工');
  secondPostingId = await posting('电焊学徒');
  unpublishedId = await posting('气焊工', false);
}, 60_000);
afterAll(() => app.close());

describe('one referral of a person to a posting counts once toward the 1+3+1', () => {
  it('the graduate has an open case with no referral yet', async () => {
    expect(caseId).not.toBe('');
    expect((await theCase())?.promise).toMatchObject({ referralsDone: 0 });
  });

  it('referred fifty times at once: one referral, the others told it exists, one on the case', async () => {
    const sent = await Promise.all(Array.from({ length: 50 }, () => refer()));
    expect(sent.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = sent.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.json()).toMatchObject({ code: 'ALREADY_REFERRED', field: 'seekerId' });
    expect((await theCase())?.promise).toMatchObject({ referralsDone: 1 });
  });

  it('the same referral logged by hand afterwards, as the labour market wrote it, is not counted again', async () => {
    const logged = (await theCase())?.contacts.find((c) => c.kind === 'referral')?.note ?? '';
    expect(logged).toContain('焊工');
    const res = await logReferral(logged);
    expectOk(res);
    expect(res.json<CaseView>().promise).toMatchObject({ referralsDone: 1 });
  });

  it('a referral logged by hand fifty times at once (a double click) is logged once, and each call sees the case', async () => {
    const sent = await Promise.all(Array.from({ length: 50 }, () => logReferral('推荐至锦江区某物流公司分拣员岗位')));
    for (const r of sent) expectOk(r);
    const after = await theCase();
    expect(after?.promise).toMatchObject({ referralsDone: 2 });
    expect(after?.contacts.filter((c) => c.kind === 'referral')).toHaveLength(2);
  });

  it('the same short note on another day is another referral, and the third counts', async () => {
    expectOk(await logReferral('推荐至锦江区某物流公司分拣员岗位', '2026-11-20'));
    expect((await theCase())?.promise).toMatchObject({ referralsDone: 3 });
  });
});

describe('a referral that names its posting is one referral per posting, however it is worded or dated', () => {
  it('the first posting named by hand, in other words and on another day, is the referral already counted', async () => {
    const res = await logReferral('电话联系，推荐其应聘焊工', '2026-11-21', postingId);
    expectOk(res);
    expect(res.json<CaseView>().promise).toMatchObject({ referralsDone: 3 });
    expect(res.json<CaseView>().contacts.filter((c) => c.kind === 'referral')).toHaveLength(3);
  });

  it('a second posting logged by hand fifty times at once, each worded differently, is the 4th referral', async () => {
    const sent = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        logReferral(`推荐电焊学徒岗位（第${i + 1}次记录）`, '2026-11-22', secondPostingId),
      ),
    );
    for (const r of sent) expectOk(r);
    expect((await theCase())?.promise).toMatchObject({ referralsDone: 4 });
  });

  it('the labour market then refers the person to that posting: the referral is made, the case still counts 4', async () => {
    expectOk(await refer(secondPostingId), 201);
    const after = await theCase();
    expect(after?.promise).toMatchObject({ referralsDone: 4 });
    expect(after?.contacts.filter((c) => c.kind === 'referral')).toHaveLength(4);
  });

  it('only a referral names a posting; a posting never published or unknown is refused; nothing is logged', async () => {
    const contacts = (await theCase())?.contacts.length;
    const guidance = await caseWorker.request('POST', `/api/v1/employment-services/cases/${caseId}/contacts`, {
      kind: 'guidance',
      happenedOn: '2026-11-23',
      note: '职业指导',
      postingId,
    });
    expect(guidance.statusCode).toBe(400);
    expect(guidance.json()).toMatchObject({ code: 'POSTING_ONLY_FOR_REFERRAL', field: 'postingId' });
    for (const naming of [unpublishedId, '00000000-0000-4000-8000-000000000000']) {
      const res = await logReferral('推荐', '2026-11-23', naming);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'POSTING_NOT_FOUND', field: 'postingId' });
    }
    const malformed = await logReferral('推荐', '2026-11-23', 'posting-1');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ field: 'postingId' });
    expect((await theCase())?.contacts).toHaveLength(contacts ?? -1);
  });
});
