/**
 * EmbeddedStore shared suite (unit run)
 *
 * Runs the shared store suite against the EmbeddedStore, each test on a fresh data directory, so the unit
 * project checks the embedded side without a Neo4j server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { EmbeddedStore } from './embedded-store.js';
import { defineStoreSuite } from '../../test/integration/store-suite.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

defineStoreSuite('EmbeddedStore', {
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-store-'));
    dirs.push(dir);
    const store = new EmbeddedStore({ dataDir: dir });
    await store.init();
    return store;
  },
});
