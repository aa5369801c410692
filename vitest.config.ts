import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (Node + jsdom), and real-browser specs that share one browser per
// file and run one file at a time (2 cores; each browser takes ~0.5 GB).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
