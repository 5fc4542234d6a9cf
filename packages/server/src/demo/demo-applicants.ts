import { registerBound } from './demo-accounts.js';
import { addMonths, creditCodeCheckChar, residentIdCheckChar, type IsoDate } from '@huimin/policy';
import type { Actor } from '../auth/actor.js';
import type { Services } from '../app/build-app.js';
import type { Database } from '../db/schema.js';
import { insertParameterValues } from '../parameters/parameter-repository.js';
import type { Kysely } from 'kysely';

/**
 * Demo applicants a newcomer can log in as and apply with on their own (issue 17): their facts come
 * from what the bureau holds — the business registry, graduate records and 民政 list snapshots
 * loaded below — not from anything typed in for them. Documented in the README.
 */
export const DEMO_APPLICANTS = [
  {
    username: 'zhangwei',
    name: '张伟',
    region: '510104',
    birthDate: '2002-05-12',
    // 2024届高校毕业生, founded an individual business 14 months ago: the business is in the registry
    // snapshot; the graduation is declared when applying for 一次性创业补贴 and confirmed at acceptance.
    story: 'founder',
  },
  {
    username: 'lina',
    name: '李娜',
    region: '510104',
    birthDate: '2005-03-08',
    // A graduate of this school year from a 低保 family: the graduate records and the 民政 list loaded
    // below hold both, so she applies for 一次性求职补贴 with nothing to declare.
    story: 'graduating',
  },
  {
    username: 'liuyang',
    name: '刘洋',
    region: '510104',
    birthDate: '2005-09-21',
    // Graduating from a 低保 family too, but registered before the supervisor's sweep (政策找人) ran
    // when the demo was seeded: the sweep found him, and his offers page holds 一次性求职补贴 to
    // confirm without applying (免申即享). 李娜 registers after it, so she applies herself.
    story: 'offered',
  },
] as const;

export interface ApplicantSeed {
  db: Kysely<Database>;
  services: Services;
  today: IsoDate;
  actor: (username: string) => Promise<Actor>;
}

/** A valid ID number for a demo person (invented, as everything in the demo). */
function demoIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** The credit code of 张伟's individual business (个体工商户 codes begin 92). */
export function demoBusinessCode(region: string): string {
  const first17 = `92${region}MA6CW8K7X`;
  return first17 + creditCodeCheckChar(first17);
}

export async function seedDemoApplicants(seed: ApplicantSeed, password: string): Promise<void> {
  const { services, today } = seed;
  const counter = await seed.actor('counter');
  // 四川 办法 第六条（四） pays 一次性创业补贴 "按规定" after 2025: the demo keeps 2025's 1万元 as
  // the city's example standard, so 张伟's claim can be paid, and every decision says it is an example.
  await insertParameterValues(seed.db, [
    {
      parameter: 'startup.amount',
      region: '510100',
      from: `${today.slice(0, 4)}-01-01`,
      value: 1_000_000,
      source: 'example',
      note: '示例数据：沿用2025年一次性创业补贴标准1万元 / example figure: 2025’s 10,000 yuan carried on',
    },
  ]);
  services.policies.reload();
  const year = Number(today.slice(0, 4));
  const graduating = `${Number(today.slice(5, 7)) <= 8 ? year : year + 1}-06-30`;
  const founded = addMonths(today, -14);
  const people = DEMO_APPLICANTS.map((a, i) => ({
    ...a,
    idNumber: demoIdNumber(a.region, a.birthDate, 210 + i * 2 + (a.story === 'founder' ? 1 : 0)),
  }));
  const graduates = people.filter((a) => a.story !== 'founder');
  // The datasets the bureau loads through data sharing (demonstration snapshots, for the city).
  const load = (kind: string, header: string, rows: string[], source: string) =>
    services.risk.importSnapshot(counter, kind, Buffer.from([header, ...rows].join('\n')), { takenOn: today, source });
  await load(
    'business-registry',
    'creditCode,status,deregisteredOn,name,form,sizeClass,registeredOn,founderIdNumber',
    people
      .filter((a) => a.story === 'founder')
      .map(
        (a) =>
          `${demoBusinessCode(a.region)},active,,${a.name}小吃店,individual-business,micro,${founded},${a.idNumber}`,
      ),
    '成都市市场监督管理局（示例数据）',
  );
  // 学信/教育部门 毕业生数据 and 民政 低保 list: the graduates' graduation and 低保 status are verified, not declared.
  const graduateRows = graduates.map((a) => `${a.idNumber},${graduating},university`);
  await load('graduate-records', 'idNumber,graduatedOn,institution', graduateRows, '四川省教育厅（示例数据）');
  const assistanceRows = graduates.map((a) => `${a.idNumber},dibao-household,2019-01-01,`);
  await load('social-assistance', 'idNumber,status,from,to', assistanceRows, '成都市民政局（示例数据）');

  const register = async (a: (typeof people)[number]) => {
    await services.registry.createPerson(counter, {
      idNumber: a.idNumber,
      name: a.name,
      regionCode: a.region,
      facts: [],
    });
    await registerBound(
      services,
      counter,
      { username: a.username, password },
      { kind: 'person', idNumber: a.idNumber, name: a.name, regionCode: a.region },
    );
  };
  for (const a of people.filter((p) => p.story === 'offered')) await register(a);
  // The province's sweep, as its supervisor starts it: it decides everyone the registry holds today.
  const supervisor = await seed.actor('supervisor');
  const sweep = await services.sweeps.start(supervisor);
  await services.sweeps.run(sweep.id, supervisor);
  // Its offers announced, as the worker's notification job does a tick after a sweep ends (decision 016).
  await services.notifications.announceEndedSweeps();
  for (const a of people.filter((p) => p.story !== 'offered')) await register(a);
}
