/**
 * Bank file layouts (代发文件格式). Each bank has its own: which columns, in what order, with what
 * headers, as CSV or XLSX, and how its return file reports each row. Layouts are data; a region adds
 * its banks' layouts here. Amounts in the files are 元 with two decimals, written and read as text.
 * The payee's name is the one field people type: the writers (toCsv, toXlsx in tabular.ts) keep it
 * from running as a formula in the bank's spreadsheet; sequence, account and amount (positive, by
 * the payment_item check) are ours and digits.
 */
export type OutColumn = 'seq' | 'account' | 'name' | 'amount' | 'memo';
export type ReturnColumn = 'seq' | 'account' | 'name' | 'amount' | 'status' | 'reason' | 'reference';

export interface BankLayout {
  readonly code: string;
  readonly name: string;
  readonly format: 'csv' | 'xlsx';
  readonly columns: readonly { readonly field: OutColumn; readonly header: string }[];
  readonly returnColumns: readonly { readonly field: ReturnColumn; readonly header: string }[];
  /** How the return file says "paid". */
  readonly successValues: readonly string[];
  /** How it says "not paid" (the reason column says why) or "paid and sent back" (退票). */
  readonly failureValues: readonly string[];
}

const RETURN_COLUMNS: BankLayout['returnColumns'] = [
  { field: 'seq', header: '序号' },
  { field: 'account', header: '账号' },
  { field: 'name', header: '户名' },
  { field: 'amount', header: '金额' },
  { field: 'status', header: '处理结果' },
  { field: 'reason', header: '失败原因' },
  { field: 'reference', header: '银行流水号' },
];

export const BANK_LAYOUTS: readonly BankLayout[] = [
  {
    code: 'generic-csv',
    name: '通用代发格式（CSV）',
    format: 'csv',
    columns: [
      { field: 'seq', header: '序号' },
      { field: 'account', header: '账号' },
      { field: 'name', header: '户名' },
      { field: 'amount', header: '金额' },
      { field: 'memo', header: '摘要' },
    ],
    returnColumns: RETURN_COLUMNS,
    successValues: ['成功', 'SUCCESS', '00'],
    failureValues: ['失败', '退票', 'FAIL', 'FAILED', 'RETURNED'],
  },
  {
    code: 'generic-xlsx',
    name: '通用代发格式（Excel）',
    format: 'xlsx',
    columns: [
      { field: 'seq', header: '序号' },
      { field: 'name', header: '户名' },
      { field: 'account', header: '账号' },
      { field: 'amount', header: '金额' },
      { field: 'memo', header: '摘要' },
    ],
    returnColumns: RETURN_COLUMNS,
    successValues: ['成功', 'SUCCESS', '00'],
    failureValues: ['失败', '退票', 'FAIL', 'FAILED', 'RETURNED'],
  },
];

/**
 * What a return row's result says, compared without surrounding spaces or letter case. A value the
 * layout does not list settles nothing: read as a failure, a bank's "交易成功" or a typo marked a
 * pending item failed, and an item already paid bounced back (退票) with its money.
 */
export function returnStatus(layout: BankLayout, value: string): 'paid' | 'failed' | 'unknown' {
  const said = value.trim().toUpperCase();
  if (layout.successValues.some((v) => v.toUpperCase() === said)) return 'paid';
  if (layout.failureValues.some((v) => v.toUpperCase() === said)) return 'failed';
  return 'unknown';
}

export function bankLayout(code: string): BankLayout | undefined {
  return BANK_LAYOUTS.find((l) => l.code === code);
}
