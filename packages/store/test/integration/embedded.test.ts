/**
 * EmbeddedStore integration run
 *
 * Runs the shared store suite against the EmbeddedStore, each test on a fresh data directory, so the
 * integration project proves both stores against the same expectations.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { EmbeddedStore } from '../../src/embedded/embedded-store.js';
import { defineStoreSuite } from './store-suite.js';

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
