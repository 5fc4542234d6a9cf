import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { dibaoGraduate } from './online-filing.test-kit.js';

/**
 * 容缺受理 (decision 026). 锦江区 allows it for 一次性求职补贴 by a document of its own, with 5
 * working days to supply what was promised; 一次性创业补贴 stays at the national "not allowed"
 * (财社〔2023〕181号 第二十三条). The job-seeking subsidy asks for an ID card (0), proof of hardship (1,
 * not needed: the registry holds the 低保 status) and the school's publicity result (2).
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00'); // a Monday
let app: TestApp;
let clerk: Client, clerk2: Client, reviewer: Client, approver: Client;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ZH = { 'accept-language': 'zh-CN' };
const EN = { 'accept-language': 'en-US' };

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'clerk2', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510100');
  approver = await staff(app, 'approver', ['approver'], '510100');
  const officer = await staff(app, 'officer', ['parameter-officer'], '510104');
  for (const [parameter, value] of [
    ['acceptance.deferred-materials.one-time-job-seeking', 1],
    ['acceptance.deferred-materials-working-days', 5],
  ] as const)
    expectOk(
      await officer.request('POST', '/api/v1/parameters', {
        parameter,
        regionCode: '510104',
        from: '2026-11-01',
        value,
        note: '锦江区容缺受理事项清单（示例）',
      }),
      201,
    );
});
afterAll(() => app.close());

let people = 0;
/** A graduate of a 低保 family, eligible for the job-seeking subsidy, with a draft of it. */
async function graduateDraft(subsidy = 'one-time-job-seeking'): Promise<{ client: Client; id: string }> {
  const n = ++people;
  const { client } = await dibaoGraduate(app, clerk, '510104');
  const draft = await client.request('POST', '/api/v1/applications', { subsidy, idempotencyKey: `deferred-${n}-key` });
  expectOk(draft, 201);
  return { client, id: draft.json<{ id: string }>().id };
}

const act = (c: Client, id: string, body: object, headers = ZH) =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, body, headers);
const supply = (c: Client, id: string, material: number) =>
  c.request('POST', `/api/v1/applications/${id}/evidence?material=${material}&fileName=m${material}.pdf`, PDF, {
    'content-type': 'application/octet-stream',
  });
const check = (c: Client, id: string, material: number, body: object) =>
  c.request('POST', `/api/v1/applications/${id}/deferred-materials/${material}/check`, body);
type View = {
  state: string;
  version: number;
  deferredMaterials: { material: number; state: string; dueOn: string; checkNote?: string; promise: string }[];
  events: { action: string; actor: string; reason?: string }[];
};
const view = async (c: Client, id: string) => (await c.request('GET', `/api/v1/applications/${id}`)).json<View>();
const PROMISE = { materials: [0, 2], agreed: true };

describe('missing materials block an online submission', () => {
  it('for 一次性创业补贴, which no document here allows to be accepted with materials missing, the error names them in the reader’s language', async () => {
    const { client, id } = await graduateDraft('one-time-startup');
    const zh = await act(client, id, { action: 'submit' });
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'MATERIALS_MISSING', field: 'materials' });
    expect(zh.json<{ message: string }>().message).toMatch(/^字段 申请材料：尚缺申请材料：身份证件、.*请上传后再提交$/);
    const en = await act(client, id, { action: 'submit' }, EN);
    expect(en.json<{ message: string }>().message).toMatch(/^Field materials: materials still missing: ID card, /);

    // A promise does not help where no document allows one: refused, citing why, nothing changed.
    const promised = await act(client, id, { action: 'submit', promise: { materials: [0], agreed: true } });
    expect(promised.json()).toMatchObject({ code: 'DEFERRAL_NOT_ALLOWED', field: 'promise' });
    expect(promised.json<{ message: string }>().message).toContain('财社〔2023〕181号 第二十三条');
    const after = await view(client, id);
    expect(after).toMatchObject({ state: 'draft', version: 1, deferredMaterials: [] });
  });

  it('at the counter the clerk has the paper in hand: a clerk’s filing is not blocked', async () => {
    const person = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1990-01-01', 'male', '510104'),
      name: '窗口',
      regionCode: '510104',
    });
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: person.json<{ id: string }>().id,
      idempotencyKey: 'counter-deferred-1',
      submit: true,
    });
    expect(filed.json()).toMatchObject({ state: 'submitted' });
  });
});

describe('容缺受理 where the region allows it', () => {
  it('the submission check offers the promise, naming the materials and the last day (5 working days on)', async () => {
    const { client, id } = await graduateDraft();
    const found = (await client.request('GET', `/api/v1/applications/${id}/submission-check`)).json<{
      missingMaterials: { zh: string }[];
      deferral: { allowed: boolean; materials: number[]; dueOn: string; basis: string; promise: { zh: string } };
    }>();
    expect(found.missingMaterials.map((m) => m.zh)).toEqual(['身份证件', '学校出具的在校公示结果']);
    expect(found.deferral).toMatchObject({ allowed: true, materials: [0, 2], dueOn: '2026-11-30' });
    expect(found.deferral.basis).toContain('锦江区容缺受理事项清单');
    expect(found.deferral.promise.zh).toMatch(
      /^本人承诺于 2026-11-30 前补交以下申请材料：身份证件、学校出具的在校公示结果/,
    );

    const bare = await act(client, id, { action: 'submit' });
    expect(bare.json()).toMatchObject({ code: 'MATERIALS_MISSING_MAY_PROMISE', field: 'promise' });
    expect(bare.json<{ message: string }>().message).toContain('于 2026-11-30 前补齐');
  });

  it('a promise must list every missing material and nothing else; a bad one changes nothing', async () => {
    const { client, id } = await graduateDraft();
    const short = await act(client, id, { action: 'submit', promise: { materials: [0], agreed: true } });
    expect(short.json()).toMatchObject({ code: 'MATERIALS_MISSING', field: 'promise.materials' });
    expect(short.json<{ message: string }>().message).toContain('学校出具的在校公示结果');
    const extra = await act(client, id, { action: 'submit', promise: { materials: [0, 1, 2], agreed: true } });
    expect(extra.json()).toMatchObject({ code: 'PROMISE_NOT_MISSING', field: 'promise.materials[1]' });
    const unsigned = await act(client, id, { action: 'submit', promise: { materials: [0, 2], agreed: false } });
    expect(unsigned.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'promise.agreed' });
    expect(await view(client, id)).toMatchObject({ state: 'draft', version: 1, deferredMaterials: [] });
  });

  it('signed, it is submitted with the missing list and the last day, seen by applicant and staff alike', async () => {
    const { client, id } = await graduateDraft();
    expect((await act(client, id, { action: 'submit', promise: PROMISE })).json()).toMatchObject({
      state: 'submitted',
    });
    for (const reader of [client, clerk, reviewer])
      expect((await view(reader, id)).deferredMaterials).toEqual([
        expect.objectContaining({ material: 0, state: 'promised', dueOn: '2026-11-30', promisedOn: '2026-11-23' }),
        expect.objectContaining({ material: 2, state: 'promised', dueOn: '2026-11-30' }),
      ]);
    expect((await view(client, id)).deferredMaterials[0]?.promise).toMatch(/^本人承诺于 2026-11-30 前补交/);
  });

  it('a clerk accepts it; review goes on, approval waits until each material is supplied and checked', async () => {
    const { client, id } = await graduateDraft();
    expectOk(await act(client, id, { action: 'submit', promise: PROMISE }));
    expectOk(await act(clerk, id, { action: 'accept' }));
    expectOk(await act(reviewer, id, { action: 'review' }));
    const early = await act(approver, id, { action: 'approve' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'DEFERRED_MATERIALS_OUTSTANDING', field: 'action' });
    expect(early.json<{ message: string }>().message).toContain(
      '身份证件、学校出具的在校公示结果（补交期限 2026-11-30）',
    );

    // Only what was promised may be handed in after filing, and nothing is checked before it arrives.
    expect((await supply(client, id, 1)).json()).toMatchObject({ code: 'EVIDENCE_CLOSED' });
    expect((await check(clerk, id, 2, { outcome: 'accepted' })).json()).toMatchObject({
      code: 'DEFERRED_NOT_SUPPLIED',
      field: 'material',
    });
    expectOk(await supply(client, id, 0), 201);
    expect((await view(clerk, id)).deferredMaterials[0]?.state).toBe('supplied');

    // A refusal needs a reason, and sends the material back to be supplied again.
    expect((await check(clerk, id, 0, { outcome: 'refused' })).json()).toMatchObject({
      code: 'REASON_REQUIRED',
      field: 'note',
    });
    const refused = (await check(clerk, id, 0, { outcome: 'refused', note: '复印件模糊' })).json<View>();
    expect(refused.deferredMaterials[0]).toMatchObject({ state: 'promised', checkNote: '复印件模糊' });
    expectOk(await supply(client, id, 0), 201);
    expectOk(await supply(client, id, 2), 201);

    // Two clerks check the same file at once: one checks it, the other is told it is done.
    const both = await Promise.all([
      check(clerk, id, 0, { outcome: 'accepted' }),
      check(clerk2, id, 0, { outcome: 'accepted' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json()).toMatchObject({ code: 'DEFERRED_ALREADY_CHECKED' });
    expect((await act(approver, id, { action: 'approve' })).json()).toMatchObject({
      code: 'DEFERRED_MATERIALS_OUTSTANDING',
    });
    expectOk(await check(clerk, id, 2, { outcome: 'accepted' }));
    const approved = await act(approver, id, { action: 'approve' });
    expectOk(approved);
    expect(approved.json<View>().deferredMaterials.map((d) => d.state)).toEqual(['checked', 'checked']);
  });

  it('two supplies at once, of one material or of two, are both kept and each promise is marked supplied', async () => {
    const { client, id } = await graduateDraft();
    expectOk(await act(client, id, { action: 'submit', promise: PROMISE }));
    const results = await Promise.all([supply(client, id, 0), supply(client, id, 0), supply(client, id, 2)]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const evidence = (await client.request('GET', `/api/v1/applications/${id}/evidence`)).json<{
      files: { material: number }[];
    }>();
    expect(evidence.files.map((f) => f.material)).toEqual([0, 0, 2]);
    expect((await view(clerk, id)).deferredMaterials.map((d) => d.state)).toEqual(['supplied', 'supplied']);
  });

  it('two clerks accepting at once: one accepts, the other is told the state moved on', async () => {
    const { client, id } = await graduateDraft();
    expectOk(await act(client, id, { action: 'submit', promise: PROMISE }));
    const both = await Promise.all([act(clerk, id, { action: 'accept' }), act(clerk2, id, { action: 'accept' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await view(clerk, id)).events.filter((e) => e.action === 'accept')).toHaveLength(1);
  });
});

describe('the deadline', () => {
  it('on the last day a promised material may still be supplied and nothing is returned; the day after, it is returned with the reason', async () => {
    const { client, id } = await graduateDraft();
    const kept = await graduateDraft();
    expectOk(await act(client, id, { action: 'submit', promise: PROMISE }));
    expectOk(await act(kept.client, kept.id, { action: 'submit', promise: PROMISE }));
    expectOk(await act(clerk, id, { action: 'accept' }));

    clock.setDate('2026-11-30'); // the last day
    const [applicant30, kept30] = [await login(app, client.username), await login(app, kept.client.username)];
    expect(await app.applications.deferrals.lapseOverdue()).toEqual({ returned: [] });
    expectOk(await supply(applicant30, id, 0), 201);
    expectOk(await supply(kept30, kept.id, 0), 201);
    expectOk(await supply(kept30, kept.id, 2), 201);

    clock.setDate('2026-12-01'); // the day the deadline passes
    const applicant01 = await login(app, client.username);
    const late = await supply(applicant01, id, 2);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'DEFERRED_LAPSED', field: 'file' });
    expect(late.json<{ message: string }>().message).toContain('2026-11-30');

    // Supplied in time though not yet checked: the other application is left alone.
    const { returned: swept } = await app.applications.deferrals.lapseOverdue();
    expect(swept).toContain(id);
    expect(swept).not.toContain(kept.id);
    const returned = await view(applicant01, id);
    expect(returned.state).toBe('returned');
    expect(returned.deferredMaterials.map((d) => d.state)).toEqual(['lapsed', 'lapsed']);
    const lapse = returned.events.at(-1);
    expect(lapse).toMatchObject({ action: 'lapse', actor: '' });
    expect(lapse?.reason).toContain('容缺承诺的材料未在 2026-11-30 前补交：学校出具的在校公示结果');
    expect((await view(await login(app, 'clerk'), kept.id)).state).toBe('submitted');

    // Run again (a retried job, a second worker): nothing more happens.
    expect(await app.applications.deferrals.lapseOverdue()).toEqual({ returned: [] });
    expect((await view(applicant01, id)).events.filter((e) => e.action === 'lapse')).toHaveLength(1);

    // Back with the applicant: a broken promise is not made again; the materials themselves are needed.
    const again = await act(applicant01, id, { action: 'resubmit' });
    expect(again.json()).toMatchObject({ code: 'MATERIALS_MISSING', field: 'materials' });
    expect(again.json<{ message: string }>().message).toContain('学校出具的在校公示结果');
    const promisedAgain = await act(applicant01, id, { action: 'resubmit', promise: { materials: [2], agreed: true } });
    expect(promisedAgain.json()).toMatchObject({ code: 'DEFERRAL_LAPSED_BEFORE', field: 'promise' });
    expectOk(await supply(applicant01, id, 2), 201);
    expect((await act(applicant01, id, { action: 'resubmit' })).json()).toMatchObject({ state: 'submitted' });
  });
});
