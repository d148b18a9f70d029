#!/usr/bin/env node
/**
 * Query latency benchmark
 *
 * p50/p95 of the query API on a generated graph of ≥100k nodes, for the EmbeddedStore and the
 * Neo4jStore: search (full names, short prefixes, traditional input), neighbours at depth 2,
 * partners, shortestPath between random villages, and (20 runs each) the web view's subgraph cuts. Each query kind runs a warm-up, then N timed
 * calls with seeded random arguments, so both stores answer the same calls.
 *
 *   node scripts/bench/query-latency.mjs [--store embedded|neo4j|both] [--runs 200] [--wipe]
 *
 * For Neo4j the graph is (re)loaded unless the database already holds exactly this generated graph
 * (as neo4j-load.mjs leaves it); loading into a non-empty database needs `--wipe`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EmbeddedStore, Neo4jStore } from '@fupin/store';
import { toTraditionalSample, generateGraph, percentile, seededRandom } from './bench-graph.mjs';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '200' },
    wipe: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const graph = generateGraph();
console.log(`graph: ${graph.entities.length} nodes, ${graph.relations.length} relations; ${runs} timed runs per query`);

const counties = graph.entities.filter((entity) => entity.type === 'County' && entity.id.startsWith('region:52'));
const villages = graph.entities.filter((entity) => entity.type === 'Village');
const townships = graph.entities.filter((entity) => entity.type === 'Township');

/** The same seeded argument sequence for every store. */
function plan() {
  const random = seededRandom(42);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const searches = Array.from({ length: runs }, (_, i) => {
    const entity = pick(i % 2 ? villages : [...counties, ...townships]);
    return i % 3 === 0 ? entity.name : i % 3 === 1 ? entity.name.slice(0, 2) : toTraditionalSample(entity.name);
  });
  return {
    search: searches,
    neighbours: Array.from({ length: runs }, () => pick(townships).id),
    partners: Array.from({ length: runs }, () => pick(counties).id),
    shortestPath: Array.from({ length: runs }, () => [pick(villages).id, pick(villages).id]),
  };
}

async function time(label, args, call) {
  for (const arg of args.slice(0, Math.min(20, args.length))) await call(arg);
  const samples = [];
  for (const arg of args) {
    const started = performance.now();
    await call(arg);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(22)} p50 ${percentile(samples, 50).toFixed(2).padStart(8)} ms   p95 ${percentile(samples, 95).toFixed(2).padStart(8)} ms`,
  );
}

async function measure(name, store) {
  const calls = plan();
  console.log(`${name}:`);
  await time('search', calls.search, (text) => store.search(text));
  await time('neighbours(depth 2)', calls.neighbours, (id) => store.neighbours(id, 2));
  await time('partners', calls.partners, (id) => store.partners(id));
  await time('shortestPath', calls.shortestPath, ([a, b]) => store.shortestPath(a, b));
  const few = Array.from({ length: Math.min(20, runs) }, () => null);
  await time('subgraph(limit 500)', few, () => store.subgraph({ limit: 500 }));
  await time('subgraph(cooperation)', few, () => store.subgraph({ cooperation: true }));
}

if (values.store === 'embedded' || values.store === 'both') {
  const dir = await mkdtemp(join(tmpdir(), 'fupin-bench-'));
  try {
    const writer = new EmbeddedStore({ dataDir: dir });
    let started = performance.now();
    await writer.write(graph);
    console.log(`embedded: write + save ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const store = new EmbeddedStore({ dataDir: dir });
    started = performance.now();
    await store.stats();
    await store.search('预热');
    console.log(`embedded: cold load + index ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measure('embedded', store);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (values.store === 'neo4j' || values.store === 'both') {
  const store = new Neo4jStore({
    uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'fupin-test-pw',
    batchSize: 5000,
  });
  try {
    await store.init();
    const stats = await store.stats();
    const loaded = stats.nodes === graph.entities.length && (stats.relationsByType.LOCATED_IN ?? 0) > 0;
    if (!loaded) {
      if (stats.nodes > 0 && !values.wipe) {
        console.error(
          `query-latency: Neo4j holds ${stats.nodes} other nodes; pass --wipe to replace them with the benchmark graph`,
        );
        process.exit(2);
      }
      const rows = await store.cypher('MATCH (n) RETURN count(n) AS c');
      if (rows.rows[0]?.c) await wipe(store);
      const started = performance.now();
      await store.write(graph);
      console.log(`neo4j: load ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await measure('neo4j', store);
  } finally {
    await store.close();
  }
}

async function wipe() {
  const neo4j = (await import('neo4j-driver')).default;
  const driver = neo4j.driver(
    process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'fupin-test-pw'),
  );
  const session = driver.session();
  await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await session.close();
  await driver.close();
}
