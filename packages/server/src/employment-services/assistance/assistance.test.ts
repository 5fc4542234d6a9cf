import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, chunxi: Client, other: Client;

interface CaseView {
  id: string;
  kind: string;
  personId: string;
  householdId?: string;
  caseWorkerName?: string;
  overdue: boolean;
  closedOn?: string;
  closeReason?: string;
  promise?: { guidanceDone: number; referralsDone: number; offersDone: number };
}

async function person(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1996-02-02'),
    name,
    regionCode: '510104',
    ...extra,
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

const graduation = { kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } };
const register = (personId: string, startsOn: string, community?: string) =>
  clerk.request('POST', '/api/v1/employment-services/registrations', {
    personId,
    kind: 'unemployment',
    regionCode: '510104',
    basis: 'residence',
    startsOn,
    ...(community ? { community } : {}),
  });
const cases = async (by: Client, query = '') =>
  (await by.request('GET', `/api/v1/employment-services/cases${query}`)).json<{ cases: CaseView[] }>().cases;
const log = (by: Client, id: string, kind: string, note = '已服务') =>
  by.request('POST', `/api/v1/employment-services/cases/${id}/contacts`, { kind, happenedOn: '2026-11-23', note });

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'as-clerk', ['clerk'], '510104');
  chunxi = await staff(app, 'as-chunxi', ['case-worker'], '510104');
  other = await staff(app, 'as-other', ['case-worker'], '510104');
  await app.database.db
    .insertInto('case_worker_area')
    .values({ account_id: chunxi.accountId, region_code: '510104', community: '春熙路街道' })
    .execute();
});
afterAll(() => app.close());

describe('1+3+1 for each unemployed graduate (川办发〔2024〕34号 (十四))', () => {
  it('a case opens when the graduate registers unemployed, with the case worker of their 街道/社区, and closes when 1+3+1 is kept', async () => {
    const id = await person('毕业生甲', { facts: [graduation] });
    const registered = await register(id, '2026-11-01', '春熙路街道');
    expectOk(registered, 201);
    // The registration says what it opened, so the clerk is told at once.
    expect(registered.json()).toMatchObject({ casesOpened: ['graduate'] });
    const opened = (await cases(chunxi, '?mine=true')).find((c) => c.personId === id);
    expect(opened).toMatchObject({
      kind: 'graduate',
      caseWorkerName: 'as-chunxi',
      promise: { guidanceDone: 0, referralsDone: 0, offersDone: 0 },
    });
    const caseId = (opened as CaseView).id;
    expectOk(await log(chunxi, caseId, 'guidance'));
    for (let i = 0; i < 3; i++) expectOk(await log(chunxi, caseId, 'referral', `推荐岗位${i}`));
    const done = await log(chunxi, caseId, 'training-offer');
    expectOk(done);
    expect(done.json()).toMatchObject({
      closedOn: '2026-11-23',
      closeReason: 'promise-kept',
      promise: { guidanceDone: 1, referralsDone: 3, offersDone: 1 },
    });
    expect((await log(chunxi, caseId, 'contact')).json()).toMatchObject({ code: 'CASE_CLOSED' });
  });

  it('the contact that keeps the 1+3+1, sent many times at once, is logged once; the others find the case closed', async () => {
    const id = await person('毕业生丙', { facts: [graduation] });
    expectOk(await register(id, '2026-11-01', '春熙路街道'), 201);
    const caseId = (await cases(chunxi, '?mine=true')).find((c) => c.personId === id)?.id ?? '';
    expectOk(await log(chunxi, caseId, 'guidance'));
    for (let i = 0; i < 3; i++) expectOk(await log(chunxi, caseId, 'referral', `推荐岗位${i}`));
    const sent = await Promise.all(Array.from({ length: 10 }, () => log(chunxi, caseId, 'training-offer')));
    expect(sent.map((r) => r.statusCode).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
    const closed = (await cases(chunxi)).find((c) => c.id === caseId);
    expect(closed).toMatchObject({ closeReason: 'promise-kept', promise: { offersDone: 1 } });
  });

  it('the same guidance sent fifty times at once is logged once; a contact before the case opened is refused', async () => {
    const id = await person('毕业生丁', { facts: [graduation] });
    expectOk(await register(id, '2026-11-01', '春熙路街道'), 201);
    const caseId = (await cases(chunxi, '?mine=true')).find((c) => c.personId === id)?.id ?? '';
    const sent = await Promise.all(Array.from({ length: 50 }, () => log(chunxi, caseId, 'guidance', '职业指导一次')));
    expect(sent.every((r) => r.statusCode === 200)).toBe(true);
    // The same note typed with full-width letters is the same contact; two plain contacts noted
    // alike on one day (two calls unanswered) are two.
    expectOk(await log(chunxi, caseId, 'contact', '电话未接通'));
    expectOk(await log(chunxi, caseId, 'contact', '电话未接通'));
    expectOk(await log(chunxi, caseId, 'referral', '推荐岗位Ａ'));
    const again = await log(chunxi, caseId, 'referral', '推荐岗位A');
    expect(again.json()).toMatchObject({ promise: { guidanceDone: 1, referralsDone: 1 } });
    const contacts = await app.database.db
      .selectFrom('assistance_contact')
      .select('kind')
      .where('case_id', '=', caseId)
      .execute();
    expect(contacts.filter((c) => c.kind === 'contact')).toHaveLength(2);
    const early = await chunxi.request(
      'POST',
      `/api/v1/employment-services/cases/${caseId}/contacts`,
      { kind: 'contact', happenedOn: '2026-10-31', note: '电话' },
      { 'accept-language': 'en-US' },
    );
    expect(early.json()).toMatchObject({
      code: 'CONTACT_BEFORE_CASE',
      field: 'happenedOn',
      message: expect.stringContaining('before the case was opened (2026-11-01)'),
    });
  });

  it('a graduate not served within the months allowed is on the overdue list, and in its Excel export', async () => {
    const id = await person('毕业生乙', { facts: [graduation] });
    expectOk(await register(id, '2026-07-15'), 201);
    const overdue = await cases(clerk, '?overdue=true&kind=graduate');
    expect(overdue.map((c) => c.personId)).toContain(id);
    expect(overdue.every((c) => c.overdue)).toBe(true);
    const sheet = await clerk.request('GET', '/api/v1/employment-services/cases.xlsx?overdue=true', undefined, {
      'accept-language': 'en-US',
    });
    expectOk(sheet);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows =
      book.worksheets[0]?.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).map(String) : [])) ?? [];
    expect(rows.flat()).toContain('Unemployed graduate');
    expect(rows.flat()).toContain('毕业生乙');
    // Words, never codes.
    expect(rows.flat()).not.toContain('graduate');
  });
});

describe('零就业家庭动态清零 (庆政办发〔2023〕102号 第22条)', () => {
  it('an urban household with nobody employed gets a case, closed only when a member is employed', async () => {
    const household = 'H-TEST-0001';
    const mother = await person('家庭成员甲', { householdId: household, rural: false });
    const son = await person('家庭成员乙', { householdId: household, rural: false });
    const registered = await register(mother, '2026-10-01');
    expectOk(registered, 201);
    expect(registered.json()).toMatchObject({ casesOpened: ['zero-employment-household'] });
    const open = (await cases(clerk, '?kind=zero-employment-household&open=true')).find(
      (c) => c.householdId === household,
    );
    expect(open).toBeDefined();
    const board = (await clerk.request('GET', '/api/v1/employment-services/households')).json<{
      regions: { regionCode: string; open: number }[];
    }>();
    expect(board.regions.find((r) => r.regionCode === '510104')?.open).toBe(1);

    // A visit is logged; the household stays open.
    expectOk(await log(other, (open as CaseView).id, 'contact', '入户走访'));
    expect((await cases(clerk, '?kind=zero-employment-household&open=true')).map((c) => c.householdId)).toContain(
      household,
    );

    // The son starts work: the household is cleared.
    const work = {
      personId: son,
      kind: 'employment',
      employmentKind: 'public-welfare-post',
      regionCode: '510104',
      basis: 'residence',
      startsOn: '2026-11-20',
    };
    expectOk(await clerk.request('POST', '/api/v1/employment-services/registrations', work), 201);
    const closed = (await cases(clerk, '?kind=zero-employment-household')).find((c) => c.householdId === household);
    expect(closed).toMatchObject({ closedOn: '2026-11-20', closeReason: 'employed' });
  });

  it('a household with someone at work is not a zero-employment household', async () => {
    const household = 'H-TEST-0002';
    const working = await person('在职成员', { householdId: household, rural: false });
    const idle = await person('失业成员', { householdId: household, rural: false });
    const work = {
      personId: working,
      kind: 'employment',
      employmentKind: 'flexible',
      regionCode: '510104',
      basis: 'residence',
      startsOn: '2026-01-01',
    };
    expectOk(await clerk.request('POST', '/api/v1/employment-services/registrations', work), 201);
    const registered = await register(idle, '2026-10-01');
    expectOk(registered, 201);
    expect(registered.json()).toMatchObject({ casesOpened: [] });
    expect((await cases(clerk, '?kind=zero-employment-household')).map((c) => c.householdId)).not.toContain(household);
  });
});
