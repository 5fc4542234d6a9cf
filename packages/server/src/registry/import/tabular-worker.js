// @ts-check
/**
 * Reads one uploaded table in a worker thread, so a large or hostile sheet costs this thread and
 * never the server's event loop (see tabular.ts, which checks the zip before sending it here).
 *
 * Plain JavaScript on purpose: the same file runs from src under Vitest and from dist in production
 * (tsc copies it there with allowJs), where a .ts worker would need a loader plain node lacks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';

/** @typedef {{ text: string; numeric: boolean }} Cell */
/** @typedef {{ file: Uint8Array; maxRows: number }} Job */
/** @typedef {{ rows: Cell[][] } | { error: 'rows'; rowsRead: number } | { error: 'unreadable' }} Reply */

class TooManyRows extends Error {}

const TMP_ROOT = tmpdir();

/** @type {typeof import('exceljs') | undefined} */
let excel;

parentPort?.on('message', (/** @type {Job} */ job) => {
  // How many rows were parsed: a refusal for too many tells it, so it can be seen to stop at the limit.
  const counted = { read: 0 };
  read(job, counted).then(
    (rows) => parentPort?.postMessage(/** @type {Reply} */ ({ rows })),
    (e) =>
      parentPort?.postMessage(
        /** @type {Reply} */ (
          e instanceof TooManyRows ? { error: 'rows', rowsRead: counted.read } : { error: 'unreadable' }
        ),
      ),
  );
});

/**
 * @param {Job} job
 * @param {{ read: number }} counted
 */
async function read(job, counted) {
  const file = Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength);
  if (file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b) return readXlsx(file, job.maxRows, counted);
  return parseCsv(decodeText(file), job.maxRows, counted);
}

/**
 * The first sheet: streamed, and if the streaming reader cannot follow the file, loaded whole.
 * @param {Buffer} file
 * @param {number} maxRows
 * @param {{ read: number }} counted rows parsed so far, for the reply
 * @returns {Promise<Cell[][]>}
 */
async function readXlsx(file, maxRows, counted) {
  // Loaded on first use: a worker that only ever reads CSV starts without it.
  excel ??= (await import('exceljs')).default;
  try {
    return await streamXlsx(file, maxRows, counted);
  } catch (e) {
    if (e instanceof TooManyRows) throw e;
    // exceljs's streaming reader fails on some valid entry orders (a sheet after the shared
    // strings but before xl/workbook.xml, which exceljs itself writes now and then); the
    // whole-workbook reader does not care about order. The zip was checked before it came here.
    counted.read = 0;
    return loadXlsx(file, maxRows);
  }
}

/**
 * The first sheet, row by row as exceljs's streaming reader parses it: past `maxRows` the reading
 * stops there and then, so a sheet of 300,000 rows costs the rows up to the limit, not all of them
 * (loading the whole workbook first spent seconds on rows that were then refused). A sheet stored
 * before its shared strings (as Excel writes them) is inflated to a temporary file first; each
 * file's temporaries live in a directory of their own, removed however the reading ends.
 * @param {Buffer} file
 * @param {number} maxRows
 * @param {{ read: number }} counted
 * @returns {Promise<Cell[][]>}
 */
async function streamXlsx(file, maxRows, counted) {
  if (!excel) throw new Error('exceljs is not loaded');
  const scratch = await mkdtemp(join(TMP_ROOT, 'huimin-sheet-'));
  // exceljs's `tmp` asks os.tmpdir() at each file, which reads this thread's own copy of the env.
  process.env.TMPDIR = scratch;
  try {
    const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([file]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles say which numbers are dates, as the whole-workbook reader did.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    /** @type {Cell[][]} */
    const rows = [];
    let columns = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        counted.read++;
        if (row.number > maxRows) throw new TooManyRows();
        /** @type {Cell[]} */
        const cells = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c).value));
        columns = Math.max(columns, cells.length);
        rows[row.number - 1] = cells;
      }
      break; // the first sheet only
    }
    // Every row as wide as the widest, empty rows included, as the sheet is laid out.
    for (let i = 0; i < rows.length; i++) {
      const cells = (rows[i] ??= []);
      while (cells.length < columns) cells.push({ text: '', numeric: false });
    }
    return rows;
  } finally {
    process.env.TMPDIR = TMP_ROOT;
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The first sheet, from the workbook loaded whole.
 * @param {Buffer} file
 * @param {number} maxRows
 * @returns {Promise<Cell[][]>}
 */
async function loadXlsx(file, maxRows) {
  if (!excel) throw new Error('exceljs is not loaded');
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(/** @type {ArrayBuffer} */ (/** @type {unknown} */ (file)));
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > maxRows) throw new TooManyRows();
  // columnCount walks every row; asked once per cell it would make reading quadratic in the rows.
  const columns = sheet.columnCount;
  /** @type {Cell[][]} */
  const rows = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    /** @type {Cell[]} */
    const cells = [];
    for (let c = 1; c <= columns; c++) cells.push(cellOf(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++)
    rows[i] ??= Array.from({ length: columns }, () => ({ text: '', numeric: false }));
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
 * @param {{ read: number }} counted
 * @returns {Cell[][]}
 */
function parseCsv(text, maxRows, counted) {
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
    counted.read++;
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
