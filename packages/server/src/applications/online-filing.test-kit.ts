// Filing as an applicant does online since 容缺受理 (decision 026): a draft, a file for each
// material the platform does not already hold, then submitted — missing materials block it.
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../testing/fixtures.js';

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
