/**
 * EmbeddedStore integration run
 *
 * Runs the shared store suite against the EmbeddedStore, each test on a fresh data directory, so the
 * integration project proves both stores against the same expectations.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../src/embedded/embedded-store.js';
import { defineStoreSuite } from './store-suite.js';

defineStoreSuite('EmbeddedStore', {
  async fresh() {
    const store = new EmbeddedStore({ dataDir: await mkdtemp(join(tmpdir(), 'fupin-store-')) });
    await store.init();
    return store;
  },
});
