import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, staff, type Client } from '../testing/fixtures.js';
import type { TestApp } from '../testing/test-app.js';

/** The bank's return file in the generic layout: one row per `[seq, account, name, amount, result, reason, reference]`. */
export function returnFile(rows: readonly (string | number)[][]): Buffer {
  const lines = ['序号,账号,户名,金额,处理结果,失败原因,银行流水号', ...rows.map((r) => r.join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Who takes a claim to "ready for payment": files, accepts, reviews, approves and releases. */
export interface PayingDesk {
  readonly clerk: Client;
  readonly counter: Client;
  readonly reviewer: Client;
  readonly approver: Client;
}

/**
 * A person in 510104 eligible for the skill-evaluation subsidy (300 元 here), with a bank account
 * when one is given, filed and taken to "ready for payment" (approved by `approvedBy` if given).
 */
export async function payableClaim(
  desk: PayingDesk,
  options: { key: string; name: string; account?: string; approvedBy?: Client },
): Promise<{ applicationId: string; personId: string }> {
  const person = await desk.clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1991-03-03'),
    name: options.name,
    regionCode: '510104',
    facts: [
      { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
      {
        kind: 'certificate',
        data: {
          id: 'E1',
          kind: 'skill-level',
          occupation: '焊工',
          level: 5,
          issuedOn: '2026-10-01',
          firstEvaluation: true,
        },
      },
    ],
  });
  expectOk(person, 201);
  const personId = person.json<{ id: string }>().id;
  if (options.account)
    expectOk(
      await desk.clerk.request('PUT', `/api/v1/people/${personId}/bank-account`, {
        accountNumber: options.account,
        bankName: '示例银行',
      }),
    );
  const filed = await desk.clerk.request('POST', '/api/v1/applications', {
    subsidy: 'skill-evaluation',
    personId,
    claim: { certificateId: 'E1' },
    idempotencyKey: options.key,
    submit: true,
  });
  const id = filed.json<{ id: string }>().id;
  for (const [c, action] of [
    [desk.counter, 'accept'],
    [desk.reviewer, 'review'],
    [options.approvedBy ?? desk.approver, 'approve'],
    [desk.approver, 'release'],
  ] as const)
    expectOk(await c.request('POST', `/api/v1/applications/${id}/transitions`, { action }));
  return { applicationId: id, personId };
}

/**
 * `count` people in 510104 each granted the skill-evaluation subsidy (300 元) and taken to
 * "ready for payment", put in one batch by finance; with the return file in which the bank paid
 * every one of them.
 */
export async function exportedBatch(
  app: TestApp,
  count: number,
  prefix: string,
): Promise<{ finance: Client; batchId: string; applicationIds: string[]; paidFile: Buffer }> {
  await fundRegion(app, '510104', 10_000_000);
  const clerk = await staff(app, `${prefix}-clerk`, ['clerk'], '510104');
  const counter = await staff(app, `${prefix}-counter`, ['clerk'], '510104');
  const reviewer = await staff(app, `${prefix}-reviewer`, ['reviewer'], '510104');
  const approver = await staff(app, `${prefix}-approver`, ['approver'], '510104');
  const finance = await staff(app, `${prefix}-finance`, ['finance'], '510100');
  const applicationIds: string[] = [];
  const rows: (string | number)[][] = [];
  for (let i = 1; i <= count; i++) {
    const account = `6217000010000${String(i).padStart(6, '0')}`;
    const { applicationId } = await payableClaim(
      { clerk, counter, reviewer, approver },
      { account, name: `收款${i}`, key: `${prefix}-pay-${i}` },
    );
    applicationIds.push(applicationId);
  }
  const created = await finance.request('POST', '/api/v1/payment-batches', {});
  const batch = created.json<{ batches: { id: string }[] }>().batches[0];
  if (!batch) throw new Error(`no batch: ${created.body}`);
  const items = await app.database.db
    .selectFrom('payment_item')
    .select(['seq', 'payee_name', 'application_id'])
    .where('batch_id', '=', batch.id)
    .orderBy('seq')
    .execute();
  for (const item of items) {
    const i = applicationIds.indexOf(item.application_id) + 1;
    rows.push([
      item.seq,
      `6217000010000${String(i).padStart(6, '0')}`,
      item.payee_name,
      '300.00',
      '成功',
      '',
      `BK${item.seq}`,
    ]);
  }
  return { finance, batchId: batch.id, applicationIds, paidFile: returnFile(rows) };
}
