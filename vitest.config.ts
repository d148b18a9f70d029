// Root vitest config: three projects. `unit` tests sit beside the code; `integration` tests need a real
// Neo4j (started by scripts/neo4j.sh through the global setup); `e2e` tests drive Debian's chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['graph-schema/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          // web/test/neo4j: browser tests that need Neo4j (the Cypher tab) run here, one file at a time
          // with the store tests that wipe the same database.
          include: ['packages/*/test/integration/**/*.test.ts', 'web/test/neo4j/**/*.test.ts'],
          globalSetup: ['scripts/test/neo4j-global-setup.ts', 'scripts/test/chromium-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['web/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'web/test/neo4j/**'],
          globalSetup: ['scripts/test/chromium-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
