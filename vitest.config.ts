import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the policy sources, so `npm test` never depends on a stale build.
    alias: { '@huimin/policy': fileURLToPath(new URL('./packages/policy/src/index.ts', import.meta.url)) },
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
