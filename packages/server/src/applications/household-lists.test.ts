import { describe, expect, it } from 'vitest';
import { expectOk, type Client } from '../testing/fixtures.js';
import { app, clerk, founder } from './applicant-facts.test-kit.js';
import { fileOnline } from './online-filing.test-kit.js';

/**
 * 免证办 for hardship and poverty statuses (issue 17; 181号 第二十三条): the 民政 lists of 低保 and
 * 特困 and the 乡村振兴 lists of 脱贫人口 and 防止返贫监测对象 the bureau loads say who holds the
 * status and from when, so a graduate of this school year applying for 一次性求职补贴 (181号 第八条)
 * declares nothing the lists hold. Someone the lists do not hold declares it with the certificate,
 * as before. The clock stands at 2026-11-23; the lists are as of 2026-11-20.
 */
type Entry = { provenance: string; summary: { zh: string }; source: { zh: string } };
type Preview = { eligible: boolean; needs: { condition: string }[]; facts: { field: string; entries: Entry[] }[] };
type Filed = { id: string; declarations: { data: { kind: string } }[] };
const statuses = (p: Preview) => p.facts.find((f) => f.field === 'statuses')?.entries ?? [];
const DIBAO_2019 = { kind: 'status', data: { kind: 'dibao-household', from: '2019-03-01' } };

function load(kind: string, header: string, lines: string[], takenOn = '2026-11-20') {
  return clerk.request(
    'POST',
    `/api/v1/reference-snapshots/${kind}?takenOn=${takenOn}&source=${encodeURIComponent('成都市锦江区')}`,
    Buffer.from([header, ...lines].join('\r\n') + '\r\n', 'utf8'),
    { 'content-type': 'text/csv' },
  );
}
const assistance = (lines: string[], takenOn?: string) =>
  load('social-assistance', 'idNumber,status,from,to', lines, takenOn);

/** A graduate of this school year (June 2027), as the graduate records hold them. */
async function graduating(): Promise<{ client: Client; idNumber: string }> {
  const f = await founder();
  expectOk(
    await load('graduate-records', 'idNumber,graduatedOn,institution', [`${f.idNumber},2027-06-30,university`]),
    201,
  );
  return f;
}
const preview = async (c: Client, declarations: object[] = []) => {
  const res = await c.request('POST', '/api/v1/applications/decision-preview', {
    subsidy: 'one-time-job-seeking',
    declarations,
  });
  expectOk(res);
  return res.json<Preview>();
};
let n = 0;
const fileJobSeeking = async (c: Client, declarations: object[] = []) => {
  const res = await fileOnline(c, {
    subsidy: 'one-time-job-seeking',
    declarations,
    idempotencyKey: `job-seeking-${++n}-key`,
    submit: true,
  });
  expectOk(res);
  return res.json<Filed>();
};
const keptStatuses = (personIdNumber: string) =>
  app.database.db
    .selectFrom('registry_fact')
    .innerJoin('person', 'person.id', 'registry_fact.person_id')
    .select(['registry_fact.data', 'registry_fact.source', 'registry_fact.provenance', 'registry_fact.retracted_at'])
    .where('registry_fact.kind', '=', 'status')
    .where('person.id_number_hmac', '=', app.vault.lookupHash('id-number', personIdNumber))
    .orderBy('registry_fact.recorded_at')
    .execute();

describe('the household and poverty lists, as the bureau loads them', () => {
  it('a list with bad rows is refused whole, every problem named by row and column', async () => {
    const f = await founder();
    const res = await assistance([
      `${f.idNumber},dibao-household,2019-03-01,`,
      `${f.idNumber},dibao-household,2020-01-01,`,
      `${f.idNumber},poverty-alleviated,2019-03-01,`,
      `${f.idNumber.slice(0, 17)}0,tekun,2019-03-01,`,
      `${f.idNumber},tekun,2021-05-01,2021-04-30`,
      `${f.idNumber},tekun,,`,
    ]);
    expect(res.statusCode).toBe(422);
    const errors = res.json<{ errors: { row: number; column: string }[] }>().errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'idNumber'], // 低保 twice for one person
      [4, 'status'], // 脱贫人口 is on the 乡村振兴 list, not the 民政 one
      [5, 'idNumber'], // check digit wrong
      [6, 'to'], // left before joining
      [7, 'from'],
      [7, 'idNumber'], // 特困 twice
    ]);
    const stored = await app.database.db
      .selectFrom('reference_snapshot')
      .select('id')
      .where('kind', '=', 'social-assistance')
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('keeps no ID number: a person is named by the keyed hash, once, with each status the list holds', async () => {
    const f = await founder();
    const res = await load('poverty-monitoring', 'idNumber,status,from,to', [
      `${f.idNumber},poverty-alleviated,2020-12-31,`,
      `${f.idNumber},poverty-monitoring,2024-04-01,`,
    ]);
    expectOk(res, 201);
    const { snapshotId } = res.json<{ snapshotId: string }>();
    const records = await app.database.db
      .selectFrom('reference_record')
      .select(['subject', 'data'])
      .where('snapshot_id', '=', snapshotId)
      .execute();
    expect(records).toEqual([
      {
        subject: app.vault.lookupHash('id-number', f.idNumber),
        data: {
          statuses: [
            { kind: 'poverty-alleviated', from: '2020-12-31' },
            { kind: 'poverty-monitoring', from: '2024-04-01' },
          ],
        },
      },
    ]);
    expect(JSON.stringify(records)).not.toContain(f.idNumber);
  });
});

describe('一次性求职补贴 for a graduate from a household the lists hold', () => {
  it('on the 低保 list on the day: verified, nothing declared, kept at filing with its snapshot', async () => {
    const g = await graduating();
    expectOk(await assistance([`${g.idNumber},dibao-household,2019-03-01,`]), 201);
    const p = await preview(g.client);
    expect(p.eligible).toBe(true);
    expect(statuses(p)).toEqual([
      expect.objectContaining({
        provenance: 'verified',
        source: expect.objectContaining({ zh: '民政部门低保、特困人员名单（2026-11-20 快照）' }),
      }),
    ]);
    // A 低保证 declared anyway is not put to the clerk: the list answers it.
    const filed = await fileJobSeeking(g.client, [DIBAO_2019]);
    expect(filed.declarations).toEqual([]);
    expect(await keptStatuses(g.idNumber)).toEqual([
      expect.objectContaining({
        source: 'reference',
        data: { kind: 'dibao-household', from: '2019-03-01' },
        provenance: expect.objectContaining({ dataset: 'social-assistance', takenOn: '2026-11-20' }),
        retracted_at: null,
      }),
    ]);
  });

  it('a 脱贫人口 under monitoring is verified from the 乡村振兴 list the same way', async () => {
    const g = await graduating();
    expectOk(
      await load('poverty-monitoring', 'idNumber,status,from,to', [`${g.idNumber},poverty-monitoring,2024-04-01,`]),
      201,
    );
    const p = await preview(g.client);
    expect(p.eligible).toBe(true);
    expect(statuses(p).map((e) => [e.provenance, e.summary.zh])).toEqual([
      ['verified', '防止返贫监测对象（2024-04-01 起）'],
    ]);
  });

  it('listed only from after the day (低保 from 1 December): not 低保 on the 23rd, and no declaration changes that', async () => {
    const g = await graduating();
    expectOk(await assistance([`${g.idNumber},dibao-household,2026-12-01,`]), 201);
    const p = await preview(g.client, [DIBAO_2019]);
    expect(p.eligible).toBe(false);
    expect(p.needs.map((x) => x.condition)).toContain('JOB_SEEKING_HARDSHIP');
    expect(statuses(p).map((e) => [e.provenance, e.summary.zh])).toEqual([
      ['verified', '低保家庭成员（2026-12-01 起）'],
    ]);
  });

  it('a status kept from an earlier list gives way to the latest: off the list since the 21st', async () => {
    const g = await graduating();
    expectOk(await assistance([`${g.idNumber},dibao-household,2019-03-01,`], '2026-11-01'), 201);
    await fileJobSeeking(g.client);
    expectOk(await assistance([`${g.idNumber},dibao-household,2019-03-01,2026-11-21`]), 201);
    const p = await preview(g.client);
    expect(p.eligible).toBe(false);
    expect(statuses(p).map((e) => e.summary.zh)).toEqual(['低保家庭成员（2019-03-01 至 2026-11-21）']);
    // Filing another claim (a draft for another subsidy), the registry follows the list: the open status is retracted.
    const other = await g.client.request('POST', '/api/v1/applications', {
      subsidy: 'labour-export-transport',
      claim: {},
      idempotencyKey: `transport-${++n}-key`,
    });
    expectOk(other, 201);
    const kept = await keptStatuses(g.idNumber);
    expect(kept.filter((k) => k.retracted_at === null).map((k) => k.data)).toEqual([
      { kind: 'dibao-household', from: '2019-03-01', to: '2026-11-21' },
    ]);
  });

  it('not on the lists: the 低保 status is declared with the certificate, as before, and put to the clerk', async () => {
    const g = await graduating();
    const other = await founder();
    expectOk(await assistance([`${other.idNumber},tekun,2018-01-01,`]), 201);
    const bare = await preview(g.client);
    expect(bare.eligible).toBe(false);
    expect(statuses(bare)).toEqual([]);
    const declared = await preview(g.client, [DIBAO_2019]);
    expect(declared.eligible).toBe(true);
    expect(statuses(declared).map((e) => e.provenance)).toEqual(['declared']);
    const filed = await fileJobSeeking(g.client, [DIBAO_2019]);
    expect(filed.declarations.map((d) => d.data.kind)).toEqual(['dibao-household']);
    expect(await keptStatuses(g.idNumber)).toEqual([]);
  });
});
