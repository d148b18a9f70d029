#!/usr/bin/env node
/**
 * All benchmarks
 *
 * `pnpm bench` runs every benchmark script in scripts/bench/ one after another (never in parallel:
 * they would measure each other), shows their output as it comes and ends with a summary: status,
 * duration and the figures each one printed last. Benchmarks that need a server skip with a note when
 * it is not there (Neo4j not listening; a script that exits with code 2, the convention for "cannot
 * run here"). `--quick` runs each on a small input, as a smoke test of the scripts themselves.
 *
 *   node scripts/bench/all.mjs [--quick] [--only name,name] [--wipe]
 *
 * `--wipe` is passed to the Neo4j benchmarks, which refuse to delete a non-empty database without it.
 */
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const HERE = import.meta.dirname;
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    wipe: { type: 'boolean', default: false },
  },
});

// Known benchmarks, in the order they run, with the arguments of a quick run and what they need.
const KNOWN = {
  'extract-throughput': { quick: ['--quick'] },
  'extract-chunks': { quick: ['--quick'] },
  'ingest-memory': { quick: ['--quick'] },
  'incremental-ingest': { quick: ['--quick'] },
  'neo4j-load': { quick: ['--counties', '10', '--naive', '200'], neo4j: 'required', wipeFlag: true },
  'query-latency': { quick: ['--runs', '20'], neo4j: 'optional', wipeFlag: true },
  'web-first-frame': { quick: ['--nodes', '2000', '--edges', '6000'] },
};

const scripts = readdirSync(HERE)
  .filter((f) => f.endsWith('.mjs') && f !== 'all.mjs')
  // Only runnable scripts (shebang line); helper modules such as bench-graph.mjs are libraries.
  .filter((f) => readFileSync(join(HERE, f), 'utf8').startsWith('#!'))
  .map((f) => f.replace(/\.mjs$/u, ''))
  .sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
const only = values.only?.split(',');
const neo4jUp = await neo4jListening();

const [l1, l5] = loadavg();
console.log(
  `bench: ${scripts.length} benchmarks${values.quick ? ' (quick)' : ''}; ${availableParallelism()} cores, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load ${l1.toFixed(1)} / ${l5.toFixed(1)}; Neo4j ${neo4jUp ? 'listening' : 'not listening'}`,
);

const results = [];
for (const name of scripts) {
  if (only && !only.includes(name)) continue;
  const known = KNOWN[name] ?? {};
  const args = values.quick ? [...(known.quick ?? [])] : [];
  if (known.neo4j === 'required' && !neo4jUp) {
    results.push({ name, status: 'skipped', note: 'Neo4j not listening (pnpm neo4j:start)' });
    console.log(`\n=== ${name}: skipped, Neo4j not listening`);
    continue;
  }
  if (known.neo4j === 'optional' && !neo4jUp) args.push('--store', 'embedded');
  if (known.wipeFlag && values.wipe) args.push('--wipe');
  console.log(`\n=== ${name} ${args.join(' ')}`);
  const started = performance.now();
  const { code, lines } = await run(join(HERE, `${name}.mjs`), args);
  const seconds = (performance.now() - started) / 1000;
  const summary = lines.filter((l) => l.startsWith('summary: ')).pop();
  // Figure lines of the script's own text output; JSON dumps (pretty-printed objects) are left out.
  const figures = lines
    .filter(
      (l) => /target|MB\/s|ms|relations\/s|RSS|%/u.test(l) && !l.startsWith('summary: ') && !/^\s*["{}[\]]/u.test(l),
    )
    .slice(-4);
  const status = code === 0 ? 'ok' : code === 2 ? 'skipped' : 'failed';
  const note = code === 2 ? lines.slice(-1)[0] : undefined;
  results.push({
    name,
    status,
    seconds,
    figures,
    summary,
    note,
    ...(known.neo4j === 'optional' && !neo4jUp ? { partial: 'embedded store only (Neo4j not listening)' } : {}),
  });
}

console.log('\n=== summary');
for (const r of results) {
  const time = r.seconds !== undefined ? ` (${r.seconds.toFixed(0)} s)` : '';
  console.log(`${r.name}: ${r.status}${time}${r.note ? ` — ${r.note}` : ''}${r.partial ? ` — ${r.partial}` : ''}`);
  for (const f of r.figures ?? []) console.log(`    ${f.trim()}`);
}
if (results.some((r) => r.status === 'failed')) process.exitCode = 1;

function order(name) {
  const i = Object.keys(KNOWN).indexOf(name);
  return i < 0 ? 100 : i;
}

/** Runs a benchmark script, echoing its output, and returns its exit code and output lines. */
function run(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, lines: out.split('\n').filter((l) => l.trim() !== '') }));
  });
}

/** Whether something accepts connections on the Neo4j Bolt port (NEO4J_URI, default bolt://127.0.0.1:7687). */
function neo4jListening() {
  const url = new URL((process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687').replace(/^[a-z+]+:/u, 'http:'));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 7687) });
    const done = (up) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('connect', () => done(true));
    socket.on('error', () => done(false));
  });
}
