import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { normaliseAddress } from './registry-input.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({});
});
afterAll(() => app.close());

describe('phone lookup hashes', () => {
  it('are written with the person, and filled in at start-up for rows from before the column', async () => {
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    const created = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1990-01-01'),
      name: '有电话',
      regionCode: '510104',
      phone: '13912345678',
    });
    expectOk(created, 201);
    const id = created.json<{ id: string }>().id;
    const hash = app.vault.lookupHash('phone', '13912345678');
    const stored = async () =>
      (await app.database.db.selectFrom('person').select('phone_hmac').where('id', '=', id).executeTakeFirstOrThrow())
        .phone_hmac;
    expect(await stored()).toBe(hash);

    await app.database.db.updateTable('person').set({ phone_hmac: null }).where('id', '=', id).execute();
    expect(await app.registry.backfillPhoneHashes()).toBe(1);
    expect(await stored()).toBe(hash);
    expect(await app.registry.backfillPhoneHashes()).toBe(0);
  });
});

describe('addresses', () => {
  it('are kept encrypted and shown in full only through the audited identity view', async () => {
    const clerk = await staff(app, 'clerk-a', ['clerk'], '510104');
    const created = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1991-02-02'),
      name: '有地址',
      regionCode: '510104',
      address: '成都市锦江区示例路9号',
    });
    expectOk(created, 201);
    const id = created.json<{ id: string }>().id;
    const row = await app.database.db
      .selectFrom('person')
      .select(['address_cipher', 'address_hmac'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.address_cipher).not.toContain('锦江');
    expect(row.address_hmac).toBe(app.vault.lookupHash('address', normaliseAddress('成都市 锦江区 示例路９号')));
    const shown = await clerk.request('POST', `/api/v1/people/${id}/identity`, { purpose: '核对居住地址' });
    expect(shown.json()).toMatchObject({ address: '成都市锦江区示例路9号' });
  });
});
