import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, engine, example, idNumber, organisation } from '../../../../policy/src/testing/builders.js';
import { applicant, expectOk, login, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
const base = '/api/v1/labour-market';
let app: TestApp;
let clerk: Client, clerk2: Client, otherClerk: Client;
let unitId: string, workerPersonId: string, stationId: string;
let gigId: string, workerId: string;

const gig = (extra: Record<string, unknown> = {}) => ({
  organisationId: unitId,
  payUnit: 'day',
  title: '家政保洁（日结）',
  occupationCode: '4-10-01-06',
  headcount: 5,
  payMinFen: 20_000,
  payMaxFen: 25_000,
  regionCode: '510104',
  place: '锦江区春熙路小区',
  requirements: '能吃苦耐劳',
  description: '入户保洁，当天结算',
  contact: '驿站 028-1111111',
  validFrom: '2026-11-23',
  validTo: '2026-11-30',
  ...extra,
});
const post = (c: Client, url: string, body?: unknown) => c.request('POST', url, body);

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'gig-clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'gig-clerk2', ['clerk'], '510104');
  otherClerk = await staff(app, 'gig-other', ['clerk'], '620102');
  const unit = await applicant(app, {
    kind: 'organisation',
    creditCode: creditCode('510104'),
    name: '锦江物流有限公司',
    category: 'enterprise',
    regionCode: '510104',
    username: 'gig-unit',
  });
  unitId = (await unit.request('GET', '/api/v1/session')).json<{ account: { organisationId: string } }>().account
    .organisationId;
  const worker = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('1985-05-05', 'male', '510104'),
    name: '零工甲',
    regionCode: '510104',
    username: 'gig-worker',
  });
  workerPersonId = (await worker.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account
    .personId;
}, 60_000);
afterAll(() => app.close());

describe('gig stations (零工驿站)', () => {
  const station = () => ({
    name: '锦江区零工驿站',
    regionCode: '510104',
    operatorId: unitId,
    address: '锦江区东大街1号',
    openedOn: '2026-06-01',
  });

  it('is opened in the clerk’s regions, run by a registry organisation, one name per region', async () => {
    expect((await post(otherClerk, `${base}/gig-stations`, station())).json()).toMatchObject({
      code: 'OUT_OF_REGION',
      field: 'regionCode',
    });
    const unknown = await post(clerk, `${base}/gig-stations`, {
      ...station(),
      operatorId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.json()).toMatchObject({ code: 'ORGANISATION_NOT_FOUND', field: 'operatorId' });
    const made = await post(clerk, `${base}/gig-stations`, station());
    expectOk(made, 201);
    expect(made.json()).toMatchObject({ name: '锦江区零工驿站', operatorName: '锦江物流有限公司' });
    stationId = made.json<{ id: string }>().id;
    const again = await post(clerk2, `${base}/gig-stations`, station());
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'GIG_STATION_EXISTS', field: 'name' });
    expect((await clerk.request('GET', `${base}/gig-stations`)).json<{ stations: unknown[] }>().stations).toHaveLength(
      1,
    );
    expect((await otherClerk.request('GET', `${base}/gig-stations`)).json()).toEqual({ stations: [] });
    expect((await otherClerk.request('GET', `${base}/gig-stations/${stationId}/gigs`)).statusCode).toBe(404);
  });
});

describe('gigs: short postings paid by the day, reviewed like any posting', () => {
  it('a gig valid longer than 30 days is refused, naming the field; nothing is saved', async () => {
    const res = await post(clerk, `${base}/gig-stations/${stationId}/gigs`, gig({ validTo: '2026-12-23' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'GIG_TOO_LONG', field: 'validTo' });
    expect(res.json<{ message: string }>().message).toContain('30');
    expect((await clerk.request('GET', `${base}/gig-stations/${stationId}/gigs`)).json()).toEqual({ gigs: [] });
  });

  it('a day rate upside down is refused as pay, not as monthly pay', async () => {
    const res = await post(clerk, `${base}/gig-stations/${stationId}/gigs`, gig({ payMinFen: 30_000 }));
    expect(res.json()).toMatchObject({ code: 'PAY_RANGE_INVERTED', field: 'payMaxFen' });
    expect(res.json<{ message: string }>().message).toMatch(/^字段 薪酬上限：/);
  });

  it('the posting rules apply: a discriminatory requirement is refused with its words', async () => {
    const res = await post(clerk, `${base}/gig-stations/${stationId}/gigs`, gig({ requirements: '限男性' }));
    expect(res.json()).toMatchObject({ code: 'DISCRIMINATORY_CONTENT', field: 'requirements' });
    expect((await clerk.request('GET', `${base}/gig-stations/${stationId}/gigs`)).json()).toEqual({ gigs: [] });
  });

  it('is on the gig board (not the monthly job board) only once another clerk publishes it', async () => {
    const res = await post(clerk, `${base}/gig-stations/${stationId}/gigs`, gig());
    expectOk(res, 201);
    gigId = res.json<{ posting: { id: string; state: string } }>().posting.id;
    expect(res.json()).toMatchObject({ payUnit: 'day', posting: { state: 'submitted' } });
    const board = () => app.http.inject({ method: 'GET', url: `${base}/gigs?region=510100` });
    expect((await board()).json()).toEqual({ gigs: [] });
    expectOk(await post(clerk2, `${base}/postings/${gigId}/review`, { publish: true }));
    const shown = (await board()).json<{ gigs: { payUnit: string; posting: { id: string; payMinFen: number } }[] }>();
    expect(shown.gigs.map((g) => [g.posting.id, g.payUnit, g.posting.payMinFen])).toEqual([[gigId, 'day', 20_000]]);
    const jobs = await app.http.inject({ method: 'GET', url: `${base}/jobs?region=510104` });
    expect(jobs.json<{ postings: { id: string }[] }>().postings.map((p) => p.id)).not.toContain(gigId);
    // The desk's list exports with words and 元, in the reader's language.
    const sheet = await clerk.request('GET', `${base}/postings.xlsx?state=published`, undefined, {
      'accept-language': 'en-US',
    });
    expectOk(sheet);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const cells = (book.worksheets[0]?.getSheetValues() ?? []).flatMap((r) => (Array.isArray(r) ? r.map(String) : []));
    expect(cells).toEqual(
      expect.arrayContaining(['家政保洁（日结）', 'Published', '¥200.00', 'Domestic service worker']),
    );
    expect(cells).not.toContain('published');
    // Nor is it among a seeker's matches, whose pay is monthly.
    const seeker = await clerk.request('PUT', `${base}/seekers`, {
      personId: workerPersonId,
      regionCode: '510104',
      occupationCodes: ['4-10-01-06'],
      payMinFen: 10_000,
      availableFrom: '2026-11-23',
      skills: '',
    });
    expectOk(seeker);
    const matches = await clerk.request('GET', `${base}/seekers/${seeker.json<{ id: string }>().id}/matches`);
    expectOk(matches);
    expect(matches.json<{ matches: { posting: { id: string } }[] }>().matches.map((m) => m.posting.id)).not.toContain(
      gigId,
    );
  });

  it('a worker registered at the station is placed once; two clerks at once give one match', async () => {
    const reg = await clerk.request('PUT', `${base}/gig-stations/${stationId}/workers`, {
      personId: workerPersonId,
      skills: '叉车',
      registeredOn: '2026-11-23',
    });
    expectOk(reg);
    workerId = reg.json<{ id: string }>().id;
    expect(reg.json()).toMatchObject({ name: '零工甲', skills: '叉车' });
    const future = await post(clerk, `${base}/gig-stations/${stationId}/matches`, {
      postingId: gigId,
      workerId,
      matchedOn: '2026-11-24',
    });
    expect(future.json()).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'matchedOn' });
    const before = await post(clerk, `${base}/gig-stations/${stationId}/matches`, {
      postingId: gigId,
      workerId,
      matchedOn: '2026-11-22',
    });
    expect(before.json()).toMatchObject({ code: 'GIG_NOT_OPEN', field: 'postingId' });
    const body = { postingId: gigId, workerId, matchedOn: '2026-11-23' };
    const both = await Promise.all([
      post(clerk, `${base}/gig-stations/${stationId}/matches`, body),
      post(clerk2, `${base}/gig-stations/${stationId}/matches`, body),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json()).toMatchObject({ code: 'GIG_ALREADY_MATCHED' });
  });

  it('a month’s figures count postings, people served and placements, and are a 就业创业服务补助 claim', async () => {
    const res = await clerk.request('GET', `${base}/gig-stations/${stationId}/figures?month=2026-11`);
    expectOk(res);
    const figures = res.json<{
      service: { kind: 'public-service'; site: string; served: number; outcomes: number };
    }>();
    expect(figures).toEqual({
      stationId,
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      postings: 1,
      workersServed: 1,
      matches: 1,
      workersMatched: 1,
      service: { kind: 'public-service', site: '锦江区零工驿站', served: 1, outcomes: 1 },
    });
    const december = await clerk.request('GET', `${base}/gig-stations/${stationId}/figures?month=2026-12`);
    expect(december.json()).toMatchObject({ postings: 0, workersServed: 0, matches: 0 });
    const bad = await clerk.request('GET', `${base}/gig-stations/${stationId}/figures?month=2026-13`);
    expect(bad.statusCode).toBe(400);
    // A month or a year, one of them, the field named.
    const neither = await clerk.request('GET', `${base}/gig-stations/${stationId}/figures`);
    expect(neither.json()).toMatchObject({ code: 'FIGURES_PERIOD', field: 'month' });
    const both = await clerk.request('GET', `${base}/gig-stations/${stationId}/figures?month=2026-11&year=2026`);
    expect(both.json()).toMatchObject({ code: 'FIGURES_PERIOD', field: 'year' });
    // Read as the station's claim by the policy engine, at example rates of 20元 a person served and 100元 a placement.
    const decision = engine([
      example('employment-service.public-service.per-served', '620000', 2_000),
      example('employment-service.public-service.per-outcome', '620000', 10_000),
    ]).evaluate({
      subsidy: 'employment-service',
      region: '620102',
      date: '2027-01-10',
      applicant: organisation({
        region: '620102',
        category: 'public-institution',
        designations: [{ kind: 'gig-worker-station', from: '2026-06-01' }],
      }),
      claim: { year: 2026, service: figures.service },
    });
    expect(decision).toMatchObject({ eligible: true, amountFen: 12_000 });
  });
});

describe('a station’s figures are that station’s 就业创业服务补助 claim, for a month or the year', () => {
  it('a year counts a person once however many months; a person served in November and December is one', async () => {
    // The worker placed in November is registered again (skills updated) and placed in a December gig.
    clock.setDate('2026-12-02');
    [clerk, clerk2] = await Promise.all([login(app, 'gig-clerk'), login(app, 'gig-clerk2')]);
    const december = await post(clerk, `${base}/gig-stations/${stationId}/gigs`, {
      ...gig({ title: '仓库理货（日结）', validFrom: '2026-12-02', validTo: '2026-12-08' }),
    });
    expectOk(december, 201);
    const decemberId = december.json<{ posting: { id: string } }>().posting.id;
    expectOk(await post(clerk2, `${base}/postings/${decemberId}/review`, { publish: true }));
    expectOk(
      await post(clerk, `${base}/gig-stations/${stationId}/matches`, {
        postingId: decemberId,
        workerId,
        matchedOn: '2026-12-02',
      }),
      201,
    );
    const month = await clerk.request('GET', `${base}/gig-stations/${stationId}/figures?month=2026-12`);
    expect(month.json()).toMatchObject({ matches: 1, workersServed: 1, workersMatched: 1 });
    const year = await clerk.request('GET', `${base}/gig-stations/${stationId}/figures?year=2026`);
    expectOk(year);
    expect(year.json()).toEqual({
      stationId,
      period: '2026',
      from: '2026-01-01',
      to: '2026-12-31',
      postings: 2,
      workersServed: 1,
      matches: 2,
      workersMatched: 1,
      service: { kind: 'public-service', site: '锦江区零工驿站', served: 1, outcomes: 1 },
    });
  });

  it('two stations of one operator are two claims for the year; the same station’s again is refused', async () => {
    // The operator: a 基层公共就业服务机构 designated to run 零工驿站.
    const centre = await post(clerk, '/api/v1/organisations', {
      creditCode: creditCode('510104'),
      name: '锦江区就业服务中心',
      category: 'public-institution',
      regionCode: '510104',
      facts: [{ kind: 'designation', data: { kind: 'gig-worker-station', from: '2026-01-01' } }],
    });
    expectOk(centre, 201);
    const operatorId = centre.json<{ id: string }>().id;
    const claims: Record<string, unknown>[] = [];
    for (const name of ['锦江区盐市口零工驿站', '锦江区牛市口零工驿站']) {
      const opened = await post(clerk, `${base}/gig-stations`, {
        name,
        regionCode: '510104',
        operatorId,
        address: '锦江区',
        openedOn: '2026-03-01',
      });
      expectOk(opened, 201);
      const year = await clerk.request(
        'GET',
        `${base}/gig-stations/${opened.json<{ id: string }>().id}/figures?year=2026`,
      );
      expectOk(year);
      claims.push(year.json<{ service: Record<string, unknown> }>().service);
    }
    expect(claims.map((c) => c.site)).toEqual(['锦江区盐市口零工驿站', '锦江区牛市口零工驿站']);
    const file = (service: Record<string, unknown>, key: string) =>
      post(clerk, '/api/v1/applications', {
        subsidy: 'employment-service',
        organisationId: operatorId,
        claim: { year: 2026, service },
        idempotencyKey: key,
      });
    for (const [i, service] of claims.entries()) expectOk(await file(service, `station-claim-${i}`), 201);
    const again = await file(claims[0] ?? {}, 'station-claim-again');
    expect(again.json()).toMatchObject({ code: 'DUPLICATE_SERVICE_CLAIM', field: 'claim.service.site' });
  });
});

describe('the register and placements the figures count', () => {
  it('the register counts toward the figures: no day before the station opened, no day moved, no gig over-filled', async () => {
    const register = (personId: string, registeredOn: string) =>
      clerk.request('PUT', `${base}/gig-stations/${stationId}/workers`, { personId, skills: '叉车', registeredOn });
    // The station opened on 2026-06-01.
    expect((await register(workerPersonId, '2020-01-01')).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'registeredOn',
    });
    const moved = await register(workerPersonId, '2026-11-01');
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({ code: 'GIG_WORKER_REGISTERED', field: 'registeredOn' });
    expectOk(await register(workerPersonId, '2026-11-23'));

    // A gig for one person: the second placement is refused, as is one before the worker registered.
    const single = await post(
      clerk,
      `${base}/gig-stations/${stationId}/gigs`,
      gig({ title: '搬家（日结）', headcount: 1, validFrom: '2026-12-02', validTo: '2026-12-08' }),
    );
    expectOk(single, 201);
    const singleId = single.json<{ posting: { id: string } }>().posting.id;
    expectOk(await post(clerk2, `${base}/postings/${singleId}/review`, { publish: true }));
    const other = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1988-08-08', 'male', '510104'),
      name: '零工乙',
      regionCode: '510104',
    });
    expectOk(other, 201);
    const second = await register(other.json<{ id: string }>().id, '2026-12-02');
    expectOk(second);
    const secondId = second.json<{ id: string }>().id;
    expectOk(
      await post(clerk, `${base}/gig-stations/${stationId}/matches`, {
        postingId: singleId,
        workerId,
        matchedOn: '2026-12-02',
      }),
      201,
    );
    const full = await post(clerk, `${base}/gig-stations/${stationId}/matches`, {
      postingId: singleId,
      workerId: secondId,
      matchedOn: '2026-12-02',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'GIG_FULL', field: 'postingId' });
  });
});
