import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/** What the parameters page reads: every parameter a region may set, named, in force, with its history. */
let app: TestApp;
let officer: Client, clerk: Client;

interface Value {
  parameter: string;
  region: string;
  from: string;
  value: number;
  source: string;
  cites?: string;
  note?: string;
  label?: { zh: string; en: string; unit: string };
}
interface RegionParameter {
  parameter: string;
  label?: Value['label'];
  inForce?: Value;
  history: Value[];
}

beforeAll(async () => {
  app = await startTestApp();
  officer = await staff(app, 'officer', ['parameter-officer'], '510100');
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

const view = async (who: Client, region: string, on = '2026-12-01') => {
  const res = await who.request('GET', `/api/v1/parameters/regions/${region}?on=${on}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ parameters: RegionParameter[] }>().parameters;
};

describe('a region’s parameters', () => {
  it('names every parameter, and shows a text’s value with its citation and unit', async () => {
    const all = await view(clerk, '510104', '2025-06-01');
    expect(all.filter((p) => !p.label).map((p) => p.parameter)).toEqual([]);
    const jobSeeking = all.find((p) => p.parameter === 'job-seeking.amount');
    expect(jobSeeking?.label).toEqual({ zh: '一次性求职补贴标准', en: 'One-time job-seeking subsidy', unit: 'fen' });
    expect(jobSeeking?.inForce).toMatchObject({ region: '510000', value: 150000, source: 'text' });
    expect(jobSeeking?.inForce?.cites).toMatch(/川办发/);
    const risk = all.find((p) => p.parameter === 'risk.shared-phone-max');
    expect(risk?.label?.unit).toBe('count');
    expect(all.find((p) => p.parameter.startsWith('proactive.no-application.'))?.label?.zh).toMatch(/^免申即享：/);
  });

  it('a value set locally takes over from its day, and the history keeps the text’s beside it', async () => {
    const set = await officer.request('POST', '/api/v1/parameters', {
      parameter: 'vocational-training.standard',
      regionCode: '510104',
      from: '2026-11-01',
      value: 180000,
      note: '成人社发〔2026〕1号',
    });
    expect(set.statusCode, set.body).toBe(201);
    expect(set.json<Value>().label?.zh).toBe('职业技能培训补贴标准');
    const p = (await view(officer, '510104')).find((x) => x.parameter === 'vocational-training.standard');
    expect(p?.inForce).toMatchObject({ value: 180000, source: 'local-setting', note: '成人社发〔2026〕1号' });
    expect(p?.history.map((v) => v.region)).toContain('510104');
    const before = (await view(officer, '510104', '2026-10-31')).find((x) => x.parameter === p?.parameter);
    expect(before?.inForce?.source).not.toBe('local-setting');
  });

  it('a city’s year target is shown for the city, not under its district as if the district’s own', async () => {
    const set = await officer.request('POST', '/api/v1/parameters', {
      parameter: 'employment-target.new-urban-jobs',
      regionCode: '510100',
      from: '2026-01-01',
      value: 90_000,
      note: '成都市2026年就业工作目标',
    });
    expect(set.statusCode, set.body).toBe(201);
    const target = async (region: string) =>
      (await view(officer, region)).find((p) => p.parameter === 'employment-target.new-urban-jobs');
    const city = await target('510100');
    expect(city?.inForce).toMatchObject({ region: '510100', value: 90_000 });
    expect(city?.history.map((v) => v.region)).toEqual(['510100']);
    const district = await target('510104');
    expect(district?.inForce).toBeUndefined();
    expect(district?.history).toEqual([]);
    // Any other setting set by the city still applies in its districts and says so.
    const jobSeeking = (await view(officer, '510104')).find((p) => p.parameter === 'job-seeking.amount');
    expect(jobSeeking?.inForce?.region).toBe('510000');
  });

  it.each([
    ['a share over the whole', 'risk.training-attendance-min-permille', 1500, '0% 至 100%'],
    ['a switch set to 2', 'internship.at-minimum-wage', 2, '0（否）或 1（是）'],
  ])('%s is refused naming what the value must be, and nothing is set', async (_what, parameter, value, said) => {
    const res = await officer.request('POST', '/api/v1/parameters', {
      parameter,
      regionCode: '510104',
      from: '2027-03-01',
      value,
      note: '试设数值，应被拒绝',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'value', message: expect.stringContaining(said) });
    const history = (await view(officer, '510104', '2027-03-01')).find((p) => p.parameter === parameter)?.history;
    expect(history?.map((v) => v.value)).not.toContain(value);
  });

  it.each(['x', '!!!!!!', '测试', '   '])(
    'a basis that explains nothing (%s) is refused naming the note, and nothing is set',
    async (note) => {
      const res = await officer.request('POST', '/api/v1/parameters', {
        parameter: 'vocational-training.standard',
        regionCode: '510104',
        from: '2027-04-01',
        value: 170000,
        note,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'REASON_TOO_BRIEF', field: 'note' });
      const history = (await view(officer, '510104', '2027-04-01')).find(
        (p) => p.parameter === 'vocational-training.standard',
      )?.history;
      expect(history?.map((v) => v.value)).not.toContain(170000);
    },
  );

  it('another region is refused; a day that does not exist is 400', async () => {
    expect((await clerk.request('GET', '/api/v1/parameters/regions/620102')).statusCode).toBe(403);
    expect((await clerk.request('GET', '/api/v1/parameters/regions/510104?on=2026-02-30')).statusCode).toBe(400);
  });

  it.each([
    ['from', { from: '2027-02-30' }],
    ['to', { from: '2027-01-01', to: '2027-02-30' }],
  ])('a value from or to a day that does not exist is refused naming %s, and nothing is set', async (field, days) => {
    const res = await officer.request('POST', '/api/v1/parameters', {
      parameter: 'vocational-training.standard',
      regionCode: '510104',
      value: 190000,
      note: '成人社发〔2027〕1号',
      ...days,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field, message: expect.stringContaining(field === 'from' ? '起始' : '截止') });
    const standard = (await view(officer, '510104', '2027-01-15')).find(
      (p) => p.parameter === 'vocational-training.standard',
    );
    expect(standard?.history.map((v) => v.value)).not.toContain(190000);
  });
});

describe('the other administration reads', () => {
  it('a calendar year lists its days off and weekend days worked, and says it is bundled', async () => {
    const res = await clerk.request('GET', '/api/v1/calendar/2026');
    expect(res.statusCode).toBe(200);
    const year = res.json<{ holidays: string[]; workdays: string[]; loaded: boolean }>();
    expect(year.holidays).toContain('2026-10-01');
    expect(year.loaded).toBe(false);
    expect((await clerk.request('GET', '/api/v1/calendar/2199')).statusCode).toBe(404);
  });

  it('the audit trail narrows by action prefix, actor, subject and days', async () => {
    const auditor = await staff(app, 'auditor', ['auditor'], '510100');
    const q = async (query: string) => {
      const res = await auditor.request('GET', `/api/v1/audit?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ entries: { action: string; actorName?: string; entityType?: string }[] }>().entries;
    };
    const set = await q('action=parameter.');
    expect(set.length).toBeGreaterThan(0);
    expect(set.every((e) => e.action.startsWith('parameter.'))).toBe(true);
    const name = set[0]?.actorName ?? '';
    expect((await q(`actor=${encodeURIComponent(name)}`)).every((e) => e.actorName === name)).toBe(true);
    expect((await q('entityType=parameter_value')).every((e) => e.entityType === 'parameter_value')).toBe(true);
    expect(await q('from=2000-01-01&to=2000-01-02')).toEqual([]);
    expect((await auditor.request('GET', '/api/v1/audit?from=2026-13-01')).statusCode).toBe(400);
  });

  it('reference snapshots are listed newest first', async () => {
    const load = (source: string) =>
      clerk.request(
        'POST',
        `/api/v1/reference-snapshots/deaths?takenOn=2026-11-20&source=${encodeURIComponent(source)}`,
        Buffer.from(`身份证号码 (idNumber),死亡日期 (date)\r\n${idNumber('1930-01-01')},2026-11-01\r\n`, 'utf8'),
        { 'content-type': 'text/csv' },
      );
    expect((await load('民政部门 一')).statusCode).toBe(201);
    expect((await load('民政部门 二')).statusCode).toBe(201);
    const res = await clerk.request('GET', '/api/v1/reference-snapshots');
    expect(res.statusCode).toBe(200);
    const list = res.json<{
      snapshots: { kind: string; source: string; rows: number; takenOn: string; importedAt: string }[];
    }>().snapshots;
    // Two loads may fall in the same instant; the order is by the time of loading, newest first.
    expect(
      list
        .slice(0, 2)
        .map((x) => x.source)
        .sort(),
    ).toEqual(['民政部门 一', '民政部门 二']);
    expect(list[0]).toMatchObject({ kind: 'deaths', rows: 1, takenOn: '2026-11-20' });
    const times = list.map((x) => x.importedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
