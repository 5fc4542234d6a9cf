import { describe, expect, it } from 'vitest';
import { FreshRead } from './fresh-read.js';
import { acceptedEncodings, matchesEtag, preferredEncoding } from './public-response.js';

/** A read the test finishes by hand, counting how many were started. */
function manualReads() {
  const pending: ((value: number) => void)[] = [];
  let version = 0;
  return {
    started: () => pending.length,
    read: () => new Promise<number>((resolve) => pending.push(resolve)),
    /** The database's version moves on; the oldest read still running answers what it sees now. */
    commit: () => (version += 1),
    finish: () => pending.shift()?.(version),
  };
}

describe('a version read never older than the call that asked', () => {
  it('a call made while a read runs waits for the next read, which every such call shares', async () => {
    const db = manualReads();
    const reads = new FreshRead(db.read);
    const first = reads.read();
    // A write commits while the first read runs: calls from now on must not be answered by it.
    db.commit();
    const later = [reads.read(), reads.read(), reads.read()];
    expect(db.started()).toBe(1);
    db.commit();
    db.finish();
    expect(await first).toBe(2);
    // The three later calls share one read, started only once the first had ended.
    await Promise.resolve();
    expect(db.started()).toBe(1);
    db.commit();
    db.finish();
    expect(await Promise.all(later)).toEqual([3, 3, 3]);
  });

  it('a failed read fails its callers; the calls queued behind it get a read of their own', async () => {
    let n = 0;
    const reads = new FreshRead(async () => {
      n += 1;
      if (n === 1) throw new Error('connection lost');
      return n;
    });
    const first = reads.read();
    const second = reads.read();
    await expect(first).rejects.toThrow('connection lost');
    expect(await second).toBe(2);
  });

  it('with a count of local writes, no query while nothing was written since the last read began', async () => {
    let queries = 0;
    let writes = 0;
    const reads = new FreshRead(
      async () => (queries += 1),
      () => writes,
    );
    expect(await reads.read()).toBe(1);
    expect(await reads.read()).toBe(1);
    expect(queries).toBe(1);
    writes += 1;
    expect(await reads.read()).toBe(2);
    expect(await reads.read()).toBe(2);
    expect(queries).toBe(2);
  });

  it('a write that ends while a read runs makes the next call read again', async () => {
    let writes = 0;
    let version = 0;
    const reads = new FreshRead(
      async () => {
        const seen = version;
        // The write lands (and is counted) while this read is on its way.
        version += 1;
        writes += 1;
        return seen;
      },
      () => writes,
    );
    expect(await reads.read()).toBe(0);
    expect(await reads.read()).toBe(1);
  });
});

describe('public answers: encodings and entity tags', () => {
  it('takes the encodings a client accepts, not those it refuses with q=0', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['gzip', 'deflate', 'br']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.8').has('br')).toBe(false);
    expect(acceptedEncodings('br;q=0, gzip;q=0.8').has('gzip')).toBe(true);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });

  it('prefers br, then gzip, whatever header was asked about before', () => {
    const browser = 'gzip, deflate, br';
    expect(preferredEncoding(browser)).toBe('br');
    expect(preferredEncoding(browser)).toBe('br');
    expect(preferredEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(preferredEncoding(undefined)).toBeUndefined();
    expect(preferredEncoding('identity')).toBeUndefined();
    expect(preferredEncoding(browser)).toBe('br');
  });

  it('matches If-None-Match weakly, in a list, or by a star', () => {
    expect(matchesEtag('"a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('"b", "a"', '"a"')).toBe(true);
    expect(matchesEtag('*', '"a"')).toBe(true);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
    expect(matchesEtag(undefined, '"a"')).toBe(false);
  });
});
