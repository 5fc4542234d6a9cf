import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, creditCodeCheckChar, maskIdNumber, residentIdCheckChar, seededRandom } from '@huimin/policy';
import { hashPassword } from '../auth/passwords.js';
import { migrate, openDatabase } from '../db/database.js';
import { seedReferenceData } from '../demo/seed.js';
import { buildServices } from '../app/build-app.js';
import { todayInShanghai } from '../http/today.js';
import { Vault } from '../security/vault.js';

/**
 * `npm run bench:sweep [-- --people 1000000]`: a synthetic registry of N people (with the facts the
 * engine reads: statuses, graduations, employment, contributions) and N/20 units is generated into
 * a fresh embedded database, then the proactive sweep decides every person for every subsidy open
 * to people and records the offers. Prints each stage and people per second, and ends with
 * `sweep: X s` (the sweep alone, not the generation).
 */
const flag = process.argv.indexOf('--people');
const n = flag >= 0 ? Number(process.argv[flag + 1]) : 1_000_000;
if (!Number.isInteger(n) || n <= 0) throw new Error('--people must be a positive whole number');

const secs = (s: number) => {
  const tenths = Math.round(s * 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
};

const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-sweep-'));
const database = await openDatabase({ dataDir: dir });
const db = database.db;
const vault = Vault.random();
const today = todayInShanghai();
const services = buildServices({ db, vault });
const regions = ['510104', '510105', '510106'];

try {
  const t0 = performance.now();
  await migrate(db);
  await seedReferenceData(db);
  const supervisor = await db
    .insertInto('account')
    .values({
      username: 'bench-supervisor',
      display_name: '监督',
      roles: ['supervisor'],
      region_code: '510100',
      password_hash: await hashPassword('Bench-pass-2026'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const units = Math.max(1, Math.floor(n / 20));
  for (let start = 0; start < units; start += 5000) {
    const rows = Array.from({ length: Math.min(5000, units - start) }, (_, k) => {
      const i = start + k;
      const region = regions[i % 3] as string;
      const first17 = `91${region}MA${String(i).padStart(7, '0')}`;
      return {
        credit_code: first17 + (creditCodeCheckChar(first17) as string),
        name: `单位${i}`,
        category: 'enterprise',
        size_class: 'small' as const,
        region_code: region,
      };
    });
    await db.insertInto('organisation').values(rows).execute();
  }

  // People: one in five a graduate this academic year, some from 低保 families; some hard to employ
  // and flexibly employed with contributions; others in work or without any status.
  const rand = seededRandom(1_000_003);
  const graduation = `${Number(today.slice(5, 7)) <= 8 ? today.slice(0, 4) : Number(today.slice(0, 4)) + 1}-06-30`;
  for (let start = 0; start < n; start += 2000) {
    const size = Math.min(2000, n - start);
    const people = Array.from({ length: size }, (_, k) => {
      const i = start + k;
      const region = regions[i % 3] as string;
      const first17 = `${region}${addDays('1970-01-01', Math.floor(i / 1000) % 12_000).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
      const number = first17 + residentIdCheckChar(first17);
      return {
        id_number_hmac: vault.lookupHash('id-number', number),
        id_number_cipher: vault.encrypt(number),
        id_number_masked: maskIdNumber(number),
        name: `居民${i}`,
        sex: (i % 2 === 0 ? 'female' : 'male') as 'female' | 'male',
        birth_date: `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`,
        retirement_category: (i % 2 === 0 ? 'female-cadre' : 'male') as 'female-cadre' | 'male',
        region_code: region,
        hukou_region: region,
        household_id: `H${Math.floor(i / 3)}`,
        rural: i % 4 === 0,
        phone_cipher: null,
        phone_masked: null,
      };
    });
    const ids = await db.insertInto('person').values(people).returning('id').execute();
    const factsOf = (): { kind: string; data: object }[] => {
      const r = rand();
      if (r < 0.2) {
        const graduate = [{ kind: 'graduation', data: { date: graduation, institution: 'university' } }];
        return rand() < 0.3
          ? [...graduate, { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } }]
          : graduate;
      }
      if (r < 0.3)
        return [
          { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-01-01' } },
          { kind: 'employment', data: { kind: 'flexible', from: '2025-01-01' } },
          {
            kind: 'insurance',
            data: {
              fromMonth: '2025-01',
              toMonth: '2026-10',
              payer: 'self',
              pensionFen: 60_000,
              medicalFen: 30_000,
              unemploymentFen: 3_000,
            },
          },
        ];
      if (r < 0.6)
        return [{ kind: 'employment', data: { kind: 'labour-contract', from: '2024-03-01', contractMonths: 36 } }];
      return [];
    };
    const facts = ids.flatMap((p) =>
      factsOf().map((f) => ({
        person_id: p.id,
        organisation_id: null,
        kind: f.kind,
        data: JSON.stringify(f.data),
        source: 'demo' as const,
        recorded_by: null,
      })),
    );
    if (facts.length) await db.insertInto('registry_fact').values(facts).execute();
  }
  console.log(
    `generate         ${secs((performance.now() - t0) / 1000).padStart(7)} s  (${n.toLocaleString('en-US')} people, ${units.toLocaleString('en-US')} units; not counted)`,
  );

  const actor = await services.sessions.actorOf(supervisor.id, null);
  const t1 = performance.now();
  const job = await services.sweeps.start(actor);
  // Each stage's time: people, then units (then filing, where a region marks 免申即享; none here).
  const stages: { phase: string; start: number; done: number }[] = [];
  let last = 0;
  let previousEvent = t1;
  await services.sweeps.run(job.id, actor, {
    onProgress: ({ phase, done, total }) => {
      // A stage starts when the one before it reported its last batch.
      if (stages[stages.length - 1]?.phase !== phase) {
        stages.push({ phase, start: previousEvent, done: 0 });
        last = 0;
      }
      previousEvent = performance.now();
      const stage = stages[stages.length - 1] as { done: number };
      stage.done = done;
      const pct = Math.floor((done * 100) / total);
      if (pct >= last + 10 || done === total) {
        last = pct;
        process.stdout.write(
          `  ${phase.padEnd(7)} ${String(pct).padStart(3)}%  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}\n`,
        );
      }
    },
  });
  const end = performance.now();
  const seconds = (end - t1) / 1000;
  const view = await services.sweeps.get(actor, job.id);
  stages.forEach((stage, i) => {
    const took = ((stages[i + 1]?.start ?? end) - stage.start) / 1000;
    console.log(
      `${stage.phase.padEnd(16)} ${secs(took).padStart(7)} s  ${Math.round(stage.done / took)
        .toLocaleString('en-US')
        .padStart(10)} ${stage.phase === 'units' ? 'units' : 'people'}/s`,
    );
  });
  console.log(
    `sweep            ${secs(seconds).padStart(7)} s  ${Math.round(n / seconds)
      .toLocaleString('en-US')
      .padStart(10)} people/s  (${view.offersCreated.toLocaleString('en-US')} offers)`,
  );
  if (view.peopleDone !== n || view.unitsDone !== units)
    throw new Error(`the sweep saw ${view.peopleDone} of ${n} people and ${view.unitsDone} of ${units} units`);
  console.log(`sweep: ${secs(seconds)} s`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
