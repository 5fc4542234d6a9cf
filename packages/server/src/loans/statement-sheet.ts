import { isQuarterKey } from '@huimin/policy';
import { toXlsx } from '../registry/import/tabular.js';
import { RowError, RowReader, yesNo, yuanToFen, type Column, type Row } from '../registry/import/templates.js';

/**
 * A lending bank's quarterly interest statement (结息清单), one row per loan: the balance, the rate
 * charged, the quarter's interest and whether the borrower repaid on time. Known by key or Chinese
 * name in any order, like every other sheet here.
 */
export const STATEMENT_COLUMNS: readonly Column[] = [
  { key: 'loanNumber', zh: '贷款编号', en: 'Loan number', required: true, example: 'DB510104-2025-00001' },
  { key: 'period', zh: '结息期间', en: 'Quarter', required: true, example: '2025-Q3', help: 'YYYY-Qn' },
  { key: 'balance', zh: '贷款余额（元）', en: 'Balance (yuan)', required: true, example: '200000.00' },
  { key: 'annualRate', zh: '执行年利率（%）', en: 'Annual rate (%)', required: true, example: '3.45' },
  { key: 'interest', zh: '本期利息（元）', en: 'Interest for the quarter (yuan)', required: true, example: '1743.33' },
  { key: 'repaidOnTime', zh: '是否按期还款', en: 'Repaid on time', required: true, example: '是', help: '是 或 否' },
];

export interface StatementRow {
  readonly loanNumber: string;
  readonly period: string;
  readonly balanceFen: number;
  readonly annualRateBp: number;
  readonly interestFen: number;
  readonly repaidOnTime: boolean;
}

/** A rate as banks write it, in percent with at most two decimals ("3.45"), to basis points, by text. */
function rateBp(row: Row, key: string): number {
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?%?$/.exec((row[key] ?? '').trim());
  if (!m)
    throw new RowError(key, '应为年利率百分数，最多两位小数，如 3.45', 'must be a yearly rate in percent, e.g. 3.45');
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** One row of the statement, every cell's problem at once (a RowErrors): a bank fixes a row once. */
export function readStatementRow(row: Row): StatementRow {
  const r = new RowReader();
  const period = r.take(() => {
    const v = (row.period ?? '').trim();
    if (!isQuarterKey(v)) throw new RowError('period', '应为季度，如 2025-Q3', 'must be a quarter such as 2025-Q3');
    return v;
  });
  const read = {
    balanceFen: r.take(() => yuanToFen(row, 'balance')),
    annualRateBp: r.take(() => rateBp(row, 'annualRate')),
    interestFen: r.take(() => yuanToFen(row, 'interest')),
    repaidOnTime: r.take(() => yesNo(row, 'repaidOnTime')),
  };
  r.done();
  return {
    loanNumber: (row.loanNumber ?? '').trim(),
    period: period ?? '',
    balanceFen: read.balanceFen ?? 0,
    annualRateBp: read.annualRateBp ?? 0,
    interestFen: read.interestFen ?? 0,
    repaidOnTime: read.repaidOnTime ?? false,
  };
}

export function statementTemplate(): Promise<Buffer> {
  return toXlsx(
    '结息清单',
    STATEMENT_COLUMNS.map((c) => `${c.zh} (${c.key})`),
    [STATEMENT_COLUMNS.map((c) => c.example)],
    [
      '创业担保贷款季度结息清单 / Quarterly interest statement of start-up guaranteed loans',
      '任一行有错误时整份文件不导入，并返回逐行错误清单。/ If any row is wrong, nothing is imported and every problem is listed.',
      '同一笔贷款同一季度只计算一次贴息；同一文件重复导入不重复计算。/ Each loan’s quarter is subsidised once; importing a file again computes nothing twice.',
      ...STATEMENT_COLUMNS.map(
        (c) => `${c.zh} (${c.key})${c.required ? ' *必填 required' : ''}${c.help ? `：${c.help}` : ''}`,
      ),
    ],
  );
}
