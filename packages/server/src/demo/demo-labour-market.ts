import { registerBound } from './demo-accounts.js';
import { addDays, creditCodeCheckChar, type IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Services } from '../app/build-app.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { PostingInput } from '../employment-services/labour-market/labour-market.schemas.js';
import { OCCUPATIONS } from '../employment-services/labour-market/occupations.js';
import { seedGigMarket, seedLiveStream } from './demo-gig-market.js';

/**
 * The demo city's labour market (岗位、求职、岗位推荐), made through the services the API uses: a few
 * hundred postings by the districts' clerks for the demo units, published by the city's counter (one
 * returned for a discriminatory requirement, a few still waiting, one withdrawn); job-seeking
 * profiles for people registered unemployed; referrals to their best match; and a demo employer
 * account (`zhaopin`) with its own jobs and referrals answered — an interview, a refusal, a hire
 * whose employment is registered. Everything is invented. Documented in the README.
 */
export const DEMO_EMPLOYER = { username: 'zhaopin', name: '成都锦城精密机械有限公司', region: '510104' } as const;

export interface LabourSeed {
  db: Kysely<Database>;
  services: Services;
  today: IsoDate;
  actor: (username: string) => Promise<Actor>;
}

const TITLES: Record<string, readonly string[]> = {
  '4-01-02-01': ['门店销售顾问', '电话销售专员'],
  '4-01-02-02': ['电商运营专员', '网店客服主管'],
  '4-01-02-07': ['直播带货主播', '直播间运营'],
  '4-02-07-08': ['快递收派员', '同城配送员'],
  '4-03-02-01': ['中餐厨师', '川菜炒锅'],
  '4-03-02-03': ['面点师', '早餐面点师'],
  '4-07-05-01': ['小区保安', '商场安保员'],
  '4-10-01-02': ['育婴师', '月嫂'],
  '4-10-01-05': ['养老护理员', '社区居家护理员'],
  '4-10-01-06': ['家政服务员', '保洁员'],
  '6-18-01-01': ['数控车工', '普车操作工'],
  '6-18-01-02': ['数控铣工', '加工中心操作工'],
  '6-18-02-04': ['电焊工', '氩弧焊工'],
  '6-31-01-03': ['维修电工', '厂区配电电工'],
};
const STREETS = ['春熙路', '东大街', '红星路', '顺城大街', '清江东路', '光华大道', '蜀都大道', '人民南路'];
const REQUIREMENTS = [
  '能吃苦耐劳，服从安排',
  '有相关工作经验者优先',
  '持相应职业技能等级证书优先',
  '能适应倒班',
  '男女不限，有责任心',
  '初中及以上学历',
];

export async function seedLabourMarket(seed: LabourSeed, password: string): Promise<void> {
  const { db, services, today, actor } = seed;
  const { postings, seekers, matching, referrals } = services.employment.labourMarket;
  const posters: Record<string, Actor> = { '510104': await actor('clerk'), '510105': await actor('clerk2') };
  const counter = await actor('counter');
  const units = await db
    .selectFrom('organisation')
    .select(['id', 'region_code'])
    .where('category', '=', 'enterprise')
    .where('region_code', 'in', Object.keys(posters))
    .orderBy('credit_code')
    .execute();
  let n = 0;
  const job = (region: string, k: number): PostingInput => {
    const occupation = OCCUPATIONS[k % OCCUPATIONS.length] ?? OCCUPATIONS[0];
    const code = occupation?.code ?? '6-31-01-03';
    const low = 300_000 + (k % 9) * 50_000;
    return {
      title: (TITLES[code] ?? ['岗位'])[k % 2] ?? '岗位',
      occupationCode: code,
      headcount: 1 + (k % 5),
      payMinFen: low,
      payMaxFen: low + 100_000 + (k % 4) * 50_000,
      regionCode: region,
      place: `${STREETS[k % STREETS.length] ?? ''}${10 + (k % 90)}号`,
      requirements: REQUIREMENTS[k % REQUIREMENTS.length] ?? '',
      description: `负责${occupation?.zh ?? ''}相关工作，五险一金，包工作餐`,
      ...(code.startsWith('6-') && k % 3 === 0 ? { minLevel: 5 } : {}),
      contact: `人事部 028-8${String(1_000_000 + k).slice(1)}`,
      validFrom: addDays(today, -(k % 30)),
      validTo: addDays(today, 30 + (k % 60)),
    };
  };
  for (const unit of units.slice(0, 280)) {
    const k = n++;
    const clerk = posters[unit.region_code];
    if (!clerk) continue;
    const posted = await postings.postFor(clerk, { organisationId: unit.id, ...job(unit.region_code, k) });
    if (k % 40 === 7) continue; // still waiting for review
    if (k % 97 === 11) {
      await postings.review(counter, posted.id, { publish: true });
      await postings.withdraw(clerk, posted.id);
      continue;
    }
    await postings.review(counter, posted.id, { publish: true });
  }
  await seedEmployer(seed, password, job);

  // Job-seeking profiles for people registered unemployed in the two districts, at the counter.
  const people = await db
    .selectFrom('employment_registration as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['p.id', 'p.region_code'])
    .where('r.kind', '=', 'unemployment')
    .where('r.ends_on', 'is', null)
    .where('p.region_code', 'in', Object.keys(posters))
    .orderBy('p.created_at')
    .orderBy('p.name')
    .limit(200)
    .execute();
  const codes = OCCUPATIONS.map((o) => o.code);
  const made: { id: string; region: string }[] = [];
  for (const [i, p] of people.entries()) {
    const clerk = posters[p.region_code];
    if (!clerk) continue;
    const wanted = [codes[i % codes.length] ?? '6-31-01-03', codes[(i * 5 + 3) % codes.length] ?? '4-10-01-06'];
    const seeker = await seekers.saveFor(clerk, {
      personId: p.id,
      regionCode: p.region_code,
      occupationCodes: [...new Set(wanted)],
      payMinFen: 300_000 + (i % 6) * 50_000,
      availableFrom: addDays(today, i % 20),
      skills: i % 3 === 0 ? '有相关工作经验' : '',
    });
    made.push({ id: seeker.id, region: p.region_code });
  }
  // Referrals: each of the first 120 seekers to their best open match.
  const caseWorker = await actor('caseworker');
  for (const s of made.slice(0, 120)) {
    const best = (await matching.forSeeker(s.id))[0]?.posting;
    if (!best) continue;
    const by = s.region === '510104' ? caseWorker : (posters[s.region] ?? counter);
    await referrals.refer(by, { seekerId: s.id, postingId: best.id, note: '符合岗位要求，推荐面试' });
  }
  await seedGigMarket(seed, posters['510104'] ?? counter, counter);
  await seedLiveStream(seed, posters['510104'] ?? counter);
}

/** The demo employer: registers and binds its account, posts its own jobs, answers its referrals. */
async function seedEmployer(
  seed: LabourSeed,
  password: string,
  job: (region: string, k: number) => PostingInput,
): Promise<void> {
  const { db, services, today, actor } = seed;
  const counter = await actor('counter');
  const clerk = await actor('clerk');
  const first17 = `91${DEMO_EMPLOYER.region}MA6JC8K2P`;
  const creditCode = first17 + (creditCodeCheckChar(first17) as string);
  await services.registry.createOrganisation(counter, {
    creditCode,
    name: DEMO_EMPLOYER.name,
    category: 'enterprise',
    regionCode: DEMO_EMPLOYER.region,
  });
  const employer = await registerBound(
    services,
    counter,
    { username: DEMO_EMPLOYER.username, password },
    { kind: 'organisation', creditCode, name: DEMO_EMPLOYER.name, regionCode: DEMO_EMPLOYER.region },
  );
  const { postings, seekers, referrals } = services.employment.labourMarket;
  const welder = await postings.postOwn(employer, {
    ...job(DEMO_EMPLOYER.region, 12),
    title: '电焊工',
    occupationCode: '6-18-02-04',
  });
  await postings.review(clerk, welder.id, { publish: true });
  const lathe = await postings.postOwn(employer, {
    ...job(DEMO_EMPLOYER.region, 10),
    title: '数控车工',
    occupationCode: '6-18-01-01',
    requirements: '身高170厘米以上，形象好',
  });
  // Returned: a requirement that has nothing to do with the work (就业促进法 第三条).
  await postings.review(clerk, lathe.id, {
    publish: false,
    reason: '“身高170厘米以上，形象好”与岗位无关，请删除（《就业促进法》第三条）',
  });
  // Three people of 锦江区 registered unemployed, referred to the welding job and answered.
  const people = await db
    .selectFrom('employment_registration as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select('p.id')
    .where('r.kind', '=', 'unemployment')
    .where('r.ends_on', 'is', null)
    .where('p.region_code', '=', DEMO_EMPLOYER.region)
    .orderBy('p.created_at', 'desc')
    .limit(3)
    .execute();
  const answers = [
    { answer: 'interview' as const },
    { answer: 'refused' as const, reason: '暂无焊工操作经验，建议参加焊工培训后再来' },
    { answer: 'hired' as const, hiredOn: today },
  ];
  for (const [i, p] of people.entries()) {
    const seeker = await seekers.saveFor(clerk, {
      personId: p.id,
      regionCode: DEMO_EMPLOYER.region,
      occupationCodes: ['6-18-02-04'],
      payMinFen: 400_000,
      availableFrom: today,
      skills: '',
    });
    const referral = await referrals.refer(clerk, { seekerId: seeker.id, postingId: welder.id, note: '焊接实训合格' });
    const answer = answers[i];
    if (answer) await referrals.answer(employer, referral.id, answer);
  }
}
