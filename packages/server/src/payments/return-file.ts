import { maskIdNumber, parseYuan } from '@huimin/policy';
import { AppError } from '../http/errors.js';
import { readTable, type Cell } from '../registry/import/tabular.js';
import type { BankLayout, ReturnColumn } from './bank-layouts.js';

/** One row of a bank's return file, by the layout's field names (`seq`, `account`, `amount`, `status` …). */
export interface ReturnRow {
  /** The row's number in the file, its header being row 1. */
  readonly row: number;
  get(field: ReturnColumn): string;
}

/**
 * The rows of a return file in the batch's layout; a column the layout needs and the file lacks is
 * refused before anything is claimed or settled, as is a file with no row after its header. Blank
 * rows are left out.
 */
export async function readReturnFile(file: Buffer, layout: BankLayout): Promise<ReturnRow[]> {
  const table = await readTable(file);
  const columns = layout.returnColumns.map((r) => r.header).join(' ');
  const blank = (cells: readonly Cell[]) => cells.every((c) => !c.text);
  // A file with nothing in it answers nothing: said as such, not as a lost column.
  if (table.every(blank)) throw new AppError('RETURN_FILE_EMPTY', 400, 'file', { columns });
  const header = (table[0] ?? []).map((c) => c.text);
  const at = new Map<string, number>(layout.returnColumns.map((c) => [c.field, header.indexOf(c.header)]));
  for (const c of layout.returnColumns)
    if ((at.get(c.field) ?? -1) < 0)
      throw new AppError('RETURN_FILE_COLUMN_MISSING', 400, 'file', { column: c.header, columns });
  // The header alone, or blank rows after it: no result to settle.
  if (table.slice(1).every(blank)) throw new AppError('RETURN_FILE_EMPTY', 400, 'file', { columns });
  const rows: ReturnRow[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells: Cell[] = table[r] ?? [];
    if (cells.every((c) => !c.text)) continue;
    rows.push({ row: r + 1, get: (field) => cells[at.get(field) ?? -1]?.text ?? '' });
  }
  return rows;
}

/** An account number as the bank file had it, shown by its first six and last four digits. */
export function maskAccount(account: string): string {
  return account.length > 10 ? maskIdNumber(account, 6, 4) : account.replace(/./g, '*');
}

/** What a row said, kept with the file (the account masked) for the reconciliation page. */
export function rowAsSaid(r: ReturnRow): {
  row: number;
  seq: string;
  accountMasked: string;
  name: string;
  amountFen: number | null;
} {
  return {
    row: r.row,
    seq: r.get('seq'),
    accountMasked: maskAccount(r.get('account')),
    name: r.get('name'),
    amountFen: parseYuan(r.get('amount')) ?? null,
  };
}
