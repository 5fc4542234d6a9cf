import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({});
});
afterAll(() => app.close());

describe('phone lookup hashes', () => {
  it('are written with the person, and filled in at start-up for rows from before the column', async () => {
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    const created = await clerk.request('POST', '/api/v1/people', { idNumber: idNumber('1990-01-01'), name: '有电话', regionCode: '510104', phone: '13912345678' });
    expectOk(created, 201);
    const id = created.json<{ id: string }>().id;
    const hash = app.vault.lookupHash('phone', '13912345678');
    const stored = async () => (await app.database.db.selectFrom('person').select('phone_hmac').where('id', '=', id).executeTakeFirstOrThrow()).phone_hmac;
    expect(await stored()).toBe(hash);

    await app.database.db.updateTable('person').set({ phone_hmac: null }).where('id', '=', id).execute();
    expect(await app.registry.backfillPhoneHashes()).toBe(1);
    expect(await stored()).toBe(hash);
    expect(await app.registry.backfillPhoneHashes()).toBe(0);
  });
});
