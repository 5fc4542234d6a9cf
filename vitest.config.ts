import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const policy = (file: string) => fileURLToPath(new URL(`./packages/policy/src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the policy sources, so `npm test` never depends on a stale build.
    alias: [
      // The package's other entry points (its `exports`), which the web's unit tests import.
      { find: '@huimin/policy/vocabulary', replacement: policy('facts/vocabulary.ts') },
      { find: '@huimin/policy/regions', replacement: policy('core/regions.ts') },
      { find: /^@huimin\/policy$/, replacement: policy('index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/web/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    // Starting an app (migrations, the job queue's schema, reference data) takes seconds when quiet
    // and far longer on a machine running two suites at once: a set-up may take three minutes.
    hookTimeout: 180_000,
    // A page or job reaching a state is waited for; vitest's 1 s default fails on a loaded machine.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
