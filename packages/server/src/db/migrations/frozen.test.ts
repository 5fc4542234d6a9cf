import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Migrations are frozen once merged: a database already migrated never runs an edited one again, so
 * an edit silently splits new databases from old ones (it happened to 0011). Each merged
 * migration's checksum is listed in CHECKSUMS; a new migration adds its line in the commit that
 * adds it.
 */
const folder = fileURLToPath(new URL('.', import.meta.url));
const listed = new Map(
  readFileSync(`${folder}CHECKSUMS`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [sum, name] = line.split(/\s+/);
      return [name ?? '', sum ?? ''] as const;
    }),
);
const files = readdirSync(folder).filter((f) => /^\d{8}-\d{4}-.+\.ts$/.test(f) && !f.endsWith('.test.ts'));
const checksum = (file: string) => createHash('sha256').update(readFileSync(`${folder}${file}`, 'utf8').replaceAll('\r', '')).digest('hex');

describe('merged migrations are frozen', () => {
  it.each(files)('%s is listed with the checksum it was merged with', (file) => {
    expect(listed.get(file), `${file} is not in CHECKSUMS: add its sha256 when it is merged`).toBeDefined();
    expect(checksum(file), `${file} changed after it was merged: make the change a new migration`).toBe(listed.get(file));
  });

  it('lists no migration that is gone', () => {
    expect([...listed.keys()].filter((name) => !files.includes(name))).toEqual([]);
  });
});
