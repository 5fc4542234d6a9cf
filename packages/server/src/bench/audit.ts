import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, addMonths } from '@huimin/policy';
import { sql } from 'kysely';
import { AuditService, type AuditQuery } from '../audit/audit-service.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { migrate, openDatabase } from '../db/database.js';
import { buildOnlineIndexes, ONLINE_INDEXES } from '../db/online-indexes.js';
import { todayInShanghai } from '../http/today.js';
import { Vault } from '../security/vault.js';
import { auditorOf } from '../testing/auditor.js';
import { wholeNumberOption } from './options.js';
import { printBeforeAfter, tenths, timed, type Timing } from './timed.js';

/**
 * `npm run bench:audit [-- --entries 2000000 --runs 9]`: a province's audit trail (issue 21, item 4;
 * 等保's 安全审计 asks that it can be searched) searched as a city's auditor: the newest page, a
 * county's, one person's actions, two people's by part of a name, one action, an action family, a
 * month a year ago, and one record.
 * The trail is written first (not timed) with the online indexes not built, each search is timed,
 * then the online indexes are built (timed) and each search is timed again: the baseline is the same
 * trail in the same run. A month a year ago is also timed by its times alone, as searched before
 * migration 0059, and an audited append without and with what the searches need (the indexes, the
 * time-order trigger). On the embedded database by default; `DATABASE_URL` (an empty database) for
 * PostgreSQL.
 */
const entries = wholeNumberOption('entries', 2_000_000);
const runs = wholeNumberOption('runs', 9);
const APPENDS = 500;

const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-audit-'));
const database = await openDatabase({
  dataDir: dir,
  ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
});
const db = database.db;

/** The city's auditor; a search reads only the actor's region. */
const auditor: Actor = auditorOf('510100', 'bench-auditor');

/**
 * The trail's two years end where this month begins (an audited append now comes after them, in
 * time order as migration 0059 keeps it); "a month a year ago" is this month's a year before.
 */
const thisMonth = `${todayInShanghai().slice(0, 7)}-01`;
const trailStart = addMonths(thisMonth, -24);
const monthAgo = { from: addMonths(thisMonth, -12), to: addDays(addMonths(thisMonth, -11), -1) };
const shanghai = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Two years of a province's changes, oldest first, about one a second at its busiest: 510100's
 * districts and ten other cities; 2,000 members of staff, a few of them most of the work; the
 * actions a filing, a review and a payment write, and a few rare ones.
 */
async function fill(): Promise<void> {
  const chunk = 200_000;
  for (let from = 1; from <= entries; from += chunk) {
    const to = Math.min(entries, from + chunk - 1);
    await sql`insert into audit_entry (seq, at, actor_id, actor_name, actor_roles, region_code, action, outcome,
                                       entity_type, entity_id, prev_hash, hash)
      select g, ${shanghai(trailStart)}::timestamptz
                + make_interval(secs => g * ((extract(epoch from ${shanghai(thisMonth)}::timestamptz)
                                             - extract(epoch from ${shanghai(trailStart)}::timestamptz)) / (${entries}::int + 1))::float8),
             null, 'staff-' || ((g * 7919) % (1 + (g % 20) * 100)),
             array['clerk'],
             (array['510104','510105','510106','510107','510108','510112','510300','510400','510500','510600',
                    '510700','510800','510900','511000','511100','511300'])[1 + (g * 31) % 16],
             (array['application.created','application.transition','application.transition','payment.settled',
                    'payment.batch-created','registry.person-created','session.login','session.login',
                    'parameter.set','fund.allocated'])[case when g % 997 = 0 then 9 when g % 499 = 0 then 10
                                                          else 1 + (g * 13) % 8 end],
             'success', 'application', 'app-' || (g / 3), repeat('0', 64), repeat('0', 64)
        from generate_series(${from}::bigint, ${to}::bigint) g`.execute(db);
  }
  await sql`analyze audit_entry`.execute(db);
}

try {
  const setup = performance.now();
  await migrate(db, 'later');
  await fill();
  console.log(
    `set-up ${tenths((performance.now() - setup) / 1000)} s (${entries.toLocaleString('en-US')} audit entries, not counted)`,
  );
  // Migration 0060 lists the trail's distinct names with audited writes waiting: how long on this trail.
  const listing = performance.now();
  await sql`select count(*) from (select distinct region_code, actor_name from audit_entry
             where region_code is not null and actor_name is not null) names`.execute(db);
  console.log(`migration 0060's listing of the trail's names: ${tenths((performance.now() - listing) / 1000)} s`);
  const audit = new AuditService(db, undefined as never);
  const district = auditorOf('510112', 'bench-auditor');
  const asAuditor =
    (q: AuditQuery, who: Actor = auditor) =>
    () =>
      audit.list(who, { ...q, limit: 100 });
  // The search by days as it was before migration 0059: the days' times alone, walking back from the
  // newest entry. Timed beside the search through the ordered part's range, on the same trail.
  const byTimesAlone = () =>
    db
      .selectFrom('audit_entry')
      .selectAll()
      .where('region_code', 'like', '5101%')
      .where('at', '>=', shanghai(monthAgo.from))
      .where('at', '<', shanghai(addDays(monthAgo.to, 1)))
      .orderBy('seq', 'desc')
      .limit(100)
      .execute();
  const searches: [string, () => Promise<{ seq: string }[]>][] = [
    ['the city, newest page', asAuditor({})],
    ['one district (510112), newest page', asAuditor({}, district)],
    ['one member of staff', asAuditor({ actor: 'staff-1234' })],
    ['two, by part of a name (staff-190)', asAuditor({ actor: 'staff-190' })],
    ['one rare action (parameter.set)', asAuditor({ action: 'parameter.set' })],
    ['a common action family (payment.)', asAuditor({ action: 'payment.' })],
    ['a rare action family (parameter.)', asAuditor({ action: 'parameter.' })],
    ['a month a year ago', asAuditor(monthAgo)],
    ['one record', asAuditor({ entityType: 'application', entityId: `app-${Math.floor(entries / 6)}` })],
    ['a month a year ago, by times alone (before 0059)', byTimesAlone],
  ];
  const search = (i: number) => searches[i]![1];
  const vault = Vault.random();
  // Appended as a member of staff of a city the searches do not read (so they find the same before
  // and after), under fifty names: the first fifty add a name to `audit_actor`, the rest find it there.
  let appended = 0;
  const append = () =>
    recordAudit(db, vault, {
      actor: {
        accountId: '00000000-0000-4000-8000-000000000002',
        displayName: `bench-appender-${appended++ % 50}`,
        roles: ['clerk'],
        ip: null,
      },
      regionCode: '511300',
      action: 'bench.append',
    });
  console.log(`load average (1 min) before: ${tenths(loadavg()[0] ?? 0)}`);
  const before: Timing[] = [];
  for (let i = 0; i < searches.length; i++) before.push(await timed(search(i), runs));
  const found = await Promise.all(searches.map((_, i) => search(i)()));
  // What each audited change pays for the search: an append as before session 36 (no search index,
  // neither the time-order trigger nor the one listing actors' names), then with all of them.
  const triggers = ['audit_entry_time_order', 'audit_entry_lists_actor'];
  for (const trigger of triggers) await sql`alter table audit_entry disable trigger ${sql.id(trigger)}`.execute(db);
  const appendBefore = await timed(append, APPENDS);
  for (const trigger of triggers) await sql`alter table audit_entry enable trigger ${sql.id(trigger)}`.execute(db);
  const build = performance.now();
  await buildOnlineIndexes(db, ONLINE_INDEXES);
  const built = performance.now() - build;
  const after: Timing[] = [];
  for (let i = 0; i < searches.length; i++) after.push(await timed(search(i), runs));
  const appendAfter = await timed(append, APPENDS);
  // The searches above are right only on a trail in time order from `ordered_from`: check it held.
  const { rows: breaks } = await sql<{ breaks: string }>`
    select count(*)::text as breaks from (select at < lag(at) over (order by seq) as early, seq from audit_entry) t
     where early and seq >= (select ordered_from from audit_time_order)`.execute(db);
  if (breaks[0]?.breaks !== '0') throw new Error(`the trail broke time order ${breaks[0]?.breaks} times`);
  const same = await Promise.all(
    searches.map(
      async (_, i) =>
        JSON.stringify((await search(i)()).map((e) => e.seq)) === JSON.stringify(found[i]!.map((e) => e.seq)),
    ),
  );
  console.log(`load average (1 min) after: ${tenths(loadavg()[0] ?? 0)}`);
  console.log(
    `\nbench:audit — ${entries.toLocaleString('en-US')} entries, ${runs} searches each, database: ${database.kind}; online indexes built in ${tenths(built / 1000)} s`,
  );
  printBeforeAfter('search (as the city auditor, 100 a page)', [
    ...searches.map(([name], i) => ({
      name,
      found: found[i]!.length,
      before: before[i]!,
      after: after[i]!,
      same: same[i]!,
    })),
    { name: `one audited append (of ${APPENDS})`, found: 1, before: appendBefore, after: appendAfter, same: true },
  ]);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
