import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.js';
import { readInWorker } from './sheet-readers.js';
import { checkZip } from './sheet-zip.js';

/**
 * Reading and writing the tables people exchange with a bureau: .xlsx from Excel or WPS, and .csv
 * in UTF-8 or in GB18030 (what Excel on a Chinese Windows saves). Cells come back as text exactly
 * as typed; a cell Excel stored as a number is flagged, because an 18-digit ID number kept as a
 * number has already lost its last digits.
 */
export interface Cell {
  readonly text: string;
  /** Excel held it as a number (not text). */
  readonly numeric: boolean;
}

export type Table = Cell[][];

export interface SheetLimits {
  /** The file as uploaded. */
  readonly maxBytes: number;
  /** An .xlsx's entries inflated, all together. */
  readonly maxUnzippedBytes: number;
  /** Inflated ÷ deflated for one large entry: 100, as Apache POI's ZipSecureFile (0.01). */
  readonly maxRatio: number;
  /** Rows of the first sheet, header included. */
  readonly maxRows: number;
  /** After this the worker reading the file is terminated. */
  readonly timeLimitMs: number;
}

const MB = 1024 * 1024;

/**
 * 20 MB holds a 100,000-row bank return file as CSV (6.5 MB) or .xlsx (3.2 MB, 40 MB unzipped)
 * with room to spare; 100 MB unzipped is what a worker reads within its heap (sheet-readers.ts).
 */
export const SHEET_LIMITS: SheetLimits = {
  maxBytes: 20 * MB,
  maxUnzippedBytes: 100 * MB,
  maxRatio: 100,
  maxRows: 200_000,
  timeLimitMs: 120_000,
};

const mb = (bytes: number) => `${Math.floor(bytes / MB)} MB`;

/**
 * The first sheet of an .xlsx, or a .csv, read in a worker thread so that no file, however large or
 * hostile, holds up other requests. Refusals name the `file` field: too large as uploaded or
 * unzipped, a zip that inflates out of proportion or beyond what its directory says, too many
 * rows, or more time or memory than a worker is given; anything else unreadable is UNSUPPORTED_FILE.
 */
export async function readTable(file: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<Table> {
  if (file.length > limits.maxBytes) throw new AppError('SHEET_TOO_LARGE', 413, 'file', { max: mb(limits.maxBytes) });
  if (file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b) {
    const zip = await checkZip(file, limits);
    if (!zip.ok && zip.reason === 'unzipped')
      throw new AppError('SHEET_UNZIPPED_TOO_LARGE', 413, 'file', { max: mb(limits.maxUnzippedBytes) });
    if (!zip.ok && zip.reason === 'ratio')
      throw new AppError('SHEET_COMPRESSION_SUSPECT', 422, 'file', { max: String(limits.maxRatio) });
    if (!zip.ok) throw new AppError('UNSUPPORTED_FILE', 415, 'file');
  }
  const read = await readInWorker(file, limits);
  if ('rows' in read) return read.rows;
  if (read.error === 'rows')
    throw new AppError('SHEET_TOO_MANY_ROWS', 413, 'file', { max: limits.maxRows.toLocaleString('en-US') });
  if (read.error === 'time' || read.error === 'memory') throw new AppError('SHEET_TOO_COMPLEX', 422, 'file');
  throw new AppError('UNSUPPORTED_FILE', 415, 'file');
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab or CR first: OWASP's CSV
 * injection list) gets a leading apostrophe, so a payee named `=HYPERLINK(…)` stays a name in the
 * bank's Excel. A plain number, negative included, is no formula and is left as it is.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Every cell neutralised, then quoted if it holds a comma, a quote or a line break (RFC 4180). */
export function toCsv(rows: readonly (readonly string[])[]): Buffer {
  const esc = (cell: string) => {
    const v = neutraliseCell(cell);
    return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  // The BOM makes Excel open the file as UTF-8 rather than the system code page.
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** An amount of money in a sheet: written as a number of 元 Excel can add up, not as text. */
export interface SheetAmount {
  readonly fen: number;
}

/**
 * A workbook of one sheet; every column is formatted as text so ID numbers stay text. Strings are
 * written as string cells, never formulas, and the text format keeps them so when edited in Excel:
 * no apostrophe is needed here, and none is added, since it would become part of the value. An
 * amount (`{ fen }`) is the one cell written as a number, in 元 with two decimals.
 */
export async function toXlsx(
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly (string | SheetAmount)[])[],
  notes: readonly string[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(14, h.length * 2), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(r.map((cell) => (typeof cell === 'string' ? cell : cell.fen / 100)));
    r.forEach((cell, i) => {
      if (typeof cell !== 'string') row.getCell(i + 1).numFmt = '#,##0.00';
    });
  }
  if (notes.length > 0) {
    const help = workbook.addWorksheet('说明 Notes');
    help.getColumn(1).width = 120;
    for (const n of notes) help.addRow([n]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
