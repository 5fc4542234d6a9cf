import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

/**
 * The embedded database kept in a folder gets a buffer pool the size of the sweep's tables at a
 * million people (decision 009), unless the operator asks for another; one in memory (the tests,
 * many at once) keeps PGlite's own.
 */
async function sharedBuffers(config: Parameters<typeof openDatabase>[0]): Promise<string> {
  const database = await openDatabase(config);
  try {
    const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db);
    return rows[0]?.shared_buffers ?? '';
  } finally {
    await database.close();
  }
}

describe('the embedded database’s buffer pool', () => {
  it('is 512 MB in a folder by default, what HUIMIN_EMBEDDED_BUFFER_MB says if set, PGlite’s own in memory', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'huimin-buffers-'));
    try {
      expect(await sharedBuffers({ dataDir: join(folder, 'default') })).toBe('512MB');
      expect(await sharedBuffers({ dataDir: join(folder, 'small'), bufferMegabytes: 64 })).toBe('64MB');
      expect(await sharedBuffers({ dataDir: 'memory://' })).toBe('128MB');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
