import { addDays, addMonths, residentIdCheckChar, type IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Services } from '../app/build-app.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';

/**
 * The demo city's employment services, made through the services the API uses: unemployed
 * graduates registered in 锦江区 (some overdue on their 1+3+1, one halfway, one served), people
 * employed and unemployed, hardship certifications filed and certified, and an urban household
 * nobody in which works (零就业家庭) still open. Every person is invented.
 */
export interface EmploymentSeed {
  db: Kysely<Database>;
  services: Services;
  today: IsoDate;
  actor: (username: string) => Promise<Actor>;
}

/** The case workers (就业服务专员) and the 街道 each covers. */
export const DEMO_CASE_WORKERS = [
  { username: 'caseworker', region: '510104', communities: ['春熙路街道', '书院街街道'] },
  { username: 'caseworker2', region: '510104', communities: ['督院街街道', '盐市口街道'] },
] as const;

let serial = 900;

/** A new invented person in 锦江区 (serials 900 and up, which the rest of the demo never uses). */
async function newPerson(
  seed: EmploymentSeed,
  clerk: Actor,
  name: string,
  birth: string,
  extra: Record<string, unknown> = {},
) {
  const first17 = `510104${birth.replaceAll('-', '')}${String(serial++).padStart(3, '0')}`;
  const person = await seed.services.registry.createPerson(clerk, {
    idNumber: first17 + residentIdCheckChar(first17),
    name,
    regionCode: '510104',
    ...extra,
  });
  return person.id;
}

export async function seedEmploymentServices(seed: EmploymentSeed): Promise<void> {
  const { db, services, today, actor } = seed;
  const { registrations, hardship, assistance } = services.employment;
  const clerk = await actor('clerk');
  const reviewer = await actor('reviewer');
  for (const w of DEMO_CASE_WORKERS) {
    const account = await db
      .selectFrom('account')
      .select('id')
      .where('username', '=', w.username)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('case_worker_area')
      .values(w.communities.map((community) => ({ account_id: account.id, region_code: w.region, community })))
      .execute();
  }
  const caseWorker = await actor('caseworker');
  const graduated = `${Number(today.slice(0, 4)) - (today.slice(5) < '07-01' ? 1 : 0)}-06-30`;
  const unemployed = (personId: string, startsOn: IsoDate, community: string) =>
    registrations.register(clerk, {
      personId,
      kind: 'unemployment',
      regionCode: '510104',
      basis: 'residence',
      community,
      startsOn,
    });

  // ── unemployed graduates (离校未就业高校毕业生) and their 1+3+1 ──
  const graduates = ['陈思远', '林雨萱', '黄子轩', '周可欣', '吴浩宇', '郑梦琪'];
  const opened: string[] = [];
  for (const [i, name] of graduates.entries()) {
    const id = await newPerson(seed, clerk, name, `2004-0${(i % 9) + 1}-1${i % 10}`, {
      facts: [{ kind: 'graduation', data: { date: graduated, institution: 'university' } }],
    });
    // The first four registered four months ago (now overdue), the rest this month.
    const since = i < 4 ? addMonths(today, -4) : addDays(today, -10);
    await unemployed(
      id,
      since < addDays(graduated, 1) ? addDays(graduated, 1) : since,
      i % 2 === 0 ? '春熙路街道' : '督院街街道',
    );
    opened.push(id);
  }
  const open = await assistance.cases(caseWorker, { kind: 'graduate', open: true });
  const caseOf = (personId: string) => open.find((c) => c.personId === personId)?.id;
  const log = async (
    personId: string | undefined,
    kinds: readonly ('guidance' | 'referral' | 'training-offer')[],
    on: IsoDate,
  ) => {
    const id = personId && caseOf(personId);
    if (!id) return;
    for (const [i, kind] of kinds.entries()) {
      // Each referral names its own posting, as a case worker records it: three referrals, three jobs.
      const note =
        kind === 'referral' ? `${NOTES.referral}（${REFERRED_POSTS[i % REFERRED_POSTS.length]}）` : NOTES[kind];
      await assistance.logContact(caseWorker, id, { kind, happenedOn: on, note });
    }
  };
  // One served in full (the case closes), one halfway and overdue, the others not yet reached.
  await log(opened[4], ['guidance', 'referral', 'referral', 'referral', 'training-offer'], today);
  await log(opened[0], ['guidance', 'referral'], addDays(today, -30));

  // ── a zero-employment household (零就业家庭), still open ──
  const household = 'H510104900001';
  const father = await newPerson(seed, clerk, '赵建国', '1972-03-08', { householdId: household, rural: false });
  await newPerson(seed, clerk, '赵晓东', '1999-11-20', { householdId: household, rural: false });
  await unemployed(father, addMonths(today, -2), '春熙路街道');

  // ── people at work, and hardship certifications ──
  const worker = await newPerson(seed, clerk, '孙丽娟', '1988-05-05');
  await unemployed(worker, addMonths(today, -6), '书院街街道');
  await registrations.register(clerk, {
    personId: worker,
    kind: 'employment',
    employmentKind: 'labour-contract',
    employerCreditCode: await someUnit(db),
    contractMonths: 36,
    regionCode: '510104',
    basis: 'residence',
    community: '书院街街道',
    startsOn: addDays(today, -15),
  });
  for (const [name, birth, category] of [
    ['钱卫国', '1971-08-12', 'older-worker'],
    ['冯秀兰', '1980-02-02', 'disabled'],
    ['何志强', '1985-10-10', 'long-term-unemployed'],
  ] as const) {
    const id = await newPerson(seed, clerk, name, birth);
    await unemployed(id, addMonths(today, -13), '盐市口街道');
    const filed = await hardship.file(clerk, { personId: id, category, evidence: EVIDENCE[category] });
    // The last one waits for a decision.
    if (category !== 'long-term-unemployed') await hardship.decide(reviewer, filed.id, { certify: true });
  }
}

async function someUnit(db: Kysely<Database>): Promise<string> {
  const unit = await db
    .selectFrom('organisation')
    .select('credit_code')
    .where('region_code', '=', '510104')
    .orderBy('credit_code')
    .executeTakeFirstOrThrow();
  return unit.credit_code;
}

const NOTES = {
  guidance: '职业指导：梳理求职方向，完善简历',
  referral: '岗位推荐：推荐至辖区企业面试',
  'training-offer': '推荐参加电子商务师职业技能培训',
} as const;
const REFERRED_POSTS = ['电商运营助理', '会计助理', '行政文员', '客服专员', '仓储管理员'] as const;
const EVIDENCE = {
  'older-worker': '年满50周岁，失业一年以上，身份证及失业登记记录',
  disabled: '残疾人证（肢体四级）',
  'long-term-unemployed': '连续失业一年以上，失业登记记录',
} as const;
