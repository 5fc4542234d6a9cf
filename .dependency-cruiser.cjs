/**
 * The server's layers, checked by dependency-cruiser (`npm run lint`; and on small fixtures by
 * packages/server/src/architecture/layers.test.ts, which shows each rule failing once).
 *
 * A module is a folder directly under packages/server/src (`applications`, `funds`, …).
 *
 * - Foundation: `http/` (errors, validation, files, clock, logging, common schemas), `db/`,
 *   `i18n/`, `security/`, and the top-level `failpoints.ts`, `version.ts`, `config.ts`. Any module
 *   may import them; they import no domain module.
 * - Domain modules: routes → services → repositories, importing each other only through what they
 *   make public (below), never in a cycle.
 * - The composition root `app/` imports every module and wires them; nothing imports it but the
 *   entry points (main.ts, cli/, bench/, demo/, testing/ and tests).
 *
 * What a module makes public — the files another module may import:
 * - `*-service.ts` (its use cases), `*.schemas.ts` (its request/response shapes), `*-queries.ts`
 *   (reads other modules make of its tables), `*-repository.ts` (writes it lends to others, with
 *   the caller's transaction);
 * - and the few shared files named in PUBLIC_FILES, each a small kernel others build on.
 * Everything else (routes, workflow effects, bank layouts, a sub-feature's helpers) is internal.
 */

/** Files of a module other modules may import besides the naming rule above. */
const PUBLIC_FILES = [
  'auth/actor\\.ts$', // who is calling
  'accounts/sms-sender\\.ts$', // the text-message port: identity codes and notifications
  'auth/roles\\.ts$', // roles and permissions
  'auth/passwords\\.ts$', // the password rules and hashing accounts share
  'auth/access\\.ts$', // a route's access declaration and its caller
  'audit/audit-trail\\.ts$', // appendAudit: every module writes its audit entry through it
  'funds/ledger\\.ts$', // posting to the ledger inside the caller's transaction
  'regions/region-scope\\.ts$', // region prefixes and scope checks
  'registry/engine-facts\\.ts$', // the registry read as the engine's facts
  'registry/registry-input\\.ts$', // ID numbers, credit codes and facts checked at the edge
  'registry/fact-sources\\.ts$', // where each fact the engine reads comes from
  'registry/import/(tabular|sheet|templates)\\.ts$', // reading and writing sheets
  'parameters/server-parameters\\.ts$', // a region's settings as the engine reads them
  'policies/facts\\.schema\\.ts$', // the facts' JSON schema
  'applications/(workflow|period)\\.ts$', // the state machine as data; the uniqueness period
].map((f) => `^packages/server/src/${f}`);

const SRC = '^packages/server/src/';
const FOUNDATION = `${SRC}(http|db|i18n|security)/|${SRC}(failpoints|version|config)\\.ts$`;
/** Entry points and seeding, allowed to reach anything (they are not imported by modules). */
const ENTRY = `${SRC}(app|cli|bench|demo|testing|architecture)/|${SRC}main\\.ts$|\\.test(-kit)?\\.ts$`;

module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      comment:
        'Modules (folders under packages/server/src) import each other without cycles: a cycle makes two modules one.',
      severity: 'error',
      scope: 'folder',
      from: { path: `${SRC}[^/]+$` },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      comment:
        'No file imports itself through others at run time (ESM would run one half-initialised). Two files naming each other’s types only are allowed; between modules, types count (no-module-cycles).',
      severity: 'error',
      from: { path: SRC },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-module-internals',
      comment: "A module imports another module's public files only (see the head of this file).",
      severity: 'error',
      from: { path: `${SRC}([^/]+)/`, pathNot: ENTRY },
      to: {
        path: `${SRC}[^/]+/`,
        pathNot: [`${SRC}$1/`, FOUNDATION, '(-service|\\.schemas|-queries|-repository)\\.ts$', ...PUBLIC_FILES],
      },
    },
    {
      name: 'foundation-is-a-leaf',
      comment:
        'http/, db/, i18n/, security/ and the top-level helpers import no domain module: every module may use them.',
      severity: 'error',
      from: { path: FOUNDATION, pathNot: '\\.test(-kit)?\\.ts$' },
      to: { path: SRC, pathNot: FOUNDATION },
    },
    {
      name: 'only-entry-points-import-the-composition-root',
      comment: 'app/ wires the modules; a module that imported it would import every module.',
      severity: 'error',
      from: { path: SRC, pathNot: ENTRY },
      to: { path: `${SRC}app/` },
    },
    {
      name: 'no-sql-in-routes',
      comment: 'Routes map input → service → output; queries live in the module’s service or repository.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: [`${SRC}db/`, '(^|/)node_modules/kysely/', '^kysely$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/dist/|(^|/)fixtures/|\\.test(-kit)?\\.ts$' },
    // Type-only imports count: a type from another module couples the two as much as a value.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.tests.json' },
    // Folder-scoped rules (no-module-cycles) need the folder graph.
    metrics: true,
  },
};
