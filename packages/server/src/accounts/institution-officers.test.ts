import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * A lending bank's or guarantee institution's officer (创业担保贷款) is a staff account the
 * administrator creates tied to that institution, holding no other role.
 */
let app: TestApp;
let admin: Client, clerk: Client;
let bank = '';
let guarantor = '';

async function unit(name: string): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/organisations', {
    creditCode: creditCode('510104'),
    name,
    category: 'enterprise',
    sizeClass: 'medium',
    regionCode: '510104',
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  app = await startTestApp();
  admin = await staff(app, 'admin', ['administrator'], '510100');
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  bank = await unit('锦江农商银行');
  guarantor = await unit('锦江融资担保公司');
  expectOk(
    await clerk.request('POST', '/api/v1/loans/institutions', { organisationId: bank, kind: 'bank', rateCapBp: 450 }),
    201,
  );
  expectOk(
    await clerk.request('POST', '/api/v1/loans/institutions', {
      organisationId: guarantor,
      kind: 'guarantor',
      guaranteeFundFen: 100_000_000,
    }),
    201,
  );
});
afterAll(() => app.close());

let n = 0;
const create = (roles: string[], organisationId?: string) =>
  admin.request('POST', '/api/v1/accounts', {
    username: `officer${++n}`,
    displayName: `信贷员${n}`,
    roles,
    regionCode: '510104',
    idNumber: idNumber('1985-05-05'),
    password: 'First-pass-2026',
    ...(organisationId ? { organisationId } : {}),
  });

describe('an officer of a bank or guarantee institution', () => {
  it('is created tied to its institution, which the account list names', async () => {
    const res = await create(['bank-officer'], bank);
    expectOk(res, 201);
    expect(res.json()).toMatchObject({ roles: ['bank-officer'], institution: '锦江农商银行' });
    const row = await app.database.db
      .selectFrom('account')
      .select('organisation_id')
      .where('username', '=', `officer${n}`)
      .executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(bank);
  });

  it('needs its institution, of the right kind', async () => {
    expect((await create(['bank-officer'])).json()).toMatchObject({ code: 'REQUIRED_FIELD', field: 'organisationId' });
    expect((await create(['bank-officer'], guarantor)).json()).toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
      field: 'organisationId',
    });
    expectOk(await create(['guarantee-officer'], guarantor), 201);
  });

  it('holds no other role, and no bureau account is tied to an institution', async () => {
    expect((await create(['bank-officer', 'clerk'], bank)).json()).toMatchObject({ code: 'ROLES_INCOMPATIBLE' });
    expect((await create(['clerk'], bank)).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'organisationId',
    });
  });
});
