/**
 * fupin ingest when Neo4j goes away (real Neo4j, built CLI)
 *
 * Stopping the shared test server would break every other suite, so this file starts its own Neo4j
 * with scripts/neo4j.sh on a free port and in a temporary home (same jars, smaller heap), and always
 * stops it in afterAll. It stops that server in the middle of an ingest: the ingest must retry with
 * backoff, then stop with one clear line and exit 2; once the server is back, running the same command
 * again must give exactly the graph of an uninterrupted run (checked against an embedded ingest of the
 * same files: same counts, same canonical export, no duplicate evidence). Wrong passwords and URIs must
 * give a one-line `fupin: …` error, not a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '@fupin/store';
import { BIN, ROOT, fupin, report, type Run } from '../robust-fixtures.js';

const PASSWORD = 'fupin-outage-pw';
let work: string;
let home: string;
let uri: string;
let env: NodeJS.ProcessEnv;

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs scripts/neo4j.sh for the private server. */
function neo4jSh(command: 'start' | 'stop'): void {
  const run = spawnSync('bash', [join(ROOT, 'scripts/neo4j.sh'), command], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 400_000,
  });
  if (run.status !== 0) throw new Error(`neo4j.sh ${command} failed (${run.status}): ${run.stderr}`);
}

const cli = (args: string[]): Run => fupin(args, work, env);

/** Canonical JSON: every array sorted, so write order does not matter but duplicates still count. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map(canonical)
      .map((v) => [JSON.stringify(v), v] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, v]) => v);
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

function exported(storeArgs: string[], name: string): unknown {
  const out = join(work, `export-${name}`);
  const run = cli(['export', '--format', 'json', '--out', out, ...storeArgs]);
  expect(run.status, run.stderr).toBe(0);
  const graph = JSON.parse(readFileSync(join(out, 'fupin-graph.json'), 'utf8')) as { documents?: { text?: string }[] };
  return canonical(graph);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fupin-outage-'));
  home = join(work, 'neo4j-home');
  const port = await freePort();
  uri = `bolt://127.0.0.1:${port}`;
  env = {
    FUPIN_NEO4J_HOME: home,
    NEO4J_BOLT_PORT: String(port),
    NEO4J_PASSWORD: PASSWORD,
    NEO4J_USER: 'neo4j',
    NEO4J_URI: uri,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    NEO4J_START_TIMEOUT: '300',
  };
  mkdirSync(join(work, 'corpus'));
  for (let i = 0; i < 300; i++)
    writeFileSync(join(work, 'corpus', `报道 ${String(i).padStart(3, '0')}.txt`), report(i * 3, 3));
  neo4jSh('start');
  const reference = cli(['ingest', 'corpus', '--data', 'reference', '--jobs', '1', '--no-progress']);
  expect(reference.status, reference.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  // Never leave the private server running, whatever happened above.
  if (env)
    spawnSync('bash', [join(ROOT, 'scripts/neo4j.sh'), 'stop'], { env: { ...process.env, ...env }, timeout: 120_000 });
  if (work) rmSync(work, { recursive: true, force: true });
}, 180_000);

describe('fupin ingest on a Neo4j that stops half-way', () => {
  it('should retry, stop with one clear line, and resume to the graph of an uninterrupted run', async () => {
    // Opened before the ingest starts: two concurrent init() calls can race on index creation.
    const probe = new Neo4jStore({ uri, user: 'neo4j', password: PASSWORD });
    await probe.init();
    const child = spawn(
      process.execPath,
      [BIN, 'ingest', 'corpus', '--neo4j', uri, '--jobs', '1', '--chunk', '5', '--retries', '2', '--no-progress'],
      { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    // Wait until some documents are stored, then take the server away.
    const deadline = Date.now() + 120_000;
    while ((await probe.stats()).documents < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await probe.close();
    let status: number | null;
    try {
      neo4jSh('stop');
      status = await exited;
    } finally {
      neo4jSh('start'); // later tests need it, whatever happened
    }
    const output = `stdout: ${stdout}\nstderr: ${stderr}`;
    expect(status, output).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(
      lines.filter((l) => / retry \d\/2 in /.test(l)),
      output,
    ).toHaveLength(2);
    expect(lines.at(-1), output).toMatch(/^fupin: ingest: gave up after 3 attempts/);
    expect(stderr).not.toMatch(/\n\s+at /);
    const again = cli(['ingest', 'corpus', '--neo4j', uri, '--jobs', '1', '--no-progress']);
    expect(again.status, again.stderr).toBe(0);
    const stats = (args: string[]): unknown => JSON.parse(cli(['query', 'stats', '--json', ...args]).stdout);
    expect(stats(['--neo4j', uri])).toEqual(stats(['--data', 'reference']));
    expect(exported(['--neo4j', uri], 'neo4j')).toEqual(exported(['--data', 'reference'], 'reference'));
    // Running it once more changes nothing.
    const third = cli(['ingest', 'corpus', '--neo4j', uri, '--jobs', '1', '--no-progress']);
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/300 unchanged/);
    expect(stats(['--neo4j', uri])).toEqual(stats(['--data', 'reference']));
  }, 900_000);
});

describe('fupin on a misconfigured Neo4j', () => {
  const oneLineError = (run: Run): void => {
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fupin: /);
  };

  it('should refuse a wrong password on one line', () => {
    const run = fupin(['query', 'stats', '--neo4j', uri], work, { ...env, NEO4J_PASSWORD: 'not-the-password' });
    oneLineError(run);
    expect(run.stderr).toContain('NEO4J_PASSWORD');
  });

  it('should report an unreachable URI on one line naming it', () => {
    const run = cli(['ingest', 'corpus', '--neo4j', 'bolt://127.0.0.1:1', '--jobs', '1', '--no-progress']);
    oneLineError(run);
    expect(run.stderr).toContain('bolt://127.0.0.1:1');
  }, 120_000);

  it('should refuse a URI that is not bolt:// or neo4j:// on one line', () => {
    oneLineError(cli(['query', 'stats', '--neo4j', 'http://127.0.0.1:7474']));
  });
});
