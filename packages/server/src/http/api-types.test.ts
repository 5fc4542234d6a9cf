import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiTypes, GENERATED_HEADER, SCHEMA_FILE } from '../../../web/scripts/api-types.mjs';
import { openApiDocument } from '../app/openapi-document.js';

/**
 * The web's API types (packages/web/src/api/schema.d.ts) are generated from this server's OpenAPI
 * document. When a route's schema changes, the committed file must change with it.
 */
it('the web’s generated API types match the current OpenAPI document', async () => {
  const expected = await apiTypes(await openApiDocument());
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  expect(committed.split('\n', 1)[0]).toBe(GENERATED_HEADER);
  // Not toBe on 14,000 lines: name the first line that differs and what to run.
  const a = committed.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const first = line === -1 && a.length === b.length ? undefined : line === -1 ? Math.min(a.length, b.length) : line;
  expect(
    first,
    first === undefined
      ? ''
      : `packages/web/src/api/schema.d.ts is out of date (line ${first + 1}: have ${JSON.stringify(a[first])}, want ${JSON.stringify(b[first])}). Run \`npm run api:types\` and commit the result.`,
  ).toBeUndefined();
}, 120_000);
