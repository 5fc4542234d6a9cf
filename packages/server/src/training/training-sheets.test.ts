import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { sheetRows, workbook } from '../testing/sheets.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The catalogues and rosters as spreadsheets (人社部发〔2024〕5号 (一)(四)(十六)), and a catalogue item
 * paid to the institution instead of the trainee (项目制、先垫后补; 财社〔2023〕181号 第九条).
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const clock = TestClock.at('2026-09-01T10:00:00+08:00');
let app: TestApp;
let clerk: Client;
const trainees: { id: string; idNumber: string; name: string }[] = [];

const CATALOGUE_HEADER = [
  '行政区划代码 (regionCode)',
  '职业（工种） (occupation)',
  '等级 (level)',
  '培训类型 (trainingKind)',
  '补贴标准（元） (standard)',
  '课时 (hours)',
  '急需紧缺 (urgent)',
  '补贴发放对象 (payee)',
  '生效日期 (validFrom)',
];
const ROSTER_HEADER = ['姓名 (name)', '身份证号码 (idNumber)'];

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  for (let i = 0; i < 4; i++) {
    const id = idNumber('1996-06-06');
    const name = `名册${i}`;
    const res = await clerk.request('POST', '/api/v1/people', {
      idNumber: id,
      name,
      regionCode: '510104',
      facts: [{ kind: 'status', data: { kind: 'registered-unemployed', from: '2026-01-01' } }],
    });
    expectOk(res, 201);
    trainees.push({ id: res.json<{ id: string }>().id, idNumber: id, name });
  }
});
afterAll(() => app.close());

const upload = (c: Client, path: string, body: Buffer) => c.request('POST', path, body, { 'content-type': XLSX });
const publicGet = (url: string) => app.http.inject({ method: 'GET', url });

describe('the catalogue as a spreadsheet', () => {
  it('offers a template whose columns the import reads', async () => {
    const res = await clerk.request('GET', '/api/v1/training/demand-catalogue/template');
    expect(res.headers['content-type']).toBe(XLSX);
    expect((await sheetRows(res.rawPayload))[0]).toEqual(expect.arrayContaining(CATALOGUE_HEADER));
  });

  it('a file with any bad row imports nothing and names every problem by row and column', async () => {
    const file = await workbook(CATALOGUE_HEADER, [
      ['510104', '育婴员', '4', '就业技能培训', '1200', '80', '是', '学员', '2026-01-01'],
      ['510104', '保育师', '6', '就业技能培训', '1000', '80', '否', '', '2026-01-01'], // level out of range
      ['510104', '茶艺师', '', '插花培训', '900', '60', '否', '', '2026-01-01'], // unknown kind
      ['510104', '电工', '', '就业技能培训', '12.345', '60', '否', '', '2026-01-01'], // three decimals
      ['620102', '焊工', '', '就业技能培训', '1500', '60', '否', '', '2026-01-01'], // another province
      ['510104', '车工', '', '就业技能培训', '1500', '60', '否', '', '2026-13-01'], // no such month
    ]);
    const res = await upload(clerk, '/api/v1/training/demand-catalogue/import', file);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; errors: { row: number; column: string; message: { zh: string } }[] }>();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '等级 (level)'],
      [4, '培训类型 (trainingKind)'],
      [5, '补贴标准（元） (standard)'],
      [6, '行政区划代码 (regionCode)'],
      [7, '生效日期 (validFrom)'],
    ]);
    expect(body.errors[1]?.message.zh).toContain('插花培训');
    expect((await publicGet('/api/v1/training/demand-catalogue?region=510104')).json()).toEqual({ items: [] });
  });

  it('a good file publishes every row at once; the public downloads the catalogue as it stands', async () => {
    const file = await workbook(CATALOGUE_HEADER, [
      ['510104', '育婴员', '4', '就业技能培训', '1200', '80', '是', '学员', '2026-01-01'],
      ['510104', '中式烹调师', '5', '就业技能培训', '1,500.50', '100', '否', '培训机构', '2026-01-01'],
      ['510104', 'SYB创业培训', '', '创业培训', '1000', '56', '否', '', '2026-01-01'],
    ]);
    const imported = await upload(clerk, '/api/v1/training/demand-catalogue/import', file);
    expect(imported.json(), imported.body).toEqual({ imported: 3 });
    const items = (await publicGet('/api/v1/training/demand-catalogue?region=510104')).json<{
      items: { occupation: string; standardFen: number; payee: string; urgent: boolean }[];
    }>().items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ occupation: '育婴员', standardFen: 120_000, urgent: true, payee: 'trainee' }),
        expect.objectContaining({ occupation: '中式烹调师', standardFen: 150_050, payee: 'institution' }),
        expect.objectContaining({ occupation: 'SYB创业培训', payee: 'trainee' }),
      ]),
    );
    const sheet = await sheetRows((await publicGet('/api/v1/training/demand-catalogue.xlsx?region=510104')).rawPayload);
    expect(sheet).toHaveLength(4);
    expect(sheet.find((r) => r[1] === '中式烹调师')).toEqual([
      '510104',
      '中式烹调师',
      '5',
      '就业技能培训',
      '1500.50',
      '100',
      '否',
      '培训机构',
      '2026-01-01',
      '',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      '在目录',
      '',
      '',
    ]);
  });

  it('only the bureau imports', async () => {
    const reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
    expect(
      (await upload(reviewer, '/api/v1/training/demand-catalogue/import', await workbook(CATALOGUE_HEADER, [])))
        .statusCode,
    ).toBe(403);
  });
});

describe('an institution-paid item, with its roster handed in as a spreadsheet', () => {
  let school: Client, institutionId: string, cookItem: string, classId: string;
  const schoolCode = creditCode('510104');

  it('the institution is listed and the public downloads the institution catalogue', async () => {
    cookItem =
      (await publicGet('/api/v1/training/demand-catalogue?region=510104'))
        .json<{ items: { id: string; occupation: string }[] }>()
        .items.find((i) => i.occupation === '中式烹调师')?.id ?? '';
    const unit = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: schoolCode,
      name: '锦江烹饪技能培训学校',
      category: 'training-institution',
      regionCode: '510104',
    });
    expectOk(unit, 201);
    const organisationId = unit.json<{ id: string }>().id;
    expectOk(
      await clerk.request('PUT', `/api/v1/organisations/${organisationId}/bank-account`, {
        accountNumber: '510104000012345678',
        bankName: '成都银行锦江支行',
      }),
    );
    const listed = await clerk.request('POST', '/api/v1/training/institutions', {
      organisationId,
      address: '锦江区示例路9号',
      nature: 'private',
      capacity: 40,
      demandItemIds: [cookItem],
    });
    expectOk(listed, 201);
    institutionId = listed.json<{ id: string }>().id;
    const sheet = await sheetRows((await publicGet('/api/v1/training/institutions.xlsx?region=510104')).rawPayload);
    expect(sheet[1]).toEqual([
      '锦江烹饪技能培训学校',
      '510104',
      '锦江区示例路9号',
      '民办',
      '40',
      '中式烹调师（5级）',
      '在目录',
      '',
      '',
    ]);
  });

  it('a roster sheet is checked by real name: a bad check digit, a stranger, a wrong name and a repeated row are each named', async () => {
    school = await applicant(app, {
      kind: 'organisation',
      creditCode: schoolCode,
      name: '锦江烹饪技能培训学校',
      category: 'training-institution',
      regionCode: '510104',
      username: 'cook-school',
    });
    expect((await school.request('GET', '/api/v1/training/my-institutions')).json()).toMatchObject({
      institutions: [{ id: institutionId }],
    });
    const bad = await workbook(ROSTER_HEADER, [
      [trainees[0]!.name, trainees[0]!.idNumber],
      ['某某', '110105194912310021'],
      ['陌生人', idNumber('1990-01-01')],
      ['别名', trainees[1]!.idNumber],
      [trainees[0]!.name, trainees[0]!.idNumber],
    ]);
    const res = await upload(school, '/api/v1/training/roster-check', bad);
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json<{ errors: { row: number; column: string; code: string }[] }>()
        .errors.map((e) => [e.row, e.column, e.code]),
    ).toEqual([
      [3, '身份证号码 (idNumber)', 'VALIDATION_FAILED'],
      [4, '身份证号码 (idNumber)', 'PERSON_NOT_REGISTERED'],
      [5, '姓名 (name)', 'NAME_MISMATCH'],
      [6, '身份证号码 (idNumber)', 'DUPLICATE_ROW'],
    ]);
    // Each message in one language: the page shows the one it is in.
    const duplicate = res.json<{ errors: { row: number; message: { zh: string; en: string } }[] }>().errors.at(-1);
    expect(duplicate?.message).toEqual({
      zh: '字段 身份证号码：与第 2 行重复',
      en: 'Field ID number: duplicates row 2',
    });
    // An ID number Excel stored as a number has already lost its last digits.
    const numeric = await workbook(ROSTER_HEADER, [[trainees[0]!.name, 510104199606060000]]);
    expect(
      (await upload(school, '/api/v1/training/roster-check', numeric)).json<{ errors: { message: { zh: string } }[] }>()
        .errors[0]?.message.zh,
    ).toContain('文本格式');

    const good = await workbook(
      ROSTER_HEADER,
      trainees.map((t) => [t.name, t.idNumber]),
    );
    const checked = await upload(school, '/api/v1/training/roster-check', good);
    expectOk(checked);
    expect(
      checked.json<{ trainees: { name: string; idNumberMasked: string }[] }>().trainees.map((t) => t.name),
    ).toEqual(trainees.map((t) => t.name));
  });

  it('the class runs; claims are the trainees’ own, paid into the institution’s account', async () => {
    const opened = await school.request('POST', '/api/v1/training/classes', {
      institutionId,
      demandItemId: cookItem,
      startsOn: '2026-09-07',
      endsOn: '2026-09-18',
      sessions: 4,
      teachingPlan: '中式烹调师五级：刀工、火候、热菜',
      teachers: [{ name: '李师傅', qualification: '中式烹调高级技师' }],
      resources: ['实训厨房'],
      assessmentPlan: '实操考核',
      roster: trainees.map((t) => ({ idNumber: t.idNumber, name: t.name })),
    });
    expectOk(opened, 201);
    classId = opened.json<{ id: string }>().id;
    expect((await school.request('GET', '/api/v1/training/classes')).json()).toMatchObject({
      classes: [{ id: classId, state: 'applied', trainees: 4, certificates: 0 }],
    });

    const clerk2 = await staff(app, 'clerk2', ['clerk'], '510104');
    expectOk(await clerk.request('POST', `/api/v1/training/classes/${classId}/decision`, { approve: true }));
    // The four sessions' check-ins, entered on the day before the class ends (all held by then).
    clock.setDate('2026-09-17');
    school = await login(app, 'cook-school');
    for (let s = 1; s <= 4; s++)
      expectOk(
        await school.request('POST', `/api/v1/training/classes/${classId}/attendance`, {
          sessionNo: s,
          personIds: trainees.map((t) => t.id),
        }),
      );
    clock.setDate('2026-09-21');
    school = await login(app, 'cook-school');
    clerk = await login(app, 'clerk');
    const c2 = await login(app, clerk2.username);
    expectOk(
      await school.request('POST', `/api/v1/training/classes/${classId}/assessment`, {
        results: trainees.map((t, i) => ({ personId: t.id, passed: i < 3, score: i < 3 ? 85 : 50 })),
      }),
    );
    expectOk(await c2.request('POST', `/api/v1/training/classes/${classId}/completion`));

    const roster = await sheetRows(
      (await school.request('GET', `/api/v1/training/classes/${classId}/roster.xlsx`)).rawPayload,
    );
    expect(roster).toHaveLength(5);
    expect(roster[1]).toEqual([
      '1',
      trainees[0]!.name,
      expect.stringMatching(/^\d{6}\*+\d{2,4}[\dX]?$/),
      '4',
      '合格',
      '85',
      expect.stringMatching(/^PX510104-2026-\d{7}-\d{3}$/),
    ]);
    expect(roster.find((r) => r[1] === trainees[3]!.name)?.[4]).toBe('不合格');
    expect(roster.flat().join()).not.toContain(trainees[0]!.idNumber);

    await fundRegion(app, '510104', 10_000_000);
    const filed = (await clerk.request('POST', `/api/v1/training/classes/${classId}/claims`)).json<{
      filed: string[];
    }>().filed;
    expect(filed).toHaveLength(3);
    const view = (await clerk.request('GET', `/api/v1/applications/${filed[0]}`)).json<{
      applicantKind: string;
      applicant: { id: string };
      payee: { name: string };
    }>();
    expect(view).toMatchObject({ applicantKind: 'person', payee: { name: '锦江烹饪技能培训学校' } });
    expect(trainees.map((t) => t.id)).toContain(view.applicant.id);

    const counter = await staff(app, 'counter', ['clerk'], '510104');
    const reviewer = await staff(app, 'reviewer2', ['reviewer'], '510104');
    const approver = await staff(app, 'approver', ['approver'], '510104');
    const finance = await staff(app, 'finance', ['finance'], '510104');
    for (const id of filed) {
      for (const [c, action] of [
        [counter, 'accept'],
        [reviewer, 'review'],
        [approver, 'approve'],
        [approver, 'release'],
      ] as const)
        expectOk(await c.request('POST', `/api/v1/applications/${id}/transitions`, { action }));
    }
    const batches = await finance.request('POST', '/api/v1/payment-batches', {});
    expectOk(batches, 201);
    const [batch] = batches.json<{ batches: { id: string; channel: string; itemCount: number; totalFen: number }[] }>()
      .batches;
    expect(batch).toMatchObject({ channel: 'bank-account', itemCount: 3, totalFen: 3 * 150_050 });
    const bankFile = (await finance.request('GET', `/api/v1/payment-batches/${batch?.id}/file`)).body;
    expect(bankFile.match(/锦江烹饪技能培训学校/g)).toHaveLength(3);
    expect(bankFile).toContain('510104000012345678');
  });
});
