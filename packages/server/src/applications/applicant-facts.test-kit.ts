// The applicant-facts tests' shared setup: a funded district, its staff, graduate founders whose
// businesses are in the business registry snapshot, and their filed claims.
import { afterAll, beforeAll } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { fileOnline } from './online-filing.test-kit.js';

export const clock = TestClock.at('2026-11-23T10:00:00+08:00');
export let app: TestApp;
export let clerk: Client, reviewer: Client;
const FOUNDED = '2025-06-01';

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
});
afterAll(() => app.close());

let n = 0;
/** A founder with nothing in the registry but their name, and their business in the registry snapshot. */
export async function founder(): Promise<{ client: Client; code: string; idNumber: string }> {
  const id = idNumber('2002-04-05', 'male', '510104');
  const name = `创业${++n}`;
  expectOk(await clerk.request('POST', '/api/v1/people', { idNumber: id, name, regionCode: '510104' }), 201);
  const client = await applicant(app, {
    kind: 'person',
    idNumber: id,
    name,
    regionCode: '510104',
    username: `founder-${n}`,
  });
  return { client, code: creditCode('510104'), idNumber: id };
}

export async function loadRegistry(rows: { code: string; founder: string }[]) {
  const lines = [
    'creditCode,status,deregisteredOn,name,form,sizeClass,registeredOn,founderIdNumber',
    ...rows.map((r) => `${r.code},active,,小店,individual-business,micro,${FOUNDED},${r.founder}`),
  ];
  const res = await clerk.request(
    'POST',
    `/api/v1/reference-snapshots/business-registry?takenOn=2026-11-20&source=${encodeURIComponent('市市场监管局')}`,
    Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
    { 'content-type': 'text/csv' },
  );
  expectOk(res, 201);
}

export const GRADUATED = { kind: 'graduation', data: { date: '2024-06-30', institution: 'university' } };
/** Files and submits 一次性创业补贴 for the founder's business, declaring the graduation, its materials handed in. */
export async function file(c: Client, code: string, declarations: object[] = [GRADUATED]) {
  const res = await fileOnline(c, {
    subsidy: 'one-time-startup',
    claim: { businessCreditCode: code },
    declarations,
    idempotencyKey: `founder-${++n}-key`,
  });
  expectOk(res);
  return res.json<{ id: string; state: string; declarations: { id: string; state: string }[] }>();
}
