import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode } from '../../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { sheetRows, workbook } from '../../testing/sheets.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { headerOf } from '../../registry/import/templates.js';
import { POSTING_COLUMNS } from './postings-sheet.js';

/**
 * A clerk imports an employer's postings from a sheet (issue 19 item 7): all or nothing, every
 * problem of every row named by row and column in the reader's language; a good file becomes
 * postings waiting for review, which the importer may not publish.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, clerk2: Client;
let unitId: string;
/** The template's columns a posting needs, in its order (the optional description and level left out). */
const HEADER = POSTING_COLUMNS.filter((c) => c.key !== 'description' && c.key !== 'minLevel').map(headerOf);
const good = (title: string) => [
  title,
  '车工',
  '3',
  '4500',
  '6500',
  '510104',
  '锦江区工业园1号',
  '持车工证书优先',
  '人事部 028-80000000',
  '2026-11-23',
  '2027-01-31',
];

const upload = async (rows: string[][], language = 'zh-CN', organisationId = unitId) =>
  clerk.request(
    'POST',
    `/api/v1/labour-market/postings/import?organisationId=${organisationId}`,
    await workbook(HEADER, rows),
    { 'content-type': 'application/octet-stream', 'accept-language': language },
  );

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'pi-clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'pi-clerk2', ['clerk'], '510104');
  const unit = await clerk.request('POST', '/api/v1/organisations', {
    creditCode: creditCode('510104'),
    name: '锦江导入机械有限公司',
    category: 'enterprise',
    regionCode: '510104',
  });
  expectOk(unit, 201);
  unitId = unit.json<{ id: string }>().id;
});
afterAll(() => app.close());

const postingsOfUnit = () =>
  app.database.db.selectFrom('job_posting').select(['title', 'state']).where('organisation_id', '=', unitId).execute();

describe('an employer’s postings imported from a sheet (all or nothing)', () => {
  it('the template names every column', async () => {
    const res = await clerk.request('GET', '/api/v1/labour-market/postings/import-template');
    expectOk(res);
    expect((await sheetRows(res.rawPayload))[0]).toEqual(
      expect.arrayContaining(['岗位名称 (title)', '职业 (occupation)', '月薪上限（元） (payMax)']),
    );
  });

  it('a file with mistakes imports nothing and names every problem of every row, in Chinese', async () => {
    const res = await upload([
      good('车工（一）'),
      // Pay upside down and a discriminatory requirement in one row: both named.
      [
        '车工（二）',
        '车工',
        '3',
        '7000',
        '5000',
        '510104',
        '工业园',
        '限男性，35周岁以下',
        '人事部',
        '2026-11-23',
        '2027-01-31',
      ],
      // Cells that cannot be read: an unknown occupation, a headcount of 0, a date.
      ['车工（三）', '宇航员', '0', '4500', '6500', '510104', '工业园', '', '人事部', '2026-11-23', '2027/13/40'],
      // A region outside the clerk's.
      ['车工（四）', '6-18-01-01', '3', '4500', '6500', '620102', '庆阳', '', '人事部', '2026-11-23', '2027-01-31'],
    ]);
    expect(res.statusCode).toBe(422);
    const body = res.json<{
      code: string;
      errors: { row: number; column: string; field: string; code: string; message: { zh: string; en: string } }[];
    }>();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'payMaxFen'],
      [3, 'requirements'],
      // Every unreadable cell of row 4, each on its own.
      [4, 'occupation'],
      [4, 'headcount'],
      [4, 'validTo'],
      [5, 'regionCode'],
    ]);
    const [pay, words, occupation, headcount, validTo] = body.errors;
    expect(pay?.column).toBe('月薪上限（元） (payMax)');
    expect(pay?.message.zh).toContain('7,000元');
    expect(words?.message.zh).toContain('限男性');
    expect(words?.message.zh).toContain('35周岁以下');
    expect(words?.message.zh).toContain('就业促进法');
    expect(occupation?.message.zh).toBe('职业：不认识的职业“宇航员”');
    expect(headcount?.message.zh).toBe('招聘人数：应为 1 至 10000');
    expect(validTo?.message.zh).toBe('有效期至：日期应为 YYYY-MM-DD');
    expect(await postingsOfUnit()).toEqual([]);
  });

  it('in English too', async () => {
    const res = await upload(
      [['车工', '车工', '3', '7000', '5000', '510104', '工业园', '', '人事部', '2026-11-23', '2027-01-31']],
      'en-US',
    );
    expect(res.json<{ errors: { message: { en: string } }[] }>().errors[0]?.message.en).toContain('¥7,000.00');
  });

  it('a good file: every row a posting waiting for review, which the importer may not publish', async () => {
    const res = await upload([good('车工（甲）'), good('车工（乙）')]);
    expectOk(res);
    expect(res.json()).toEqual({ imported: 2 });
    expect(await postingsOfUnit()).toEqual(
      expect.arrayContaining([
        { title: '车工（甲）', state: 'submitted' },
        { title: '车工（乙）', state: 'submitted' },
      ]),
    );
    const listed = (await clerk.request('GET', '/api/v1/labour-market/postings?state=submitted')).json<{
      postings: { id: string; title: string }[];
    }>().postings;
    const first = listed.find((p) => p.title === '车工（甲）');
    const own = await clerk.request('POST', `/api/v1/labour-market/postings/${first?.id}/review`, { publish: true });
    expect(own.statusCode).toBe(403);
    expectOk(await clerk2.request('POST', `/api/v1/labour-market/postings/${first?.id}/review`, { publish: true }));
  });

  it('the same job twice in the sheet, or paid below the minimum wage, is named by row and column', async () => {
    const low = good('学徒工');
    low[3] = '1800';
    const res = await upload([good('车工（丙）'), good('车工（丙）'), low]);
    expect(res.statusCode).toBe(422);
    const errors = res.json<{ errors: { row: number; field: string; code: string; message: { zh: string } }[] }>()
      .errors;
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'title', 'DUPLICATE_ROW'],
      [4, 'payMinFen', 'PAY_BELOW_MINIMUM_WAGE'],
    ]);
    expect(errors[1]?.message.zh).toContain('最低工资标准 2,100元');
    expect((await postingsOfUnit()).map((p) => p.title)).not.toContain('车工（丙）');
  });

  it('a row the unit already has open is refused like a posting sent alone; nothing is imported', async () => {
    const res = await upload([good('车工（丁）'), good('车工（甲）')]);
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json<{ errors: { row: number; field: string; code: string }[] }>()
        .errors.map((e) => [e.row, e.field, e.code]),
    ).toEqual([[3, 'title', 'DUPLICATE_POSTING']]);
    expect((await postingsOfUnit()).map((p) => p.title)).not.toContain('车工（丁）');
  });

  it('an employer outside the clerk’s regions is not found, naming the field', async () => {
    const res = await upload([good('车工')], 'zh-CN', '00000000-0000-4000-8000-000000000000');
    expect(res.json()).toMatchObject({ code: 'ORGANISATION_NOT_FOUND', field: 'organisationId' });
  });
});
