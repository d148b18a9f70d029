/**
 * Neo4jStore integration run
 *
 * Runs the shared store suite against a real Neo4j (started by scripts/neo4j.sh; the integration
 * globalSetup exports NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD), compares every answer with the
 * EmbeddedStore's, and checks what only Neo4j does: read-only Cypher, timeouts, connection errors and
 * `neo4j://` routing URIs. The database is wiped before each test that needs an empty store, so these
 * tests must not share the server with data anyone wants to keep. An unreachable server FAILS the run.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryError, StoreError } from '@fupin/graph-schema';
import { EmbeddedStore } from '../../src/embedded/embedded-store.js';
import { Neo4jStore } from '../../src/neo4j/neo4j-store.js';
import { E, fixtureBatchA, fixtureBatchB } from '../fixtures/cooperation-graph.js';
import { defineStoreComparison, defineStoreSuite } from './store-suite.js';

const connection = () => ({
  uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? 'fupin-test-pw',
});

/** Deletes every node and relationship (the test database only). */
async function wipe(): Promise<void> {
  const { uri, user, password } = connection();
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    const session = driver.session();
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    await session.close();
  } finally {
    await driver.close();
  }
}

async function freshNeo4j(): Promise<Neo4jStore> {
  await wipe();
  const store = new Neo4jStore({ ...connection(), batchSize: 3 });
  await store.init();
  return store;
}

describe('Neo4j server', () => {
  it('should be reachable (integration tests fail, never skip, without it)', async () => {
    const store = new Neo4jStore(connection());
    await expect(store.init()).resolves.toBeUndefined();
    await store.close();
  });
});

// batchSize 3 makes every write span several UNWIND transactions.
defineStoreSuite('Neo4jStore', { fresh: freshNeo4j });

defineStoreComparison('EmbeddedStore and Neo4jStore', async () => {
  const embedded = new EmbeddedStore({ dataDir: await mkdtemp(join(tmpdir(), 'fupin-compare-')) });
  return [embedded, await freshNeo4j()];
});

describe('Neo4jStore concurrent writers', () => {
  it('should not duplicate nodes, relations or evidence when two clients write the same batches at once', async () => {
    const first = await freshNeo4j();
    const second = new Neo4jStore({ ...connection(), batchSize: 3 });
    await Promise.all([
      first.write(fixtureBatchA()),
      second.write(fixtureBatchA()),
      first.write(fixtureBatchB()),
      second.write(fixtureBatchB()),
    ]);
    const stats = await first.stats();
    expect(stats).toMatchObject({ documents: 2, nodes: 19, relations: 19 });
    const assists = (await first.partners(E.从江县.id)).find((view) => view.type === 'ASSISTS');
    expect(assists?.evidence).toHaveLength(2);
    expect(stats.mentions).toBe(fixtureBatchA().mentions.length + fixtureBatchB().mentions.length);
    const duplicates = await first.cypher(
      'MATCH (a)-[r]->(b) WITH a.id AS a, b.id AS b, type(r) AS t, count(*) AS n WHERE n > 1 RETURN a, b, t',
    );
    expect(duplicates.rows).toEqual([]);
    await first.close();
    await second.close();
  });
});

describe('Neo4jStore only', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await freshNeo4j();
    await store.write(fixtureBatchA());
    await store.write(fixtureBatchB());
  });

  it('should answer read-only Cypher with parameters as plain rows', async () => {
    const result = await store.cypher(
      'MATCH (a:Region)-[:ASSISTS]->(b:Region {name: $name}) RETURN a.name AS partner, a AS node ORDER BY partner',
      { name: '从江县' },
    );
    expect(result.columns).toEqual(['partner', 'node']);
    expect(result.rows).toEqual([
      {
        partner: '吴江区',
        node: expect.objectContaining({ id: E.吴江区.id, _labels: expect.arrayContaining(['County']) }),
      },
    ]);
  });

  it('should give the column names of an empty result', async () => {
    const result = await store.cypher('MATCH (n:County {name: $name}) RETURN n.name AS name, n.code AS code', {
      name: '不存在县',
    });
    expect(result).toEqual({ columns: ['name', 'code'], rows: [] });
  });

  it('should refuse write clauses before sending them', async () => {
    const failure = await store
      .cypher("MATCH (n:County {name: '从江县'}) SET n.name = 'x' RETURN n")
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryError);
    expect(failure).toMatchObject({ code: 'QUERY_WRITE_REFUSED' });
  });

  it('should let the read-only session refuse writes the keyword check cannot see', async () => {
    await expect(store.cypher("CALL db.createLabel('Sneaky')")).rejects.toMatchObject({ code: 'QUERY_WRITE_REFUSED' });
    const labels = await store.cypher('CALL db.labels() YIELD label RETURN collect(label) AS labels');
    expect(labels.rows[0]?.labels).not.toContain('Sneaky');
  });

  it('should stop a query at its timeout with QUERY_TIMEOUT', async () => {
    await expect(
      store.cypher('UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS c', {}, { timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
  });

  it('should report a malformed query as QUERY_INVALID', async () => {
    await expect(store.cypher('MATCH (n RETURN n')).rejects.toMatchObject({ code: 'QUERY_INVALID' });
  });

  it('should work through a neo4j:// routing URI', async () => {
    const routed = new Neo4jStore({ ...connection(), uri: connection().uri.replace(/^bolt/, 'neo4j') });
    await routed.init();
    expect((await routed.search('從江'))[0]?.id).toBe(E.从江县.id);
    await routed.close();
  });

  it('should report a wrong password as STORE_AUTH in one line', async () => {
    const wrong = new Neo4jStore({ ...connection(), password: 'not-the-password' });
    const failure = await wrong.init().catch((e: unknown) => e);
    await wrong.close();
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'STORE_AUTH' });
    expect((failure as Error).message).not.toContain('\n');
  });

  it('should report an unreachable server as retriable STORE_UNAVAILABLE', async () => {
    const nowhere = new Neo4jStore({ ...connection(), uri: 'bolt://127.0.0.1:1' });
    const failure = await nowhere.init().catch((e: unknown) => e);
    await nowhere.close();
    expect(failure).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: true });
  });

  it('should export the same GraphBatch content it was given', async () => {
    const batch = await store.exportBatch();
    expect(batch.entities).toHaveLength(19);
    expect(batch.relations).toHaveLength(19);
    expect(batch.mentions).toHaveLength(fixtureBatchA().mentions.length + fixtureBatchB().mentions.length);
    expect(batch.documents.find((doc) => doc.id === fixtureBatchB().documents[0]?.id)?.text).toBe(
      fixtureBatchB().documents[0]?.text,
    );
  });
});
