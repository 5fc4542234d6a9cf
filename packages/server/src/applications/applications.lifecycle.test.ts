import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { fileOnline } from './online-filing.test-kit.js';

/**
 * One application through every step over the API, each step by its own account, and the
 * refusals on the way: wrong role, wrong step, missing reason, separation of duties.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00'); // a Monday
let app: TestApp;
let clerk: Client, reviewer: Client, approver: Client, finance: Client, supervisor: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510100');
  approver = await staff(app, 'approver', ['approver'], '510100');
  finance = await staff(app, 'finance', ['finance'], '510100');
  supervisor = await staff(app, 'supervisor', ['supervisor'], '510000');
});
afterAll(() => app.close());

async function graduateApplicant(username: string): Promise<{ client: Client; personId: string }> {
  const id = idNumber('2004-03-05', 'female', '510104');
  const client = await applicant(app, { kind: 'person', idNumber: id, name: '李小红', regionCode: '510104', username });
  const personId = (await client.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account
    .personId;
  // The clerk records what the registry knows: a 低保 family, graduating in 2027.
  expectOk(
    await clerk.request('POST', `/api/v1/people/${personId}/facts`, {
      kind: 'status',
      data: { kind: 'dibao-household', from: '2020-01-01' },
    }),
    201,
  );
  expectOk(
    await clerk.request('POST', `/api/v1/people/${personId}/facts`, {
      kind: 'graduation',
      data: { date: '2027-06-30', institution: 'university' },
    }),
    201,
  );
  return { client, personId };
}

const act = (client: Client, id: string, body: Record<string, unknown>) =>
  client.request('POST', `/api/v1/applications/${id}/transitions`, body);

describe('一次性求职补贴 from application to payment', () => {
  it('runs 申请 → 受理 → 审核 → 复核 → 公示 → 拨付 with a decision at each deciding step', async () => {
    const { client } = await graduateApplicant('lixiaohong');
    const filed = await fileOnline(client, {
      subsidy: 'one-time-job-seeking',
      idempotencyKey: 'form-0001',
      submit: true,
    });
    expectOk(filed);
    const application = filed.json<{ id: string; state: string; dueOn: string; number: string }>();
    expect(application).toMatchObject({ state: 'submitted', dueOn: '2026-11-30' });
    expect(application.number).toMatch(/^510104-2026-\d{7}$/);
    const id = application.id;

    expect((await act(reviewer, id, { action: 'review' })).json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect((await act(clerk, id, { action: 'return' })).json()).toMatchObject({
      code: 'REASON_REQUIRED',
      field: 'reason',
    });
    expectOk(await act(clerk, id, { action: 'accept' }));
    expect((await act(clerk, id, { action: 'review' })).json()).toMatchObject({ code: 'FORBIDDEN' });
    expectOk(await act(reviewer, id, { action: 'review', reason: '材料齐全' }));
    const approved = await act(approver, id, { action: 'approve' });
    expectOk(approved);
    expect(approved.json()).toMatchObject({ state: 'approved', amountFen: 150_000 });

    // 一次性求职补贴 is publicised before payment (181号 第二十八条).
    expect((await act(approver, id, { action: 'release' })).json()).toMatchObject({ code: 'PUBLICITY_NOT_ENDED' });
    const publicised = await act(approver, id, { action: 'publicise' });
    expect(publicised.json()).toMatchObject({ state: 'publicised', publicityEndsOn: '2026-11-30' });
    clock.setDate('2026-11-30');
    // A week later the sessions have timed out; each logs in again.
    expect((await act(approver, id, { action: 'release' })).json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    approver = await login(app, 'approver');
    expect((await act(approver, id, { action: 'release' })).json()).toMatchObject({ code: 'PUBLICITY_NOT_ENDED' });
    clock.setDate('2026-12-01');
    approver = await login(app, 'approver');
    finance = await login(app, 'finance');
    supervisor = await login(app, 'supervisor');
    expectOk(await act(approver, id, { action: 'release' }));
    const paid = await act(finance, id, { action: 'pay', paymentReference: 'BANK-20261201-01' });
    expectOk(paid);
    // The money moved with it: committed at approval, paid now.
    const fund = (await finance.request('GET', '/api/v1/funds')).json<{
      funds: { balances: { regionCode: string; kind: string; balanceFen: number }[] }[];
    }>().funds[0];
    expect(fund?.balances).toEqual(
      expect.arrayContaining([
        { regionCode: '510104', kind: 'available', balanceFen: 100_000_000 - 150_000 },
        { regionCode: '510104', kind: 'committed', balanceFen: 0 },
        { regionCode: '510104', kind: 'paid', balanceFen: 150_000 },
      ]),
    );
    expect((await act(finance, id, { action: 'pay', paymentReference: 'again' })).json()).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });

    const final = (await supervisor.request('GET', `/api/v1/applications/${id}`)).json<{
      state: string;
      events: { action: string; actor: string; at: string; decision?: { eligible: boolean; engineVersion: string } }[];
    }>();
    expect(final.state).toBe('paid');
    // Every step on the platform's clock, the creation too: the history reads in time order.
    const times = final.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(final.events[0]?.at).toBe(final.events[1]?.at);
    expect(final.events.map((e) => `${e.action}:${e.actor}`)).toEqual([
      'create:李小红',
      'submit:李小红',
      'accept:clerk',
      'review:reviewer',
      'approve:approver',
      'publicise:approver',
      'release:approver',
      'pay:finance',
    ]);
    expect(final.events.find((e) => e.action === 'approve')?.decision).toMatchObject({
      eligible: true,
      engineVersion: expect.any(String),
    });
    expect((await act(supervisor, id, { action: 'revoke', reason: 'x' })).json()).toMatchObject({ code: 'FORBIDDEN' });

    // Any recorded decision can be reproduced from what the event kept.
    const approveSeq = final.events.findIndex((e) => e.action === 'approve') + 1;
    const replay = await supervisor.request('GET', `/api/v1/applications/${id}/events/${approveSeq}/reproduction`);
    expect(replay.json()).toMatchObject({ identical: true, decision: { eligible: true, amountFen: 150_000 } });
  });
});
