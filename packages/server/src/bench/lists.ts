import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, maskIdNumber, residentIdCheckChar } from '@huimin/policy';
import { sql } from 'kysely';
import { buildServices } from '../app/build-app.js';
import type { Worklist } from '../applications/application-list.schemas.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { migrate, openDatabase } from '../db/database.js';
import { seedReferenceData } from '../demo/seed.js';
import { Vault } from '../security/vault.js';
import { wholeNumberOption } from './options.js';

/**
 * `npm run bench:lists [-- --n 100000 --runs 30]`: N applications in one county (锦江区), each with
 * its applicant and a filing event carrying the engine's decision, a tenth of them reviewed by one
 * reviewer; then the worklist's main queries, each run `runs` times, printed as p50 / p95 in
 * milliseconds of server time (the service call, without HTTP). A benchmark prints; it never fails
 * on a time.
 */
const n = wholeNumberOption('n', 100_000);
const runs = wholeNumberOption('runs', 30);

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞'];
const SUBSIDIES = ['one-time-job-seeking', 'vocational-training', 'skill-evaluation', 'social-insurance-flexible'];
const STATES = ['submitted', 'accepted', 'reviewed', 'approved', 'payable', 'paid'];
const region = '510104';

const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-lists-'));
const database = await openDatabase({ dataDir: dir });
const db = database.db;
const vault = Vault.random();
const services = buildServices({ db, vault });

/** The n-th person's ID number: unique and valid, a birth date per thousand people. */
function idNumberOf(i: number): string {
  const first17 = `${region}${addDays('1970-01-01', Math.floor(i / 1000)).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

async function seed(): Promise<{ clerk: Actor; cityClerk: Actor; reviewer: Actor }> {
  await migrate(db);
  await seedReferenceData(db);
  const hash = await hashPassword('Bench-pass-2026');
  const account = (username: string, roles: string[], regionCode: string) =>
    db
      .insertInto('account')
      .values({ username, display_name: username, roles, region_code: regionCode, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
  const clerk = await account('bench-clerk', ['clerk'], region);
  const cityClerk = await account('bench-city-clerk', ['clerk'], '510100');
  const reviewer = await account('bench-reviewer', ['reviewer'], '510100');
  for (let start = 0; start < n; start += 2000) {
    const size = Math.min(2000, n - start);
    const people = Array.from({ length: size }, (_, k) => {
      const i = start + k;
      const number = idNumberOf(i);
      return {
        id_number_hmac: vault.lookupHash('id-number', number),
        id_number_cipher: vault.encrypt(number),
        id_number_masked: maskIdNumber(number),
        name: `${SURNAMES[i % 16] ?? ''}${GIVEN[Math.floor(i / 16) % 16] ?? ''}${GIVEN[Math.floor(i / 256) % 16] ?? ''}`,
        sex: 'male' as const,
        birth_date: '1970-01-01',
        retirement_category: 'male' as const,
        region_code: region,
      };
    });
    const ids = await db.insertInto('person').values(people).returning('id').execute();
    const apps = await db
      .insertInto('application')
      .values(
        ids.map((p, k) => {
          const i = start + k;
          const submitted = addDays('2026-01-01', i % 330);
          return {
            number: `${region}-2026-${String(i + 1).padStart(7, '0')}`,
            subsidy_id: SUBSIDIES[i % SUBSIDIES.length] ?? '',
            applicant_kind: 'person' as const,
            person_id: p.id,
            organisation_id: null,
            region_code: region,
            period_key: `bench-${i}`,
            claim: '{}',
            state: STATES[i % STATES.length] ?? 'submitted',
            requested_by: clerk.id,
            idempotency_key: `bench-list-${i}`,
            submitted_on: submitted,
            due_on: addDays(submitted, 7),
          };
        }),
      )
      .returning('id')
      .execute();
    const decision = JSON.stringify({ amountFen: 150_000, eligible: true });
    await db
      .insertInto('application_event')
      .values(
        apps.flatMap((a, k) => [
          {
            application_id: a.id,
            seq: 1,
            action: 'submit',
            from_state: 'draft',
            to_state: 'submitted',
            actor_id: clerk.id,
            actor_roles: ['clerk'],
            step: 'application',
            decision,
          },
          ...((start + k) % 10 === 0
            ? [
                {
                  application_id: a.id,
                  seq: 2,
                  action: 'review',
                  from_state: 'accepted',
                  to_state: 'reviewed',
                  actor_id: reviewer.id,
                  actor_roles: ['reviewer'],
                  step: 'review',
                  decision,
                },
              ]
            : []),
        ]),
      )
      .execute();
  }
  const actorOf = (id: string) => services.sessions.actorOf(id, null);
  return {
    clerk: await actorOf(clerk.id),
    cityClerk: await actorOf(cityClerk.id),
    reviewer: await actorOf(reviewer.id),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

try {
  const setup = performance.now();
  const { clerk, cityClerk, reviewer } = await seed();
  await sql`analyze`.execute(db);
  console.log(
    `set-up: ${n.toLocaleString('en-US')} applications in ${region} in ${Math.round((performance.now() - setup) / 1000)} s (not counted)`,
  );
  const queries: [string, Actor, Worklist][] = [
    ['my queue, first page', clerk, { view: 'queue' }],
    ['all, by submission, page 51', cityClerk, { sort: 'submittedOn', order: 'desc', offset: 1000 }],
    ['ID number', clerk, { search: idNumberOf(Math.floor(n / 2)) }],
    ['name starting 王伟', clerk, { search: '王伟' }],
    ['application number', clerk, { search: `${region}-2026-${String(Math.floor(n / 3)).padStart(7, '0')}` }],
    [
      'subsidy + state + dates',
      clerk,
      { subsidy: 'vocational-training', state: 'approved', submittedFrom: '2026-03-01', submittedTo: '2026-05-31' },
    ],
    ['processed by me', reviewer, { view: 'processed' }],
    ['a county from the city', cityClerk, { region, overdue: true, sort: 'number' }],
  ];
  console.log(`${'query'.padEnd(30)} ${'rows'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const [name, actor, q] of queries) {
    const times: number[] = [];
    let total = '';
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const page = await services.applicationLists.worklist(actor, q);
      total = `${page.total}${page.totalIsLowerBound ? '+' : ''}`;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const [p50, p95] = [percentile(times, 50), percentile(times, 95)].map((x) => String(Math.round(x)).padStart(8));
    console.log(`${name.padEnd(30)} ${total.padStart(8)} ${p50} ${p95}`);
  }
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
