#!/usr/bin/env node
/**
 * Neo4j load benchmark
 *
 * Loads a generated graph of ≥100k relations into Neo4j with the Neo4jStore's batched writer
 * (`UNWIND $rows … MERGE`, one transaction per batch) and, in the same run, writes a subset of other
 * relations with a naive writer (the same MERGE, one relation per transaction, as code that loops over
 * `session.executeWrite` would), then prints relations/s for each and the ratio. The naive rate is
 * measured on the subset and stated as such; extrapolating it to the full graph is linear.
 *
 *   node scripts/bench/neo4j-load.mjs --wipe [--counties 100] [--naive 2000] [--batch 5000]
 *
 * Connection from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (default bolt://127.0.0.1:7687, neo4j,
 * fupin-test-pw). `--wipe` is required when the database is not empty: the benchmark deletes everything.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { Neo4jStore } from '@fupin/store';
import { generateGraph } from './bench-graph.mjs';

const { values } = parseArgs({
  options: {
    wipe: { type: 'boolean', default: false },
    counties: { type: 'string', default: '100' },
    naive: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '5000' },
  },
});
const connection = {
  uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? 'fupin-test-pw',
};
const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));

async function run(query, params = {}) {
  const session = driver.session();
  try {
    return (await session.run(query, params)).records;
  } finally {
    await session.close();
  }
}

try {
  const existing = (await run('MATCH (n) RETURN count(n) AS c'))[0].get('c').toNumber();
  if (existing > 0 && !values.wipe) {
    console.error(`neo4j-load: the database holds ${existing} nodes; pass --wipe to delete them and run the benchmark`);
    process.exit(2);
  }
  await run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');

  const graph = generateGraph({ counties: Number(values.counties) });
  const naiveCount = Number(values.naive);
  console.log(
    `graph: ${graph.entities.length} entities, ${graph.relations.length} relations; batch size ${values.batch}`,
  );

  const store = new Neo4jStore({ ...connection, batchSize: Number(values.batch) });
  await store.init();
  let started = performance.now();
  await store.write({ ...graph, relations: [] });
  const entitySeconds = (performance.now() - started) / 1000;
  console.log(
    `batched entities:  ${graph.entities.length} in ${entitySeconds.toFixed(1)} s = ${Math.round(graph.entities.length / entitySeconds)} entities/s`,
  );

  started = performance.now();
  await store.write({ documents: [], entities: [], relations: graph.relations, mentions: [] });
  const batchedSeconds = (performance.now() - started) / 1000;
  const batchedRate = graph.relations.length / batchedSeconds;
  console.log(
    `batched relations: ${graph.relations.length} in ${batchedSeconds.toFixed(1)} s = ${Math.round(batchedRate)} relations/s`,
  );
  await store.close();

  // Naive: the same MERGE + evidence union, one relation per write transaction, on new PARTNERS_WITH
  // relations (company → village) so nothing is merely re-matched.
  const companies = graph.entities.filter((entity) => entity.type === 'Company');
  const villages = graph.entities.filter((entity) => entity.type === 'Village');
  const statement = `MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
    MERGE (a)-[rel:PARTNERS_WITH]->(b)
    SET rel._lock = true
    WITH rel
    WITH rel, coalesce(rel.evidenceKeys, []) AS oldKeys
    SET rel.id = $id,
      rel.evidenceKeys = oldKeys + [k IN $evidenceKeys WHERE NOT k IN oldKeys],
      rel.evidence = coalesce(rel.evidence, []) + [i IN range(0, size($evidenceKeys) - 1) WHERE NOT $evidenceKeys[i] IN oldKeys | $evidence[i]]
    REMOVE rel._lock`;
  const session = driver.session();
  started = performance.now();
  for (let index = 0; index < naiveCount; index++) {
    const source = companies[index % companies.length].id;
    const target = villages[(index * 7919) % villages.length].id;
    const evidence = {
      documentId: 'doc:naive',
      sentence: '（合成基准数据）',
      start: index,
      end: index + 8,
      extractor: 'bench',
    };
    await session.executeWrite((tx) =>
      tx.run(statement, {
        source,
        target,
        id: `PARTNERS_WITH|${source}|${target}`,
        evidenceKeys: [`doc:naive|${index}|${index + 8}`],
        evidence: [JSON.stringify(evidence)],
      }),
    );
  }
  const naiveSeconds = (performance.now() - started) / 1000;
  await session.close();
  const naiveRate = naiveCount / naiveSeconds;
  console.log(
    `naive relations:   ${naiveCount} in ${naiveSeconds.toFixed(1)} s = ${Math.round(naiveRate)} relations/s (subset; ${graph.relations.length} would take ~${Math.round(graph.relations.length / naiveRate)} s)`,
  );
  console.log(`ratio batched/naive: ${(batchedRate / naiveRate).toFixed(1)}x`);
} finally {
  await driver.close();
}
