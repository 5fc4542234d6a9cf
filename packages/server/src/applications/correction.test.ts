import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { dibaoGraduate, handInMissing } from './online-filing.test-kit.js';

/**
 * 补正后重新提交: a returned application goes back with something done about the request — a file
 * handed in since the return — or a note of what was done; never as it was.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

type View = { state: string; version: number; events: { action: string; reason?: string }[] };
const act = (c: Client, id: string, body: object, language = 'zh-CN') =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, body, { 'accept-language': language });

let filings = 0;

/** Filed online with its materials, then returned by the district's clerk for a clearer diploma. */
async function returned(): Promise<{ client: Client; id: string }> {
  const { client } = await dibaoGraduate(app, clerk, '510104', 'correction');
  const draft = await client.request('POST', '/api/v1/applications', {
    subsidy: 'one-time-job-seeking',
    idempotencyKey: `correction-${++filings}-key`,
  });
  expectOk(draft, 201);
  const { id } = draft.json<{ id: string }>();
  await handInMissing(client, id);
  expectOk(await act(client, id, { action: 'submit' }));
  clock.advanceMinutes(1);
  expectOk(await act(clerk, id, { action: 'return', reason: '在校公示结果不清晰，请重新上传。' }));
  clock.advanceMinutes(1);
  return { client, id };
}

describe('resubmitting a returned application', () => {
  it('as it was returned is refused, naming the note, and changes nothing', async () => {
    const { client, id } = await returned();
    const before = (await client.request('GET', `/api/v1/applications/${id}`)).json<View>();
    const res = await act(client, id, { action: 'resubmit' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CORRECTION_NOT_MADE', field: 'reason' });
    expect(res.json<{ message: string }>().message).toContain('补正说明');
    expect(
      (await act(client, id, { action: 'resubmit', reason: '  ' }, 'en-US')).json<{ message: string }>().message,
    ).toContain('nothing was added since the application was returned');
    // A note that prints as nothing (a zero-width space) says nothing.
    expect((await act(client, id, { action: 'resubmit', reason: '\u200b' })).json()).toMatchObject({
      code: 'CORRECTION_NOT_MADE',
    });
    expect((await client.request('GET', `/api/v1/applications/${id}`)).json<View>()).toMatchObject({
      state: 'returned',
      version: before.version,
    });
  });

  it('with a file handed in after the return goes back to the bureau', async () => {
    const { client, id } = await returned();
    expectOk(
      await client.request('POST', `/api/v1/applications/${id}/evidence?material=2&fileName=clear.pdf`, PDF, {
        'content-type': 'application/octet-stream',
      }),
      201,
    );
    expect((await act(client, id, { action: 'resubmit' })).json()).toMatchObject({ state: 'submitted' });
  });

  it('with a note of what was done elsewhere goes back, the note on its history', async () => {
    const { client, id } = await returned();
    const res = await act(client, id, { action: 'resubmit', reason: '已到窗口出示原件' });
    expect(res.json<View>().state).toBe('submitted');
    expect(res.json<View>().events.at(-1)).toMatchObject({ action: 'resubmit', reason: '已到窗口出示原件' });
  });

  it('returned a second time, the file of the first correction does not count again', async () => {
    const { client, id } = await returned();
    expectOk(
      await client.request('POST', `/api/v1/applications/${id}/evidence?material=2&fileName=clear.pdf`, PDF, {
        'content-type': 'application/octet-stream',
      }),
      201,
    );
    expectOk(await act(client, id, { action: 'resubmit' }));
    clock.advanceMinutes(1);
    expectOk(await act(clerk, id, { action: 'return', reason: '仍不清晰' }));
    clock.advanceMinutes(1);
    expect((await act(client, id, { action: 'resubmit' })).json()).toMatchObject({ code: 'CORRECTION_NOT_MADE' });
  });
});
