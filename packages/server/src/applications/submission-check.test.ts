import { describe, expect, it } from 'vitest';
import { expectOk, type Client } from '../testing/fixtures.js';
import { clerk, founder, GRADUATED, loadRegistry } from './applicant-facts.test-kit.js';

/** 提交前确认: before submitting, what the engine would refuse and which materials are still missing. */
type Check = {
  eligible: boolean;
  unmet: { message: { zh: string } }[];
  missingMaterials: { zh: string }[];
  waivedMaterials: { zh: string }[];
};
const check = async (c: Client, id: string) => {
  const res = await c.request('GET', `/api/v1/applications/${id}/submission-check`);
  expectOk(res);
  return res.json<Check>();
};
const draft = async (c: Client, code: string, declarations: object[]) => {
  const res = await c.request('POST', '/api/v1/applications', {
    subsidy: 'one-time-startup',
    claim: { businessCreditCode: code },
    declarations,
    idempotencyKey: `check-${code}`,
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
};

describe('before submitting', () => {
  it('a licence the business registry confirms is not asked for; the diploma behind a declaration is', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const id = await draft(f.client, f.code, [GRADUATED]);
    const c = await check(f.client, id);
    expect(c.eligible).toBe(true);
    expect(c.waivedMaterials.map((m) => m.zh)).toEqual([expect.stringContaining('营业执照')]);
    expect(c.missingMaterials.map((m) => m.zh)).toEqual([
      '身份证件',
      expect.stringContaining('正常经营证明'),
      expect.stringContaining('毕业证书'),
    ]);
  });

  it('the application’s materials say which the platform holds, for staff as for the applicant', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const id = await draft(f.client, f.code, [GRADUATED]);
    const evidence = await clerk.request('GET', `/api/v1/applications/${id}/evidence`);
    expectOk(evidence);
    expect(evidence.json<{ waived: number[] }>().waived).toEqual([1]);
  });

  it('a file handed in is no longer missing', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const id = await draft(f.client, f.code, [GRADUATED]);
    const upload = await f.client.request(
      'POST',
      `/api/v1/applications/${id}/evidence?material=0&fileName=${encodeURIComponent('身份证.pdf')}`,
      Buffer.from('%PDF-1.4\n%%EOF\n'),
      { 'content-type': 'application/octet-stream' },
    );
    expectOk(upload, 201);
    expect((await check(f.client, id)).missingMaterials.map((m) => m.zh)).not.toContain('身份证件');
  });

  it('without the graduation declared the engine would refuse, and says which condition', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const id = await draft(f.client, f.code, []);
    const c = await check(f.client, id);
    expect(c.eligible).toBe(false);
    expect(c.unmet.length).toBeGreaterThan(0);
  });

  it('another applicant’s draft is not found', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const id = await draft(f.client, f.code, [GRADUATED]);
    const other = await founder();
    expect((await other.client.request('GET', `/api/v1/applications/${id}/submission-check`)).statusCode).toBe(404);
    expect((await clerk.request('GET', `/api/v1/applications/${id}/submission-check`)).statusCode).toBe(200);
  });
});
