import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { staff, type Client } from '../../testing/fixtures.js';
import { sheetRows, workbook } from '../../testing/sheets.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * Excel that round-trips (issue 16, item 7): the catalogue exported has the template's columns, so
 * a bureau exports it, adds a row and imports the file; every problem of every row is told at
 * once; dates may be Excel dates or common text forms; mobile numbers are checked.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let app: TestApp;
let clerk: Client;

beforeAll(async () => {
  app = await startTestApp();
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

const upload = (path: string, body: Buffer) => clerk.request('POST', path, body, { 'content-type': XLSX });
const download = async (url: string) => sheetRows((await app.http.inject({ method: 'GET', url })).rawPayload);
type Problems = { errors: { row: number; column: string; message: { zh: string } }[] };

describe('the catalogue round trip', () => {
  it('the export has the template’s headers; exported, a row added, and imported back, only the new row is added', async () => {
    const template = await sheetRows(
      (await clerk.request('GET', '/api/v1/training/demand-catalogue/template')).rawPayload,
    );
    const header = template[0] ?? [];
    const first = await upload(
      '/api/v1/training/demand-catalogue/import',
      await workbook(header, [['510104', '育婴员', '4', '就业技能培训', '1200', '80', '是', '学员', '2026-01-01']]),
    );
    expect(first.json(), first.body).toEqual({ imported: 1 });

    const exported = await download('/api/v1/training/demand-catalogue.xlsx?region=510104');
    expect(exported[0]).toEqual(header);
    const added = ['510104', '电工', '3', '就业技能培训', '2000', '120', '否', '学员', '2026/3/1'];
    const again = await upload(
      '/api/v1/training/demand-catalogue/import',
      await workbook(header, [...exported.slice(1), added]),
    );
    expect(again.json(), again.body).toEqual({ imported: 1 });
    const after = await download('/api/v1/training/demand-catalogue.xlsx?region=510104');
    expect(
      after
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['电工', '育婴员']);
    expect(after.find((r) => r[1] === '电工')?.[8]).toBe('2026-03-01');
  });

  it('a county’s export holds the city’s items too; imported back, they are left alone', async () => {
    const cityClerk = await staff(app, 'city-clerk', ['clerk'], '510100');
    const header = (await download('/api/v1/training/demand-catalogue.xlsx?region=510104'))[0] ?? [];
    const city = await cityClerk.request(
      'POST',
      '/api/v1/training/demand-catalogue/import',
      await workbook(header, [
        ['510100', '中式烹调师', '5', '就业技能培训', '1500', '100', '否', '学员', '2026-01-01'],
      ]),
      { 'content-type': XLSX },
    );
    expect(city.json(), city.body).toEqual({ imported: 1 });
    const exported = await download('/api/v1/training/demand-catalogue.xlsx?region=510104');
    expect(exported.map((r) => r[1])).toContain('中式烹调师');
    const added = ['510104', '美发师', '', '就业技能培训', '900', '60', '否', '学员', '2026-03-01'];
    const again = await upload(
      '/api/v1/training/demand-catalogue/import',
      await workbook(header, [...exported.slice(1), added]),
    );
    expect(again.json(), again.body).toEqual({ imported: 1 });
    // A new row for the city is still the city's to add, not the county's.
    const above = await upload(
      '/api/v1/training/demand-catalogue/import',
      await workbook(header, [['510100', '焊工', '', '就业技能培训', '1500', '60', '否', '学员', '2026-03-01']]),
    );
    expect(above.json<Problems>().errors).toEqual([expect.objectContaining({ column: '行政区划代码 (regionCode)' })]);
  });

  it('an exported item edited in the sheet is refused, not silently ignored', async () => {
    const exported = await download('/api/v1/training/demand-catalogue.xlsx?region=510104');
    const edited = exported.slice(1).map((r) => (r[1] === '育婴员' ? r.map((c, i) => (i === 4 ? '9999' : c)) : r));
    const res = await upload('/api/v1/training/demand-catalogue/import', await workbook(exported[0] ?? [], edited));
    expect(res.statusCode).toBe(422);
    expect(res.json<Problems>().errors).toEqual([expect.objectContaining({ column: '目录编号 (id)' })]);
  });

  it('every problem of every row is reported at once', async () => {
    const header = (await download('/api/v1/training/demand-catalogue.xlsx?region=510104'))[0] ?? [];
    const res = await upload(
      '/api/v1/training/demand-catalogue/import',
      await workbook(header, [
        ['510104', '保育师', '6', '插花培训', '12.345', '0', '也许', '', '2026-02-30'],
        ['620102', '焊工', '', '就业技能培训', '1500', '60', '否', '', '2026年1月5日'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<Problems>().errors.map((e) => `${e.row} ${e.column}`)).toEqual([
      '2 等级 (level)',
      '2 培训类型 (trainingKind)',
      '2 补贴标准（元） (standard)',
      '2 课时 (hours)',
      '2 急需紧缺 (urgent)',
      '2 生效日期 (validFrom)',
      '3 行政区划代码 (regionCode)',
    ]);
  });

  it('reads a date Excel stored as a date, and the common ways people type one', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('目录');
    sheet.addRow((await download('/api/v1/training/demand-catalogue.xlsx?region=510104'))[0] ?? []);
    sheet.addRow(['510104', '茶艺师', '', '就业技能培训', '900', '60', '否', '', new Date(Date.UTC(2026, 4, 6))]);
    sheet.addRow(['510104', '焊工', '', '就业技能培训', '900', '60', '否', '', '2026.5.7', '2027年5月7日']);
    sheet.addRow(['510104', '车工', '', '就业技能培训', '900', '60', '否', '', '46150', '20270508']);
    const res = await upload('/api/v1/training/demand-catalogue/import', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.json(), res.body).toEqual({ imported: 3 });
    const rows = await download('/api/v1/training/demand-catalogue.xlsx?region=510104');
    const dates = (name: string) => rows.find((r) => r[1] === name)?.slice(8, 10);
    expect(dates('茶艺师')).toEqual(['2026-05-06', '']);
    expect(dates('焊工')).toEqual(['2026-05-07', '2027-05-07']);
    expect(dates('车工')).toEqual(['2026-05-08', '2027-05-08']);
  });
});

describe('people imported with their mobile numbers', () => {
  it('a malformed mobile number is refused with the row’s other problems; a well-formed one is kept', async () => {
    const header = [
      '身份证号码 (idNumber)',
      '姓名 (name)',
      '行政区划代码 (regionCode)',
      '农村户籍 (rural)',
      '手机号码 (phone)',
    ];
    const bad = await upload(
      '/api/v1/imports/people',
      await workbook(header, [[idNumber('1990-01-01'), '甲', '510104', '也许', '1380000000']]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json<Problems>().errors.map((e) => e.column)).toEqual(['农村户籍 (rural)', '手机号码 (phone)']);
    const good = await upload(
      '/api/v1/imports/people',
      await workbook(header, [[idNumber('1990-01-02'), '乙', '510104', '否', '+86 138-0000-0000']]),
    );
    expect(good.statusCode, good.body).toBe(200);
  });
});
