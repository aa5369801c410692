import { defineConfig } from 'vitest/config';

// Three projects: unit tests (Node + jsdom), real-browser specs that share one browser per file and
// run one file at a time (2 cores; each browser takes ~0.5 GB), and the corpus checks that read
// ../shared/corpus (`npm run test:corpus`; not part of `npm test`, run by .ci/run).
// No test bounds elapsed time: the timeouts below only stop a hang, and are generous because the
// machines are shared and loaded.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          environment: 'node',
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'corpus',
          include: ['test/corpus/**/*.test.ts'],
          environment: 'node',
          // one test per corpus page: the timeout bounds a page, not the corpus
          testTimeout: 120_000,
        },
      },
    ],
  },
});
