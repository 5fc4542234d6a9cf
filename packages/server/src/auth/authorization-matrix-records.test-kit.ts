import type { Kysely } from 'kysely';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import type { Database } from '../db/schema.js';
import { expectOk, type Client } from '../testing/fixtures.js';
import type { Scope } from './authorization-matrix.table.js';

// Records the authorization matrix's set-up makes through the API: training classes before the
// clock moves, and employment-services records after.

export const OWN = '510104';
export const OTHER = '620102';

let unique = 0;

export const key = () => `${++unique}`.padStart(8, '0');
export async function post<T = { id: string }>(c: Client, url: string, body?: unknown, status = 201): Promise<T> {
  const res = await c.request('POST', url, body);
  expectOk(res, status);
  return res.json<T>();
}
export const regionOf = (s: Scope) => (s === 'own' ? OWN : OTHER);

export interface Training {
  trainee: string;
  traineeIdNumber: string;
  demandItem: string;
  spareDemandItem: string;
  spareUnit: string;
  institution: string;
  spareInstitution: string;
  appliedClass: string;
  approvedClass: string;
  completedClass: string;
}

/** Before the clock moves: the catalogues, and classes that will have ended by the time the matrix runs. */
export async function openClasses(s: Scope, clerk: Client, clerk2: Client): Promise<Training> {
  const region = regionOf(s);
  const traineeIdNumber = idNumber('1995-04-04', 'male', region);
  const trainee = (
    await post(clerk, '/api/v1/people', {
      idNumber: traineeIdNumber,
      name: `学员${region}`,
      regionCode: region,
      facts: [{ kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } }],
    })
  ).id;
  const item = (occupation: string) =>
    post(clerk, '/api/v1/training/demand-catalogue', {
      regionCode: region,
      occupation,
      level: 5,
      trainingKind: 'employment-skills',
      standardFen: 180_000,
      hours: 80,
      urgent: false,
      validFrom: '2026-01-01',
    });
  const unit = async () =>
    (
      await post(clerk, '/api/v1/organisations', {
        creditCode: creditCode(region),
        name: `培训学校${key()}`,
        category: 'training-institution',
        regionCode: region,
      })
    ).id;
  const list = async (organisationId: string, demandItem: string) =>
    (
      await post(clerk, '/api/v1/training/institutions', {
        organisationId,
        address: '示例路1号',
        nature: 'private',
        capacity: 30,
        demandItemIds: [demandItem],
      })
    ).id;
  const demandItem = (await item('电工')).id;
  const spareDemandItem = (await item('焊工')).id;
  const institution = await list(await unit(), demandItem);
  const spareInstitution = await list(await unit(), demandItem);
  const open = async (startsOn: string, endsOn: string) =>
    (
      await post(clerk, '/api/v1/training/classes', {
        institutionId: institution,
        demandItemId: demandItem,
        startsOn,
        endsOn,
        sessions: 2,
        teachingPlan: '理论与实操',
        teachers: [{ name: '王老师', qualification: '技师' }],
        resources: [],
        assessmentPlan: '实操考核',
        roster: [{ idNumber: traineeIdNumber, name: `学员${region}` }],
      })
    ).id;
  const appliedClass = await open('2026-12-01', '2026-12-05');
  const approvedClass = await open('2026-11-02', '2026-11-06');
  // A day later than the approved one: the same opening twice is refused as a double submission.
  const completedClass = await open('2026-11-03', '2026-11-06');
  for (const id of [approvedClass, completedClass])
    await post(clerk2, `/api/v1/training/classes/${id}/decision`, { approve: true }, 200);
  return {
    trainee,
    traineeIdNumber,
    demandItem,
    spareDemandItem,
    spareUnit: await unit(),
    institution,
    spareInstitution,
    appliedClass,
    approvedClass,
    completedClass,
  };
}

/**
 * A graduate registered unemployed (so a case opens), a spare registration, and certifications
 * filed and certified. The other region (甘肃 城关区) has no category list in force, so its
 * certifications are written directly: the routes only have to not find them.
 */
export async function employmentRecords(
  s: Scope,
  clerk: Client,
  reviewer: Client,
  deps: { db: Kysely<Database>; freshPerson: (s: Scope, facts?: unknown[]) => Promise<string> },
) {
  const { db, freshPerson } = deps;
  const region = regionOf(s);
  const register = async (personId: string) =>
    (
      await post(clerk, '/api/v1/employment-services/registrations', {
        personId,
        kind: 'unemployment',
        regionCode: region,
        basis: 'residence',
        startsOn: '2026-11-01',
      })
    ).id;
  const registrant = await freshPerson(s, [
    { kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } },
  ]);
  const registration = await register(registrant);
  const spareRegistration = await register(await freshPerson(s));
  const assistanceCase = (
    await db.selectFrom('assistance_case').select('id').where('person_id', '=', registrant).executeTakeFirstOrThrow()
  ).id;
  const file = async () => {
    const personId = await freshPerson(s);
    if (s === 'own')
      return (
        await post(clerk, '/api/v1/employment-services/certifications', {
          personId,
          category: 'disabled',
          evidence: '残疾人证',
        })
      ).id;
    const row = {
      person_id: personId,
      region_code: region,
      category: 'disabled',
      evidence: '残疾人证',
      state: 'filed' as const,
      filed_by: clerk.accountId,
    };
    return (await db.insertInto('hardship_certification').values(row).returning('id').executeTakeFirstOrThrow()).id;
  };
  const certification = await file();
  const certified = await file();
  if (s === 'own')
    await post(reviewer, `/api/v1/employment-services/certifications/${certified}/decision`, { certify: true }, 200);
  else
    await db
      .updateTable('hardship_certification')
      .set({ state: 'certified', decided_by: reviewer.accountId, valid_from: '2026-11-23' })
      .where('id', '=', certified)
      .execute();
  return { registrant, registration, spareRegistration, certification, certified, assistanceCase };
}

/**
 * The labour market's records: a posting the region's clerk posts for the region's unit, published
 * directly (a second clerk would review it), a spare one left waiting, the registrant's job-seeking
 * profile, and their referral to the posting.
 */
export async function labourRecords(
  s: Scope,
  clerk: Client,
  reviewer: Client,
  deps: { db: Kysely<Database>; organisation: string; registrant: string },
) {
  const region = regionOf(s);
  const job = {
    organisationId: deps.organisation,
    title: `数控车工${region}`,
    occupationCode: '6-18-01-01',
    headcount: 2,
    payMinFen: 450_000,
    payMaxFen: 650_000,
    regionCode: region,
    place: '示例路1号',
    requirements: '',
    description: '',
    contact: '人事部',
    validFrom: '2026-11-23',
    validTo: '2027-01-31',
  };
  const posting = (await post(clerk, '/api/v1/labour-market/postings', job)).id;
  // Another job of the unit: the same one twice is refused (DUPLICATE_POSTING).
  const sparePosting = (await post(clerk, '/api/v1/labour-market/postings', { ...job, title: `数控铣工${region}` })).id;
  await deps.db
    .updateTable('job_posting')
    .set({ state: 'published', reviewed_by: reviewer.accountId, reviewed_at: new Date() })
    .where('id', '=', posting)
    .execute();
  const seeker = (
    await clerk.request('PUT', '/api/v1/labour-market/seekers', {
      personId: deps.registrant,
      regionCode: region,
      occupationCodes: ['6-18-01-01'],
      payMinFen: 400_000,
      availableFrom: '2026-11-23',
      skills: '',
    })
  ).json<{ id: string }>().id;
  const referral = (
    await post(clerk, '/api/v1/labour-market/referrals', { seekerId: seeker, postingId: posting, note: '' })
  ).id;
  // A gig station (零工驿站) run by the region's unit, a gig it posted (published directly) and a worker it registered.
  const gigStation = (
    await post(clerk, '/api/v1/labour-market/gig-stations', {
      name: `驿站${region}`,
      regionCode: region,
      operatorId: deps.organisation,
      address: '示例路2号',
      openedOn: '2026-06-01',
    })
  ).id;
  const gig = (
    await post<{ posting: { id: string } }>(clerk, `/api/v1/labour-market/gig-stations/${gigStation}/gigs`, {
      ...job,
      payUnit: 'day',
      payMinFen: 20_000,
      payMaxFen: 25_000,
      validTo: '2026-12-10',
    })
  ).posting.id;
  await deps.db
    .updateTable('job_posting')
    .set({ state: 'published', reviewed_by: reviewer.accountId, reviewed_at: new Date() })
    .where('id', '=', gig)
    .execute();
  const gigWorker = (
    await clerk.request('PUT', `/api/v1/labour-market/gig-stations/${gigStation}/workers`, {
      personId: deps.registrant,
      skills: '',
      registeredOn: '2026-11-23',
    })
  ).json<{ id: string }>().id;
  // A live stream presenting the posting, running at the matrix's 10:00; one that ended yesterday.
  const stream = {
    kind: 'live-stream',
    title: `直播带岗${region}`,
    regionCode: region,
    base: '直播基地',
    brand: '就选',
    anchor: '主播',
    postingIds: [posting],
  };
  const event = (
    await post(clerk, '/api/v1/labour-market/events', {
      ...stream,
      startsAt: '2026-11-23T08:00:00+08:00',
      endsAt: '2026-11-23T18:00:00+08:00',
    })
  ).id;
  const pastEvent = (
    await post(clerk, '/api/v1/labour-market/events', {
      ...stream,
      startsAt: '2026-11-22T08:00:00+08:00',
      endsAt: '2026-11-22T10:00:00+08:00',
    })
  ).id;
  return { posting, sparePosting, seeker, referral, gigStation, gig, gigWorker, event, pastEvent };
}
