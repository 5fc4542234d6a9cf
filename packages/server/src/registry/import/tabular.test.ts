import type { AddressInfo } from 'node:net';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff, type Client } from '../../testing/fixtures.js';
import { workbook } from '../../testing/sheets.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { readInWorker } from './sheet-readers.js';
import { readTable, SHEET_LIMITS, toCsv, toXlsx } from './tabular.js';

const MB = 1024 * 1024;
let app: TestApp;
let clerk: Client;

beforeAll(async () => {
  app = await startTestApp();
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

/** A zip as an .xlsx is one: deflated entries, each claiming a size (the truth unless told). */
function zip(entries: { name: string; data: Buffer; claims?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const size = e.claims ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A zip's entries in its own order, inflated (the inverse of zip() for the files exceljs writes). */
function unzip(file: Buffer): { name: string; data: Buffer }[] {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries: { name: string; data: Buffer }[] = [];
  let at = file.readUInt32LE(end + 16);
  for (let i = file.readUInt16LE(end + 10); i > 0; i--) {
    const nameLength = file.readUInt16LE(at + 28);
    const local = file.readUInt32LE(at + 42);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const body = file.subarray(start, start + file.readUInt32LE(at + 20));
    entries.push({
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
      data: file.readUInt16LE(at + 10) === 8 ? inflateRawSync(body) : Buffer.from(body),
    });
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

const CONTENT_TYPES = {
  name: '[Content_Types].xml',
  data: Buffer.from(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
};
const upload = (body: Buffer, language = 'zh-CN') =>
  clerk.request('POST', '/api/v1/imports/people', body, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'accept-language': language,
  });

describe('reading uploaded sheets within limits', () => {
  it('refuses a small .xlsx that unzips past the limit before inflating it, naming the file field', async () => {
    const bomb = zip([
      CONTENT_TYPES,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(SHEET_LIMITS.maxUnzippedBytes + MB, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(MB);
    const zh = await upload(bomb);
    expect(zh.statusCode).toBe(413);
    expect(zh.json()).toEqual({
      code: 'SHEET_UNZIPPED_TOO_LARGE',
      field: 'file',
      message: '字段 文件：表格解压后超过 100 MB，请拆分后分批上传',
      reason: '表格解压后超过 100 MB，请拆分后分批上传',
    });
    expect((await upload(bomb, 'en-US')).json<{ message: string }>().message).toBe(
      'Field file: the spreadsheet unzips to more than 100 MB; split it and upload the parts',
    );
  });

  it('refuses an entry that inflates out of proportion, or past the size its directory claims', async () => {
    const dense = zip([CONTENT_TYPES, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * MB, 0x20) }]);
    await expect(readTable(dense)).rejects.toMatchObject({
      code: 'SHEET_COMPRESSION_SUSPECT',
      statusCode: 422,
      field: 'file',
    });
    // Claims 1 KB, inflates to 20 MB: JSZip would only notice after inflating it all.
    const lying = zip([
      CONTENT_TYPES,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * MB, 0x20), claims: 1024 },
    ]);
    await expect(readTable(lying)).rejects.toMatchObject({ code: 'SHEET_COMPRESSION_SUSPECT', statusCode: 422 });
    const message = (await upload(lying)).json<{ message: string }>().message;
    expect(message).toContain('压缩比异常');
    // The helper itself makes files the checks read as honest.
    expect(inflateRawSync(deflateRawSync(CONTENT_TYPES.data)).equals(CONTENT_TYPES.data)).toBe(true);
  });

  it('refuses a file over the upload size, and rows past the limit, in CSV as in .xlsx', async () => {
    await expect(readTable(Buffer.alloc(SHEET_LIMITS.maxBytes + 1, 0x41))).rejects.toMatchObject({
      code: 'SHEET_TOO_LARGE',
      statusCode: 413,
      field: 'file',
    });
    const over = await upload(Buffer.alloc(SHEET_LIMITS.maxBytes + 1, 0x41));
    expect(over.statusCode).toBe(413);

    const rows = (n: number) => Buffer.from('x\r\n'.repeat(n));
    await expect(readTable(rows(SHEET_LIMITS.maxRows + 1))).rejects.toMatchObject({
      code: 'SHEET_TOO_MANY_ROWS',
      statusCode: 413,
      values: { max: '200,000' },
    });
    expect(await readTable(rows(SHEET_LIMITS.maxRows))).toHaveLength(SHEET_LIMITS.maxRows);
    const wide = await workbook(['a'], [['1'], ['2'], ['3']]);
    await expect(readTable(wide, { ...SHEET_LIMITS, maxRows: 3 })).rejects.toMatchObject({
      code: 'SHEET_TOO_MANY_ROWS',
    });
    expect(await readTable(wide, { ...SHEET_LIMITS, maxRows: 4 })).toHaveLength(4);
  });

  it('stops reading an .xlsx at the first row past the limit, not after loading every row', async () => {
    const limits = { ...SHEET_LIMITS, maxRows: 1_000 };
    const header = ['身份证号码 (idNumber)', '姓名 (name)'];
    const big = await workbook(
      header,
      Array.from({ length: 20_000 }, (_, i) => [`11010519491231${String(i).padStart(4, '0')}`, `姓名${i}`]),
    );
    await expect(readTable(big, limits)).rejects.toMatchObject({
      code: 'SHEET_TOO_MANY_ROWS',
      statusCode: 413,
      field: 'file',
      values: { max: '1,000' },
    });
    // Rows 1 to 1,000, then row 1,001 that passes the limit: none of the other 19,000 is parsed.
    expect(await readInWorker(big, limits)).toEqual({ error: 'rows', rowsRead: 1_001 });
    // At the limit the sheet is read whole, cells as typed.
    const atLimit = await workbook(
      header,
      Array.from({ length: 999 }, (_, i) => [`ID${i}`, `姓名${i}`]),
    );
    const table = await readTable(atLimit, limits);
    expect(table).toHaveLength(1_000);
    expect(table[999]).toEqual([
      { text: 'ID998', numeric: false },
      { text: '姓名998', numeric: false },
    ]);
  });

  it('reads an .xlsx whatever the order of its entries, as exceljs itself now and then writes them', async () => {
    const written = await workbook(
      ['身份证号码 (idNumber)', '终止原因 (endReason)'],
      [['110105194912310016', '已就业']],
    );
    const entries = unzip(written);
    // The sheet after the shared strings and the relationships, but before xl/workbook.xml.
    const late = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'];
    const reordered = [
      ...entries.filter((e) => !late.includes(e.name)),
      ...late.map((name) => entries.find((e) => e.name === name)!),
    ];
    const table = await readTable(zip(reordered));
    expect(table.map((row) => row.map((cell) => cell.text))).toEqual([
      ['身份证号码 (idNumber)', '终止原因 (endReason)'],
      ['110105194912310016', '已就业'],
    ]);
  });

  it('stops a read that runs past its time, and the next file is read by a fresh worker', async () => {
    const csv = Buffer.from('甲,乙,丙\r\n'.repeat(50_000));
    await expect(readTable(csv, { ...SHEET_LIMITS, timeLimitMs: 1 })).rejects.toMatchObject({
      code: 'SHEET_TOO_COMPLEX',
      statusCode: 422,
      field: 'file',
    });
    expect((await readTable(csv)).at(-1)?.map((c) => c.text)).toEqual(['甲', '乙', '丙']);
  });

  it('answers other requests while large sheets are being read', async () => {
    await app.http.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.http.server.address() as AddressInfo;
    const n = 3000;
    const xlsx = await workbook(
      ['身份证号码', '姓名', '行政区划代码', '备注'],
      Array.from({ length: n }, (_, i) => [
        `51010419900101${String(i).padStart(4, '0')}`,
        `姓名${i}`,
        '510104',
        '同意'.repeat(i % 7),
      ]),
    );
    const csv = Buffer.from('510104199001010000,姓名,510104,同意同意\r\n'.repeat(150_000));
    expect(csv.length).toBeLessThan(SHEET_LIMITS.maxBytes);
    // Real sockets: a request only gets through when the event loop is free to read it.
    const order: string[] = [];
    const reading = Promise.all([
      readTable(csv).then((table) => {
        order.push('csv read');
        return table;
      }),
      readTable(xlsx).then((table) => {
        order.push('xlsx read');
        return table;
      }),
    ]);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    order.push(`health ${health.status}`);
    const [csvTable, xlsxTable] = await reading;
    expect(order[0]).toBe('health 200');
    expect(order).toHaveLength(3);
    expect(csvTable).toHaveLength(150_000);
    expect(xlsxTable).toHaveLength(n + 1);
    expect(xlsxTable[n]?.map((c) => c.text)).toEqual([
      `51010419900101${String(n - 1).padStart(4, '0')}`,
      `姓名${n - 1}`,
      '510104',
      '同意'.repeat((n - 1) % 7),
    ]);
  });
});

describe('formula injection in written files', () => {
  const hostile = ['=HYPERLINK("http://x","y")', '+1', '@SUM(1)', '\tcmd', '\rcmd', '-2+3'];

  it('CSV: a cell a spreadsheet would run gets a leading apostrophe; numbers, negative ones too, stay numbers', () => {
    const text = toCsv([['name', 'amount'], ...hostile.map((h) => [h, '-12.50']), ['陈一', '300.00']]).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFFname,amount',
      `"'=HYPERLINK(""http://x"",""y"")",-12.50`,
      "'+1,-12.50",
      "'@SUM(1),-12.50",
      "'\tcmd,-12.50",
      `"'\rcmd",-12.50`,
      "'-2+3,-12.50",
      '陈一,300.00',
      '',
    ]);
  });

  it('xlsx: strings are string cells in text-formatted columns, never formulas', async () => {
    const file = await toXlsx(
      '名单',
      ['姓名'],
      hostile.map((h) => [h]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    for (const [i, h] of hostile.entries()) {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML keeps no lone CR; it comes back as a line feed, still text.
      expect(cell.value).toBe(h.replace('\r', '\n'));
      expect(cell.numFmt).toBe('@');
    }
  });
});
