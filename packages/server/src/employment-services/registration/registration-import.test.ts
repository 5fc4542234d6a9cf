import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { sheetRows, workbook } from '../../testing/sheets.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { lastCardSerial } from './registration-repository.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;
const HEADER = [
  '身份证号码 (idNumber)',
  '登记类型 (kind)',
  '登记地行政区划代码 (regionCode)',
  '登记地 (basis)',
  '登记日期 (startsOn)',
  '终止日期 (endsOn)',
  '终止原因 (endReason)',
  '就业形式 (employmentKind)',
  '用人单位统一社会信用代码 (employerCreditCode)',
];

async function person(): Promise<{ id: string; idNumber: string }> {
  const id = idNumber('1988-08-08');
  const res = await clerk.request('POST', '/api/v1/people', { idNumber: id, name: '历史登记', regionCode: '510104' });
  expectOk(res, 201);
  return { id: res.json<{ id: string }>().id, idNumber: id };
}

const upload = async (rows: string[][], language = 'zh-CN') =>
  clerk.request('POST', '/api/v1/employment-services/registrations/import', await workbook(HEADER, rows), {
    'content-type': 'application/octet-stream',
    'accept-language': language,
  });

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'imp-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

describe('historic registrations from the system before (Excel, all or nothing)', () => {
  it('the template names every column', async () => {
    const res = await clerk.request('GET', '/api/v1/employment-services/registrations/import-template');
    expectOk(res);
    expect((await sheetRows(res.rawPayload))[0]).toEqual(
      expect.arrayContaining(['身份证号码 (idNumber)', '登记类型 (kind)', '终止原因 (endReason)']),
    );
  });

  it('a file with mistakes imports nothing and names every problem by row and column', async () => {
    const a = await person();
    const b = await person();
    const res = await upload(
      [
        [a.idNumber, '失业登记', '510104', '常住地', '2024-01-01', '2024-06-30', '已就业', '', ''],
        [a.idNumber, '就业登记', '510104', '常住地', '2024-06-01', '', '', '灵活就业', ''],
        [b.idNumber, '失业登记', '510104', '常住地', '2024-03-01', '2024-02-01', '升学', '', ''],
        [idNumber('1970-01-01'), '失业登记', '510104', '常住地', '2024-03-01', '', '', '', ''],
        [b.idNumber, '就业登记', '510104', '常住地', '2024-05-01', '', '', '签订劳动合同', ''],
      ],
      'en-US',
    );
    expect(res.statusCode).toBe(422);
    const errors = res.json<{ code: string; errors: { row: number; field: string; message: { en: string } }[] }>();
    expect(errors.code).toBe('IMPORT_REJECTED');
    expect(errors.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'startsOn'],
      [4, 'endsOn'],
      [5, 'idNumber'],
      [6, 'employerCreditCode'],
    ]);
    expect(errors.errors[0]?.message.en).toBe('The period 2024-06-01 to now overlaps 2024-01-01 to 2024-06-30');
    expect(
      await app.database.db
        .selectFrom('employment_registration')
        .select('id')
        .where('person_id', 'in', [a.id, b.id])
        .execute(),
    ).toEqual([]);
  });

  it('a good file records every registration with its fact, one card number per person', async () => {
    const a = await person();
    const res = await upload([
      [a.idNumber, '失业登记', '510104', '常住地', '2024-01-01', '2024-06-30', '已就业', '', ''],
      [a.idNumber, '就业登记', '510104', '常住地', '2024-07-01', '', '', '签订劳动合同', '91510104MA0000001E'],
    ]);
    expectOk(res);
    expect(res.json()).toEqual({ imported: 2 });
    const list = (await clerk.request('GET', `/api/v1/employment-services/people/${a.id}/registrations`)).json<{
      registrations: { kind: string; endsOn?: string; cardNumber: string }[];
    }>().registrations;
    expect(list).toMatchObject([{ kind: 'employment' }, { kind: 'unemployment', endsOn: '2024-06-30' }]);
    expect(new Set(list.map((r) => r.cardNumber)).size).toBe(1);
    const facts = await app.database.db
      .selectFrom('registry_fact')
      .select('data')
      .where('person_id', '=', a.id)
      .where('retracted_at', 'is', null)
      .execute();
    expect(facts.map((f) => f.data)).toEqual(
      expect.arrayContaining([
        { kind: 'registered-unemployed', from: '2024-01-01', to: '2024-06-30' },
        { kind: 'labour-contract', employer: '91510104MA0000001E', from: '2024-07-01' },
      ]),
    );
  });

  it('an employer code with a wrong check character is refused by row and column, as the form refuses it, unless the registry holds that unit', async () => {
    const a = await person();
    const b = await person();
    const rows = [
      [a.idNumber, '就业登记', '510104', '常住地', '2024-07-01', '', '', '签订劳动合同', '91510104MA0000001X'],
      [b.idNumber, '就业登记', '510104', '常住地', '2024-07-01', '', '', '签订劳动合同', '91510104MA0000004X'],
    ];
    const zh = await upload(rows);
    expect(zh.statusCode).toBe(422);
    const problems = zh.json<{
      errors: { row: number; column: string; field: string; code: string; message: { zh: string; en: string } }[];
    }>().errors;
    expect(problems).toEqual(
      [2, 3].map((row) => ({
        row,
        column: '用人单位统一社会信用代码 (employerCreditCode)',
        columnName: { zh: '用人单位统一社会信用代码', en: 'Employer credit code' },
        field: 'employerCreditCode',
        code: 'INVALID_CREDIT_CODE',
        message: {
          zh: '字段 用人单位统一社会信用代码：统一社会信用代码无效（校验码错误）',
          en: 'Field Employer credit code: not a valid unified social credit code (the check character is wrong)',
        },
      })),
    );
    // An early pilot code the registry keeps with its reason is the unit's real code, in a file as on the form.
    expectOk(
      await clerk.request('POST', '/api/v1/organisations', {
        creditCode: '91510104MA0000004X',
        creditCodeOverride: '早期试点代码，经市场监管部门核实',
        name: '试点单位（导入）',
        category: 'enterprise',
        regionCode: '510104',
      }),
      201,
    );
    const again = await upload(rows);
    expect(again.json<{ errors: { row: number }[] }>().errors.map((e) => e.row)).toEqual([2]);
    expect(await upload(rows.slice(1))).toMatchObject({ statusCode: 200 });
  });
});

describe('what the form refuses, a file is refused too', () => {
  const WIDE = [...HEADER, '街道/社区 (community)', '就业创业证号 (cardNumber)'];
  const wide = async (rows: string[][]) =>
    clerk.request('POST', '/api/v1/employment-services/registrations/import', await workbook(WIDE, rows), {
      'content-type': 'application/octet-stream',
      'accept-language': 'en-US',
    });
  const problems = async (rows: string[][]) => {
    const res = await wide(rows);
    expect(res.statusCode).toBe(422);
    return res.json<{ errors: { row: number; field: string; message: { en: string } }[] }>().errors;
  };
  const unemployed = (p: { idNumber: string }, from: string, to = '', card = '', community = '') => [
    p.idNumber,
    '失业登记',
    '510104',
    '常住地',
    from,
    to,
    to ? '已就业' : '',
    '',
    '',
    community,
    card,
  ];

  it('an end after today (23 November 2026) is refused; an end today is recorded', async () => {
    const a = await person();
    expect(await problems([unemployed(a, '2026-01-01', '2026-11-24')])).toMatchObject([
      { row: 2, field: 'endsOn', message: { en: 'Field Last day: the date may not be after today' } },
    ]);
    expectOk(await wide([unemployed(a, '2026-01-01', '2026-11-23')]));
  });

  it('a start before the person turned 16 is refused, as one before their birth (born 8 August 1988)', async () => {
    const a = await person();
    expect(
      (await problems([unemployed(a, '2004-08-07', '2004-12-31'), unemployed(a, '1980-01-01', '1980-02-01')])).map(
        (p) => [p.row, p.field, p.message.en],
      ),
    ).toEqual([
      [2, 'startsOn', 'Field From: a registration cannot start before the person turned 16 (2004-08-08)'],
      [3, 'startsOn', 'Field From: a registration cannot start before the person turned 16 (2004-08-08)'],
    ]);
    expectOk(await wide([unemployed(a, '2004-08-08', '2004-12-31')]));
  });

  it('a card number another person holds, on record or in an earlier row, is refused', async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    expectOk(await wide([unemployed(a, '2020-01-01', '2020-06-30', 'OLD-0000123')]));
    expect(
      (
        await problems([
          unemployed(b, '2021-01-01', '2021-06-30', 'OLD-0000123'),
          unemployed(c, '2021-01-01', '2021-06-30', 'OLD-0000456'),
          unemployed(b, '2022-01-01', '2022-06-30', 'OLD-0000456'),
        ])
      ).map((p) => [p.row, p.field, p.message.en]),
    ).toEqual([
      [2, 'cardNumber', 'Card number: belongs to another person'],
      [4, 'cardNumber', 'Card number: belongs to another person'],
    ]);
    // The holder's own number again, for a later period, is theirs.
    expectOk(await wide([unemployed(a, '2021-01-01', '2021-06-30', 'OLD-0000123')]));
  });

  it('a person holding a card, on record or in an earlier row, is not imported with another', async () => {
    const [a, b] = [await person(), await person()];
    expectOk(await wide([unemployed(a, '2020-01-01', '2020-06-30', 'OLD-0000321')]));
    expect(
      (
        await problems([
          unemployed(a, '2021-01-01', '2021-06-30', 'OLD-0000654'),
          unemployed(b, '2021-01-01', '2021-06-30', 'OLD-0000987'),
          unemployed(b, '2022-01-01', '2022-06-30', 'OLD-0000988'),
        ])
      ).map((p) => [p.row, p.field, p.message.en]),
    ).toEqual([
      [2, 'cardNumber', 'Card number: the person already holds card OLD-0000321'],
      [4, 'cardNumber', 'Card number: the person already holds card OLD-0000987'],
    ]);
    // A row without a number takes the one the person holds.
    expectOk(await wide([unemployed(a, '2021-01-01', '2021-06-30')]));
  });

  it('a NUL character in a cell is named by row and column, not refused by the database', async () => {
    const a = await person();
    const csv = [WIDE.join(','), [...unemployed(a, '2020-01-01', '2020-02-01', '', '春熙路\u0000街道')].join(',')].join(
      '\n',
    );
    const res = await clerk.request('POST', '/api/v1/employment-services/registrations/import', Buffer.from(csv), {
      'content-type': 'text/csv',
      'accept-language': 'en-US',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { row: number; field: string; message: { en: string } }[] }>().errors).toMatchObject([
      { row: 2, field: 'community', message: { en: expect.stringContaining('NUL character') } },
    ]);
  });

  it('a card number or a community longer than the record holds is named by row and column', async () => {
    const a = await person();
    expect(
      (
        await problems([
          unemployed(a, '2020-01-01', '2020-02-01', '12345'),
          unemployed(a, '2020-03-01', '2020-04-01', '1'.repeat(31)),
          unemployed(a, '2020-05-01', '2020-06-01', '', '街'.repeat(101)),
        ])
      ).map((p) => [p.row, p.field]),
    ).toEqual([
      [2, 'cardNumber'],
      [3, 'cardNumber'],
      [4, 'community'],
    ]);
  });

  it('a row bringing the next number and a row needing a new card get two numbers, not one', async () => {
    const [a, b] = [await person(), await person()];
    const next = `510104-2026-${String((await lastCardSerial(app.database.db, '510104-2026-')) + 1).padStart(6, '0')}`;
    // The row without a number starts first, so it would have been given the next serial first.
    expectOk(await wide([unemployed(a, '2026-01-01', '2026-02-01'), unemployed(b, '2026-03-01', '2026-04-01', next)]));
    const cards = await app.database.db
      .selectFrom('employment_registration')
      .select(['person_id', 'card_number'])
      .where('person_id', 'in', [a.id, b.id])
      .execute();
    expect(cards.find((c) => c.person_id === b.id)?.card_number).toBe(next);
    expect(cards.find((c) => c.person_id === a.id)?.card_number).not.toBe(next);
  });

  it('a new card follows the highest number of its form on record, an imported one included', async () => {
    const [a, b] = [await person(), await person()];
    expectOk(await wide([unemployed(a, '2026-01-01', '2026-02-01', '510104-2026-000900')]));
    const registered = await clerk.request('POST', '/api/v1/employment-services/registrations', {
      personId: b.id,
      kind: 'unemployment',
      regionCode: '510104',
      basis: 'residence',
      startsOn: '2026-11-23',
    });
    expectOk(registered, 201);
    expect(registered.json()).toMatchObject({ cardNumber: '510104-2026-000901' });
  });

  it('past serial 999999 the numbers grow a digit and go on, each once', async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    expectOk(await wide([unemployed(a, '2026-01-01', '2026-02-01', '510104-2026-999999')]));
    const register = async (p: { id: string }) =>
      (
        await clerk.request('POST', '/api/v1/employment-services/registrations', {
          personId: p.id,
          kind: 'unemployment',
          regionCode: '510104',
          basis: 'residence',
          startsOn: '2026-11-23',
        })
      ).json<{ cardNumber: string }>().cardNumber;
    expect(await register(b)).toBe('510104-2026-1000000');
    expect(await register(c)).toBe('510104-2026-1000001');
  });
});
