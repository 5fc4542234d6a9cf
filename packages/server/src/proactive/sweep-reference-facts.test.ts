import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { recordFact } from '../registry/registry-fact-repository.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * 政策找人 from the datasets the bureau loads (decision 022): graduates of this school year from 低保
 * families qualify for 一次性求职补贴 (181号 第八条). The sweep finds those the 民政 list serving
 * 锦江区 holds, and those the graduate records show graduating, before anyone applies or records a
 * fact, as filing would verify them. The clock stands at 2026-11-23; the datasets are as of 2026-11-20.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, gansu: Client, supervisor: Client;
const graduate = { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } };
const dibao = { kind: 'status', data: { kind: 'dibao-household', from: '2019-03-01' } };
const people = {
  listed: idNumber('2004-05-05'),
  unlisted: idNumber('2004-05-05'),
  leftTheList: idNumber('2004-05-05'),
  recordedByHand: idNumber('2004-05-05'),
  listedInGansuOnly: idNumber('2004-05-05'),
  graduationInRecordsOnly: idNumber('2004-05-05'),
};

async function person(id: string, facts: object[]): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: id,
    name: '毕业生',
    regionCode: '510104',
    facts,
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

const assistanceList = (c: Client, ids: string[]) =>
  c.request(
    'POST',
    `/api/v1/reference-snapshots/social-assistance?takenOn=2026-11-20&source=${encodeURIComponent('民政部门')}`,
    Buffer.from(
      ['idNumber,status,from,to', ...ids.map((id) => `${id},dibao-household,2019-03-01,`)].join('\r\n'),
      'utf8',
    ),
    { 'content-type': 'text/csv' },
  );

const offered = async () =>
  (
    await app.database.db
      .selectFrom('offer')
      .innerJoin('person', 'person.id', 'offer.person_id')
      .select('person.id_number_hmac')
      .where('offer.subsidy_id', '=', 'one-time-job-seeking')
      .execute()
  ).map((r) => r.id_number_hmac);
const hmac = (id: string) => app.vault.lookupHash('id-number', id);

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'list-clerk', ['clerk'], '510104');
  gansu = await staff(app, 'list-gansu', ['clerk'], '620102');
  supervisor = await staff(app, 'list-supervisor', ['supervisor'], '510104');
  await person(people.listed, [graduate]);
  await person(people.unlisted, [graduate]);
  await person(people.recordedByHand, [graduate, dibao]);
  await person(people.listedInGansuOnly, [graduate]);
  // Verified from an earlier 民政 list at a filing; the latest list no longer holds it.
  const left = await person(people.leftTheList, [graduate]);
  await app.database.db.transaction().execute((trx) =>
    recordFact(trx, {
      personId: left,
      kind: 'status',
      data: dibao.data,
      source: 'reference',
      recordedBy: supervisor.accountId,
      provenance: { dataset: 'social-assistance', snapshotId: 'earlier', takenOn: '2026-05-20', source: '民政部门' },
    }),
  );
  // On the 民政 list; the graduation is in the graduate records, not on record.
  await person(people.graduationInRecordsOnly, []);
  expectOk(await assistanceList(clerk, [people.listed, people.graduationInRecordsOnly]), 201);
  const records = ['idNumber,graduatedOn,institution', `${people.graduationInRecordsOnly},2027-06-30,university`];
  expectOk(
    await clerk.request(
      'POST',
      `/api/v1/reference-snapshots/graduate-records?takenOn=2026-11-20&source=${encodeURIComponent('教育部门')}`,
      Buffer.from(records.join('\r\n'), 'utf8'),
      { 'content-type': 'text/csv' },
    ),
    201,
  );
  expectOk(await assistanceList(gansu, [people.listedInGansuOnly]), 201);
});
afterAll(() => app.close());

describe('the sweep reads the household lists', () => {
  // In a deciding thread the main thread looks the datasets up from the rows alone and assembles
  // only the batches a dataset completes: the same people must be offered either way.
  it.each([
    ['on the main thread', false],
    ['in a deciding thread', true],
  ])(
    'offers those the datasets serving their region show; not one who left the list; a hand-recorded status stands (%s)',
    async (_, inThread) => {
      await app.database.db.deleteFrom('offer').execute();
      app.sweeps.useDecidingThread(inThread);
      const actor = await app.sessions.actorOf(supervisor.accountId, null);
      const job = await app.sweeps.start(actor);
      await app.sweeps.run(job.id, actor, { batchSize: 2 });
      expect(await app.sweeps.get(actor, job.id)).toMatchObject({ state: 'done' });
      expect(new Set(await offered())).toEqual(
        new Set([hmac(people.listed), hmac(people.recordedByHand), hmac(people.graduationInRecordsOnly)]),
      );
    },
  );
});
