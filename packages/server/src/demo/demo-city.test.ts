import { addMonths } from '@huimin/policy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-trail.js';
import { STATES } from '../applications/workflow.js';
import { todayInShanghai } from '../http/today.js';
import { login } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemoCity } from './demo-city.js';
import { DEMO_APPLICANTS, demoBusinessCode } from './demo-applicants.js';
import { DEMO_SCHOOL } from './demo-training.js';
import { DEMO_EMPLOYER } from './demo-labour-market.js';
import { DEMO_LOAN_STAFF } from './demo-loans.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoCity(app.database.db, app.vault, 600, 40);
}, 120_000);
afterAll(() => app.close());

describe('the demo city', () => {
  it('has applications in every state', async () => {
    const rows = await app.database.db.selectFrom('application').select('state').distinct().execute();
    expect(rows.map((r) => r.state).sort()).toEqual([...STATES].sort());
  });

  it('lets every documented demo account log in, and the clerk finds work waiting, some of it overdue', async () => {
    for (const s of DEMO_STAFF) await login(app, s.username, DEMO_PASSWORD);
    const clerk = await login(app, 'clerk', DEMO_PASSWORD);
    const queue = (await clerk.request('GET', '/api/v1/applications/queue')).json<{
      queue: { state: string; count: number; overdue: number }[];
    }>().queue;
    const submitted = queue.find((q) => q.state === 'submitted');
    expect(submitted?.count).toBeGreaterThan(0);
    const overdue = queue.reduce((n, q) => n + q.overdue, 0);
    const reviewer = await login(app, 'reviewer', DEMO_PASSWORD);
    const reviewQueue = (await reviewer.request('GET', '/api/v1/applications/queue')).json<{
      queue: { overdue: number }[];
    }>().queue;
    expect(overdue + reviewQueue.reduce((n, q) => n + q.overdue, 0)).toBeGreaterThan(0);
  });

  it('gives finance payable applications with payee accounts, so a batch can be made at once', async () => {
    const finance = await login(app, 'finance', DEMO_PASSWORD);
    const res = await finance.request('POST', '/api/v1/payment-batches', { layout: 'generic-csv' });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ batches: unknown[]; missingAccount: unknown[] }>()).toMatchObject({ missingAccount: [] });
    expect(res.json<{ batches: unknown[] }>().batches.length).toBeGreaterThan(0);
  });

  it('runs training at every stage: the school sees its classes, the public its catalogues and certificates, and trainees have been paid', async () => {
    const school = await login(app, DEMO_SCHOOL.username, DEMO_PASSWORD);
    const classes = (await school.request('GET', '/api/v1/training/classes')).json<{
      classes: { id: string; state: string }[];
    }>().classes;
    expect(classes.map((c) => c.state).sort()).toEqual(['applied', 'approved', 'completed']);
    const completed = (
      await school.request('GET', `/api/v1/training/classes/${classes.find((c) => c.state === 'completed')?.id}`)
    ).json<{ trainees: { name: string; certificate?: string; attended: number }[] }>();
    const holder = completed.trainees.find((t) => t.certificate);
    expect(
      (
        await app.http.inject({
          method: 'GET',
          url: `/api/v1/training/certificates/${holder?.certificate}?name=${encodeURIComponent(holder?.name ?? '')}`,
        })
      ).statusCode,
    ).toBe(200);
    const catalogue = (
      await app.http.inject({ method: 'GET', url: '/api/v1/training/demand-catalogue?region=510104&history=true' })
    ).json<{ items: { inForce: boolean; payee: string }[] }>().items;
    expect(catalogue.filter((i) => !i.inForce)).toHaveLength(1);
    expect(catalogue.some((i) => i.payee === 'institution')).toBe(true);
    const institutions = (
      await app.http.inject({ method: 'GET', url: '/api/v1/training/institutions?region=510100&history=true' })
    ).json<{ institutions: { status: string }[] }>().institutions;
    expect(institutions.map((i) => i.status).sort()).toEqual(['listed', 'listed', 'removed']);
    const paid = await app.database.db
      .selectFrom('application')
      .select('id')
      .where('state', '=', 'paid')
      .where(sql<boolean>`claim->>'certificateId' like 'PX510104-%'`)
      .execute();
    expect(paid.length).toBeGreaterThan(0);
    const payees = await app.database.db
      .selectFrom('application')
      .select('id')
      .where('payee_organisation_id', 'is not', null)
      .execute();
    expect(payees.length).toBeGreaterThan(0);
  });

  it('gives the case worker unemployed graduates overdue on their 1+3+1 and an unresolved zero-employment household', async () => {
    const caseWorker = await login(app, 'caseworker', DEMO_PASSWORD);
    type Case = { kind: string; overdue: boolean; closeReason?: string; promise?: { guidanceDone: number } };
    const cases = (await caseWorker.request('GET', '/api/v1/employment-services/cases')).json<{ cases: Case[] }>()
      .cases;
    const graduates = cases.filter((c) => c.kind === 'graduate');
    expect(graduates.filter((c) => c.overdue).length).toBeGreaterThanOrEqual(3);
    expect(graduates.some((c) => c.closeReason === 'promise-kept')).toBe(true);
    expect(graduates.some((c) => c.overdue && (c.promise?.guidanceDone ?? 0) > 0)).toBe(true);
    const households = (await caseWorker.request('GET', '/api/v1/employment-services/households')).json<{
      regions: { regionCode: string; open: number }[];
    }>();
    expect(households.regions.find((r) => r.regionCode === '510104')?.open).toBeGreaterThan(0);
    const reviewer = await login(app, 'reviewer', DEMO_PASSWORD);
    const filed = (await reviewer.request('GET', '/api/v1/employment-services/certifications?state=filed')).json<{
      certifications: unknown[];
    }>();
    expect(filed.certifications.length).toBeGreaterThan(0);
  });

  it('has applicants a newcomer can log in as and be found eligible, from the data the bureau holds', async () => {
    const [founder, graduate] = DEMO_APPLICANTS;
    const zhang = await login(app, founder.username, DEMO_PASSWORD);
    type Preview = { eligible: boolean; facts: { field: string; entries: { provenance: string }[] }[] };
    const claim = { businessCreditCode: demoBusinessCode(founder.region) };
    const before = (
      await zhang.request('POST', '/api/v1/applications/decision-preview', { subsidy: 'one-time-startup', claim })
    ).json<Preview>();
    expect(before.eligible).toBe(false);
    expect(before.facts.find((f) => f.field === 'businesses')?.entries.map((e) => e.provenance)).toEqual(['verified']);
    // The business was founded 14 months ago; a graduate of the year before that qualifies.
    const graduated = {
      kind: 'graduation',
      data: { date: addMonths(todayInShanghai(), -26), institution: 'university' },
    };
    const after = await zhang.request('POST', '/api/v1/applications/decision-preview', {
      subsidy: 'one-time-startup',
      claim,
      declarations: [graduated],
    });
    expect(after.json<Preview>().eligible).toBe(true);
    // The city's standard is the demo's, and the decision says so (a real bureau sets its own).
    const standard = after
      .json<{ parameters: { parameter: string; source: string; value: number }[] }>()
      .parameters.find((p) => p.parameter === 'startup.amount');
    expect(standard).toMatchObject({ source: 'example', value: 1_000_000 });
    const li = await login(app, graduate.username, DEMO_PASSWORD);
    const job = (
      await li.request('POST', '/api/v1/applications/decision-preview', { subsidy: 'one-time-job-seeking' })
    ).json<Preview>();
    expect(job.eligible).toBe(true);
    // Her graduation and 低保 status come from the graduate records and the 民政 list, not a declaration.
    for (const field of ['graduation', 'statuses'])
      expect(job.facts.find((f) => f.field === field)?.entries.map((e) => e.provenance)).toEqual(['verified']);
  });

  it('has an applicant the sweep found (免申即享): his offer waits to be confirmed; 李娜, registered after, has none', async () => {
    const [, graduate, offered] = DEMO_APPLICANTS;
    type Offers = { offers: { subsidy: string; state: string; amountFen: number }[] };
    const liu = await login(app, offered.username, DEMO_PASSWORD);
    expect((await liu.request('GET', '/api/v1/offers')).json<Offers>().offers).toEqual([
      expect.objectContaining({ subsidy: 'one-time-job-seeking', state: 'open', amountFen: 150_000 }),
    ]);
    const li = await login(app, graduate.username, DEMO_PASSWORD);
    expect((await li.request('GET', '/api/v1/offers')).json<Offers>().offers).toEqual([]);
  });

  it('has a labour market: open jobs on the board, seekers, referrals, and an employer with answered referrals', async () => {
    const board = (await app.http.inject({ method: 'GET', url: '/api/v1/labour-market/jobs?region=510100' })).json<{
      total: number;
    }>();
    expect(board.total).toBeGreaterThan(20);
    const clerk = await login(app, 'clerk', DEMO_PASSWORD);
    const waiting = (await clerk.request('GET', '/api/v1/labour-market/postings?state=submitted')).json<{
      postings: unknown[];
    }>();
    expect(waiting.postings.length).toBeGreaterThan(0);
    const seekers = (await clerk.request('GET', '/api/v1/labour-market/seekers')).json<{ seekers: unknown[] }>();
    expect(seekers.seekers.length).toBeGreaterThan(0);
    const employer = await login(app, DEMO_EMPLOYER.username, DEMO_PASSWORD);
    const mine = (await employer.request('GET', '/api/v1/labour-market/my-postings')).json<{
      postings: { state: string }[];
    }>();
    expect(mine.postings.map((p) => p.state).sort()).toEqual(['published', 'refused']);
    const answered = (await employer.request('GET', '/api/v1/labour-market/my-referrals')).json<{
      referrals: { state: string; registrationId?: string }[];
    }>().referrals;
    expect(answered.map((r) => r.state).sort()).toEqual(['hired', 'interview', 'refused']);
    expect(answered.find((r) => r.state === 'hired')?.registrationId).toBeDefined();
  });

  it('has a gig station with open gigs on the board, registered workers and a month of placements', async () => {
    const gigs = (await app.http.inject({ method: 'GET', url: '/api/v1/labour-market/gigs?region=510104' })).json<{
      gigs: unknown[];
    }>();
    expect(gigs.gigs).toHaveLength(6);
    const clerk = await login(app, 'clerk', DEMO_PASSWORD);
    const [station] = (await clerk.request('GET', '/api/v1/labour-market/gig-stations')).json<{
      stations: { id: string }[];
    }>().stations;
    const workers = (await clerk.request('GET', `/api/v1/labour-market/gig-stations/${station?.id}/workers`)).json<{
      workers: unknown[];
    }>();
    expect(workers.workers).toHaveLength(12);
    const months = [todayInShanghai().slice(0, 7), addMonths(todayInShanghai(), -1).slice(0, 7)];
    let matches = 0;
    for (const month of months)
      matches += (
        await clerk.request('GET', `/api/v1/labour-market/gig-stations/${station?.id}/figures?month=${month}`)
      ).json<{ matches: number }>().matches;
    expect(matches).toBe(8);
    const events = (await clerk.request('GET', '/api/v1/labour-market/events')).json<{
      events: { kind: string; postingIds: unknown[]; results?: { hires: number } }[];
    }>().events;
    expect(events.map((e) => [e.kind, e.postingIds.length, e.results?.hires])).toEqual([['live-stream', 10, 9]]);
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(app.database.db, app.vault)).firstBreak).toBeNull();
  });

  it('has start-up loans in every state, a quarter subsidised and paid to the bank, and their officers log in', async () => {
    const states = await app.database.db.selectFrom('loan').select('state').distinct().execute();
    expect(states.map((r) => r.state).sort()).toEqual([
      'active',
      'applied',
      'compensated',
      'defaulted',
      'guarantee-refused',
      'guaranteed',
      'not-qualified',
      'qualified',
      'repaid',
    ]);
    const bank = await login(app, DEMO_LOAN_STAFF[0].username, DEMO_PASSWORD);
    const loans = (await bank.request('GET', '/api/v1/loans')).json<{ subsidyPaidFen: number }[]>();
    expect(loans.reduce((n, l) => n + l.subsidyPaidFen, 0)).toBeGreaterThan(0);
    await login(app, DEMO_LOAN_STAFF[1].username, DEMO_PASSWORD);
  });
});
