import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { payableClaim, returnFile } from './payable.test-kit.js';

/**
 * Finance's requests repeated at once (a double click, a client retrying on a timeout) and sent by
 * staff of another county. Creating batches many times at once puts each payable application in
 * one batch and answers the rest that nothing is left to pay; a county's finance officer cannot
 * see, export, settle or re-issue another county's batch, and it is left as it was.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let finance: Client;
let desk: { clerk: Client; counter: Client; reviewer: Client; approver: Client };

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 10_000_000);
  desk = {
    clerk: await staff(app, 'pa-clerk', ['clerk'], '510104'),
    counter: await staff(app, 'pa-counter', ['clerk'], '510104'),
    reviewer: await staff(app, 'pa-reviewer', ['reviewer'], '510104'),
    approver: await staff(app, 'pa-approver', ['approver'], '510104'),
  };
  finance = await staff(app, 'pa-finance', ['finance'], '510104');
}, 120_000);
afterAll(() => app?.close());

const pendingItems = async (applicationIds: string[]) =>
  app.database.db
    .selectFrom('payment_item')
    .select(['batch_id', 'state'])
    .where('application_id', 'in', applicationIds)
    .execute();

describe('payment batches created many times at once', () => {
  it('put each payable application in one batch; every other request is told nothing is left to pay', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++)
      ids.push(
        (await payableClaim(desk, { account: `62170000300000000${i}`, name: `并发${i}`, key: `pa-race-${i}` }))
          .applicationId,
      );
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => finance.request('POST', '/api/v1/payment-batches', {})),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201)).toEqual(statuses.filter((s) => s !== 201).map(() => 409));
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json()).toMatchObject({ code: 'NOTHING_TO_PAY' });
    const items = await pendingItems(ids);
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.batch_id)).size).toBe(1);
  });
});

describe('the bank file downloaded 50 times at once (a double click, a retrying client)', () => {
  it('is given once; the rest are told by whom and when, and a copy is given only when asked for as one', async () => {
    await payableClaim(desk, { account: '6217000030000000077', name: '下载', key: 'pa-file-race' });
    const created = await finance.request('POST', '/api/v1/payment-batches', {});
    const batch = created.json<{ batches: { id: string }[] }>().batches[0] as { id: string };
    const url = `/api/v1/payment-batches/${batch.id}/file`;
    const answers = await Promise.all(Array.from({ length: 50 }, () => finance.request('GET', url)));
    const given = answers.filter((a) => a.statusCode === 200);
    expect(given).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(49);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json()).toMatchObject({ code: 'BANK_FILE_DOWNLOADED', field: 'again' });
    // Said in Beijing time, to the minute (the clock stands at 10:00), with whom to ask.
    expect(refused.json<{ message: string }>().message).toContain('已由 pa-finance 于 2026-11-23 10:00 下载');
    const english = await finance.request('GET', url, undefined, { 'accept-language': 'en-US' });
    expect(english.json<{ message: string }>().message).toContain('downloaded by pa-finance at 2026-11-23 10:00');
    const listed = await finance.request('GET', `/api/v1/payment-batches/${batch.id}`);
    expect(listed.json()).toMatchObject({ exportedBy: 'pa-finance' });

    // A copy, by another officer, is the same file, and the batch still names the first downloader.
    const colleague = await staff(app, 'pa-finance-2', ['finance'], '510104');
    const copy = await colleague.request('GET', `${url}?again=true`);
    expect(copy.statusCode).toBe(200);
    expect(copy.body).toBe(given[0]!.body);
    expect((await colleague.request('GET', `/api/v1/payment-batches/${batch.id}`)).json()).toMatchObject({
      exportedBy: 'pa-finance',
    });
    const audit = await app.database.db
      .selectFrom('audit_entry')
      .select(['after', 'outcome'])
      .where('action', '=', 'payment-batch.exported')
      .where('entity_id', '=', batch.id)
      .orderBy('seq')
      .execute();
    const downloads = audit.filter((e) => e.outcome === 'success');
    expect(downloads.map((e) => (e.after as { again?: boolean }).again ?? false)).toEqual([false, true]);
    // Every refusal is on the trail too, saying when the file had gone: the 49, and the one asked in English.
    const refusals = audit.filter((e) => e.outcome === 'failure');
    expect(refusals).toHaveLength(50);
    expect(refusals[0]?.after).toEqual({ again: false, downloadedAt: '2026-11-23T02:00:00.000Z' });
    expect((await finance.request('GET', `${url}?again=maybe`)).json()).toMatchObject({ field: 'again' });
    // A batch downloaded before the downloader was kept, and not named by the audit trail, says only when.
    await app.database.db.updateTable('payment_batch').set({ exported_by: null }).where('id', '=', batch.id).execute();
    const unnamed = (await finance.request('GET', url)).json<{ message: string }>().message;
    expect(unnamed).toContain('该批次的代发文件已于 2026-11-23 10:00 下载');
  });
});

describe('a first download and copies asked for at once', () => {
  it('writes one first download in the audit trail, whichever request gets there first; the rest are copies', async () => {
    await payableClaim(desk, { account: '6217000030000000078', name: '副本', key: 'pa-file-copies' });
    const created = await finance.request('POST', '/api/v1/payment-batches', {});
    const batch = created.json<{ batches: { id: string }[] }>().batches[0] as { id: string };
    const url = `/api/v1/payment-batches/${batch.id}/file`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => finance.request('GET', i % 2 ? `${url}?again=true` : url)),
    );
    const given = answers.filter((a) => a.statusCode === 200);
    // Every copy asked for is given; of the plain downloads, at most the first.
    expect(answers.filter((a, i) => i % 2 === 1 && a.statusCode === 200)).toHaveLength(10);
    expect(given.length).toBeLessThanOrEqual(11);
    expect(answers.filter((a) => a.statusCode !== 200).every((a) => a.statusCode === 409)).toBe(true);
    const audit = await app.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'payment-batch.exported')
      .where('entity_id', '=', batch.id)
      .where('outcome', '=', 'success')
      .execute();
    expect(audit).toHaveLength(given.length);
    expect(audit.filter((e) => !(e.after as { again?: boolean }).again)).toHaveLength(1);
  });
});

describe('another county’s finance officer', () => {
  it('cannot see, export, settle or re-issue a batch of 510104, and it is left as it was', async () => {
    const { applicationId } = await payableClaim(desk, {
      account: '6217000030000000009',
      name: '邻县',
      key: 'pa-other-county',
    });
    const created = await finance.request('POST', '/api/v1/payment-batches', {});
    const batch = created.json<{ batches: { id: string }[] }>().batches[0] as { id: string };
    const neighbour = await staff(app, 'pa-finance-510105', ['finance'], '510105');
    const base = `/api/v1/payment-batches/${batch.id}`;
    const paid = returnFile([[1, '6217000030000000009', '邻县', '300.00', '成功', '', 'BK1']]);
    const tries = [
      await neighbour.request('GET', base),
      await neighbour.request('GET', `${base}/schedule`),
      await neighbour.request('GET', `${base}/file`),
      await neighbour.request('GET', `${base}/reconciliation`),
      await neighbour.request('POST', `${base}/returns`, paid, { 'content-type': 'text/csv' }),
      await neighbour.request('POST', `${base}/items/1/reissue`),
    ];
    expect(tries.map((t) => t.statusCode)).toEqual(tries.map(() => 404));
    const listed = (await neighbour.request('GET', '/api/v1/payment-batches')).json<{ batches: { id: string }[] }>();
    expect(listed.batches.map((b) => b.id)).not.toContain(batch.id);
    const row = await app.database.db
      .selectFrom('payment_batch')
      .select(['state', 'exported_at'])
      .where('id', '=', batch.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'open', exported_at: null });
    expect((await pendingItems([applicationId])).map((i) => i.state)).toEqual(['pending']);
  });
});
