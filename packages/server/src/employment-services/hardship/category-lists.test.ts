import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import type { LightMyRequestResponse } from 'fastify';
import { expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * 就业困难人员认定 for 低保家庭 and 防止返贫监测对象 reads the 民政 and 乡村振兴 lists the bureau loads
 * (issue 17; 财社〔2023〕181号 第二十三条: what information sharing gives is not asked for on paper).
 * The clock stands at 2026-11-23; the lists are as of 2026-11-20, loaded for 锦江区.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, reviewer: Client;
let born = 0;

type Check = { dataset: string; takenOn: string; on: string; holds: boolean; from?: string; to?: string };
type View = {
  id: string;
  state: string;
  evidence?: string;
  verifiedByList?: { dataset: string; takenOn: string };
  listCheck?: Check;
};

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'cl-clerk', ['clerk'], '510104');
  reviewer = await staff(app, 'cl-reviewer', ['reviewer'], '510104');
});
afterAll(() => app.close());

async function person(): Promise<{ id: string; idNumber: string }> {
  const number = idNumber(`1972-0${1 + (born % 9)}-${String(10 + (born++ % 18)).padStart(2, '0')}`);
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: number,
    name: '名单人员',
    regionCode: '510104',
  });
  expectOk(res, 201);
  return { id: res.json<{ id: string }>().id, idNumber: number };
}

function load(kind: string, lines: string[], takenOn = '2026-11-20') {
  return clerk.request(
    'POST',
    `/api/v1/reference-snapshots/${kind}?takenOn=${takenOn}&source=${encodeURIComponent('锦江区')}`,
    Buffer.from(['idNumber,status,from,to', ...lines].join('\r\n') + '\r\n', 'utf8'),
    { 'content-type': 'text/csv' },
  );
}

function expectError(res: LightMyRequestResponse, status: number, code: string, field: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toMatchObject({ code, field });
}

const file = (personId: string, category: string, evidence?: string) =>
  clerk.request('POST', '/api/v1/employment-services/certifications', {
    personId,
    category,
    ...(evidence ? { evidence } : {}),
  });
const decide = (id: string, body: object) =>
  reviewer.request('POST', `/api/v1/employment-services/certifications/${id}/decision`, body);

describe('a category the loaded list decides', () => {
  it('before any list is loaded, the evidence is asked for as before', async () => {
    const p = await person();
    expectError(await file(p.id, 'dibao-household'), 400, 'REQUIRED_FIELD', 'evidence');
  });

  it('a person the 民政 list holds in 低保 files with no paper; the filing keeps the snapshot, the status its provenance', async () => {
    const p = await person();
    expectOk(await load('social-assistance', [`${p.idNumber},dibao-household,2024-05-01,`]), 201);
    const res = await file(p.id, 'dibao-household');
    expectOk(res, 201);
    const filed = res.json<View>();
    expect(filed.evidence).toBeUndefined();
    expect(filed.verifiedByList).toEqual({ dataset: 'social-assistance', takenOn: '2026-11-20' });
    expect(filed.listCheck).toMatchObject({ holds: true, from: '2024-05-01', on: '2026-11-23' });

    const certified = await decide(filed.id, { certify: true });
    expectOk(certified);
    const facts = await app.database.db
      .selectFrom('registry_fact')
      .select(['data', 'provenance'])
      .where('person_id', '=', p.id)
      .where('kind', '=', 'status')
      .execute();
    const hardToEmploy = facts.find((f) => (f.data as { kind: string }).kind === 'hard-to-employ');
    expect(hardToEmploy?.provenance).toMatchObject({ dataset: 'social-assistance', takenOn: '2026-11-20' });
  });

  it('a person who left 低保 the day before filing is not held: evidence is asked for, naming the list’s day', async () => {
    const p = await person();
    expectOk(await load('social-assistance', [`${p.idNumber},dibao-household,2020-01-01,2026-11-22`]), 201);
    const refused = await file(p.id, 'dibao-household');
    expectError(refused, 400, 'NOT_ON_CATEGORY_LIST', 'evidence');
    expect(refused.json<{ message: string }>().message).toContain('2026-11-20');

    const withEvidence = await file(p.id, 'dibao-household', '乡镇出具的低保证明（复审中）');
    expectOk(withEvidence, 201);
    expect(withEvidence.json<View>().listCheck).toMatchObject({ holds: false, to: '2026-11-22' });
  });

  it('a status ending on the filing day still holds that day', async () => {
    const p = await person();
    expectOk(await load('social-assistance', [`${p.idNumber},dibao-household,2020-01-01,2026-11-23`]), 201);
    expectOk(await file(p.id, 'dibao-household'), 201);
  });

  it('the 乡村振兴 list decides 防止返贫监测对象 apart from the 民政 list; a list of the other status does not count', async () => {
    const p = await person();
    expectOk(await load('poverty-monitoring', [`${p.idNumber},poverty-alleviated,2019-06-01,`]), 201);
    // 脱贫人口 is not 防止返贫监测对象: the list holds the person, but not in the category filed.
    expectError(await file(p.id, 'poverty-monitoring'), 400, 'NOT_ON_CATEGORY_LIST', 'evidence');
    expectOk(await load('poverty-monitoring', [`${p.idNumber},poverty-monitoring,2025-02-01,`], '2026-11-21'), 201);
    const res = await file(p.id, 'poverty-monitoring');
    expectOk(res, 201);
    expect(res.json<View>().verifiedByList).toEqual({ dataset: 'poverty-monitoring', takenOn: '2026-11-21' });
  });

  it('certifying a person the latest list no longer holds takes a reason; with one, it stands on the record', async () => {
    const p = await person();
    expectOk(await load('social-assistance', [`${p.idNumber},dibao-household,2024-01-01,`], '2026-11-22'), 201);
    const filed = (await file(p.id, 'dibao-household')).json<View>();
    // The next day's list has them leave 低保: the reviewer sees it and must say why to certify.
    expectOk(
      await load('social-assistance', [`${p.idNumber},dibao-household,2024-01-01,2026-11-22`], '2026-11-23'),
      201,
    );
    const listed = await clerk.request('GET', '/api/v1/employment-services/certifications?state=filed');
    const row = listed.json<{ certifications: View[] }>().certifications.find((c) => c.id === filed.id);
    expect(row?.listCheck).toMatchObject({ takenOn: '2026-11-23', holds: false, to: '2026-11-22' });
    expectError(await decide(filed.id, { certify: true }), 400, 'LIST_DOES_NOT_HOLD', 'reason');
    const state = await app.database.db
      .selectFrom('hardship_certification')
      .select('state')
      .where('id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('filed');
    const certified = await decide(filed.id, { certify: true, reason: '民政复核期间仍享受低保待遇' });
    expectOk(certified);
    expect(certified.json<View>().state).toBe('certified');
  });

  it('a category no list decides (older workers) keeps asking for the evidence, whatever is loaded', async () => {
    const p = await person();
    expectOk(await load('social-assistance', [`${p.idNumber},dibao-household,2024-05-01,`]), 201);
    expectError(await file(p.id, 'older-worker'), 400, 'REQUIRED_FIELD', 'evidence');
  });
});
