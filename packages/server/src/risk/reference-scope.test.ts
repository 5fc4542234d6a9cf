import { beforeAll, describe, expect, it } from 'vitest';
import { app, founder } from '../applications/applicant-facts.test-kit.js';
import { expectOk, staff, type Client } from '../testing/fixtures.js';

/**
 * A reference snapshot belongs to the region of the clerk who loaded it: it serves that region and
 * the regions below it, so a clerk of another province can neither load a dataset for 锦江区 nor
 * shadow the one 锦江区 loaded, however recent theirs. And a file loaded twice is one snapshot.
 */
let gansu: Client, jinjiang: Client, sichuan: Client;
beforeAll(async () => {
  gansu = await staff(app, 'gansu-clerk', ['clerk'], '620102');
  jinjiang = await staff(app, 'jinjiang-clerk', ['clerk'], '510104');
  sichuan = await staff(app, 'sichuan-clerk', ['clerk'], '510000');
});

const upload = (c: Client, kind: string, body: string, takenOn = '2026-11-20') =>
  c.request(
    'POST',
    `/api/v1/reference-snapshots/${kind}?takenOn=${takenOn}&source=${encodeURIComponent('民政部门')}`,
    Buffer.from(body, 'utf8'),
    { 'content-type': 'text/csv' },
  );
const list = (lines: string[]) => ['idNumber,status,from,to', ...lines].join('\r\n') + '\r\n';
type Snapshot = { id: string; kind: string; regionCode: string };
const snapshots = async (c: Client) =>
  (await c.request('GET', '/api/v1/reference-snapshots')).json<{ snapshots: Snapshot[] }>().snapshots;
const dibao = async (c: Client) => {
  const res = await c.request('POST', '/api/v1/applications/decision-preview', { subsidy: 'one-time-job-seeking' });
  expectOk(res);
  const facts = res.json<{ facts: { field: string; entries: { summary: { zh: string } }[] }[] }>().facts;
  return facts.find((f) => f.field === 'statuses')?.entries.map((e) => e.summary.zh) ?? [];
};

describe('a reference snapshot serves the region of the clerk who loaded it', () => {
  it('a later list loaded in 甘肃 neither speaks for nor shadows the one 锦江区 loaded', async () => {
    const f = await founder();
    const own = await upload(
      jinjiang,
      'social-assistance',
      list([`${f.idNumber},dibao-household,2019-03-01,`]),
      '2026-11-01',
    );
    expectOk(own, 201);
    // 甘肃's list is newer and says otherwise; it is 甘肃's alone.
    expectOk(
      await upload(gansu, 'social-assistance', list([`${f.idNumber},dibao-household,2019-03-01,2020-01-01`])),
      201,
    );
    expect(await dibao(f.client)).toEqual(['低保家庭成员（2019-03-01 起）']);
    // The province's newer list serves every county in it, 锦江区 included.
    expectOk(await upload(sichuan, 'social-assistance', list([`${f.idNumber},tekun,2018-01-01,`])), 201);
    expect(await dibao(f.client)).toEqual(['特困人员（2018-01-01 起）']);
  });

  it('each clerk sees the snapshots serving their region and those loaded below it, each with its region', async () => {
    const f = await founder();
    for (const c of [jinjiang, sichuan, gansu])
      expectOk(await upload(c, 'deaths', `idNumber,date\r\n${f.idNumber},2026-11-02\r\n`), 201);
    const regions = async (c: Client) => new Set((await snapshots(c)).map((s) => s.regionCode));
    expect(await regions(gansu)).toEqual(new Set(['620102']));
    expect(await regions(jinjiang)).toEqual(new Set(['510104', '510000']));
    expect(await regions(sichuan)).toEqual(new Set(['510104', '510000']));
  });
});

describe('a file loaded twice is one snapshot', () => {
  it('the same rows for the same day answer with the first load, in any order or layout', async () => {
    const [a, b] = [await founder(), await founder()];
    const rows = [`${a.idNumber},dibao-household,2019-03-01,`, `${b.idNumber},tekun,2018-01-01,`];
    const first = await upload(jinjiang, 'social-assistance', list(rows), '2026-11-15');
    expectOk(first, 201);
    const again = await upload(jinjiang, 'social-assistance', list(rows), '2026-11-15');
    expectOk(again, 200);
    expect(again.json()).toEqual(first.json());
    // The same rows reordered, columns swapped: the same content.
    const swapped = `status,idNumber,from\r\ntekun,${b.idNumber},2018-01-01\r\ndibao-household,${a.idNumber},2019-03-01\r\n`;
    const third = await upload(jinjiang, 'social-assistance', swapped, '2026-11-15');
    expectOk(third, 200);
    expect(third.json()).toEqual(first.json());
    const { snapshotId } = first.json<{ snapshotId: string }>();
    const stored = await app.database.db
      .selectFrom('reference_snapshot')
      .select('id')
      .where('kind', '=', 'social-assistance')
      .where('taken_on', '=', '2026-11-15')
      .execute();
    expect(stored.map((s) => s.id)).toEqual([snapshotId]);
    const records = await app.database.db
      .selectFrom('reference_record')
      .select('subject')
      .where('snapshot_id', '=', snapshotId)
      .execute();
    expect(records).toHaveLength(2);
  });

  it('the same rows as of another day, or loaded by another region, are a snapshot of their own', async () => {
    const f = await founder();
    const rows = list([`${f.idNumber},dibao-household,2019-03-01,`]);
    const first = await upload(jinjiang, 'social-assistance', rows, '2026-11-10');
    expectOk(first, 201);
    const later = await upload(jinjiang, 'social-assistance', rows, '2026-11-11');
    expectOk(later, 201);
    const elsewhere = await upload(gansu, 'social-assistance', rows, '2026-11-10');
    expectOk(elsewhere, 201);
    const ids = [first, later, elsewhere].map((r) => r.json<{ snapshotId: string }>().snapshotId);
    expect(new Set(ids).size).toBe(3);
  });
});
