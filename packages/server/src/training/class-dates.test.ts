import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The days a class is opened for and inspected on must exist: 2026-02-30 is the caller's slip,
 * refused naming the field in the caller's language, and nothing is recorded.
 */
const clock = TestClock.at('2026-09-01T10:00:00+08:00');
let app: TestApp;
let clerk: Client, clerk2: Client;
let institutionId: string, demandItemId: string;
const roster: { idNumber: string; name: string }[] = [];

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'clerk2', ['clerk'], '510104');
  for (let i = 0; i < 2; i++) {
    const id = idNumber('1996-05-05');
    expectOk(
      await clerk.request('POST', '/api/v1/people', { idNumber: id, name: `学员${i}`, regionCode: '510104' }),
      201,
    );
    roster.push({ idNumber: id, name: `学员${i}` });
  }
  const item = await clerk.request('POST', '/api/v1/training/demand-catalogue', {
    regionCode: '510104',
    occupation: '电工',
    level: 5,
    trainingKind: 'employment-skills',
    standardFen: 180_000,
    hours: 80,
    urgent: false,
    validFrom: '2026-01-01',
  });
  expectOk(item, 201);
  demandItemId = item.json<{ id: string }>().id;
  const unit = await clerk.request('POST', '/api/v1/organisations', {
    creditCode: creditCode('510104'),
    name: '锦江职业技能培训学校',
    category: 'training-institution',
    regionCode: '510104',
  });
  expectOk(unit, 201);
  const listed = await clerk.request('POST', '/api/v1/training/institutions', {
    organisationId: unit.json<{ id: string }>().id,
    address: '锦江区示例路1号',
    nature: 'private',
    capacity: 30,
    demandItemIds: [demandItemId],
  });
  expectOk(listed, 201);
  institutionId = listed.json<{ id: string }>().id;
});
afterAll(() => app.close());

const opening = (startsOn: string, endsOn: string) => ({
  institutionId,
  demandItemId,
  startsOn,
  endsOn,
  sessions: 10,
  teachingPlan: '低压电工作业理论与实操，共10次课',
  teachers: [{ name: '王老师', qualification: '电工高级技师' }],
  resources: [],
  assessmentPlan: '理论笔试与实操考核',
  roster,
});
const classCount = async () =>
  (await clerk.request('GET', '/api/v1/training/classes')).json<{ classes: unknown[] }>().classes.length;

describe('the days of a class', () => {
  // Named as the opening form names them (开班日期, 结业日期), not by the API-wide 开始日期 / 结束日期.
  it.each([
    ['startsOn', '开班日期', '2026-09-31', '2026-10-30'],
    ['endsOn', '结业日期', '2026-09-07', '2026-09-31'],
  ])(
    'an opening on a day that does not exist is refused naming %s as the form does, and no class is opened',
    async (field, label, from, to) => {
      const before = await classCount();
      const res = await clerk.request('POST', '/api/v1/training/classes', opening(from, to));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field, message: expect.stringContaining(label) });
      expect(await classCount()).toBe(before);
    },
  );

  it('an inspection on a day that does not exist is refused naming the inspection date, and none is recorded', async () => {
    const opened = await clerk.request('POST', '/api/v1/training/classes', opening('2026-09-07', '2026-09-30'));
    expectOk(opened, 201);
    const id = opened.json<{ id: string }>().id;
    expectOk(await clerk2.request('POST', `/api/v1/training/classes/${id}/decision`, { approve: true }));
    const res = await clerk2.request(
      'POST',
      `/api/v1/training/classes/${id}/inspections`,
      { inspectedOn: '2026-09-31', satisfactory: true, finding: '到课与考勤一致' },
      { 'accept-language': 'en-US' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'inspectedOn', message: expect.stringContaining('inspection date') });
    const view = await clerk2.request('GET', `/api/v1/training/classes/${id}`);
    expect(view.json<{ inspections: unknown[] }>().inspections).toEqual([]);
  });
});
