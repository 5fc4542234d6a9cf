import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, toCsv } from '../registry/import/tabular.js';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { payableClaim } from './payable.test-kit.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, counter: Client, reviewer: Client, approver: Client, finance: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 10_000_000);
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  counter = await staff(app, 'counter', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'approver', ['approver'], '510104');
  finance = await staff(app, 'finance', ['finance'], '510100');
});
afterAll(() => app.close());

let n = 0;

/** A person eligible for the skill-evaluation subsidy, taken to "ready for payment". */
async function payable(
  account?: string,
  name = `收款人${n + 1}`,
): Promise<{ applicationId: string; personId: string }> {
  n++;
  const desk = { clerk, counter, reviewer, approver };
  return payableClaim(desk, { name, key: `pay-${n}-key`, ...(account ? { account } : {}) });
}

const state = async (id: string) =>
  (await finance.request('GET', `/api/v1/applications/${id}`)).json<{ state: string }>().state;
const paidInLedger = async () => {
  const funds = (await finance.request('GET', '/api/v1/funds')).json<{
    funds: { balances: { regionCode: string; kind: string; balanceFen: number }[] }[];
  }>().funds;
  return funds
    .flatMap((f) => f.balances)
    .filter((b) => b.kind === 'paid')
    .reduce((s, b) => s + b.balanceFen, 0);
};

function returnFile(
  rows: [
    seq: number,
    account: string,
    name: string,
    amount: string,
    status: string,
    reason: string,
    reference: string,
  ][],
): Buffer {
  const lines = ['序号,账号,户名,金额,处理结果,失败原因,银行流水号', ...rows.map((r) => r.join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('payment batches, bank files and reconciliation', () => {
  it('batches by fund and channel, exports the same file twice without paying, then settles each item from the return file once', async () => {
    const a = await payable('6217000010000000001');
    const b = await payable('6217000010000000002');
    const noAccount = await payable();

    const created = await finance.request('POST', '/api/v1/payment-batches', { layout: 'generic-csv' });
    expectOk(created, 201);
    const { batches, missingAccount } = created.json<{
      batches: { id: string; number: string; itemCount: number; totalFen: number; channel: string }[];
      missingAccount: string[];
    }>();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ itemCount: 2, totalFen: 60_000, channel: 'social-security-card' });
    expect(missingAccount).toHaveLength(1);
    const batch = batches[0]!;

    // The schedule to print: every line in order, the accounts masked, adding up to the batch.
    const schedule = (await finance.request('GET', `/api/v1/payment-batches/${batch.id}/schedule`)).json<{
      fundName: string;
      lines: { seq: number; amountFen: number; accountMasked: string; applicationNumber: string }[];
    }>();
    expect(schedule.lines).toHaveLength(2);
    expect(schedule.lines[0]!.seq).toBeLessThan(schedule.lines[1]!.seq);
    expect(schedule.lines.reduce((n, l) => n + l.amountFen, 0)).toBe(60_000);
    expect(JSON.stringify(schedule)).not.toContain('6217000010000000001');
    expect(schedule.lines.every((l) => l.applicationNumber !== '')).toBe(true);
    expect(schedule.fundName).not.toBe('');

    const first = await finance.request('GET', `/api/v1/payment-batches/${batch.id}/file`);
    const second = await finance.request('GET', `/api/v1/payment-batches/${batch.id}/file?again=true`);
    expect(second.body).toBe(first.body);
    expect(first.body).toContain('6217000010000000001');
    expect(first.body).toContain('300.00');
    expect([await state(a.applicationId), await state(b.applicationId)]).toEqual(['payable', 'payable']);
    expect(await paidInLedger()).toBe(0);

    // No second batch picks up items already waiting at the bank.
    expect((await finance.request('POST', '/api/v1/payment-batches', {})).json()).toMatchObject({
      code: 'NOTHING_TO_PAY',
    });

    const file = returnFile([
      [1, '6217000010000000001', '收款人1', '300.00', '成功', '', 'BK0001'],
      [2, '6217000010000000002', '收款人2', '300.00', '失败', '社保卡金融账户未激活', ''],
      [9, '6217000000000000009', '某人', '1.00', '成功', '', 'BK0009'],
    ]);
    const imported = await finance.request('POST', `/api/v1/payment-batches/${batch.id}/returns`, file, {
      'content-type': 'text/csv',
    });
    expectOk(imported);
    expect(imported.json()).toMatchObject({
      alreadyImported: false,
      rows: 3,
      paid: 1,
      failed: 1,
      unmatched: [{ row: 4 }],
    });
    expect([await state(a.applicationId), await state(b.applicationId)]).toEqual(['paid', 'payable']);
    expect(await paidInLedger()).toBe(30_000);
    // Settled as one set (the batch's chunk), leaving the same history a single transition would.
    const settlements = await app.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'payment-batch.settled')
      .execute();
    expect(settlements.map((e) => (e.after as { paid: string[] }).paid)).toEqual([[a.applicationId]]);
    const events = (await finance.request('GET', `/api/v1/applications/${a.applicationId}`)).json<{
      events: { action: string; actor: string; reason?: string }[];
      version: number;
    }>();
    expect(events.events.at(-1)).toMatchObject({
      action: 'pay',
      actor: 'finance',
      reason: expect.stringContaining('BK0001'),
    });

    // The same file again, or another file claiming the same item, pays nobody twice.
    expect(
      (
        await finance.request('POST', `/api/v1/payment-batches/${batch.id}/returns`, file, {
          'content-type': 'text/csv',
        })
      ).json(),
    ).toMatchObject({ alreadyImported: true });
    const again = returnFile([[1, '6217000010000000001', '收款人1', '300.00', '成功', '', 'BK0001-DUP']]);
    expect(
      (
        await finance.request('POST', `/api/v1/payment-batches/${batch.id}/returns`, again, {
          'content-type': 'text/csv',
        })
      ).json(),
    ).toMatchObject({ paid: 0, skipped: 1 });
    expect(await paidInLedger()).toBe(30_000);

    // The failed one is corrected and goes out in a new batch as its second attempt.
    expectOk(
      await clerk.request('PUT', `/api/v1/people/${b.personId}/bank-account`, {
        accountNumber: '6217000010000000099',
        bankName: '示例银行',
      }),
    );
    const retry = (await finance.request('POST', '/api/v1/payment-batches', {})).json<{
      batches: { id: string; itemCount: number }[];
    }>().batches;
    expect(retry.map((x) => x.itemCount)).toEqual([1]);
    const settled = await finance.request(
      'POST',
      `/api/v1/payment-batches/${retry[0]!.id}/returns`,
      returnFile([[1, '6217000010000000099', '收款人2', '300.00', '成功', '', 'BK0100']]),
      { 'content-type': 'text/csv' },
    );
    expect(settled.json()).toMatchObject({ paid: 1 });
    expect(await state(b.applicationId)).toBe('paid');
    expect(await paidInLedger()).toBe(60_000);
    expect(await state(noAccount.applicationId)).toBe('payable');

    // Days later the bank sends one back (退票): the money returns to the commitment and the
    // application waits to be paid again, as its second ledger attempt.
    const bounced = returnFile([[1, '6217000010000000099', '收款人2', '300.00', '退票', '卡已注销', '']]);
    expect(
      (
        await finance.request('POST', `/api/v1/payment-batches/${retry[0]!.id}/returns`, bounced, {
          'content-type': 'text/csv',
        })
      ).json(),
    ).toMatchObject({ returned: 1 });
    expect(await state(b.applicationId)).toBe('payable');
    expect(await paidInLedger()).toBe(30_000);
    // Not to the cancelled card again: it waits until the account is corrected.
    expect((await finance.request('POST', '/api/v1/payment-batches', {})).json()).toMatchObject({
      code: 'NOTHING_TO_PAY',
      errors: [{ code: 'NO_PAYEE_ACCOUNT' }, { code: 'ACCOUNT_NOT_CORRECTED' }],
    });
    expectOk(
      await clerk.request('PUT', `/api/v1/people/${b.personId}/bank-account`, {
        accountNumber: '6217000010000000100',
        bankName: '示例银行',
      }),
    );
    const again2 = (await finance.request('POST', '/api/v1/payment-batches', {})).json<{ batches: { id: string }[] }>()
      .batches[0]!;
    expect(
      (
        await finance.request(
          'POST',
          `/api/v1/payment-batches/${again2.id}/returns`,
          returnFile([[1, '6217000010000000100', '收款人2', '300.00', '成功', '', 'BK0200']]),
          { 'content-type': 'text/csv' },
        )
      ).json(),
    ).toMatchObject({ paid: 1 });
    expect(await paidInLedger()).toBe(60_000);
    const attempts = await app.database.db
      .selectFrom('ledger_transaction')
      .select(['kind', 'attempt', 'memo'])
      .where('application_id', '=', b.applicationId)
      .where('kind', 'in', ['pay', 'payment-returned'])
      .orderBy('id')
      .execute();
    expect(attempts.map(({ kind, attempt }) => ({ kind, attempt }))).toEqual([
      { kind: 'pay', attempt: 1 },
      { kind: 'payment-returned', attempt: 1 },
      { kind: 'pay', attempt: 2 },
    ]);
    // The return names the payment it undid, by that payment's reference.
    expect(attempts[1]?.memo).toBe(attempts[0]?.memo);
    expect(attempts[1]?.memo).toMatch(/^PB-.+#\d+$/);
  });

  it('a payee name a spreadsheet would run as a formula reaches the bank file as text, and the return file still settles', async () => {
    const names = ['=HYPERLINK("http://x","y")', '+1', '@SUM(1)', '-2+3'];
    for (const [i, name] of names.entries()) await payable(`62170000200000000${i + 1}0`, name);
    const batch = (await finance.request('POST', '/api/v1/payment-batches', { layout: 'generic-csv' })).json<{
      batches: { id: string; itemCount: number }[];
    }>().batches[0]!;
    expect(batch.itemCount).toBe(names.length);
    const file = (await finance.request('GET', `/api/v1/payment-batches/${batch.id}/file`)).body;
    const lines = file.replace('\uFEFF', '').split('\r\n');
    // Each line without its memo (the batch and application numbers).
    expect(lines.slice(1, 5).map((l) => l.slice(0, l.lastIndexOf(',')))).toEqual([
      `1,6217000020000000010,"'=HYPERLINK(""http://x"",""y"")",300.00`,
      "2,6217000020000000020,'+1,300.00",
      "3,6217000020000000030,'@SUM(1),300.00",
      "4,6217000020000000040,'-2+3,300.00",
    ]);
    // The bank echoes each row as it was sent; rows are matched on sequence, account and amount.
    const sent = (await readTable(Buffer.from(file))).slice(1);
    const echoed = toCsv([
      ['序号', '账号', '户名', '金额', '处理结果', '失败原因', '银行流水号'],
      ...sent.map(([seq, account, name, amount]) => [
        seq!.text,
        account!.text,
        name!.text,
        amount!.text,
        '成功',
        '',
        `BK-F${seq!.text}`,
      ]),
    ]);
    expect(echoed.toString()).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(
      (
        await finance.request('POST', `/api/v1/payment-batches/${batch.id}/returns`, echoed, {
          'content-type': 'text/csv',
        })
      ).json(),
    ).toMatchObject({ paid: 4, unmatched: [] });
  });

  it('a bank account number must look like one', async () => {
    const { personId } = await payable();
    expect(
      (
        await clerk.request('PUT', `/api/v1/people/${personId}/bank-account`, {
          accountNumber: '1234-abcd-0000',
          bankName: '示例银行',
        })
      ).json(),
    ).toMatchObject({ code: 'BANK_ACCOUNT_INVALID', field: 'accountNumber' });
  });
});
