import type { ParameterValue } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertParameterValues } from '../parameters/parameter-repository.js';
import type { Vault } from '../security/vault.js';
import { seedDemoCity } from './demo-city.js';

/**
 * Demonstration data for a fresh embedded database: the regions the policy texts speak of with a
 * few cities and counties, and local settings the texts leave to each region. Every figure here is
 * marked `example` — real figures (the local minimum wage above all) are kept by an administrator.
 */
const REGIONS: Database['region'][] = [
  { code: '510000', name_zh: '四川省', name_en: 'Sichuan', parent_code: null, level: 'province' },
  { code: '510100', name_zh: '成都市', name_en: 'Chengdu', parent_code: '510000', level: 'city' },
  { code: '510104', name_zh: '锦江区', name_en: 'Jinjiang District', parent_code: '510100', level: 'county' },
  { code: '510105', name_zh: '青羊区', name_en: 'Qingyang District', parent_code: '510100', level: 'county' },
  { code: '510106', name_zh: '金牛区', name_en: 'Jinniu District', parent_code: '510100', level: 'county' },
  { code: '620000', name_zh: '甘肃省', name_en: 'Gansu', parent_code: null, level: 'province' },
  { code: '620100', name_zh: '兰州市', name_en: 'Lanzhou', parent_code: '620000', level: 'city' },
  { code: '620102', name_zh: '城关区', name_en: 'Chengguan District', parent_code: '620100', level: 'county' },
  { code: '621000', name_zh: '庆阳市', name_en: 'Qingyang', parent_code: '620000', level: 'city' },
  { code: '621002', name_zh: '西峰区', name_en: 'Xifeng District', parent_code: '621000', level: 'county' },
  { code: '621022', name_zh: '环县', name_en: 'Huan County', parent_code: '621000', level: 'county' },
  { code: '520000', name_zh: '贵州省', name_en: 'Guizhou', parent_code: null, level: 'province' },
  { code: '520100', name_zh: '贵阳市', name_en: 'Guiyang', parent_code: '520000', level: 'city' },
  { code: '520102', name_zh: '南明区', name_en: 'Nanming District', parent_code: '520100', level: 'county' },
  {
    code: '522600',
    name_zh: '黔东南苗族侗族自治州',
    name_en: 'Qiandongnan Prefecture',
    parent_code: '520000',
    level: 'city',
  },
  { code: '522601', name_zh: '凯里市', name_en: 'Kaili', parent_code: '522600', level: 'county' },
];

const EXAMPLE_NOTE = '示例数据，非真实标准 / example figure, not a real standard';
const example = (parameter: string, region: string, value: number, from = '2023-01-01'): ParameterValue => ({
  parameter,
  region,
  from,
  value,
  source: 'example',
  note: EXAMPLE_NOTE,
});

export const DEMO_PARAMETERS: readonly ParameterValue[] = [
  example('minimum-wage.monthly', '510000', 210_000),
  example('minimum-wage.monthly', '620000', 198_000),
  example('minimum-wage.monthly', '520000', 200_000),
  example('handling.time-limit-working-days', '000000', 20),
  example('vocational-training.standard', '000000', 150_000),
  example('skill-evaluation.standard', '000000', 30_000),
  example('social-insurance.flexible-share-permille', '000000', 667),
  example('job-seeking.amount', '510000', 150_000, '2026-01-01'),
  example('labour-export.transport.other-province', '621000', 60_000),
  example('labour-export.transport.within-province', '621000', 30_000),
  example('labour-export.transport.other-province', '520000', 50_000),
  example('labour-export.job-seeking.standard', '510000', 40_000, '2024-07-13'),
];

/** Regions and example local settings, into an empty database only; tests start from this. */
export async function seedReferenceData(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('region').select('code').limit(1).executeTakeFirst();
    if (existing) return false;
    await trx.insertInto('region').values(REGIONS).execute();
    await insertParameterValues(trx, DEMO_PARAMETERS);
    return true;
  });
}

/** `npm start` on an empty database: the reference data and a believable demo city. */
export async function seedDemoIfEmpty(db: Kysely<Database>, vault: Vault): Promise<boolean> {
  if (!(await seedReferenceData(db))) return false;
  await seedDemoCity(db, vault);
  return true;
}
