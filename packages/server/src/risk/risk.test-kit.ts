// The risk tests' shared setup: a funded district, its staff, and people and claims to plant cases with.
import { afterAll, beforeAll } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

export const clock = TestClock.at('2026-11-23T10:00:00+08:00');
export let app: TestApp;
export let clerk: Client, counter: Client, reviewer: Client, approver: Client;
let n = 0;
/** A fresh number for names and idempotency keys. */
export const next = () => ++n;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  counter = await staff(app, 'counter', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'approver', ['approver'], '510104');
});
afterAll(() => app.close());

export const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
export const snapshot = (kind: string, lines: string[], takenOn = '2026-11-20') =>
  clerk.request(
    'POST',
    `/api/v1/reference-snapshots/${kind}?takenOn=${takenOn}&source=${encodeURIComponent('市大数据局')}`,
    csv(lines),
    { 'content-type': 'text/csv' },
  );
export const act = (c: Client, id: string, action: string, extra: object = {}) =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, { action, ...extra });
export const flags = async (id: string) =>
  (await reviewer.request('GET', `/api/v1/applications/${id}`))
    .json<{ riskFlags: { id: string; code: string; severity: string; stage: string; clearedAt?: string }[] }>()
    .riskFlags.filter((f) => !f.clearedAt);

export const evaluation = (certificate = 'E1') => [
  { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
  {
    kind: 'certificate',
    data: {
      id: certificate,
      kind: 'skill-level',
      occupation: '焊工',
      level: 5,
      issuedOn: '2026-10-01',
      firstEvaluation: true,
    },
  },
];

export async function person(
  facts: object[] = evaluation(),
  account?: string,
  phone?: string,
  address?: string,
): Promise<{ id: string; idNumber: string }> {
  const id = idNumber('1988-03-03');
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: id,
    name: `风控${++n}`,
    regionCode: '510104',
    facts,
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
  });
  expectOk(res, 201);
  const personId = res.json<{ id: string }>().id;
  if (account)
    expectOk(
      await clerk.request('PUT', `/api/v1/people/${personId}/bank-account`, {
        accountNumber: account,
        bankName: '示例银行',
      }),
    );
  return { id: personId, idNumber: id };
}

export async function submit(body: object): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/applications', {
    ...body,
    idempotencyKey: `risk-${++n}-key`,
    submit: true,
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

export const evaluationClaim = (p: { id: string }) => ({
  subsidy: 'skill-evaluation',
  personId: p.id,
  claim: { certificateId: 'E1' },
});
