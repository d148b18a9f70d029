/**
 * EmbeddedStore shared suite (unit run)
 *
 * Runs the shared store suite against the EmbeddedStore, each test on a fresh data directory, so the unit
 * project checks the embedded side without a Neo4j server.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from './embedded-store.js';
import { defineStoreSuite } from '../../test/integration/store-suite.js';

defineStoreSuite('EmbeddedStore', {
  async fresh() {
    const store = new EmbeddedStore({ dataDir: await mkdtemp(join(tmpdir(), 'fupin-store-')) });
    await store.init();
    return store;
  },
});
