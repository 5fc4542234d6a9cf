import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, TestClock } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { exportedBatch, returnFile } from './payable.test-kit.js';

/**
 * A return row's result is read as the layout lists it (成功 / 失败 / 退票 and their codes),
 * without surrounding spaces or letter case. A result it does not list settles nothing and is
 * shown for a person to check with the bank: read as a failure, a bank's "交易成功" marked a
 * pending payment failed, and sent again for a payment already made, bounced it (退票) with its money.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
const csv = { 'content-type': 'text/csv' };
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ clock });
}, 120_000);
afterAll(() => app?.close());

const itemStates = (batchId: string) =>
  app.database.db
    .selectFrom('payment_item')
    .select(['seq', 'state'])
    .where('batch_id', '=', batchId)
    .orderBy('seq')
    .execute();

describe('the result column of a return file', () => {
  it('a result the layout does not list settles nothing and is shown, whether the item is pending or paid', async () => {
    const { finance, batchId, paidFile } = await exportedBatch(app, 2, 'rs');
    const odd = (result: string) => returnFile([[1, '6217000010000000001', '收款1', '300.00', result, '', 'BK-ODD']]);
    const pending = await finance.request('POST', `/api/v1/payment-batches/${batchId}/returns`, odd('交易成功'), csv);
    expectOk(pending);
    expect(pending.json()).toMatchObject({
      paid: 0,
      failed: 0,
      unmatched: [{ row: 2, code: 'STATUS_UNKNOWN', reason: expect.stringContaining('处理结果无法识别') }],
    });
    expect(await itemStates(batchId)).toEqual([
      { seq: 1, state: 'pending' },
      { seq: 2, state: 'pending' },
    ]);

    expectOk(await finance.request('POST', `/api/v1/payment-batches/${batchId}/returns`, paidFile, csv));
    const again = await finance.request('POST', `/api/v1/payment-batches/${batchId}/returns`, odd('也许'), csv);
    expect(again.json()).toMatchObject({ returned: 0, unmatched: [{ code: 'STATUS_UNKNOWN' }] });
    expect(await itemStates(batchId)).toEqual([
      { seq: 1, state: 'paid' },
      { seq: 2, state: 'paid' },
    ]);
  });

  it('reads the listed results without spaces or letter case: " success " is paid, "failed" is a failure', async () => {
    const { finance, batchId } = await exportedBatch(app, 2, 'rs2');
    const file = returnFile([
      [1, '6217000010000000001', '收款1', '300.00', ' success ', '', 'BK-1'],
      [2, '6217000010000000002', '收款2', '300.00', 'failed', '账户已冻结', ''],
    ]);
    const imported = await finance.request('POST', `/api/v1/payment-batches/${batchId}/returns`, file, csv);
    expect(imported.json()).toMatchObject({ paid: 1, failed: 1, unmatched: [] });
  });

  // Exported once for both refusals below: a fourth batch's payees would share one account too often.
  let refusedWhole: Awaited<ReturnType<typeof exportedBatch>>;
  it('a file without a column the layout needs is refused whole, naming the column and the header expected', async () => {
    refusedWhole = await exportedBatch(app, 1, 'rs3');
    const { finance, batchId } = refusedWhole;
    const noSeq = Buffer.from(
      '账号,户名,金额,处理结果,失败原因,银行流水号\r\n6217000010000000001,收款1,300.00,成功,,BK-1\r\n',
    );
    const refused = await finance.request('POST', `/api/v1/payment-batches/${batchId}/returns`, noSeq, csv);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'RETURN_FILE_COLUMN_MISSING',
      field: 'file',
      message: expect.stringContaining('回盘文件缺少“序号”列：文件第一行应为列名 序号 账号 户名 金额'),
    });
    expect(await itemStates(batchId)).toEqual([{ seq: 1, state: 'pending' }]);
  });

  it('an empty file, or its header alone, is refused as having no results, not as missing a column', async () => {
    const { finance, batchId } = refusedWhole;
    const header = Buffer.from('序号,账号,户名,金额,处理结果,失败原因,银行流水号\r\n,,,,,,\r\n');
    for (const file of [Buffer.alloc(0), header]) {
      const refused = await finance.request('POST', `/api/v1/payment-batches/${batchId}/returns`, file, csv);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'RETURN_FILE_EMPTY',
        field: 'file',
        message: expect.stringContaining('回盘文件中没有回盘记录：第一行应为列名 序号 账号 户名 金额'),
      });
    }
    // A result without the header is not an empty file: its header is what is missing.
    const headless = Buffer.from('1,6217000010000000001,收款1,300.00,成功,,BK-1\r\n');
    expect(
      (await finance.request('POST', `/api/v1/payment-batches/${batchId}/returns`, headless, csv)).json(),
    ).toMatchObject({ code: 'RETURN_FILE_COLUMN_MISSING', field: 'file' });
    expect(await itemStates(batchId)).toEqual([{ seq: 1, state: 'pending' }]);
  });
});
