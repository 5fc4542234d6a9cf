// @ts-check
/**
 * Reads one uploaded table in a worker thread, so a large or hostile sheet costs this thread and
 * never the server's event loop (see tabular.ts, which checks the zip before sending it here).
 *
 * Plain JavaScript on purpose: the same file runs from src under Vitest and from dist in production
 * (tsc copies it there with allowJs), where a .ts worker would need a loader plain node lacks.
 */
import { parentPort } from 'node:worker_threads';

/** @typedef {{ text: string; numeric: boolean }} Cell */
/** @typedef {{ file: Uint8Array; maxRows: number }} Job */
/** @typedef {{ rows: Cell[][] } | { error: 'rows' | 'unreadable' }} Reply */

class TooManyRows extends Error {}

/** @type {typeof import('exceljs') | undefined} */
let excel;

parentPort?.on('message', (/** @type {Job} */ job) => {
  read(job).then(
    (rows) => parentPort?.postMessage(/** @type {Reply} */ ({ rows })),
    (e) => parentPort?.postMessage(/** @type {Reply} */ ({ error: e instanceof TooManyRows ? 'rows' : 'unreadable' })),
  );
});

/** @param {Job} job */
async function read(job) {
  const file = Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength);
  if (file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b) return readXlsx(file, job.maxRows);
  return parseCsv(decodeText(file), job.maxRows);
}

/**
 * @param {Buffer} file
 * @param {number} maxRows
 * @returns {Promise<Cell[][]>}
 */
async function readXlsx(file, maxRows) {
  // Loaded on first use: a worker that only ever reads CSV starts without it.
  excel ??= (await import('exceljs')).default;
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(/** @type {ArrayBuffer} */ (/** @type {unknown} */ (file)));
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > maxRows) throw new TooManyRows();
  // columnCount walks every row; asked once per cell it made reading quadratic in the rows.
  const columns = sheet.columnCount;
  /** @type {Cell[][]} */
  const rows = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    /** @type {Cell[]} */
    const cells = [];
    for (let c = 1; c <= columns; c++) cells.push(cellOf(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/**
 * Cells come back as text exactly as typed; a cell Excel stored as a number is flagged, because an
 * 18-digit ID number kept as a number has already lost its last digits.
 * @param {import('exceljs').CellValue} value
 * @returns {Cell}
 */
function cellOf(value) {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if (typeof value === 'object') {
    if ('richText' in value)
      return {
        text: value.richText
          .map((r) => r.text)
          .join('')
          .trim(),
        numeric: false,
      };
    if ('result' in value) return cellOf(/** @type {import('exceljs').CellValue} */ (value.result));
    if ('text' in value) return { text: String(value.text).trim(), numeric: false };
  }
  return { text: String(value).trim(), numeric: false };
}

/**
 * UTF-8 (with or without BOM), else GB18030 (what Excel on a Chinese Windows saves).
 * @param {Buffer} file
 */
function decodeText(file) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

/**
 * RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
 * @param {string} text
 * @param {number} maxRows
 * @returns {Cell[][]}
 */
function parseCsv(text, maxRows) {
  /** @type {Cell[][]} */
  const rows = [];
  /** @type {Cell[]} */
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push({ text: field.trim(), numeric: false });
    field = '';
  };
  const endRow = () => {
    endField();
    if (rows.length === maxRows) throw new TooManyRows();
    rows.push(row);
    row = [];
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
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
