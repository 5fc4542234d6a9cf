import { addDays, addMonths, creditCodeCheckChar, isIsoDate, maskIdNumber, residentIdCheckChar, seededRandom, type IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import type { Action } from '../applications/workflow.js';
import type { Database } from '../db/schema.js';
import { buildServices } from '../app/build-app.js';
import type { Clock } from '../http/clock.js';
import { todayInShanghai } from '../http/today.js';
import type { Vault } from '../security/vault.js';
import { seedTraining } from './demo-training.js';

/**
 * A believable demo city (成都市, three districts) so a newcomer can log in and see work in
 * progress: staff of every role, a few thousand people and units with the facts the engine reads,
 * and applications in every state, made through the same services the API uses (so every one has
 * its history, decisions and audit entries). Everything is invented and deterministic; every
 * person's name and number is fictitious. The demo password is documented in the README.
 */
export const DEMO_PASSWORD = 'Huimin-demo-2026';

export const DEMO_STAFF = [
  { username: 'admin', name: '系统管理员', roles: ['administrator'], region: '510100' },
  { username: 'clerk', name: '锦江区受理员 王芳', roles: ['clerk'], region: '510104' },
  { username: 'clerk2', name: '青羊区受理员 刘强', roles: ['clerk'], region: '510105' },
  { username: 'counter', name: '市政务大厅窗口 陈静', roles: ['clerk'], region: '510100' },
  { username: 'reviewer', name: '市就业局审核员 李明', roles: ['reviewer'], region: '510100' },
  { username: 'approver', name: '市就业局复核员 张磊', roles: ['approver'], region: '510100' },
  { username: 'finance', name: '市财政局拨付员 赵丽', roles: ['finance'], region: '510100' },
  { username: 'supervisor', name: '省人社厅监督员 孙伟', roles: ['supervisor'], region: '510000' },
  { username: 'auditor', name: '市审计员 周敏', roles: ['auditor'], region: '510100' },
  { username: 'security', name: '市人社局安全管理员 吴刚', roles: ['security-administrator'], region: '510100' },
  { username: 'policy', name: '市就业局政策参数管理员 郑洁', roles: ['parameter-officer'], region: '510100' },
] as const;

const DISTRICTS = ['510104', '510105', '510106'] as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国建华志强海燕鹏飞晓东雪梅春梅子涵浩然雨桐欣怡宇轩梓萱';
const TRADES = ['科技', '餐饮', '物流', '家政', '建筑', '商贸', '电子', '服装', '文化传媒', '农业'];
const OCCUPATIONS = ['电工', '焊工', '育婴员', '中式烹调师', '美容师', '养老护理员', '电子商务师', '汽车维修工'];

interface DemoPerson {
  id?: string;
  idNumber: string;
  name: string;
  region: string;
  facts: { kind: string; data: Record<string, unknown> }[];
  /** What this person was made to be eligible for, if anything. */
  profile: 'job-seeking' | 'evaluation' | 'flexible-insurance' | 'training' | 'welfare-post' | 'ordinary';
}

export async function seedDemoCity(db: Kysely<Database>, vault: Vault, peopleCount = 3000, unitCount = 300): Promise<void> {
  const today = todayInShanghai();
  const rand = seededRandom(2026); // the same city on every fresh start
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const staffIds = await seedStaff(db, vault);

  // ── units ──
  const units: { code: string; name: string; region: string; id?: string }[] = [];
  for (let i = 0; i < unitCount; i++) {
    const region = pick(DISTRICTS);
    const first17 = `91${region}MA${String(100_000 + i).padStart(7, '0')}`;
    units.push({ code: first17 + (creditCodeCheckChar(first17) as string), name: `成都${pick(['锦','蓉','天府','青城','芙蓉','川西'])}${pick(TRADES)}有限公司${i + 1}号`, region });
  }
  for (let i = 0; i < units.length; i += 500) {
    const rows = await db
      .insertInto('organisation')
      .values(units.slice(i, i + 500).map((u, j) => ({ credit_code: u.code, name: u.name, category: 'enterprise', size_class: (['micro', 'small', 'small', 'medium', 'large'] as const)[(i + j) % 5] ?? 'small', region_code: u.region })))
      .returning(['id', 'credit_code'])
      .execute();
    for (const r of rows) {
      const unit = units.find((u) => u.code === r.credit_code);
      if (unit) unit.id = r.id;
    }
  }

  // ── people ──
  const graduationDate = `${Number(today.slice(5, 7)) <= 8 ? today.slice(0, 4) : Number(today.slice(0, 4)) + 1}-06-30`;
  const monthsAgo = (n: number) => addMonths(today, -n).slice(0, 7);
  const people: DemoPerson[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const region = pick(DISTRICTS);
    const profile = (['job-seeking', 'evaluation', 'flexible-insurance', 'training', 'welfare-post'] as const)[i % 25] ?? 'ordinary';
    const birth = profile === 'job-seeking' ? `${Number(graduationDate.slice(0, 4)) - 22}-${String(1 + (i % 12)).padStart(2, '0')}-15` : `${1978 + Math.floor(rand() * 26)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const female = rand() < 0.5;
    const seq = 100 + (i % 800);
    const first17 = `${region}${birth.replaceAll('-', '')}${String(female ? seq - (seq % 2) : seq - (seq % 2) + 1).padStart(3, '0')}`;
    const idNumber = first17 + residentIdCheckChar(first17);
    const facts: DemoPerson['facts'] = [];
    if (profile === 'job-seeking') {
      facts.push({ kind: 'status', data: { kind: pick(['dibao-household', 'poverty-monitoring', 'disabled', 'national-student-loan'] as const), from: '2020-01-01' } });
      facts.push({ kind: 'graduation', data: { date: graduationDate, institution: 'university' } });
    } else if (profile === 'evaluation') {
      facts.push({ kind: 'status', data: { kind: 'rural-transfer-worker', from: '2021-03-01' } });
      facts.push({ kind: 'certificate', data: { id: `ZS${String(i).padStart(8, '0')}`, kind: 'skill-level', occupation: pick(OCCUPATIONS), level: 5, issuedOn: addDays(today, -40), firstEvaluation: true } });
    } else if (profile === 'flexible-insurance') {
      facts.push({ kind: 'status', data: { kind: 'hard-to-employ', from: addMonths(today, -18) } });
      facts.push({ kind: 'employment', data: { kind: 'flexible', from: addMonths(today, -18) } });
      facts.push({ kind: 'insurance', data: { fromMonth: monthsAgo(12), toMonth: monthsAgo(1), payer: 'self', pensionFen: 64_000, medicalFen: 32_000, unemploymentFen: 2_000 } });
    } else if (profile === 'training') {
      facts.push({ kind: 'status', data: { kind: 'registered-unemployed', from: addMonths(today, -10) } });
      facts.push({ kind: 'certificate', data: { id: `PX${String(i).padStart(8, '0')}`, kind: 'skill-level', occupation: pick(OCCUPATIONS), level: 4, issuedOn: addDays(today, -30), training: { kind: 'employment-skills', from: addDays(today, -90), to: addDays(today, -45) } } });
    } else if (profile === 'welfare-post') {
      const unit = pick(units);
      facts.push({ kind: 'status', data: { kind: 'hard-to-employ', from: addMonths(today, -14) } });
      facts.push({ kind: 'employment', data: { kind: 'public-welfare-post', employer: unit.code, from: `${monthsAgo(10)}-01`, placement: 1, postName: pick(['社区保洁', '公共设施维护', '治安巡逻', '河道巡查']) } });
    } else {
      const r = rand();
      if (r < 0.2) facts.push({ kind: 'status', data: { kind: 'registered-unemployed', from: addMonths(today, -Math.floor(rand() * 24) - 1) } });
      else if (r < 0.5) {
        const unit = pick(units);
        facts.push({ kind: 'employment', data: { kind: 'labour-contract', employer: unit.code, from: addMonths(today, -Math.floor(rand() * 60) - 1), contractMonths: 36 } });
      } else if (r < 0.55) facts.push({ kind: 'status', data: { kind: 'veteran', from: '2018-09-01' } });
    }
    const name = pick([...SURNAMES]) + pick(GIVEN.match(/../g) ?? ['伟']) ;
    people.push({ idNumber, name, region, facts, profile });
  }
  for (let i = 0; i < people.length; i += 500) {
    const batch = people.slice(i, i + 500).filter((p) => isIsoDate(`${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`));
    const rows = await db
      .insertInto('person')
      .values(
        batch.map((p, j) => ({
          id_number_hmac: vault.lookupHash('id-number', p.idNumber),
          id_number_cipher: vault.encrypt(p.idNumber),
          id_number_masked: maskIdNumber(p.idNumber),
          name: p.name,
          sex: (p.idNumber.charCodeAt(16) - 48) % 2 === 1 ? ('male' as const) : ('female' as const),
          birth_date: `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
          retirement_category: (p.idNumber.charCodeAt(16) - 48) % 2 === 1 ? ('male' as const) : ('female-cadre' as const),
          region_code: p.region,
          hukou_region: p.region,
          household_id: `H${p.region}${String(Math.floor((i + j) / 3)).padStart(6, '0')}`,
          rural: (i + j) % 4 === 0,
          phone_cipher: null,
          phone_masked: null,
        })),
      )
      .onConflict((oc) => oc.column('id_number_hmac').doNothing())
      .returning(['id', 'id_number_hmac'])
      .execute();
    const byHash = new Map(rows.map((r) => [r.id_number_hmac, r.id]));
    for (const p of batch) p.id = byHash.get(vault.lookupHash('id-number', p.idNumber));
    const facts = batch.flatMap((p) => (p.id ? p.facts.map((f) => ({ person_id: p.id ?? null, organisation_id: null, kind: f.kind, data: JSON.stringify(f.data), source: 'demo' as const, recorded_by: null })) : []));
    if (facts.length > 0) await db.insertInto('registry_fact').values(facts).execute();
  }
  await db.transaction().execute((trx) => appendAudit(trx, vault, { actor: null, action: 'demo.seeded', entityType: 'demo', after: { people: people.length, units: units.length } }));

  await seedApplications(db, vault, staffIds, people, today);
}

async function seedStaff(db: Kysely<Database>, vault: Vault): Promise<Map<string, string>> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const [i, s] of DEMO_STAFF.entries()) {
    // Every member of staff has their own ID number on the account (invented, like everything here).
    const first17 = `510104198${i % 10}0${(i % 9) + 1}15${String(300 + i).padStart(3, '0')}`;
    const idNumberHmac = vault.lookupHash('id-number', first17 + residentIdCheckChar(first17));
    const row = await db.insertInto('account').values({ username: s.username, display_name: s.name, roles: [...s.roles], region_code: s.region, id_number_hmac: idNumberHmac, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('password_history').values({ account_id: row.id, password_hash: hash }).execute();
    ids.set(s.username, row.id);
  }
  await db.transaction().execute((trx) => appendAudit(trx, vault, { actor: null, action: 'demo.staff-created', entityType: 'account', after: DEMO_STAFF.map((s) => s.username) }));
  return ids;
}

/** A clock the seed moves back and forth, so some work is already overdue when the demo opens. */
class SeedClock implements Clock {
  date: IsoDate = todayInShanghai();
  now(): Date {
    return new Date(`${this.date}T10:00:00+08:00`);
  }
  today(): IsoDate {
    return this.date;
  }
}

const PATHS: Record<string, Action[]> = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'return'],
  'not-accepted': ['submit', 'not-accept'],
  accepted: ['submit', 'accept'],
  reviewed: ['submit', 'accept', 'review'],
  approved: ['submit', 'accept', 'review', 'approve'],
  rejected: ['submit', 'accept', 'reject'],
  payable: ['submit', 'accept', 'review', 'approve', 'release'],
  paid: ['submit', 'accept', 'review', 'approve', 'release', 'pay'],
  withdrawn: ['submit', 'withdraw'],
  revoked: ['submit', 'accept', 'review', 'approve', 'release', 'pay', 'revoke'],
};

const REASONS: Partial<Record<Action, string>> = {
  return: '请补充毕业证书复印件和银行卡信息',
  'not-accept': '申请人不属于本补贴对象，不予受理',
  reject: '经核查，社保缴费记录与申报不符',
  withdraw: '申请人自愿撤回',
  revoke: '经抽查发现重复享受，予以撤销并追回',
};

async function seedApplications(db: Kysely<Database>, vault: Vault, staffIds: Map<string, string>, people: DemoPerson[], today: IsoDate): Promise<void> {
  const clock = new SeedClock();
  const services = buildServices({ db, vault, clock });
  const actor = async (username: string): Promise<Actor> => services.sessions.actorOf(staffIds.get(username) ?? '', null);
  const counter = await actor('counter');
  const clerks: Record<string, Actor> = { '510104': await actor('clerk'), '510105': await actor('clerk2') };
  const reviewer = await actor('reviewer');
  const approver = await actor('approver');
  const finance = await actor('finance');
  const who: Record<Action, Actor | undefined> = {
    submit: counter, prepare: undefined, resubmit: counter, withdraw: counter, accept: undefined, 'not-accept': undefined, return: undefined,
    review: reviewer, reject: reviewer, approve: approver, publicise: approver, object: approver, release: approver, pay: finance, bounce: finance, revoke: approver,
  };
  // The city's employment fund for the year, issued and allocated to the three districts.
  const fund = await services.funds.create(finance, { code: `CD-JY-${today.slice(0, 4)}`, name: `成都市${today.slice(0, 4)}年就业补助资金（示例）`, source: 'city-employment', year: Number(today.slice(0, 4)), regionCode: '510100' });
  await services.funds.issue(finance, fund.id, { amountFen: 60_000_000_00, memo: '年度预算（示例数据）' });
  for (const district of DISTRICTS) await services.funds.allocate(finance, fund.id, { fromRegion: '510100', toRegion: district, amountFen: 15_000_000_00, memo: '下达区县（示例数据）' });

  const kinds = [
    { profile: 'evaluation', subsidy: 'skill-evaluation', claim: (p: DemoPerson) => ({ certificateId: String(p.facts[1]?.data.id) }) },
    { profile: 'training', subsidy: 'vocational-training', claim: (p: DemoPerson) => ({ certificateId: String(p.facts[1]?.data.id) }) },
    { profile: 'flexible-insurance', subsidy: 'social-insurance-flexible-hard-to-employ', claim: () => ({ fromMonth: addMonths(today, -12).slice(0, 7), toMonth: addMonths(today, -1).slice(0, 7) }) },
    { profile: 'welfare-post', subsidy: 'public-welfare-post', claim: () => ({ fromMonth: addMonths(today, -10).slice(0, 7), toMonth: addMonths(today, -1).slice(0, 7) }) },
    { profile: 'job-seeking', subsidy: 'one-time-job-seeking', claim: () => ({}) },
  ] as const;

  let n = 0;
  for (const kind of kinds) {
    const pool = people.filter((p) => p.profile === kind.profile && p.id && p.region !== '510106');
    const states = kind.subsidy === 'one-time-job-seeking' ? [...Object.keys(PATHS).filter((s) => !['payable', 'paid', 'revoked'].includes(s)), 'publicised'] : Object.keys(PATHS);
    let i = 0;
    const extra = kind.subsidy === 'one-time-job-seeking' ? ['submitted', 'submitted', 'accepted', 'publicised'] : ['submitted', 'submitted', 'accepted', 'paid', 'paid'];
    for (const state of [...states, ...extra]) {
      const person = pool[i++];
      if (!person?.id) break;
      // Some work started three weeks ago, so queues show overdue items.
      clock.date = ['submitted', 'accepted'].includes(state) && i % 2 === 0 ? addDays(today, -21) : today;
      const path = state === 'publicised' ? ['submit', 'accept', 'review', 'approve', 'publicise'] as Action[] : (PATHS[state] ?? []);
      // Whoever is paid has the social-security card's account on record, so finance can pay them.
      if (['payable', 'paid', 'revoked'].includes(state)) await services.registry.setBankAccount(counter, { personId: person.id }, { accountNumber: `621700${String(n + 1).padStart(13, '0')}`, bankName: '中国建设银行（示例）' });
      const { application } = await services.applications.create(counter, { subsidy: kind.subsidy, personId: person.id, claim: kind.claim(person), idempotencyKey: `demo-${++n}-${state}` });
      for (const action of path) {
        const by = who[action] ?? clerks[person.region];
        if (!by) break;
        await services.applications.transition(by, application.id, { action, ...(REASONS[action] ? { reason: REASONS[action] } : {}), ...(action === 'pay' ? { paymentReference: `DEMO-${n}` } : {}) });
      }
    }
  }

  // Trainees: people nobody above claimed for, registered unemployed since well before the first class.
  const trainees: Record<string, string[]> = {};
  const idNumbers = new Map<string, string>();
  for (const p of people) {
    const since = p.facts.find((f) => f.kind === 'status' && f.data.kind === 'registered-unemployed')?.data.from;
    if (p.profile !== 'ordinary' || !p.id || typeof since !== 'string' || since > addDays(today, -120)) continue;
    (trainees[p.region] ??= []).push(p.id);
    idNumbers.set(p.id, p.idNumber);
  }
  await seedTraining({ services, clock, today, actor, trainees, idNumbers }, DEMO_PASSWORD);
}
