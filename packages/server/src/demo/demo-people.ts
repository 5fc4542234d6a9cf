import {
  addDays,
  addMonths,
  creditCodeCheckChar,
  isIsoDate,
  maskIdNumber,
  residentIdCheckChar,
  type IsoDate,
} from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Vault } from '../security/vault.js';

/** The demo city's people and units: invented, deterministic, with the facts the engine reads. */
export const DISTRICTS = ['510104', '510105', '510106'] as const;
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国建华志强海燕鹏飞晓东雪梅春梅子涵浩然雨桐欣怡宇轩梓萱';
const TRADES = ['科技', '餐饮', '物流', '家政', '建筑', '商贸', '电子', '服装', '文化传媒', '农业'];
const OCCUPATIONS = ['电工', '焊工', '育婴员', '中式烹调师', '美容师', '养老护理员', '电子商务师', '汽车维修工'];

export interface DemoPerson {
  id?: string;
  idNumber: string;
  name: string;
  region: string;
  facts: { kind: string; data: Record<string, unknown> }[];
  /** What this person was made to be eligible for, if anything. */
  profile: 'job-seeking' | 'evaluation' | 'flexible-insurance' | 'training' | 'welfare-post' | 'ordinary';
}

export interface DemoUnit {
  code: string;
  name: string;
  region: string;
  id?: string;
}

/** A pick from a list by the seeded random sequence, so the city is the same on every start. */
export type Pick = <T>(list: readonly T[]) => T;

/** The units (enterprises in the three districts), inserted; each carries its new id. */
export async function seedUnits(db: Kysely<Database>, pick: Pick, unitCount: number): Promise<DemoUnit[]> {
  const units: DemoUnit[] = [];
  for (let i = 0; i < unitCount; i++) {
    const region = pick(DISTRICTS);
    const first17 = `91${region}MA${String(100_000 + i).padStart(7, '0')}`;
    units.push({
      code: first17 + (creditCodeCheckChar(first17) as string),
      name: `成都${pick(['锦', '蓉', '天府', '青城', '芙蓉', '川西'])}${pick(TRADES)}有限公司${i + 1}号`,
      region,
    });
  }
  for (let i = 0; i < units.length; i += 500) {
    const rows = await db
      .insertInto('organisation')
      .values(
        units.slice(i, i + 500).map((u, j) => ({
          credit_code: u.code,
          name: u.name,
          category: 'enterprise',
          size_class: (['micro', 'small', 'small', 'medium', 'large'] as const)[(i + j) % 5] ?? 'small',
          region_code: u.region,
        })),
      )
      .returning(['id', 'credit_code'])
      .execute();
    for (const r of rows) {
      const unit = units.find((u) => u.code === r.credit_code);
      if (unit) unit.id = r.id;
    }
  }
  return units;
}

/** The people, each made eligible for one subsidy (one in five) or ordinary; not yet inserted. */
export function demoPeople(
  today: IsoDate,
  rand: () => number,
  pick: Pick,
  units: readonly DemoUnit[],
  peopleCount: number,
): DemoPerson[] {
  const graduationDate = `${Number(today.slice(5, 7)) <= 8 ? today.slice(0, 4) : Number(today.slice(0, 4)) + 1}-06-30`;
  const monthsAgo = (n: number) => addMonths(today, -n).slice(0, 7);
  const people: DemoPerson[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const region = pick(DISTRICTS);
    const profile =
      (['job-seeking', 'evaluation', 'flexible-insurance', 'training', 'welfare-post'] as const)[i % 25] ?? 'ordinary';
    const birth =
      profile === 'job-seeking'
        ? `${Number(graduationDate.slice(0, 4)) - 22}-${String(1 + (i % 12)).padStart(2, '0')}-15`
        : `${1978 + Math.floor(rand() * 26)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const female = rand() < 0.5;
    const seq = 100 + (i % 800);
    const first17 = `${region}${birth.replaceAll('-', '')}${String(female ? seq - (seq % 2) : seq - (seq % 2) + 1).padStart(3, '0')}`;
    const idNumber = first17 + residentIdCheckChar(first17);
    const facts: DemoPerson['facts'] = [];
    if (profile === 'job-seeking') {
      facts.push({
        kind: 'status',
        data: {
          kind: pick(['dibao-household', 'poverty-monitoring', 'disabled', 'national-student-loan'] as const),
          from: '2020-01-01',
        },
      });
      facts.push({ kind: 'graduation', data: { date: graduationDate, institution: 'university' } });
    } else if (profile === 'evaluation') {
      facts.push({ kind: 'status', data: { kind: 'rural-transfer-worker', from: '2021-03-01' } });
      facts.push({
        kind: 'certificate',
        data: {
          id: `ZS${String(i).padStart(8, '0')}`,
          kind: 'skill-level',
          occupation: pick(OCCUPATIONS),
          level: 5,
          issuedOn: addDays(today, -40),
          firstEvaluation: true,
        },
      });
    } else if (profile === 'flexible-insurance') {
      facts.push({ kind: 'status', data: { kind: 'hard-to-employ', from: addMonths(today, -18) } });
      facts.push({ kind: 'employment', data: { kind: 'flexible', from: addMonths(today, -18) } });
      facts.push({
        kind: 'insurance',
        data: {
          fromMonth: monthsAgo(12),
          toMonth: monthsAgo(1),
          payer: 'self',
          pensionFen: 64_000,
          medicalFen: 32_000,
          unemploymentFen: 2_000,
        },
      });
    } else if (profile === 'training') {
      facts.push({ kind: 'status', data: { kind: 'registered-unemployed', from: addMonths(today, -10) } });
      facts.push({
        kind: 'certificate',
        data: {
          id: `PX${String(i).padStart(8, '0')}`,
          kind: 'skill-level',
          occupation: pick(OCCUPATIONS),
          level: 4,
          issuedOn: addDays(today, -30),
          training: { kind: 'employment-skills', from: addDays(today, -90), to: addDays(today, -45) },
        },
      });
    } else if (profile === 'welfare-post') {
      const unit = pick(units);
      facts.push({ kind: 'status', data: { kind: 'hard-to-employ', from: addMonths(today, -14) } });
      facts.push({
        kind: 'employment',
        data: {
          kind: 'public-welfare-post',
          employer: unit.code,
          from: `${monthsAgo(10)}-01`,
          placement: 1,
          postName: pick(['社区保洁', '公共设施维护', '治安巡逻', '河道巡查']),
        },
      });
    } else {
      const r = rand();
      if (r < 0.2)
        facts.push({
          kind: 'status',
          data: { kind: 'registered-unemployed', from: addMonths(today, -Math.floor(rand() * 24) - 1) },
        });
      else if (r < 0.5) {
        const unit = pick(units);
        facts.push({
          kind: 'employment',
          data: {
            kind: 'labour-contract',
            employer: unit.code,
            from: addMonths(today, -Math.floor(rand() * 60) - 1),
            contractMonths: 36,
          },
        });
      } else if (r < 0.55) facts.push({ kind: 'status', data: { kind: 'veteran', from: '2018-09-01' } });
    }
    const name = pick([...SURNAMES]) + pick(GIVEN.match(/../g) ?? ['伟']);
    people.push({ idNumber, name, region, facts, profile });
  }
  return people;
}

/** The people and their facts, inserted in batches; each carries its new id. */
export async function insertPeople(db: Kysely<Database>, vault: Vault, people: DemoPerson[]): Promise<void> {
  for (let i = 0; i < people.length; i += 500) {
    const batch = people
      .slice(i, i + 500)
      .filter((p) => isIsoDate(`${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`));
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
          retirement_category:
            (p.idNumber.charCodeAt(16) - 48) % 2 === 1 ? ('male' as const) : ('female-cadre' as const),
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
    const facts = batch.flatMap((p) =>
      p.id
        ? p.facts.map((f) => ({
            person_id: p.id ?? null,
            organisation_id: null,
            kind: f.kind,
            data: JSON.stringify(f.data),
            source: 'demo' as const,
            recorded_by: null,
          }))
        : [],
    );
    if (facts.length > 0) await db.insertInto('registry_fact').values(facts).execute();
  }
}
