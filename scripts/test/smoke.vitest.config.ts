// Smoke tests of the test infrastructure itself (global setups for Neo4j and chromium). Kept out of
// the root config so `pnpm test` does not start servers twice; run on demand:
//   npx vitest run --config scripts/test/smoke.vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'neo4j-smoke',
          root: 'scripts/test',
          include: ['integration/neo4j.smoke.ts'],
          globalSetup: ['neo4j-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'chromium-smoke',
          root: 'scripts/test',
          include: ['integration/chromium.smoke.ts'],
          globalSetup: ['chromium-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
