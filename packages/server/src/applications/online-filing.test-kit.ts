// Filing as an applicant does online since 容缺受理 (decision 026): a draft, a file for each
// material the platform does not already hold, then submitted — missing materials block it.
import type { LightMyRequestResponse } from 'fastify';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, type Client } from '../testing/fixtures.js';
import type { TestApp } from '../testing/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Hands in a PDF for each material still missing on an application (draft or returned). */
export async function handInMissing(client: Client, id: string): Promise<void> {
  const { materials, files, waived } = (await client.request('GET', `/api/v1/applications/${id}/evidence`)).json<{
    materials: unknown[];
    files: { material: number }[];
    waived: number[];
  }>();
  for (let i = 0; i < materials.length; i++) {
    if (waived.includes(i) || files.some((f) => f.material === i)) continue;
    const res = await client.request(
      'POST',
      `/api/v1/applications/${id}/evidence?material=${i}&fileName=material-${i}.pdf`,
      PDF,
      { 'content-type': 'application/octet-stream' },
    );
    if (res.statusCode !== 201) throw new Error(`material ${i}: ${res.statusCode} ${res.body}`);
  }
}

/**
 * `POST /api/v1/applications` with `submit: true`, as an applicant now does it: the draft (its
 * answer returned as is when refused), its materials, then `submit` — whose answer is returned.
 */
export async function fileOnline(client: Client, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  const { submit: _submit, ...draft } = body;
  const created = await client.request('POST', '/api/v1/applications', draft);
  if (created.statusCode !== 201) return created;
  const { id } = created.json<{ id: string }>();
  await handInMissing(client, id);
  return client.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'submit' });
}

let graduates = 0;

/**
 * An applicant eligible for 一次性求职创业补贴: a graduate (2027) of a 低保 family, registered in
 * `regionCode`, the facts recorded by that region's `clerk`. Born 2004; `prefix` names the account.
 */
export async function dibaoGraduate(
  app: TestApp,
  clerk: Client,
  regionCode: string,
  prefix = 'graduate',
): Promise<{ client: Client; personId: string }> {
  const n = ++graduates;
  const client = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('2004-03-05', n % 2 ? 'female' : 'male', regionCode),
    name: `毕业生${n}`,
    regionCode,
    username: `${prefix}-${n}`,
  });
  const personId = (await client.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account
    .personId;
  for (const fact of [
    { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
    { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
  ])
    expectOk(await clerk.request('POST', `/api/v1/people/${personId}/facts`, fact), 201);
  return { client, personId };
}
