import {
  ALLOCATION_PRESETS,
  allocate,
  AllocationError,
  formatYuan,
  type Allocation,
  type AllocationScheme,
  type RegionInput,
} from '@huimin/policy';
import { AppError, inBoth } from '../http/errors.js';
import { readTable, toXlsx } from '../registry/import/tabular.js';

/**
 * The factor-method calculator (因素法测算) over the API: a preset or an edited scheme, a total, and
 * each region's indicator values and coefficients, typed in or read from Excel; the result sums
 * exactly to the total and shows each region's calculation, as data or as Excel.
 */
export function scheme(id: string, custom?: AllocationScheme): AllocationScheme {
  if (custom) return custom;
  const preset = ALLOCATION_PRESETS.find((s) => s.id === id);
  if (!preset) throw new AppError('UNKNOWN_SCHEME', 404, 'scheme', { value: id });
  return preset;
}

/** An indicator (or a coefficient) by its name in the scheme, not its id (`basic` is 劳动力人口等). */
function nameIn(s: AllocationScheme, id: unknown): { zh: string; en: string } {
  const indicator = s.factors.flatMap((f) => f.indicators).find((i) => i.id === id);
  return indicator ? indicator.name : { zh: String(id), en: String(id) };
}

const PROBLEMS: Record<string, (p: Record<string, unknown>, s: AllocationScheme) => [zh: string, en: string]> = {
  WEIGHTS_NOT_100: (p) => [
    `权重合计为 ${Number(p.totalBp) / 100}%，应为100%`,
    `weights add up to ${Number(p.totalBp) / 100}%, not 100%`,
  ],
  INDICATOR_ALL_ZERO: (p, s) => [
    `指标「${nameIn(s, p.indicator).zh}」各地均为0，无法按其分配；请填入各地的值，或将其权重调为0`,
    `the indicator “${nameIn(s, p.indicator).en}” is zero everywhere, so nothing can be shared by it; enter each region’s value, or set its weight to 0`,
  ],
  BAD_VALUE: (p) => [
    `${String(p.region)} 的 ${String(p.field)} 应为非负整数`,
    `${String(p.field)} of ${String(p.region)} must be a whole non-negative number`,
  ],
  NO_REGIONS: () => ['没有参与分配的地区', 'no regions to allocate to'],
  DUPLICATE_REGION: (p) => [`地区 ${String(p.region)} 重复`, `region ${String(p.region)} appears twice`],
  BAD_TOTAL: () => ['分配总额应为非负整数（分）', 'the total must be a whole non-negative number of fen'],
};

export function calculate(s: AllocationScheme, totalFen: number, regions: readonly RegionInput[]): Allocation {
  try {
    return allocate(s, totalFen, regions);
  } catch (error) {
    if (error instanceof AllocationError) {
      const p = error.problem as unknown as Record<string, unknown> & { code: string };
      throw new AppError(
        'ALLOCATION_INVALID',
        422,
        'regions',
        inBoth('detail', ...(PROBLEMS[p.code]?.(p, s) ?? [p.code, p.code])),
      );
    }
    throw error;
  }
}

const indicatorIds = (s: AllocationScheme) => s.factors.flatMap((f) => f.indicators.map((i) => i.id));

/** The input template: a row per region, a column per indicator and coefficient. */
export function inputTemplate(s: AllocationScheme): Promise<Buffer> {
  const header = [
    '行政区划代码 (region)',
    ...s.factors.flatMap((f) => f.indicators.map((i) => `${i.name.zh} (${i.id})`)),
    ...s.coefficients.map((c) => `${c.name.zh}（1=不调节）(${c.id})`),
  ];
  return toXlsx(
    '因素法测算',
    header,
    [['510104', ...indicatorIds(s).map(() => '0'), ...s.coefficients.map(() => '1')]],
    [`${s.name.zh} — ${s.name.en}`, ...(s.note ? [s.note.zh] : [])],
  );
}

/** Reads the regions from a filled template; coefficients are decimals (1.05), stored in ten-thousandths. */
export async function readInput(s: AllocationScheme, file: Buffer): Promise<RegionInput[]> {
  const table = await readTable(file);
  const header = (table[0] ?? []).map((c) => /\(([A-Za-z0-9-]+)\)\s*$/.exec(c.text)?.[1] ?? c.text);
  const col = (id: string) => header.indexOf(id);
  // A cell is named by its row and the column's header as the sheet shows it ("人口数 (population)").
  const cell = (r: number, id: string) => {
    const title = table[0]?.[col(id)]?.text ?? id;
    return { field: title, ...inBoth('field', `第 ${r + 1} 行「${title}」`, `row ${r + 1}, “${title}”`) };
  };
  if (col('region') < 0) throw new AppError('REQUIRED_FIELD', 400, '行政区划代码 (region)');
  const out: RegionInput[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    const get = (id: string) => cells[col(id)]?.text ?? '';
    if (!get('region')) continue;
    const values: Record<string, number> = {};
    for (const id of indicatorIds(s)) {
      const v = get(id);
      if (!/^\d+$/.test(v))
        throw new AppError('VALIDATION_FAILED', 400, cell(r, id).field, {
          ...cell(r, id),
          ...inBoth('detail', '非负整数', 'a whole number'),
        });
      values[id] = Number(v);
    }
    const coefficients: Record<string, number> = {};
    for (const c of s.coefficients) {
      const v = get(c.id) || '1';
      const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(v);
      if (!m)
        throw new AppError('VALIDATION_FAILED', 400, cell(r, c.id).field, {
          ...cell(r, c.id),
          ...inBoth('detail', '系数如 1.05', 'a coefficient such as 1.05'),
        });
      coefficients[c.id] = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
    }
    out.push({ region: get('region'), values, coefficients });
  }
  return out;
}

export function resultXlsx(s: AllocationScheme, result: Allocation): Promise<Buffer> {
  const header = ['行政区划代码', '分配金额(元)', '得分(‰‰)', '调节后得分', '尾差(分)', '测算过程'];
  return toXlsx(
    '分配结果',
    header,
    result.rows.map((r) => [
      r.region,
      { fen: r.amountFen },
      String(r.scorePpm),
      String(r.adjustedScorePpm),
      String(r.remainderFen),
      r.explanation.zh,
    ]),
    [`${s.name.zh}；依据 ${result.cites}；总额 ${formatYuan(result.totalFen)}`],
  );
}
