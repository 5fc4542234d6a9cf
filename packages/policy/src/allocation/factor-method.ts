import { formatCitation, type Citation } from '../core/documents.js';
import type { Fen } from '../core/money.js';
import type { RegionCode } from '../core/regions.js';
import { text, type Text } from '../core/text.js';
import { CS181, SC2025 } from '../rules/common.js';

/**
 * The factor method (因素法): a total split among regions by weighted indicators, then adjusted by
 * per-region coefficients (performance, fiscal difficulty), with the result in whole 分 that sums
 * exactly to the total. Weights and coefficients are data, so a bureau edits them each year as the
 * texts allow ("每年分配资金选择的因素、权重…可…适当调整", 181号 第十八条).
 *
 * All arithmetic is exact (BigInt rationals): a region's share of an indicator is its value over the
 * sum of all regions' values; its score is the weighted sum of its shares; the score times its
 * coefficients is its quota; quotas are floored to the 分 and the 分 left over go, one each, to the
 * largest remainders (ties to the lower region code).
 */
export interface Indicator {
  readonly id: string;
  readonly name: Text;
  /** Weight in basis points of the whole (35% = 3500). */
  readonly weightBp: number;
}

export interface Factor {
  readonly id: string;
  readonly name: Text;
  readonly indicators: readonly Indicator[];
}

export interface Coefficient {
  readonly id: string;
  readonly name: Text;
}

export interface AllocationScheme {
  readonly id: string;
  readonly name: Text;
  readonly citation: Citation;
  readonly factors: readonly Factor[];
  readonly coefficients: readonly Coefficient[];
  /** What the scheme's source leaves unsaid and how it was filled in. */
  readonly note?: Text;
}

export interface RegionInput {
  readonly region: RegionCode;
  /** Indicator values: non-negative whole numbers (people, enterprises, 分). */
  readonly values: Readonly<Record<string, number>>;
  /** Coefficients in ten-thousandths (1.05 = 10500); absent means 1. */
  readonly coefficients?: Readonly<Record<string, number>>;
}

export interface AllocationRow {
  readonly region: RegionCode;
  readonly amountFen: Fen;
  /** Share of each indicator, in millionths (12.3456% = 123456). */
  readonly sharesPpm: Readonly<Record<string, number>>;
  /** Weighted score before and after the coefficients, in millionths of the whole. */
  readonly scorePpm: number;
  readonly adjustedScorePpm: number;
  /** The 分 this region received from the largest-remainder step (0 or 1). */
  readonly remainderFen: number;
  readonly explanation: Text;
}

export interface Allocation {
  readonly scheme: string;
  readonly totalFen: Fen;
  readonly rows: readonly AllocationRow[];
  readonly cites: string;
}

export type AllocationProblem =
  | { readonly code: 'WEIGHTS_NOT_100'; readonly totalBp: number }
  | { readonly code: 'INDICATOR_ALL_ZERO'; readonly indicator: string }
  | { readonly code: 'BAD_VALUE'; readonly region: RegionCode; readonly field: string }
  | { readonly code: 'NO_REGIONS' }
  | { readonly code: 'DUPLICATE_REGION'; readonly region: RegionCode }
  | { readonly code: 'BAD_TOTAL' };

export class AllocationError extends Error {
  constructor(readonly problem: AllocationProblem) {
    super(problem.code);
  }
}

const indicatorsOf = (scheme: AllocationScheme) => scheme.factors.flatMap((f) => f.indicators);

export function checkScheme(scheme: AllocationScheme): AllocationProblem | null {
  const total = indicatorsOf(scheme).reduce((n, i) => n + i.weightBp, 0);
  return total === 10_000 ? null : { code: 'WEIGHTS_NOT_100', totalBp: total };
}

export function allocate(scheme: AllocationScheme, totalFen: Fen, inputs: readonly RegionInput[]): Allocation {
  const fail = (p: AllocationProblem): never => {
    throw new AllocationError(p);
  };
  const schemeProblem = checkScheme(scheme);
  if (schemeProblem) fail(schemeProblem);
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) fail({ code: 'BAD_TOTAL' });
  if (inputs.length === 0) fail({ code: 'NO_REGIONS' });
  const seen = new Set<string>();
  for (const r of inputs) {
    if (seen.has(r.region)) fail({ code: 'DUPLICATE_REGION', region: r.region });
    seen.add(r.region);
  }
  const indicators = indicatorsOf(scheme);
  const value = (r: RegionInput, id: string): bigint => {
    const v = r.values[id] ?? 0;
    if (!Number.isSafeInteger(v) || v < 0) fail({ code: 'BAD_VALUE', region: r.region, field: `values.${id}` });
    return BigInt(v);
  };
  const coefficient = (r: RegionInput, id: string): bigint => {
    const c = r.coefficients?.[id] ?? 10_000;
    if (!Number.isSafeInteger(c) || c < 0) fail({ code: 'BAD_VALUE', region: r.region, field: `coefficients.${id}` });
    return BigInt(c);
  };
  const sums = indicators.map((i) => inputs.reduce((n, r) => n + value(r, i.id), 0n));
  indicators.forEach((ind, k) => {
    if (sums[k] === 0n) fail({ code: 'INDICATOR_ALL_ZERO', indicator: ind.id });
  });

  // score_r = Σ_i w_i · v_ri / V_i, as a fraction over the common denominator D = Π V_i.
  const D = sums.reduce((a, b) => a * b, 1n);
  const scoreNum = inputs.map((r) =>
    indicators.reduce((n, ind, k) => n + BigInt(ind.weightBp) * value(r, ind.id) * (D / (sums[k] as bigint)), 0n),
  );
  const coeffScale = 10_000n ** BigInt(scheme.coefficients.length);
  const adjusted = inputs.map((r, j) =>
    scheme.coefficients.reduce((n, c) => n * coefficient(r, c.id), scoreNum[j] as bigint),
  );
  const adjustedSum = adjusted.reduce((a, b) => a + b, 0n);
  const total = BigInt(totalFen);
  const quotas = adjusted.map((a) => (adjustedSum === 0n ? 0n : (total * a) / adjustedSum));
  const remainders = adjusted.map((a) => (adjustedSum === 0n ? 0n : (total * a) % adjustedSum));
  let left = total - quotas.reduce((a, b) => a + b, 0n);
  // 最大余额法: the fen the proportional shares leave over go one each to the largest remainders.
  const leftOver = left;
  const order = inputs
    .map((_, j) => j)
    .sort((x, y) => {
      const rx = remainders[x] as bigint;
      const ry = remainders[y] as bigint;
      return rx === ry ? ((inputs[x]?.region ?? '') < (inputs[y]?.region ?? '') ? -1 : 1) : rx > ry ? -1 : 1;
    });
  const extra = inputs.map(() => 0n);
  for (const j of order) {
    if (left === 0n) break;
    extra[j] = 1n;
    left--;
  }

  const ppm = (num: bigint, den: bigint) => Number(den === 0n ? 0n : (num * 1_000_000n) / den);
  const rows = inputs.map((r, j): AllocationRow => {
    const sharesPpm = Object.fromEntries(
      indicators.map((ind, k) => [ind.id, ppm(value(r, ind.id), sums[k] as bigint)]),
    );
    const scorePpm = ppm(scoreNum[j] as bigint, D * 10_000n);
    const adjustedScorePpm = ppm(adjusted[j] as bigint, D * 10_000n * coeffScale);
    const amountFen = Number((quotas[j] as bigint) + (extra[j] as bigint));
    const shares = indicators.map(
      (ind) => `${ind.name.zh} ${percent(sharesPpm[ind.id] ?? 0)}×${percent(ind.weightBp * 100)}`,
    );
    const sharesEn = indicators.map(
      (ind) => `${ind.name.en} ${percent(sharesPpm[ind.id] ?? 0)}×${percent(ind.weightBp * 100)}`,
    );
    const coeffs = scheme.coefficients.map((c) => `${c.name.zh} ${ratio(Number(coefficient(r, c.id)))}`);
    const coeffsEn = scheme.coefficients.map((c) => `${c.name.en} ${ratio(Number(coefficient(r, c.id)))}`);
    return {
      region: r.region,
      amountFen,
      sharesPpm,
      scorePpm,
      adjustedScorePpm,
      remainderFen: Number(extra[j]),
      explanation: text(
        `得分 = ${shares.join(' + ')} = ${percent(scorePpm)}${coeffs.length ? `；调节：${coeffs.join('，')}` : ''}；按调节后得分占比分配${extra[j] ? `（含尾差1分：按比例取整后共余 ${leftOver} 分，按余数从大到小每地区补 1 分）` : ''}`,
        `score = ${sharesEn.join(' + ')} = ${percent(scorePpm)}${coeffsEn.length ? `; adjusted by ${coeffsEn.join(', ')}` : ''}; allocated in proportion to the adjusted score${extra[j] ? ` (plus 1 fen: rounding down left ${leftOver} fen over, given 1 fen each to the largest remainders)` : ''}`,
      ),
    };
  });
  return { scheme: scheme.id, totalFen, rows, cites: formatCitation(scheme.citation) };
}

/** Millionths as a percentage with four decimals, by integer arithmetic. */
function percent(ppm: number): string {
  const whole = Math.floor(ppm / 10_000);
  return `${whole}.${String(ppm % 10_000).padStart(4, '0')}%`;
}

/** Ten-thousandths as a decimal (10500 → 1.05). */
function ratio(tenThousandths: number): string {
  const frac = String(tenThousandths % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${Math.floor(tenThousandths / 10_000)}${frac ? `.${frac}` : ''}`;
}

const single = (
  id: string,
  zh: string,
  en: string,
  weightBp: number,
  indicatorZh: string,
  indicatorEn: string,
): Factor => ({
  id,
  name: text(zh, en),
  indicators: [{ id, name: text(indicatorZh, indicatorEn), weightBp }],
});

/** 财社〔2023〕181号 第十八条: four factors, adjusted by performance and fiscal capacity. */
export const NATIONAL_EMPLOYMENT_SCHEME: AllocationScheme = {
  id: 'national-2023',
  name: text(
    '中央财政就业补助资金因素法（35/15/15/35）',
    'Central employment subsidy funds, factor method (35/15/15/35)',
  ),
  citation: CS181('第十八条'),
  factors: [
    single('basic', '基础因素', 'Basic factor', 3500, '劳动力人口等（就业工作任务量）', 'Labour force and workload'),
    single(
      'input',
      '投入因素',
      'Input factor',
      1500,
      '地方就业补助资金安排使用',
      'Local employment funds arranged and spent',
    ),
    single('outcome', '工作成果因素', 'Outcome factor', 1500, '城镇新增就业等', 'New urban jobs and other outcomes'),
    single('key-work', '重点工作因素', 'Key-work factor', 3500, '年度重点任务指标', "The year's key tasks"),
  ],
  coefficients: [
    { id: 'performance', name: text('绩效调节系数', 'Performance coefficient') },
    { id: 'fiscal', name: text('财力调节系数', 'Fiscal capacity coefficient') },
  ],
};

/** 四川 办法 第十四条（一）1: basic 45% with five sub-weights, effort, key work 35%, fiscal difficulty. */
export const SICHUAN_EMPLOYMENT_SCHEME: AllocationScheme = {
  id: 'sichuan-2025',
  name: text('四川省就业创业服务补助因素法', 'Sichuan employment service subsidies, factor method'),
  citation: SC2025('第十四条'),
  factors: [
    {
      id: 'basic',
      name: text('基础因素（45%）', 'Basic factor (45%)'),
      indicators: [
        { id: 'resident-population', name: text('常住人口数', 'Resident population'), weightBp: 2000 },
        { id: 'registered-unemployed', name: text('登记失业人数', 'Registered unemployed'), weightBp: 500 },
        { id: 'new-urban-jobs', name: text('城镇新增就业人数', 'New urban jobs'), weightBp: 500 },
        { id: 'hard-to-employ', name: text('就业困难人数', 'Hard to employ'), weightBp: 500 },
        { id: 'market-entities', name: text('市场主体数', 'Market entities'), weightBp: 1000 },
      ],
    },
    single('effort', '努力程度（20%）', 'Effort (20%)', 2000, '努力程度评分', 'Effort score'),
    single('key-work', '重点工作（35%）', 'Key work (35%)', 3500, '阶段性重点工作评分', 'Key-work score'),
  ],
  coefficients: [{ id: 'fiscal-difficulty', name: text('财政困难程度系数', 'Fiscal difficulty coefficient') }],
  note: text(
    '文本第（2）项“努力程度”的权重在所据文本中缺失，按 100% − 45% − 35% = 20% 补足；可按年度调整。',
    'The weight of item (2), effort, is missing from the copy of the text; it is taken as 100% − 45% − 35% = 20% and can be changed each year.',
  ),
};

/** 四川 办法 第十四条（一）2: special training, 70% trainees, 30% results. */
export const SICHUAN_TRAINING_SCHEME: AllocationScheme = {
  id: 'sichuan-2025-training',
  name: text('四川省专项人才队伍培训因素法（70/30）', 'Sichuan special training funds, factor method (70/30)'),
  citation: SC2025('第十四条'),
  factors: [
    single('trainees', '培训需求人数', 'Trainees', 7000, '培训需求人数', 'Trainees needing training'),
    single('results', '培训效果', 'Results', 3000, '培训效果评分', 'Training results score'),
  ],
  coefficients: [],
};

export const ALLOCATION_PRESETS: readonly AllocationScheme[] = [
  NATIONAL_EMPLOYMENT_SCHEME,
  SICHUAN_EMPLOYMENT_SCHEME,
  SICHUAN_TRAINING_SCHEME,
];
