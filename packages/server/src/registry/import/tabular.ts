import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.js';

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

/** The first sheet of an .xlsx, or a .csv; anything it cannot read is refused as UNSUPPORTED_FILE. */
export async function readTable(file: Buffer): Promise<Table> {
  try {
    if (file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b) return await readXlsx(file);
    return parseCsv(decodeText(file));
  } catch {
    throw new AppError('UNSUPPORTED_FILE', 415, 'file');
  }
}

async function readXlsx(file: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellOf(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim(), numeric: false };
    if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
    if ('text' in value) return { text: String(value.text).trim(), numeric: false };
  }
  return { text: String(value as string).trim(), numeric: false };
}

/** UTF-8 (with or without BOM), else GB18030. */
function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): Table {
  const rows: Table = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push({ text: field.trim(), numeric: false });
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

export function toCsv(rows: readonly (readonly string[])[]): Buffer {
  const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  // The BOM makes Excel open the file as UTF-8 rather than the system code page.
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** A workbook of one sheet; every column is formatted as text so ID numbers stay text. */
export async function toXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly string[])[], notes: readonly string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(14, h.length * 2), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([...r]);
  if (notes.length > 0) {
    const help = workbook.addWorksheet('说明 Notes');
    help.getColumn(1).width = 120;
    for (const n of notes) help.addRow([n]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
