import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
let finance: Client;
beforeAll(async () => {
  app = await startTestApp();
  finance = await staff(app, 'finance', ['finance'], '510000');
});
afterAll(() => app.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the factor-method calculator over the API', () => {
  it('allocates by a preset, exactly, with the calculation for each region', async () => {
    const res = await finance.request('POST', '/api/v1/allocation/calculations', {
      scheme: 'sichuan-2025-training',
      totalFen: 1_000_000_01,
      regions: [
        { region: '510100', values: { trainees: 3, results: 1 } },
        { region: '510300', values: { trainees: 1, results: 1 } },
      ],
    });
    const result = res.json<{
      rows: { region: string; amountFen: number; explanation: { zh: string } }[];
      cites: string;
    }>();
    expect(result.rows.reduce((n, r) => n + r.amountFen, 0)).toBe(1_000_000_01);
    expect(result.rows[0]?.amountFen).toBe(67_500_000 + 1); // 52.5% + 15% = 67.5%, plus the odd fen
    expect(result.cites).toBe('《四川省中央和省级财政就业创业补助资金管理办法》 第十四条');
    expect(result.rows[0]?.explanation.zh).toContain('培训需求人数 75.0000%×70.0000%');
  });

  it('refuses weights that do not add up, saying so', async () => {
    const res = await finance.request('POST', '/api/v1/allocation/calculations', {
      scheme: 'custom',
      customScheme: {
        id: 'custom',
        name: { zh: '自定', en: 'Custom' },
        citation: { document: 'CS-2023-181', article: '第十八条' },
        factors: [
          {
            id: 'a',
            name: { zh: 'A', en: 'A' },
            indicators: [{ id: 'a', name: { zh: 'A', en: 'A' }, weightBp: 9000 }],
          },
        ],
        coefficients: [],
      },
      totalFen: 100,
      regions: [{ region: '510100', values: { a: 1 } }],
    });
    expect(res.json()).toMatchObject({ code: 'ALLOCATION_INVALID', message: expect.stringContaining('90%') });
  });

  it('an indicator that is zero everywhere is named as the scheme names it, with what to do', async () => {
    const res = await finance.request('POST', '/api/v1/allocation/calculations', {
      scheme: 'sichuan-2025-training',
      totalFen: 100,
      regions: [
        { region: '510100', values: { trainees: 0, results: 1 } },
        { region: '510300', values: { trainees: 0, results: 1 } },
      ],
    });
    expect(res.json<{ message: string }>().message).toContain('指标「培训需求人数」各地均为0');
    expect(res.json<{ message: string }>().message).toContain('或将其权重调为0');
  });

  it('reads the regions from the Excel template and returns the result as Excel', async () => {
    const template = await finance.request('GET', '/api/v1/allocation/schemes/national-2023/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    sheet.spliceRows(2, 1);
    sheet.addRow(['510100', '3', '3', '3', '3', '1', '1.2']);
    sheet.addRow(['510300', '1', '1', '1', '1', '1', '1']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const json = await finance.request(
      'POST',
      '/api/v1/allocation/schemes/national-2023/calculations?totalFen=1000000',
      filled,
      { 'content-type': XLSX },
    );
    // 75% × 1.2 = 90 against 25: 90/115 and 25/115 of the total.
    expect(json.json<{ rows: { amountFen: number }[] }>().rows.map((r) => r.amountFen)).toEqual([782_609, 217_391]);
    const xlsx = await finance.request(
      'POST',
      '/api/v1/allocation/schemes/national-2023/calculations?totalFen=1000000&format=xlsx',
      filled,
      { 'content-type': XLSX },
    );
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    // The amount is a number of 元 the sheet can add up, shown with two decimals.
    const amount = out.worksheets[0]?.getRow(2).getCell(2);
    expect(amount?.value).toBe(7826.09);
    expect(amount?.numFmt).toBe('#,##0.00');
  });

  it('publishes an allocation for everyone, kept as calculated, as data and Excel', async () => {
    const published = await finance.request('POST', '/api/v1/allocation/publications', {
      title: '2026年省级专项人才队伍培训资金分配结果',
      regionCode: '510000',
      scheme: 'sichuan-2025-training',
      totalFen: 30_000_000_00,
      regions: [
        { region: '510100', values: { trainees: 3, results: 1 } },
        { region: '510300', values: { trainees: 1, results: 1 } },
      ],
    });
    expect(published.statusCode).toBe(201);
    const list = (await app.http.inject({ url: '/api/v1/allocation/publications?region=510000' })).json<{
      publications: { id: string; title: string; result: { rows: { amountFen: number }[] } }[];
    }>();
    expect(list.publications[0]).toMatchObject({ title: '2026年省级专项人才队伍培训资金分配结果' });
    expect(list.publications[0]?.result.rows.map((r) => r.amountFen)).toEqual([20_250_000_00, 9_750_000_00]);
    const xlsx = await app.http.inject({ url: `/api/v1/allocation/publications/${list.publications[0]?.id}/export` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(2).getCell(2).value).toBe(20_250_000);
    expect((await app.http.inject({ url: '/api/v1/allocation/publications?region=620000' })).json()).toEqual({
      publications: [],
    });
  });
});

describe('what a published allocation may say', () => {
  const training = (regions: { region: string; values: Record<string, number> }[]) => ({
    title: '2026年专项资金分配结果',
    regionCode: '510100',
    scheme: 'sichuan-2025-training',
    totalFen: 1_000_000,
    regions,
  });
  const published = async (region: string) =>
    (await app.http.inject({ url: `/api/v1/allocation/publications?region=${region}` })).json<{
      publications: unknown[];
    }>().publications.length;

  it('divides a region’s money among that region and the regions below it only, naming the row that is not', async () => {
    const before = await published('510000');
    const res = await finance.request(
      'POST',
      '/api/v1/allocation/publications',
      training([
        { region: '510104', values: { trainees: 3, results: 1 } },
        { region: '510300', values: { trainees: 1, results: 1 } },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'regions[1].region', message: expect.stringContaining('510100') });
    expect(await published('510000')).toBe(before);
  });

  it('refuses an edited scheme with a name of megabytes, naming the field, before anything is kept', async () => {
    const before = await published('510000');
    const presets = (await finance.request('GET', '/api/v1/allocation/schemes')).json<{
      schemes: { id: string; name: { zh: string; en: string } }[];
    }>().schemes;
    const preset = presets.find((s) => s.id === 'sichuan-2025-training');
    const res = await finance.request('POST', '/api/v1/allocation/publications', {
      ...training([{ region: '510104', values: { trainees: 1, results: 1 } }]),
      scheme: 'edited',
      customScheme: { ...preset, id: 'edited', name: { zh: '长'.repeat(1_000_000), en: 'Edited' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'customScheme.name.zh' });
    expect(await published('510000')).toBe(before);
  });
});
