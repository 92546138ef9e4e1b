import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here; embedded databases are memory-hungry, so keep the worker count modest (a third
    // worker only added contention when measured).
    maxWorkers: 2,
    // Child processes (the default pool; threads measured no faster), each reused for many test files
    // instead of a fresh one per file: the src module graph, the knowledge base and PGlite's compiled
    // WASM and migrated template (test/storage/backends.ts) are then loaded once per worker, which
    // halved the CPU time of the database suites. The tests share no global state (no vi.mock, no env
    // changes; fake timers are restored where used), and each file still opens its own databases.
    pool: 'forks',
    isolate: false,
    reporters: ['default'],
  },
});
