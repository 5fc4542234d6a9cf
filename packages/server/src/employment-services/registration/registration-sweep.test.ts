import { addDays } from '@huimin/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
const today = '2026-11-23';
let app: TestApp;
let clerk: Client, supervisor: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'sw-clerk', ['clerk'], '510104');
  supervisor = await staff(app, 'sw-supervisor', ['supervisor'], '510104');
});
afterAll(() => app.close());

/** Someone with a first skill certificate from ten days ago, registered unemployed since June. */
async function unemployedWithCertificate(name: string): Promise<string> {
  const certificate = {
    id: `ZS-${name}`,
    kind: 'skill-level',
    occupation: '电工',
    level: 5,
    issuedOn: addDays(today, -10),
    firstEvaluation: true,
  };
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1990-04-04'),
    name,
    regionCode: '510104',
    facts: [{ kind: 'certificate', data: certificate }],
  });
  expectOk(res, 201);
  const id = res.json<{ id: string }>().id;
  const registration = {
    personId: id,
    kind: 'unemployment',
    regionCode: '510104',
    basis: 'residence',
    startsOn: '2026-06-01',
  };
  expectOk(await clerk.request('POST', '/api/v1/employment-services/registrations', registration), 201);
  return id;
}

async function sweepOffers(): Promise<Set<string>> {
  const actor = await app.sessions.actorOf(supervisor.accountId, null);
  const job = await app.sweeps.start(actor);
  await app.sweeps.run(job.id, actor);
  const rows = await app.database.db
    .selectFrom('offer')
    .select('person_id')
    .where('subsidy_id', '=', 'skill-evaluation')
    .execute();
  return new Set(rows.map((r) => r.person_id ?? ''));
}

describe('the sweep (政策找人) reads registrations', () => {
  it('employment registered → the unemployment ends → the sweep stops offering the skill-evaluation subsidy it required', async () => {
    const stillUnemployed = await unemployedWithCertificate('甲');
    const hired = await unemployedWithCertificate('乙');
    // Registered unemployed (one of 六类人员, 财社〔2023〕181号 第六条) when certified: both are offered it.
    expect(await sweepOffers()).toEqual(new Set([stillUnemployed, hired]));

    // 乙's labour contract began before the certificate: registered now, it ends the unemployment the day before.
    const work = {
      personId: hired,
      kind: 'employment',
      employmentKind: 'labour-contract',
      employerCreditCode: '91510104MA0000001E',
      regionCode: '510104',
      basis: 'residence',
      startsOn: addDays(today, -20),
    };
    expectOk(await clerk.request('POST', '/api/v1/employment-services/registrations', work), 201);

    // A fresh round of offers: only 甲 is offered it now.
    await app.database.db.deleteFrom('offer').execute();
    expect(await sweepOffers()).toEqual(new Set([stillUnemployed]));
  });
});
