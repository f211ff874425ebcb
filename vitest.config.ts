import { defineConfig } from 'vitest/config';

// Each kind of test is its own project so it can run apart: `npm run test:unit`, etc.
// Integration and e2e tests share one local system started by a global setup. The local stand-ins
// (infra/local/runtime, infra/local/meta-sandbox) keep their tests beside them, in the same projects.
export default defineConfig({
  test: {
    // `npm run test:coverage` (unit + integration) only: `npm test` never instruments.
    coverage: {
      provider: 'v8',
      include: ['functions/core/**/*.ts', 'functions/adapters/**/*.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
      // Floors just under the figures measured on 2026-12-01, so a change that drops coverage fails
      // and today's code passes. Raise them when coverage rises; never lower them to pass.
      thresholds: {
        'functions/core/**': { statements: 89, branches: 81, functions: 88, lines: 90 },
        'functions/adapters/**': { statements: 73, branches: 62, functions: 65, lines: 75 },
      },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'infra/local/*/test/unit/**/*.test.ts'],
          environment: 'node',
          // Pure code, but compiling Meta's specs takes seconds on a busy machine: a limit, not a timing.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          // Synthesizing the stack bundles every Lambda (about 40 esbuild runs) in one hook; a
          // busy two-core machine takes minutes, and a limit is not what these tests measure.
          hookTimeout: 420_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'infra/local/*/test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          // One shared local system (and sandbox, whose faults are global): files run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: [
            'test/helpers/chromium-setup.ts',
            'test/helpers/console-setup.ts',
            'test/helpers/global-setup.ts',
          ],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
