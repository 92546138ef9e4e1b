import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here; embedded databases are memory-hungry, so keep the worker count modest.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
