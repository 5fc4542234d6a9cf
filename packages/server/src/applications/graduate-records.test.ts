import { describe, expect, it } from 'vitest';
import { expectOk, type Client } from '../testing/fixtures.js';
import { app, clerk, file, founder, loadRegistry, reviewer } from './applicant-facts.test-kit.js';

/**
 * 免证办 for a graduation (issue 17; 181号 第二十三条): the graduate records the bureau loads from
 * the education authorities verify a graduation, so the applicant declares nothing and the clerk
 * has no diploma to check. A graduate the records do not hold declares it, as before.
 */
type Provenance = { field: string; entries: { provenance: string; source: { zh: string } }[] };
type Preview = { eligible: boolean; needs: { condition: string }[]; facts: Provenance[] };
const preview = (c: Client, body: object) => c.request('POST', '/api/v1/applications/decision-preview', body);
const graduation = (facts: Provenance[]) => facts.find((f) => f.field === 'graduation')?.entries ?? [];
const act = (c: Client, id: string, action: string) =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, { action });

async function loadGraduates(lines: string[]) {
  return clerk.request(
    'POST',
    `/api/v1/reference-snapshots/graduate-records?takenOn=2026-11-20&source=${encodeURIComponent('省教育厅')}`,
    Buffer.from(['idNumber,graduatedOn,institution', ...lines].join('\r\n') + '\r\n', 'utf8'),
    { 'content-type': 'text/csv' },
  );
}

describe('a graduation from the graduate records', () => {
  it('a file with a bad row is refused whole, each problem named by row and column', async () => {
    const f = await founder();
    const res = await loadGraduates([`${f.idNumber},2024-06-30,college`, `${f.idNumber},2024/06/30,university`]);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; errors: { row: number; column: string }[] }>();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'institution' }),
        expect.objectContaining({ row: 3, column: 'graduatedOn' }),
      ]),
    );
    const p = (
      await preview(f.client, { subsidy: 'one-time-startup', claim: { businessCreditCode: f.code } })
    ).json<Preview>();
    expect(graduation(p.facts)).toEqual([]);
  });

  it('a snapshot dated ahead, empty, of an unknown kind, or naming a person twice is refused whole', async () => {
    const f = await founder();
    const ahead = await clerk.request(
      'POST',
      `/api/v1/reference-snapshots/graduate-records?takenOn=2099-12-31&source=${encodeURIComponent('省教育厅')}`,
      Buffer.from(`idNumber,graduatedOn,institution\r\n${f.idNumber},2024-06-30,university\r\n`, 'utf8'),
      { 'content-type': 'text/csv' },
    );
    expect(ahead.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'takenOn' });
    expect((await loadGraduates([])).json()).toMatchObject({ code: 'IMPORT_REJECTED' });
    const twice = await loadGraduates([`${f.idNumber},2024-06-30,university`, `${f.idNumber},2019-06-30,university`]);
    expect(twice.json<{ errors: { row: number; column: string }[] }>().errors).toEqual([
      expect.objectContaining({ row: 3, column: 'idNumber' }),
    ]);
    const missing = await clerk.request(
      'POST',
      `/api/v1/reference-snapshots/graduate-records?takenOn=2026-11-20&source=${encodeURIComponent('省教育厅')}`,
      Buffer.from(`idNumber\r\n${f.idNumber}\r\n`, 'utf8'),
      { 'content-type': 'text/csv' },
    );
    expect(missing.json<{ errors: { column: string }[] }>().errors.map((e) => e.column)).toEqual([
      'graduatedOn',
      'institution',
    ]);
    for (const kind of ['constructor', '__proto__', 'toString']) {
      const res = await clerk.request(
        'POST',
        `/api/v1/reference-snapshots/${kind}?takenOn=2026-11-20&source=${encodeURIComponent('某部门')}`,
        Buffer.from('idNumber\r\n', 'utf8'),
        { 'content-type': 'text/csv' },
      );
      expect(res.statusCode, kind).toBe(404);
    }
    const stored = await app.database.db.selectFrom('reference_snapshot').select('id').execute();
    expect(stored).toHaveLength(0);
  });

  it('held by the records: verified in the preview, nothing declared, and accepted with no diploma to confirm', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    expectOk(await loadGraduates([`${f.idNumber},2024-06-30,university`]), 201);

    const res = await preview(f.client, { subsidy: 'one-time-startup', claim: { businessCreditCode: f.code } });
    expectOk(res);
    const p = res.json<Preview>();
    expect(p.eligible).toBe(true);
    expect(graduation(p.facts).map((e) => e.provenance)).toEqual(['verified']);
    expect(graduation(p.facts)[0]?.source.zh).toContain('教育部门毕业生数据（2026-11-20 快照）');

    // A declaration sent anyway is not put to the clerk: the records already answer it.
    const filed = await file(f.client, f.code);
    expect(filed.declarations).toEqual([]);
    expectOk(await act(clerk, filed.id, 'accept'));
    expectOk(await act(reviewer, filed.id, 'review'));
    // Only this test files a claim verified from the records, so its fact is the only such one.
    const kept = await app.database.db
      .selectFrom('registry_fact')
      .select(['source', 'data', 'provenance'])
      .where('kind', '=', 'graduation')
      .where('source', '=', 'reference')
      .execute();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      source: 'reference',
      data: { date: '2024-06-30', institution: 'university' },
      provenance: { dataset: 'graduate-records', takenOn: '2026-11-20' },
    });
  });

  it('not held by the records: the graduation is still the applicant’s to declare', async () => {
    const f = await founder();
    const other = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    expectOk(await loadGraduates([`${other.idNumber},2024-06-30,university`]), 201);
    const p = (
      await preview(f.client, { subsidy: 'one-time-startup', claim: { businessCreditCode: f.code } })
    ).json<Preview>();
    expect(p.eligible).toBe(false);
    expect(p.needs.map((n) => n.condition)).toContain('FOUNDER_GROUP');
    expect(graduation(p.facts)).toEqual([]);
    const filed = await file(f.client, f.code);
    expect(filed.declarations).toHaveLength(1);
  });
});
