import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../app/openapi-document.js';

/**
 * `node packages/server/dist/cli/openapi-dump.js [file]` — the OpenAPI document as JSON, to the file
 * or to standard output. `npm run api:types` writes it to dist/openapi.json for packages/web/scripts/api-types.mjs.
 */
const json = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
const out = process.argv[2];
if (out) writeFileSync(out, json);
else process.stdout.write(json);
