import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/** 财社〔2023〕181号 第二十五条: duties split so that no one person can push a claim through alone. */
let app: TestApp;
let clerk: Client, clerk2: Client, reviewer: Client;

beforeAll(async () => {
  app = await startTestApp();
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'clerk2', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
});
afterAll(() => app.close());

async function person(name: string, householdId?: string): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1988-08-08'),
    name,
    regionCode: '510104',
    ...(householdId ? { householdId } : {}),
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

async function file(by: Client, personId: string, key: string): Promise<string> {
  const res = await by.request('POST', '/api/v1/applications', {
    subsidy: 'one-time-startup',
    personId,
    idempotencyKey: key,
    submit: true,
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

const act = (c: Client, id: string, action: string, reason?: string) =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, { action, ...(reason ? { reason } : {}) });
/** The people here have no facts, so the engine finds each claim ineligible: accepting one takes a reason. */
const ACCEPT_ANYWAY = '材料齐全，资格由审核核定';

describe('separation of duties', () => {
  it('the clerk who filed at the counter cannot also accept it; another clerk can', async () => {
    const id = await file(clerk, await person('甲'), 'sod-filed-0001');
    expect((await act(clerk, id, 'accept')).json()).toMatchObject({ code: 'SOD_TWO_STEPS' });
    expectOk(await act(clerk2, id, 'accept', ACCEPT_ANYWAY));
  });

  it('offers nobody an action it would refuse them: the returning clerk is not offered the resubmission', async () => {
    const actions = async (c: Client, id: string) =>
      (await c.request('GET', `/api/v1/applications/${id}`)).json<{ actions: string[] }>().actions;
    const id = await file(clerk, await person('甲乙'), 'sod-offered-001');
    expect(await actions(clerk, id)).not.toContain('accept');
    expect(await actions(clerk2, id)).toContain('accept');
    expectOk(await act(clerk2, id, 'return', '缺少营业执照'));
    // The clerk who filed at the counter hands in the correction; the one who returned it does not.
    expect(await actions(clerk2, id)).not.toContain('resubmit');
    expect(await actions(clerk, id)).toContain('resubmit');
    expect((await act(clerk2, id, 'resubmit', '已补交营业执照')).json()).toMatchObject({ code: 'SOD_TWO_STEPS' });
  });

  it('lists offer the same: in the worklist the filing clerk’s row has no acceptance, another clerk’s has', async () => {
    const id = await file(clerk, await person('甲丙'), 'sod-listed-001');
    const row = async (c: Client) => {
      const res = await c.request('GET', '/api/v1/applications/worklist?state=submitted&limit=100');
      expectOk(res);
      return res.json<{ applications: { id: string; actions: string[] }[] }>().applications.find((a) => a.id === id);
    };
    expect((await row(clerk))?.actions).not.toContain('accept');
    expect((await row(clerk2))?.actions).toContain('accept');
  });

  it('one person holding two roles acts at one step only', async () => {
    const both = await staff(app, 'both', ['clerk', 'reviewer'], '510104');
    const id = await file(clerk, await person('乙'), 'sod-two-roles-01');
    expectOk(await act(both, id, 'accept', ACCEPT_ANYWAY));
    expect((await act(both, id, 'review')).json()).toMatchObject({ code: 'SOD_TWO_STEPS' });
    expect((await act(both, id, 'reject', '不符合条件')).json()).toMatchObject({ code: 'SOD_TWO_STEPS' });
  });

  it('nobody acts on their own claim', async () => {
    const self = await person('丙');
    const selfClerk = await staff(app, 'selfclerk', ['clerk'], '510104', self);
    const id = await file(clerk, self, 'sod-own-000001');
    expect((await act(selfClerk, id, 'accept')).json()).toMatchObject({ code: 'SOD_OWN_CLAIM' });
  });

  it('nobody acts on a claim of their registered household', async () => {
    const me = await person('丁', 'HH-0001');
    const sister = await person('丁妹', 'HH-0001');
    const relativeClerk = await staff(app, 'relclerk', ['clerk'], '510104', me);
    const id = await file(clerk, sister, 'sod-relative-01');
    expect((await act(relativeClerk, id, 'accept')).json()).toMatchObject({ code: 'SOD_RELATIVE_CLAIM' });
    const stranger = await file(clerk, await person('戊', 'HH-0002'), 'sod-relative-02');
    expectOk(await act(relativeClerk, stranger, 'accept', ACCEPT_ANYWAY));
  });

  it('nor on an employer’s claim for a list that includes a household member', async () => {
    const me = await person('己', 'HH-0003');
    const brother = idNumber('1999-09-09');
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: brother,
        name: '己弟',
        regionCode: '510104',
        householdId: 'HH-0003',
      }),
      201,
    );
    const unit = (
      await clerk.request('POST', '/api/v1/organisations', {
        creditCode: creditCode('510104'),
        name: '示例公司',
        category: 'enterprise',
        sizeClass: 'small',
        regionCode: '510104',
      })
    ).json<{ id: string }>();
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-hiring',
      organisationId: unit.id,
      claim: { hires: [{ idNumber: brother, contractStart: '2026-09-01', contractMonths: 12, insuredMonths: 3 }] },
      idempotencyKey: 'sod-employer-01',
      submit: true,
    });
    expectOk(filed, 201);
    const relativeClerk = await staff(app, 'relclerk2', ['clerk'], '510104', me);
    expect((await act(relativeClerk, filed.json<{ id: string }>().id, 'accept')).json()).toMatchObject({
      code: 'SOD_RELATIVE_CLAIM',
    });
  });

  it('a reviewer may not act at acceptance even with a clerk’s permissions elsewhere', async () => {
    const id = await file(clerk, await person('庚'), 'sod-reviewer-01');
    expect((await act(reviewer, id, 'accept')).json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
