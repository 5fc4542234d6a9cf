import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { expectOk, staff, type Client } from '../../testing/fixtures.js';
import { workbook as sheetWorkbook } from '../../testing/sheets.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let app: TestApp;
let clerk: Client;

beforeAll(async () => {
  app = await startTestApp();
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

const upload = (kind: string, body: Buffer, type = XLSX) =>
  clerk.request('POST', `/api/v1/imports/${kind}`, body, { 'content-type': type });
const people = () =>
  app.database.db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

const workbook = (header: string[], rows: (string | number)[][]) => sheetWorkbook(header, rows, '人员');

describe('registry import', () => {
  it('offers its templates for download, as .xlsx and .csv', async () => {
    const xlsx = await clerk.request('GET', '/api/v1/imports/people/template');
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).value).toBe('身份证号码 (idNumber)');
    const csv = await clerk.request('GET', '/api/v1/imports/people/template?format=csv');
    expect(csv.body.startsWith('\uFEFF身份证号码 (idNumber),姓名 (name)')).toBe(true);
  });

  it('imports a good file in one go', async () => {
    const before = await people();
    const file = await workbook(
      ['身份证号码 (idNumber)', '姓名 (name)', '行政区划代码 (regionCode)', '农村户籍 (rural)'],
      [
        [idNumber('1990-01-02'), '陈一', '510104', '否'],
        [idNumber('1991-01-02'), '陈二', '510104', '是'],
        [idNumber('1992-01-02'), '陈三', '510104', ''],
      ],
    );
    const res = await upload('people', file);
    expectOk(res);
    expect(res.json()).toEqual({ kind: 'people', imported: 3 });
    expect(await people()).toBe(before + 3);
  });

  it('a file with one bad row imports nothing and lists every problem by row and column, in both languages', async () => {
    const before = await people();
    const good = idNumber('1993-03-03');
    const file = await workbook(
      ['身份证号码 (idNumber)', '姓名 (name)', '行政区划代码 (regionCode)', '农村户籍 (rural)'],
      [
        [good, '林一', '510104', '否'],
        ['110105194912310021', '林二', '510104', '否'], // wrong check digit
        [idNumber('1994-04-04'), '', '510104', '否'], // name missing
        [idNumber('1995-05-05'), '林四', '620102', '否'], // another province
        [good, '林五', '510104', '也许'], // duplicate of row 2, and not yes/no
      ],
    );
    const res = await upload('people', file);
    expect(res.statusCode).toBe(422);
    const body = res.json<{
      code: string;
      errors: { row: number; column: string; code: string; message: { zh: string; en: string } }[];
    }>();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '身份证号码 (idNumber)', 'INVALID_ID_NUMBER'],
      [4, '姓名 (name)', 'REQUIRED_FIELD'],
      [5, '行政区划代码 (regionCode)', 'OUT_OF_REGION'],
      [6, '农村户籍 (rural)', 'VALIDATION_FAILED'],
    ]);
    expect(body.errors[0]?.message).toEqual({
      zh: expect.stringContaining('身份证号码'),
      en: expect.stringContaining('ID number'),
    });
    expect(await people()).toBe(before);
  });

  it('flags an ID number that Excel stored as a number', async () => {
    const file = await workbook(
      ['身份证号码 (idNumber)', '姓名 (name)', '行政区划代码 (regionCode)'],
      [[110105194912310000, '数字', '510104']],
    );
    const res = await upload('people', file);
    expect(res.json<{ errors: { code: string; message: { en: string } }[] }>().errors[0]?.message.en).toMatch(
      /must be text/,
    );
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030), and refuses a person already registered', async () => {
    const id = idNumber('1996-06-06');
    const csv = `身份证号码,姓名,行政区划代码\r\n${id},黄六,510104\r\n`;
    const encoded = encodeGb18030(csv);
    expectOk(await upload('people', encoded, 'text/csv'));
    const again = await upload('people', encoded, 'text/csv');
    expect(again.json()).toMatchObject({ code: 'IMPORT_REJECTED', errors: [{ row: 2, code: 'PERSON_EXISTS' }] });
  });

  it('imports dated facts for registered people, and refuses facts for someone not registered', async () => {
    const id = idNumber('1997-07-07');
    expectOk(await clerk.request('POST', '/api/v1/people', { idNumber: id, name: '吴七', regionCode: '510104' }), 201);
    const ok = await upload(
      'statuses',
      await workbook(
        ['身份证号码 (idNumber)', '身份类别 (kind)', '开始日期 (from)'],
        [[id, '城镇登记失业人员', '2026-03-01']],
      ),
    );
    expectOk(ok);
    const bad = await upload(
      'statuses',
      await workbook(
        ['身份证号码 (idNumber)', '身份类别 (kind)', '开始日期 (from)'],
        [[idNumber('1998-08-08'), '城镇登记失业人员', '2026-02-30']],
      ),
    );
    // A day that does not exist is told by its column, as the sheet names it.
    expect(bad.json<{ errors: { row: number; column: string }[] }>().errors).toEqual([
      expect.objectContaining({ row: 2, column: '开始日期 (from)' }),
    ]);
  });

  it('names unknown and missing columns', async () => {
    const res = await upload('people', await workbook(['姓名 (name)', '爱好'], [['某', '游泳']]));
    const codes = res.json<{ errors: { row: number; code: string }[] }>().errors.map((e) => `${e.row}:${e.code}`);
    expect(codes).toEqual(['1:UNKNOWN_FIELD', '1:REQUIRED_FIELD', '1:REQUIRED_FIELD']);
  });

  it('a file that is neither .xlsx nor .csv is refused', async () => {
    const res = await upload(
      'people',
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe]),
      'application/octet-stream',
    );
    expect(res.statusCode).toBe(422);
  });
});

/** GB18030 for the characters used above: Node has no encoder, so a small table does. */
function encodeGb18030(text: string): Buffer {
  const table: Record<string, number[]> = {
    身: [0xc9, 0xed],
    份: [0xb7, 0xdd],
    证: [0xd6, 0xa4],
    号: [0xba, 0xc5],
    码: [0xc2, 0xeb],
    姓: [0xd0, 0xd5],
    名: [0xc3, 0xfb],
    行: [0xd0, 0xd0],
    政: [0xd5, 0xfe],
    区: [0xc7, 0xf8],
    划: [0xbb, 0xae],
    代: [0xb4, 0xfa],
    黄: [0xbb, 0xc6],
    六: [0xc1, 0xf9],
  };
  const bytes: number[] = [];
  for (const ch of text) bytes.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  const out = Buffer.from(bytes);
  if (new TextDecoder('gb18030').decode(out) !== text) throw new Error('test table is wrong');
  return out;
}
