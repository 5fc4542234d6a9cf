import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/** The audit page reads names, not ids: each record an entry speaks of is named beside the entries. */
let app: TestApp;
let auditor: Client;

beforeAll(async () => {
  app = await startTestApp();
  auditor = await staff(app, 'names-auditor', ['auditor'], '510100');
});
afterAll(() => app.close());

interface Page {
  entries: { action: string; entityId?: string; after?: Record<string, unknown> }[];
  names: Record<string, string>;
  units: Record<string, string>;
}

describe('the audit trail names what it speaks of', () => {
  it('a person by name, an account by its holder, a parameter by its label in the reader’s language', async () => {
    const clerk = await staff(app, 'names-clerk', ['clerk'], '510104');
    const person = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1991-01-01'),
      name: '审计张三',
      regionCode: '510104',
    });
    expectOk(person, 201);
    const admin = await staff(app, 'names-admin', ['administrator'], '510100');
    const account = await admin.request('POST', '/api/v1/accounts', {
      username: 'names-new',
      displayName: '新来的受理员',
      roles: ['clerk'],
      regionCode: '510104',
      idNumber: idNumber('1988-08-08'),
      password: 'First-pass-1',
    });
    expectOk(account, 201);
    const officer = await staff(app, 'names-officer', ['parameter-officer'], '510100');
    expectOk(
      await officer.request('POST', '/api/v1/parameters', {
        parameter: 'startup.amount',
        regionCode: '510100',
        from: '2027-01-01',
        value: 1_200_000,
        note: '名称测试：与默认值相同',
      }),
      201,
    );
    // A threshold the server itself reads is named and has its unit, as the policy's parameters do.
    expectOk(
      await officer.request('POST', '/api/v1/parameters', {
        parameter: 'risk.training-attendance-min-permille',
        regionCode: '510100',
        from: '2027-01-01',
        value: 850,
        note: '名称测试：与默认值相同',
      }),
      201,
    );

    const zh = (await auditor.request('GET', '/api/v1/audit')).json<Page>();
    expect(zh.names['risk.training-attendance-min-permille']).toBe('培训出勤率下限');
    expect(zh.units['risk.training-attendance-min-permille']).toBe('permille');
    expect(zh.names[person.json<{ id: string }>().id]).toBe('审计张三');
    expect(zh.names[account.json<{ id: string }>().id]).toBe('新来的受理员');
    const set = zh.entries.find(
      (e) =>
        e.action === 'parameter.set' && (e.after as { parameter?: string } | undefined)?.parameter === 'startup.amount',
    );
    expect(set?.after?.parameter).toBe('startup.amount');
    expect(zh.names['startup.amount']).toBe('一次性创业补贴标准');
    expect(zh.units['startup.amount']).toBe('fen');

    const en = (await auditor.request('GET', '/api/v1/audit', undefined, { 'accept-language': 'en-US' })).json<Page>();
    expect(en.names['startup.amount']).toMatch(/start-up/i);
    // Nothing is named for an id the page does not hold.
    const narrowed = (
      await auditor.request('GET', `/api/v1/audit?entityId=${person.json<{ id: string }>().id}`)
    ).json<Page>();
    expect(Object.keys(narrowed.names)).toEqual([person.json<{ id: string }>().id]);
  });
});
