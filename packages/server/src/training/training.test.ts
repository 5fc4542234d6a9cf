import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * A class from opening to paid subsidy over the API (两目录一系统, 人社部发〔2024〕5号): the two
 * catalogues, the roster, approval, attendance, inspection, assessment, certificates, the public
 * verification, the claims with the catalogue's standard and the training risk warnings.
 */
const clock = TestClock.at('2026-09-01T10:00:00+08:00');
let app: TestApp;
let clerk: Client, clerk2: Client;
const trainees: { id: string; idNumber: string; name: string }[] = [];
let electrician: string, welder: string, institutionId: string, unitCode: string;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'clerk2', ['clerk'], '510104');
  for (let i = 0; i < 12; i++) {
    const id = idNumber('1995-04-04');
    const res = await clerk.request('POST', '/api/v1/people', {
      idNumber: id,
      name: `学员${String(i).padStart(2, '0')}`,
      regionCode: '510104',
      facts: [{ kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } }],
    });
    expectOk(res, 201);
    trainees.push({ id: res.json<{ id: string }>().id, idNumber: id, name: `学员${String(i).padStart(2, '0')}` });
  }
});
afterAll(() => app.close());

const post = (c: Client, path: string, body?: unknown) => c.request('POST', path, body);
type OnRoster = { readonly idNumber: string; readonly name: string };
const classBody = (
  demandItemId: string,
  roster: readonly OnRoster[],
  startsOn = '2026-09-07',
  endsOn = '2026-09-30',
) => ({
  institutionId,
  demandItemId,
  startsOn,
  endsOn,
  sessions: 10,
  teachingPlan: '低压电工作业理论与实操，共10次课',
  teachers: [{ name: '王老师', qualification: '电工高级技师' }],
  resources: ['国家基本职业培训包（电工）'],
  assessmentPlan: '理论笔试与实操考核，均60分及格',
  roster: roster.map(({ idNumber, name }) => ({ idNumber, name })),
});

describe('the two catalogues', () => {
  it('the bureau publishes catalogue items; the public reads them by region and day', async () => {
    const add = (occupation: string, standardFen: number, urgent: boolean) =>
      post(clerk, '/api/v1/training/demand-catalogue', {
        regionCode: '510104',
        occupation,
        level: 5,
        trainingKind: 'employment-skills',
        standardFen,
        hours: 80,
        urgent,
        validFrom: '2026-01-01',
      });
    const e = await add('电工', 180_000, true);
    expect(e.statusCode).toBe(201);
    electrician = e.json<{ id: string }>().id;
    welder = (await add('焊工', 120_000, false)).json<{ id: string }>().id;
    const listed = await app.http.inject({ method: 'GET', url: '/api/v1/training/demand-catalogue?region=510104' });
    expect(listed.json<{ items: { occupation: string; urgent: boolean; standardFen: number }[] }>().items).toEqual([
      expect.objectContaining({ occupation: '焊工', standardFen: 120_000, urgent: false }),
      expect.objectContaining({ occupation: '电工', standardFen: 180_000, urgent: true }),
    ]);
    // Only the bureau edits the catalogue.
    const reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
    expect(
      (
        await post(reviewer, '/api/v1/training/demand-catalogue', {
          regionCode: '510104',
          occupation: '车工',
          trainingKind: 'employment-skills',
          standardFen: 1,
          hours: 1,
          urgent: false,
          validFrom: '2026-01-01',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('an institution is listed with the items it may run, and the public sees it', async () => {
    unitCode = creditCode('510104');
    const unit = await post(clerk, '/api/v1/organisations', {
      creditCode: unitCode,
      name: '锦江职业技能培训学校',
      category: 'training-institution',
      regionCode: '510104',
    });
    expectOk(unit, 201);
    const listed = await post(clerk, '/api/v1/training/institutions', {
      organisationId: unit.json<{ id: string }>().id,
      address: '锦江区示例路1号',
      nature: 'private',
      capacity: 30,
      demandItemIds: [electrician],
    });
    expect(listed.statusCode).toBe(201);
    institutionId = listed.json<{ id: string }>().id;
    const pub = await app.http.inject({ method: 'GET', url: '/api/v1/training/institutions?region=510104' });
    expect(pub.json()).toMatchObject({
      institutions: [{ name: '锦江职业技能培训学校', nature: 'private', demandItemIds: [electrician] }],
    });
  });
});

describe('a class from opening to paid subsidy', () => {
  let school: Client, classId: string, overlapId: string;

  it('the institution applies to open a class with its roster; only items it may run, within its capacity', async () => {
    school = await applicant(app, {
      kind: 'organisation',
      creditCode: unitCode,
      name: '锦江职业技能培训学校',
      category: 'training-institution',
      regionCode: '510104',
      username: 'jinjiang-school',
    });
    expect((await post(school, '/api/v1/training/classes', classBody(welder, [trainees[0]!]))).json()).toMatchObject({
      code: 'ITEM_NOT_OFFERED',
      field: 'demandItemId',
    });
    const unknown = { idNumber: idNumber('1990-01-01'), name: '无此人' };
    expect(
      (await post(school, '/api/v1/training/classes', classBody(electrician, [trainees[0]!, unknown]))).json(),
    ).toMatchObject({ code: 'PERSON_NOT_REGISTERED', field: 'roster[1].idNumber' });
    expect(
      (await post(school, '/api/v1/training/classes', classBody(electrician, [trainees[0]!], '2026-08-01'))).json(),
    ).toMatchObject({ field: 'startsOn' });
    const opened = await post(school, '/api/v1/training/classes', classBody(electrician, trainees));
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      state: 'applied',
      occupation: '电工',
      trainees: expect.arrayContaining([
        expect.objectContaining({ name: '学员00', idNumberMasked: expect.stringMatching(/\*/) }),
      ]),
    });
    classId = opened.json<{ id: string }>().id;
    // The same trainee on a second class at the same time.
    overlapId = (
      await post(school, '/api/v1/training/classes', classBody(electrician, [trainees[0]!], '2026-09-14', '2026-09-20'))
    ).json<{ id: string }>().id;
  });

  it('a roster names each trainee as registered: a number alone, or another city’s, tells no name', async () => {
    // Someone registered in 兰州, outside the school's city.
    const lanzhou = await staff(app, 'lanzhou-clerk', ['clerk'], '620100');
    const elsewhere = { idNumber: idNumber('1993-03-03'), name: '兰州学员' };
    expectOk(await post(lanzhou, '/api/v1/people', { ...elsewhere, regionCode: '620102' }), 201);
    const classes = async () => (await clerk.request('GET', '/api/v1/training/classes')).json<unknown[]>().length;
    const before = await classes();
    const attempts = [
      {
        roster: [{ idNumber: trainees[3]!.idNumber, name: '张三' }],
        code: 'TRAINEE_NAME_MISMATCH',
        field: 'roster[0].name',
      },
      { roster: [trainees[4]!, elsewhere], code: 'PERSON_NOT_REGISTERED', field: 'roster[1].idNumber' },
      { roster: [trainees[4]!, trainees[4]!], code: 'LISTED_TWICE', field: 'roster[1].idNumber' },
    ];
    for (const { roster, code, field } of attempts) {
      const res = await post(
        school,
        '/api/v1/training/classes',
        classBody(electrician, roster, '2026-10-08', '2026-10-20'),
      );
      expect(res.json()).toMatchObject({ code, field });
      expect(res.body).not.toContain(trainees[3]!.name);
      expect(res.body).not.toContain(elsewhere.name);
    }
    // The name is compared as written, spaces around it aside; nothing was opened by the refusals.
    expect(await classes()).toBe(before);
    const padded = { idNumber: trainees[3]!.idNumber.toLowerCase(), name: ` ${trainees[3]!.name} ` };
    expect(
      (await post(school, '/api/v1/training/classes', classBody(electrician, [padded], '2026-10-08', '2026-10-20')))
        .statusCode,
    ).toBe(201);
  });

  it('the same opening sent twice at once (a double click) is one class; the second is told its number', async () => {
    const body = classBody(electrician, [trainees[5]!, trainees[6]!], '2026-10-21', '2026-10-30');
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(school, '/api/v1/training/classes', body)));
    const opened = answers.filter((a) => a.statusCode === 201);
    expect(opened).toHaveLength(1);
    const number = opened[0]!.json<{ number: string }>().number;
    for (const refused of answers.filter((a) => a.statusCode !== 201))
      expect(refused.json()).toMatchObject({ code: 'CLASS_ALREADY_APPLIED', message: expect.stringContaining(number) });
    // The same people on other dates, or fewer of them, is another class.
    const other = classBody(electrician, [trainees[5]!], '2026-10-21', '2026-10-30');
    expect((await post(school, '/api/v1/training/classes', other)).statusCode).toBe(201);
  });

  it('the bureau approves; the institution cannot approve its own class', async () => {
    // Each side is offered only the steps it may take.
    expect((await school.request('GET', `/api/v1/training/classes/${classId}`)).json()).toMatchObject({ steps: [] });
    expect((await clerk.request('GET', `/api/v1/training/classes/${classId}`)).json()).toMatchObject({
      steps: ['decide'],
    });
    expect((await post(school, `/api/v1/training/classes/${classId}/decision`, { approve: true })).statusCode).toBe(
      403,
    );
    expect(
      (await post(clerk, `/api/v1/training/classes/${classId}/decision`, { approve: false })).json(),
    ).toMatchObject({ code: 'REASON_REQUIRED' });
    // A reason that prints as nothing is none.
    expect(
      (await post(clerk, `/api/v1/training/classes/${classId}/decision`, { approve: false, reason: '\u200b' })).json(),
    ).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    // Not yet approved, it cannot be inspected; the state is said in words, not as a code.
    const early = await post(clerk, `/api/v1/training/classes/${classId}/inspections`, {
      inspectedOn: '2026-09-01',
      satisfactory: true,
      finding: '提前检查',
    });
    expect(early.json()).toMatchObject({ code: 'CLASS_STATE', message: expect.stringContaining('待审批') });
    expect((await post(clerk, `/api/v1/training/classes/${classId}/decision`, { approve: true })).json()).toMatchObject(
      { state: 'approved' },
    );
    expectOk(await post(clerk, `/api/v1/training/classes/${overlapId}/decision`, { approve: true }));
  });

  it('attendance is recorded per session for trainees on the roster; the bureau inspects', async () => {
    const everyone = trainees.map((t) => t.id);
    const recorded = async () =>
      (await school.request('GET', `/api/v1/training/classes/${classId}`)).json<{ sessionsRecorded: number[] }>()
        .sessionsRecorded;
    expect(await recorded()).toEqual([]);
    // The day before the class starts there is no session to check in to, and none is offered.
    expect(
      (
        await post(school, `/api/v1/training/classes/${classId}/attendance`, { sessionNo: 1, personIds: everyone })
      ).json(),
    ).toMatchObject({ code: 'CLASS_NOT_STARTED', field: 'sessionNo' });
    clock.setDate('2026-09-06');
    school = await login(app, 'jinjiang-school');
    expect((await school.request('GET', `/api/v1/training/classes/${classId}`)).json()).toMatchObject({ steps: [] });
    // The day it starts, the first session's check-ins are taken.
    clock.setDate('2026-09-07');
    school = await login(app, 'jinjiang-school');
    clerk = await login(app, 'clerk');
    clerk2 = await login(app, 'clerk2');
    expect((await school.request('GET', `/api/v1/training/classes/${classId}`)).json()).toMatchObject({
      steps: ['attend'],
      sessionsDue: 1,
    });
    const attend = (s: number) =>
      post(school, `/api/v1/training/classes/${classId}/attendance`, {
        sessionNo: s,
        personIds: s <= 7 ? everyone : everyone.slice(0, 11),
      });
    expectOk(await attend(1));
    // Check-ins are taken as the class runs (实名制): ten sessions over 24 days hold one by the first
    // day, not two.
    expect((await attend(2)).json()).toMatchObject({ code: 'SESSION_NOT_HELD_YET', field: 'sessionNo' });
    // The day before it ends, all ten may have been held (a sheet entered late is still taken).
    clock.setDate('2026-09-29');
    school = await login(app, 'jinjiang-school');
    clerk = await login(app, 'clerk');
    clerk2 = await login(app, 'clerk2');
    expect((await school.request('GET', `/api/v1/training/classes/${classId}`)).json()).toMatchObject({
      sessionsDue: 10,
    });
    for (let s = 2; s <= 10; s++) expectOk(await attend(s));
    expect(
      (
        await post(school, `/api/v1/training/classes/${classId}/attendance`, {
          sessionNo: 11,
          personIds: [everyone[0]],
        })
      ).json(),
    ).toMatchObject({ field: 'sessionNo' });
    // The class says which sessions have check-ins, so the school is offered the next one, not the first again.
    expect(await recorded()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const stranger = (
      await post(clerk, '/api/v1/people', { idNumber: idNumber('1991-01-01'), name: '旁人', regionCode: '510104' })
    ).json<{ id: string }>().id;
    expect(
      (
        await post(school, `/api/v1/training/classes/${classId}/attendance`, { sessionNo: 1, personIds: [stranger] })
      ).json(),
    ).toMatchObject({ code: 'NOT_ENROLLED', field: 'personIds[0]' });
    // An inspection says what was found, on a day the class has begun and that has come.
    const inspect = (inspectedOn: string, finding: string) =>
      post(clerk, `/api/v1/training/classes/${classId}/inspections`, { inspectedOn, satisfactory: true, finding });
    expect((await inspect('2026-09-15', '\u200b')).json()).toMatchObject({ code: 'REASON_REQUIRED', field: 'finding' });
    expect((await inspect('2026-09-06', '场地符合要求')).json()).toMatchObject({ field: 'inspectedOn' });
    expect((await inspect('2099-01-01', '场地符合要求')).json()).toMatchObject({
      code: 'DATE_IN_FUTURE',
      field: 'inspectedOn',
    });
    const inspected = await inspect('2026-09-15', '到课人数与考勤一致，场地设备符合要求');
    expect(inspected.json()).toMatchObject({ inspections: [{ satisfactory: true }] });
  });

  it('results are recorded after the class ends; the completion review issues certificates to those who passed', async () => {
    expect(
      (
        await post(school, `/api/v1/training/classes/${classId}/assessment`, {
          results: [{ personId: trainees[0]!.id, passed: true }],
        })
      ).json(),
    ).toMatchObject({ code: 'CLASS_NOT_ENDED' });
    clock.setDate('2026-10-08');
    school = await login(app, 'jinjiang-school');
    clerk = await login(app, 'clerk');
    clerk2 = await login(app, 'clerk2');
    expect((await school.request('GET', `/api/v1/training/classes/${classId}`)).json()).toMatchObject({
      steps: ['attend', 'assess'],
    });
    expect((await clerk.request('GET', `/api/v1/training/classes/${classId}`)).json()).toMatchObject({
      steps: ['attend', 'inspect', 'assess'],
    });
    expect((await clerk2.request('GET', `/api/v1/training/classes/${classId}`)).json()).toMatchObject({
      steps: ['attend', 'inspect', 'assess', 'complete'],
    });
    const results = trainees.map((t, i) => ({ personId: t.id, passed: i !== 10, score: i === 10 ? 45 : 80 }));
    expectOk(await post(school, `/api/v1/training/classes/${classId}/assessment`, { results }));
    // The clerk who approved the opening does not also sign off its completion.
    expect((await post(clerk, `/api/v1/training/classes/${classId}/completion`)).json()).toMatchObject({
      code: 'SOD_TWO_STEPS',
    });
    const completed = (await post(clerk2, `/api/v1/training/classes/${classId}/completion`)).json<{
      state: string;
      trainees: { name: string; certificate?: string }[];
    }>();
    expect(completed.state).toBe('completed');
    expect(completed.trainees.filter((t) => t.certificate)).toHaveLength(11);
    const serial = completed.trainees.find((t) => t.name === '学员00')?.certificate ?? '';

    const verified = await app.http.inject({
      method: 'GET',
      url: `/api/v1/training/certificates/${serial}?name=${encodeURIComponent('学员00')}`,
    });
    expect(verified.json()).toMatchObject({
      serial,
      name: '学员00',
      occupation: '电工',
      institution: '锦江职业技能培训学校',
      startsOn: '2026-09-07',
      endsOn: '2026-09-30',
      idNumberMasked: expect.stringMatching(/\*/),
    });
    expect(
      (
        await app.http.inject({
          method: 'GET',
          url: `/api/v1/training/certificates/${serial}?name=${encodeURIComponent('别人')}`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('claims are filed from the certificates, at the catalogue standard, with the training risk warnings, and one is paid', async () => {
    await fundRegion(app, '510104', 10_000_000);
    const filed = await post(clerk, `/api/v1/training/classes/${classId}/claims`);
    expect(filed.json()).toMatchObject({ alreadyFiled: 0 });
    expect(filed.json<{ filed: string[] }>().filed).toHaveLength(11);
    expect((await post(clerk, `/api/v1/training/classes/${classId}/claims`)).json()).toMatchObject({
      filed: [],
      alreadyFiled: 11,
    });
    // Nobody names their own standard: the catalogue's comes from the class the certificate is from.
    const own = await post(clerk, '/api/v1/applications', {
      subsidy: 'vocational-training',
      personId: trainees[2]!.id,
      claim: { certificateId: 'X', catalogueStandardFen: 99_999_999 },
      idempotencyKey: 'own-standard',
    });
    expect(own.statusCode).toBe(400);

    const view = async (id: string) =>
      (await clerk.request('GET', `/api/v1/applications/${id}`)).json<{
        applicant: { id: string };
        riskFlags: { code: string }[];
      }>();
    const byPerson = new Map<string, { id: string; codes: string[] }>();
    for (const id of filed.json<{ filed: string[] }>().filed) {
      const v = await view(id);
      byPerson.set(v.applicant.id, { id, codes: v.riskFlags.map((f) => f.code) });
    }
    expect(byPerson.get(trainees[0]!.id)?.codes).toEqual(['TRAINEE_IN_TWO_CLASSES']);
    expect(byPerson.get(trainees[11]!.id)?.codes).toEqual(['ATTENDANCE_BELOW_THRESHOLD']);
    expect(byPerson.get(trainees[1]!.id)?.codes).toEqual([]);

    const id = byPerson.get(trainees[1]!.id)!.id;
    const counter = await staff(app, 'counter', ['clerk'], '510104');
    const reviewer = await staff(app, 'reviewer2', ['reviewer'], '510104');
    const approver = await staff(app, 'approver', ['approver'], '510104');
    const finance = await staff(app, 'finance', ['finance'], '510104');
    for (const [c, action] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
      [approver, 'release'],
    ] as const)
      expectOk(await post(c, `/api/v1/applications/${id}/transitions`, { action }));
    const paid = await post(finance, `/api/v1/applications/${id}/transitions`, {
      action: 'pay',
      paymentReference: 'BANK-T1',
    });
    expect(paid.json()).toMatchObject({ state: 'paid', amountFen: 180_000 });
  });
});

describe('moving out of the catalogues', () => {
  it('an institution moved out opens no new class and leaves the public list, staying in the history', async () => {
    const removed = await post(clerk, `/api/v1/training/institutions/${institutionId}/removal`, {
      reason: '年度检查不合格，限期整改未完成',
    });
    expect(removed.json()).toMatchObject({ status: 'removed', removedOn: '2026-10-08' });
    const school = await login(app, 'jinjiang-school');
    expect(
      (
        await post(
          school,
          '/api/v1/training/classes',
          classBody(electrician, [trainees[2]!], '2026-11-01', '2026-11-20'),
        )
      ).json(),
    ).toMatchObject({ code: 'INSTITUTION_REMOVED' });
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/v1/training/institutions?region=510104' })).json(),
    ).toEqual({ institutions: [] });
    expect(
      (
        await app.http.inject({ method: 'GET', url: '/api/v1/training/institutions?region=510104&history=true' })
      ).json(),
    ).toMatchObject({ institutions: [{ status: 'removed', removedReason: '年度检查不合格，限期整改未完成' }] });
  });

  it('an item moved out leaves the catalogue from that day, and its history keeps it', async () => {
    expectOk(await post(clerk, `/api/v1/training/demand-catalogue/${welder}/removal`, { reason: '本地已不紧缺' }));
    const now = (
      await app.http.inject({ method: 'GET', url: '/api/v1/training/demand-catalogue?region=510104' })
    ).json<{ items: { occupation: string }[] }>();
    expect(now.items.map((i) => i.occupation)).toEqual(['电工']);
    const before = (
      await app.http.inject({ method: 'GET', url: '/api/v1/training/demand-catalogue?region=510104&date=2026-10-07' })
    ).json<{ items: { occupation: string }[] }>();
    expect(before.items.map((i) => i.occupation).sort()).toEqual(['焊工', '电工'].sort());
    const history = (
      await app.http.inject({ method: 'GET', url: '/api/v1/training/demand-catalogue?region=510104&history=true' })
    ).json<{ items: { occupation: string; removedOn?: string }[] }>();
    expect(history.items.find((i) => i.occupation === '焊工')).toMatchObject({
      removedOn: '2026-10-08',
      inForce: false,
    });
  });
});
