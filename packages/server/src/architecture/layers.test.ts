import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of the repository's .dependency-cruiser.cjs (run by `npm run lint` over
 * packages/server/src), shown failing once each: the same rules, their paths moved from
 * packages/server/src/ to a small tree written here, with one offence per rule and a few
 * dependencies that must pass.
 */
const config = createRequire(import.meta.url)('../../../../.dependency-cruiser.cjs') as IConfiguration;
const moved = JSON.parse(JSON.stringify(config.forbidden).replaceAll('packages/server/src/', 'src/')) as NonNullable<
  IConfiguration['forbidden']
>;

/** A tiny server: two modules, the foundation, the composition root, and two pairs of files. */
const TREE: Record<string, string> = {
  'src/db/schema.ts': 'export interface Database { order: { id: string } }\n',
  // foundation-is-a-leaf: http/ reaching into a module.
  'src/http/errors.ts':
    "import { orderCount } from '../orders/order-service.js';\nexport const limit = orderCount() + 1;\n",
  'src/http/clock.ts': 'export const now = () => new Date();\n',
  // Passes: a module's service uses the foundation and another module's public service.
  'src/orders/order-service.ts':
    "import { now } from '../http/clock.js';\nimport { inStock } from '../stock/stock-service.js';\nexport const orderCount = () => (inStock() && now() ? 1 : 0);\n",
  'src/orders/order-rules.ts': 'export const MAX_LINES = 50;\n',
  'src/orders/order-queries.ts': 'export const openOrders = () => 0;\n',
  // no-sql-in-routes: a routes file holding a query.
  'src/orders/orders.routes.ts':
    "import type { Kysely } from 'kysely';\nimport type { Database } from '../db/schema.js';\nexport const route = (db: Kysely<Database>) => db;\n",
  // only-entry-points-import-the-composition-root.
  'src/orders/order-jobs.ts': "import { build } from '../app/build-app.js';\nexport const job = () => build();\n",
  // no-module-cycles: stock → orders (a public file), while orders → stock.
  'src/stock/stock-service.ts':
    "import { openOrders } from '../orders/order-queries.js';\nexport const inStock = () => openOrders() >= 0;\n",
  // no-module-internals: stock reaching an internal file of orders.
  'src/stock/stock-repository.ts':
    "import { MAX_LINES } from '../orders/order-rules.js';\nexport const lines = () => MAX_LINES;\n",
  // no-file-cycles: two files importing each other's values.
  'src/stock/left.ts': "import { right } from './right.js';\nexport const left = () => right;\n",
  'src/stock/right.ts': "import { left } from './left.js';\nexport const right = () => left;\n",
  // Passes: two files naming each other's types only.
  'src/stock/shape.ts': "import type { Size } from './size.js';\nexport interface Shape { size: Size }\n",
  'src/stock/size.ts': "import type { Shape } from './shape.js';\nexport interface Size { of?: Shape }\n",
  // Passes: the composition root imports every module, routes included.
  'src/app/build-app.ts':
    "import { route } from '../orders/orders.routes.js';\nimport { lines } from '../stock/stock-repository.js';\nexport const build = () => [route, lines];\n",
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
  }),
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huimin-layers-'));
  for (const [file, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function violations(): Promise<string[]> {
  const result = await cruise(['src'], {
    baseDir: dir,
    validate: true,
    ruleSet: { forbidden: moved },
    tsPreCompilationDeps: true,
    metrics: true,
    doNotFollow: { path: 'node_modules' },
  });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  return result.output.summary.violations
    .map(
      (v) =>
        `${v.rule.name}: ${v.from} → ${v.cycle && v.cycle.length > 0 ? v.cycle.map((c) => c.name).join(' → ') : v.to}`,
    )
    .sort();
}

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('each rule fails once on the fixture tree, and what is allowed passes', async () => {
    const found = await violations();
    const ruleOf = (v: string) => v.slice(0, v.indexOf(':'));
    // Every rule of the configuration is shown failing.
    expect([...new Set(found.map(ruleOf))].sort()).toEqual(moved.map((r) => r.name).sort());
    expect(found).toEqual(
      expect.arrayContaining([
        'foundation-is-a-leaf: src/http/errors.ts → src/orders/order-service.ts',
        'no-module-internals: src/stock/stock-repository.ts → src/orders/order-rules.ts',
        'no-sql-in-routes: src/orders/orders.routes.ts → src/db/schema.ts',
        'only-entry-points-import-the-composition-root: src/orders/order-jobs.ts → src/app/build-app.ts',
      ]),
    );
    expect(
      found.some((v) => v.startsWith('no-sql-in-routes: src/orders/orders.routes.ts → ') && v.includes('kysely')),
    ).toBe(true);
    expect(
      found.some(
        (v) => v.startsWith('no-module-cycles: src/orders → ') || v.startsWith('no-module-cycles: src/stock → '),
      ),
    ).toBe(true);
    expect(found.filter((v) => v.startsWith('no-file-cycles:')).every((v) => /left|right/.test(v))).toBe(true);
    // Allowed: a public service of another module, the composition root, type-only file pairs.
    expect(
      found.filter((v) => v.includes('src/app/build-app.ts →') || v.includes('shape.ts') || v.includes('size.ts')),
    ).toEqual([]);
    // (app/ is nobody's public file either, so the job's import breaks that rule too.)
    expect(found.filter((v) => v.startsWith('no-module-internals:'))).toEqual([
      'no-module-internals: src/orders/order-jobs.ts → src/app/build-app.ts',
      'no-module-internals: src/stock/stock-repository.ts → src/orders/order-rules.ts',
    ]);
  });
});
