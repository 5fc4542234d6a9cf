import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { payableClaim, returnFile } from './payable.test-kit.js';

/**
 * Payments that tell the truth (issue 16): finance sees what a batch would hold before creating
 * it; a return file with a failed row and a row not in the batch leaves the batch open, not
 * "reconciled"; the reconciliation says what was paid, what failed and why, and what matched
 * nothing, in counts and 元; a failed item is paid again only once its account is corrected, and
 * the batch it failed in is reconciled then.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, counter: Client, reviewer: Client, approver: Client, finance: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 10_000_000);
  clerk = await staff(app, 'rc-clerk', ['clerk'], '510104');
  counter = await staff(app, 'rc-counter', ['clerk'], '510104');
  reviewer = await staff(app, 'rc-reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'rc-approver', ['approver'], '510104');
  finance = await staff(app, 'rc-finance', ['finance'], '510100');
});
afterAll(() => app.close());

let n = 0;
/** A person paid the skill-evaluation subsidy (300 元 here), taken to "ready for payment". */
async function payable(account: string, approvedBy?: Client): Promise<{ applicationId: string; personId: string }> {
  n++;
  const desk = { clerk, counter, reviewer, approver };
  return payableClaim(desk, {
    account,
    name: `收款人${n}`,
    key: `reconcile-${n}-key`,
    ...(approvedBy ? { approvedBy } : {}),
  });
}

const csv = { 'content-type': 'text/csv' };

interface Reconciliation {
  reconciled: boolean;
  batch: { state: string };
  paid: { count: number; totalFen: number };
  failed: { count: number; totalFen: number };
  reissued: { count: number; totalFen: number };
  unmatched: { count: number; totalFen: number; rows: { code: string; reason: string; amountFen: number | null }[] };
  failedItems: {
    seq: number;
    bankReason: string;
    accountCorrected: boolean;
    reissuedIn?: string;
    payee: { kind: string; id: string };
  }[];
}

describe('a batch with a failure and a stranger in its return file', () => {
  let batch: { id: string; number: string };
  let failing: { applicationId: string; personId: string };

  it('previews the batch by fund and channel, in 元, and creating it takes exactly that', async () => {
    await payable('6217000020000000001');
    failing = await payable('6217000020000000002');
    const preview = await finance.request('GET', '/api/v1/payment-batches/preview');
    expectOk(preview);
    const p = preview.json<{
      count: number;
      totalFen: number;
      groups: { channel: string; count: number; totalFen: number; fundName: string }[];
    }>();
    expect(p).toMatchObject({ count: 2, totalFen: 60_000 });
    expect(p.groups).toEqual([
      expect.objectContaining({ channel: 'social-security-card', count: 2, totalFen: 60_000, fundName: '测试资金' }),
    ]);
    // A preview creates nothing.
    expect((await finance.request('GET', '/api/v1/payment-batches')).json<{ batches: unknown[] }>().batches).toEqual(
      [],
    );

    const created = await finance.request('POST', '/api/v1/payment-batches', {});
    expectOk(created, 201);
    const batches = created.json<{ batches: { id: string; number: string; itemCount: number; totalFen: number }[] }>()
      .batches;
    expect(batches.map((b) => [b.itemCount, b.totalFen])).toEqual([[2, 60_000]]);
    batch = batches[0]!;
  });

  it('is not reconciled while an item failed, and says what was paid, what failed and what matched nothing', async () => {
    const file = returnFile([
      [1, '6217000020000000001', '收款人1', '300.00', '成功', '', 'BK0001'],
      [2, '6217000020000000002', '收款人2', '300.00', '失败', 'ACCT CLOSED', ''],
      [7, '6217000099999999999', '陌生人', '88.00', '成功', '', 'BK0007'],
    ]);
    const imported = await finance.request('POST', `/api/v1/payment-batches/${batch.id}/returns`, file, csv);
    expectOk(imported);
    expect(imported.json()).toMatchObject({
      paid: 1,
      failed: 1,
      unmatched: [{ row: 4, code: 'NOT_IN_BATCH', reason: '序号 7 不在本批次中' }],
    });

    const view = (
      await finance.request('GET', `/api/v1/payment-batches/${batch.id}/reconciliation`)
    ).json<Reconciliation>();
    expect(view.reconciled).toBe(false);
    expect(view.batch.state).not.toBe('reconciled');
    expect(view).toMatchObject({
      paid: { count: 1, totalFen: 30_000 },
      failed: { count: 1, totalFen: 30_000 },
      reissued: { count: 0, totalFen: 0 },
      unmatched: { count: 1, totalFen: 8_800 },
    });
    // The bank's words are kept as the bank gave them, apart from any sentence of ours.
    expect(view.failedItems).toEqual([
      expect.objectContaining({ seq: 2, bankReason: 'ACCT CLOSED', accountCorrected: false }),
    ]);

    // Each language on its own: no English inside the Chinese, no Chinese inside the English.
    const english = await finance.request('GET', `/api/v1/payment-batches/${batch.id}/reconciliation`, undefined, {
      'accept-language': 'en-US',
    });
    expect(english.json<Reconciliation>().unmatched.rows[0]?.reason).toBe('Sequence 7 is not in this batch');
    expect(view.unmatched.rows[0]?.reason).not.toMatch(/[A-Za-z]/);
  });

  it('pays the failed item again only once its account is corrected, and then the batch is reconciled', async () => {
    const refused = await finance.request('POST', `/api/v1/payment-batches/${batch.id}/items/2/reissue`);
    expect([refused.statusCode, refused.json<{ code: string }>().code]).toEqual([409, 'ACCOUNT_NOT_CORRECTED']);
    expect((await finance.request('POST', `/api/v1/payment-batches/${batch.id}/items/1/reissue`)).json()).toMatchObject(
      {
        code: 'PAYMENT_ITEM_NOT_FAILED',
      },
    );
    // Nor does a new batch send it to the account the bank refused.
    expect((await finance.request('POST', '/api/v1/payment-batches', {})).json()).toMatchObject({
      code: 'NOTHING_TO_PAY',
      errors: [{ code: 'ACCOUNT_NOT_CORRECTED' }],
    });

    // The item names whose account to correct; the registry's clerk corrects it, not finance (权限不相容).
    const failed = (
      await finance.request('GET', `/api/v1/payment-batches/${batch.id}/reconciliation`)
    ).json<Reconciliation>().failedItems[0];
    expect(failed?.payee).toEqual({ kind: 'person', id: failing.personId });
    const correction = { accountNumber: '6217000020000000022', bankName: '示例银行' };
    expect(
      (await finance.request('PUT', `/api/v1/people/${failed?.payee.id}/bank-account`, correction)).statusCode,
    ).toBe(403);
    expectOk(await clerk.request('PUT', `/api/v1/people/${failed?.payee.id}/bank-account`, correction));
    const before = (
      await finance.request('GET', `/api/v1/payment-batches/${batch.id}/reconciliation`)
    ).json<Reconciliation>();
    expect(before.failedItems[0]?.accountCorrected).toBe(true);

    // Twenty clicks at once: one re-issue, the others told it was re-issued (never a 500).
    const clicks = await Promise.all(
      Array.from({ length: 20 }, () => finance.request('POST', `/api/v1/payment-batches/${batch.id}/items/2/reissue`)),
    );
    const reissued = clicks.find((r) => r.statusCode === 201);
    if (!reissued) throw new Error(`no re-issue: ${clicks.map((r) => r.statusCode).join(' ')}`);
    expect(clicks.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(clicks.filter((r) => r.statusCode !== 201).map((r) => r.statusCode)).toEqual(Array(19).fill(409));
    const { batch: again, original } = reissued.json<{
      batch: { id: string; number: string; itemCount: number; totalFen: number };
      original: { state: string };
    }>();
    expect(again).toMatchObject({ itemCount: 1, totalFen: 30_000 });
    expect(original.state).toBe('reconciled');
    const after = (
      await finance.request('GET', `/api/v1/payment-batches/${batch.id}/reconciliation`)
    ).json<Reconciliation>();
    expect(after).toMatchObject({ reconciled: true, failed: { count: 0 }, reissued: { count: 1, totalFen: 30_000 } });
    expect(after.failedItems[0]?.reissuedIn).toBe(again.number);
    expect((await finance.request('POST', `/api/v1/payment-batches/${batch.id}/items/2/reissue`)).json()).toMatchObject(
      {
        code: 'PAYMENT_ITEM_REISSUED',
      },
    );

    // The new batch goes to the corrected account, and its return file pays the applicant.
    const file = await finance.request('GET', `/api/v1/payment-batches/${again.id}/file`);
    expect(file.body).toContain('6217000020000000022');
    // A row whose amount or account is not the batch's settles nothing, and says which, and by how much.
    const wrongAmount = returnFile([[1, '6217000020000000022', '收款人2', '1.00', '成功', '', 'BK0101']]);
    expect(
      (await finance.request('POST', `/api/v1/payment-batches/${again.id}/returns`, wrongAmount, csv)).json(),
    ).toMatchObject({
      paid: 0,
      unmatched: [
        {
          row: 2,
          code: 'AMOUNT_DIFFERS',
          reason: '金额与批次不符：序号 1 在批次中为 300元，回盘文件为 1元，未作处理，请向银行核实',
        },
      ],
    });
    const wrongAccount = returnFile([[1, '6217000020000000099', '收款人2', '300.00', '成功', '', 'BK0101']]);
    const inEnglish = await finance.request('POST', `/api/v1/payment-batches/${again.id}/returns`, wrongAccount, {
      ...csv,
      'accept-language': 'en-US',
    });
    expect(inEnglish.json()).toMatchObject({ paid: 0, unmatched: [{ code: 'ACCOUNT_DIFFERS' }] });
    expect(inEnglish.json<{ unmatched: { reason: string }[] }>().unmatched[0]?.reason).toMatch(
      /^The account differs from the batch: sequence 1 /,
    );
    const paid = returnFile([[1, '6217000020000000022', '收款人2', '300.00', '成功', '', 'BK0102']]);
    expect(
      (await finance.request('POST', `/api/v1/payment-batches/${again.id}/returns`, paid, csv)).json(),
    ).toMatchObject({ paid: 1 });
    const application = (await finance.request('GET', `/api/v1/applications/${failing.applicationId}`)).json<{
      state: string;
    }>();
    expect(application.state).toBe('paid');
    expect((await finance.request('GET', `/api/v1/payment-batches/${again.id}`)).json()).toMatchObject({
      state: 'reconciled',
    });
  });
});

describe('a chunk with one item its importer may not settle', () => {
  it('settles the others as a set and names the refused one, which another finance officer settles later', async () => {
    // An account that approved one of the applications may not also pay it (separation of duties).
    const dual = await staff(app, 'rc-approver-finance', ['approver', 'finance'], '510104');
    const a = await payable('6217000020000000031');
    const b = await payable('6217000020000000032', dual);
    const created = await dual.request('POST', '/api/v1/payment-batches', {});
    expectOk(created, 201);
    const batch = created.json<{ batches: { id: string; itemCount: number }[] }>().batches[0]!;
    expect(batch.itemCount).toBe(2);
    const imported = await dual.request(
      'POST',
      `/api/v1/payment-batches/${batch.id}/returns`,
      returnFile([
        [1, '6217000020000000031', '收款人3', '300.00', '成功', '', 'BK0301'],
        [2, '6217000020000000032', '收款人4', '300.00', '成功', '', 'BK0302'],
      ]),
      csv,
    );
    expectOk(imported);
    expect(imported.json()).toMatchObject({
      paid: 1,
      failed: 0,
      unmatched: [{ row: 3, code: 'SETTLEMENT_REFUSED', seq: '2', amountFen: 30_000 }],
    });
    const state = async (id: string) =>
      (await finance.request('GET', `/api/v1/applications/${id}`)).json<{ state: string }>().state;
    expect([await state(a.applicationId), await state(b.applicationId)]).toEqual(['paid', 'payable']);

    const later = await finance.request(
      'POST',
      `/api/v1/payment-batches/${batch.id}/returns`,
      returnFile([[2, '6217000020000000032', '收款人4', '300.00', '成功', '', 'BK0302']]),
      csv,
    );
    expect(later.json()).toMatchObject({ paid: 1, unmatched: [] });
    expect(await state(b.applicationId)).toBe('paid');
    const payments = await app.database.db
      .selectFrom('ledger_transaction')
      .select('application_id')
      .where('kind', '=', 'pay')
      .where('application_id', 'in', [a.applicationId, b.applicationId])
      .execute();
    expect(payments).toHaveLength(2);
  });
});
