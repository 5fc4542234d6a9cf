import { createInflateRaw } from 'node:zlib';

/**
 * What an .xlsx (a zip) would inflate to, read from its central directory before anything is
 * inflated, so a few hundred KB that expand to gigabytes are refused by arithmetic rather than by
 * running out of memory. The directory can lie, and JSZip (inside exceljs) only notices a size
 * mismatch after inflating all of it, so each entry is also inflated once here, off the event loop
 * (zlib's thread pool), counted and dropped chunk by chunk, and stopped past the size it claims.
 */
export interface ZipLimits {
  /** The sum of every entry's uncompressed size. */
  readonly maxUnzippedBytes: number;
  /** Uncompressed ÷ compressed, for entries large enough to matter. */
  readonly maxRatio: number;
}

export type ZipVerdict = { ok: true } | { ok: false; reason: 'unzipped' | 'ratio' | 'unreadable' };

interface Entry {
  readonly method: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly localHeader: number;
}

/** Entries smaller than this may compress as well as they like (an empty sheet is mostly tags). */
const RATIO_FLOOR = 1024 * 1024;

export async function checkZip(file: Buffer, limits: ZipLimits): Promise<ZipVerdict> {
  const entries = centralDirectory(file);
  if (!entries) return { ok: false, reason: 'unreadable' };
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (total > limits.maxUnzippedBytes) return { ok: false, reason: 'unzipped' };
    if (e.uncompressed > RATIO_FLOOR && e.uncompressed > e.compressed * limits.maxRatio)
      return { ok: false, reason: 'ratio' };
  }
  for (const e of entries) {
    if (e.method !== 8) continue; // stored entries are as large as they are; JSZip refuses other methods
    const data = entryData(file, e);
    if (!data) return { ok: false, reason: 'unreadable' };
    const size = await inflatedSize(data, e.uncompressed).catch(() => undefined);
    if (size === undefined) return { ok: false, reason: 'unreadable' };
    if (size > e.uncompressed) return { ok: false, reason: 'ratio' };
  }
  return { ok: true };
}

/** How much `data` inflates to, or the first count past `cap` (the rest is not inflated). */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    z.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        z.destroy();
        resolve(size);
      }
    });
    z.on('end', () => resolve(size));
    z.on('error', reject);
    z.end(data);
  });
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** The entries, or undefined when the directory cannot be read (refused as not a spreadsheet). */
function centralDirectory(file: Buffer): Entry[] | undefined {
  // The end record is the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = file.readUInt16LE(end + 10);
  let offset = file.readUInt32LE(end + 16);
  if ((count === 0xffff || offset === MAX32) && end >= 20 && file.readUInt32LE(end - 20) === EOCD64_LOCATOR) {
    const at = Number(file.readBigUInt64LE(end - 20 + 8));
    if (at + 56 > file.length || file.readUInt32LE(at) !== EOCD64) return undefined;
    count = Number(file.readBigUInt64LE(at + 32));
    offset = Number(file.readBigUInt64LE(at + 48));
  }
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > file.length || file.readUInt32LE(offset) !== CENTRAL) return undefined;
    const nameLength = file.readUInt16LE(offset + 28);
    const extraLength = file.readUInt16LE(offset + 30);
    const commentLength = file.readUInt16LE(offset + 32);
    let compressed = file.readUInt32LE(offset + 20);
    let uncompressed = file.readUInt32LE(offset + 24);
    let localHeader = file.readUInt32LE(offset + 42);
    // Zip64: a field set to all ones is in the extra block (id 1), in this order, if present.
    const extra = offset + 46 + nameLength;
    for (let x = extra; x + 4 <= extra + extraLength && x + 4 <= file.length;) {
      const id = file.readUInt16LE(x);
      const size = file.readUInt16LE(x + 2);
      if (id === 1) {
        let p = x + 4;
        const next = () => {
          if (p + 8 > x + 4 + size || p + 8 > file.length) return undefined;
          const v = Number(file.readBigUInt64LE(p));
          p += 8;
          return v;
        };
        if (uncompressed === MAX32) uncompressed = next() ?? Infinity;
        if (compressed === MAX32) compressed = next() ?? Infinity;
        if (localHeader === MAX32) localHeader = next() ?? Infinity;
      }
      x += 4 + size;
    }
    entries.push({ method: file.readUInt16LE(offset + 10), compressed, uncompressed, localHeader });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes, where JSZip finds them: after the local header's own name and extra. */
function entryData(file: Buffer, e: Entry): Buffer | undefined {
  if (!Number.isFinite(e.localHeader) || e.localHeader + 30 > file.length || file.readUInt32LE(e.localHeader) !== LOCAL)
    return undefined;
  const start = e.localHeader + 30 + file.readUInt16LE(e.localHeader + 26) + file.readUInt16LE(e.localHeader + 28);
  if (start + e.compressed > file.length) return undefined;
  return file.subarray(start, start + e.compressed);
}
