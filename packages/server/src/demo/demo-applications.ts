import { addDays, addMonths, type IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Action } from '../applications/workflow.js';
import type { Database } from '../db/schema.js';
import { buildServices } from '../app/build-app.js';
import type { Clock } from '../http/clock.js';
import { todayInShanghai } from '../http/today.js';
import type { Vault } from '../security/vault.js';
import { DISTRICTS, type DemoPerson } from './demo-people.js';
import { DEMO_PASSWORD } from './demo-staff.js';
import { seedDemoApplicants } from './demo-applicants.js';
import { seedEmploymentServices } from './demo-employment-services.js';
import { seedLabourMarket } from './demo-labour-market.js';
import { seedLoans } from './demo-loans.js';
import { seedTraining } from './demo-training.js';

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

/**
 * The city's fund and applications in every state, made through the services the API uses, then the
 * training classes of the unemployed nobody claimed for.
 */
export async function seedApplications(
  db: Kysely<Database>,
  vault: Vault,
  staffIds: Map<string, string>,
  people: DemoPerson[],
  today: IsoDate,
): Promise<void> {
  const clock = new SeedClock();
  const services = buildServices({ db, vault, clock });
  const actor = async (username: string): Promise<Actor> =>
    services.sessions.actorOf(staffIds.get(username) ?? '', null);
  const counter = await actor('counter');
  const clerks: Record<string, Actor> = { '510104': await actor('clerk'), '510105': await actor('clerk2') };
  const reviewer = await actor('reviewer');
  const approver = await actor('approver');
  const finance = await actor('finance');
  const who: Record<Action, Actor | undefined> = {
    submit: counter,
    prepare: undefined,
    resubmit: counter,
    withdraw: counter,
    accept: undefined,
    'not-accept': undefined,
    return: undefined,
    lapse: undefined,
    review: reviewer,
    reject: reviewer,
    approve: approver,
    publicise: approver,
    object: approver,
    release: approver,
    pay: finance,
    bounce: finance,
    revoke: approver,
  };
  // The city's employment fund for the year, issued and allocated to the three districts.
  const fund = await services.funds.create(finance, {
    code: `CD-JY-${today.slice(0, 4)}`,
    name: `成都市${today.slice(0, 4)}年就业补助资金（示例）`,
    source: 'city-employment',
    year: Number(today.slice(0, 4)),
    regionCode: '510100',
  });
  await services.funds.issue(finance, fund.id, { amountFen: 60_000_000_00, memo: '年度预算（示例数据）' });
  for (const district of DISTRICTS)
    await services.funds.allocate(finance, fund.id, {
      fromRegion: '510100',
      toRegion: district,
      amountFen: 15_000_000_00,
      memo: '下达区县（示例数据）',
    });

  const kinds = [
    {
      profile: 'evaluation',
      subsidy: 'skill-evaluation',
      claim: (p: DemoPerson) => ({ certificateId: String(p.facts[1]?.data.id) }),
    },
    {
      profile: 'training',
      subsidy: 'vocational-training',
      claim: (p: DemoPerson) => ({ certificateId: String(p.facts[1]?.data.id) }),
    },
    {
      profile: 'flexible-insurance',
      subsidy: 'social-insurance-flexible-hard-to-employ',
      claim: () => ({ fromMonth: addMonths(today, -12).slice(0, 7), toMonth: addMonths(today, -1).slice(0, 7) }),
    },
    {
      profile: 'welfare-post',
      subsidy: 'public-welfare-post',
      claim: () => ({ fromMonth: addMonths(today, -10).slice(0, 7), toMonth: addMonths(today, -1).slice(0, 7) }),
    },
    { profile: 'job-seeking', subsidy: 'one-time-job-seeking', claim: () => ({}) },
  ] as const;

  let n = 0;
  for (const kind of kinds) {
    const pool = people.filter((p) => p.profile === kind.profile && p.id && p.region !== '510106');
    const states =
      kind.subsidy === 'one-time-job-seeking'
        ? [...Object.keys(PATHS).filter((s) => !['payable', 'paid', 'revoked'].includes(s)), 'publicised']
        : Object.keys(PATHS);
    let i = 0;
    const extra =
      kind.subsidy === 'one-time-job-seeking'
        ? ['submitted', 'submitted', 'accepted', 'publicised']
        : ['submitted', 'submitted', 'accepted', 'paid', 'paid'];
    for (const state of [...states, ...extra]) {
      const person = pool[i++];
      if (!person?.id) break;
      // Some work started three weeks ago, so queues show overdue items.
      clock.date = ['submitted', 'accepted'].includes(state) && i % 2 === 0 ? addDays(today, -21) : today;
      const path =
        state === 'publicised'
          ? (['submit', 'accept', 'review', 'approve', 'publicise'] as Action[])
          : (PATHS[state] ?? []);
      // Whoever is paid has the social-security card's account on record, so finance can pay them.
      if (['payable', 'paid', 'revoked'].includes(state))
        await services.registry.setBankAccount(
          counter,
          { personId: person.id },
          { accountNumber: `621700${String(n + 1).padStart(13, '0')}`, bankName: '中国建设银行（示例）' },
        );
      const { application } = await services.applications.create(counter, {
        subsidy: kind.subsidy,
        personId: person.id,
        claim: kind.claim(person),
        idempotencyKey: `demo-${++n}-${state}`,
      });
      for (const action of path) {
        const by = who[action] ?? clerks[person.region];
        if (!by) break;
        await services.applications.transition(by, application.id, {
          action,
          ...(REASONS[action] ? { reason: REASONS[action] } : {}),
          ...(action === 'pay' ? { paymentReference: `DEMO-${n}` } : {}),
        });
      }
    }
  }

  // Trainees: people nobody above claimed for, registered unemployed since well before the first class.
  const trainees: Record<string, string[]> = {};
  const onRoster = new Map<string, { idNumber: string; name: string }>();
  for (const p of people) {
    const since = p.facts.find((f) => f.kind === 'status' && f.data.kind === 'registered-unemployed')?.data.from;
    if (p.profile !== 'ordinary' || !p.id || typeof since !== 'string' || since > addDays(today, -120)) continue;
    (trainees[p.region] ??= []).push(p.id);
    onRoster.set(p.id, { idNumber: p.idNumber, name: p.name });
  }
  await seedTraining({ services, clock, today, actor, trainees, onRoster }, DEMO_PASSWORD);
  clock.date = today;
  await seedEmploymentServices({ db, services, today, actor });
  await seedDemoApplicants({ db, services, today, actor }, DEMO_PASSWORD);
  await seedLabourMarket({ db, services, today, actor }, DEMO_PASSWORD);
  await seedLoans({ db, services, clock, actor }, DEMO_PASSWORD);
  clock.date = today;
}
