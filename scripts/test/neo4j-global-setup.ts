/**
 * Neo4j global setup for the `integration` vitest project
 *
 * Integration tests run against a real Neo4j, never a mock, and must FAIL when none can be had (a
 * skipped suite in CI hides a broken store). Order: an explicit `NEO4J_URI` that answers; else a
 * server on bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687} that accepts our default credentials; else
 * `bash scripts/neo4j.sh start`. The connection goes to tests through `inject('neo4j')` and through
 * `process.env.NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD`. Several test runs may share one machine, so
 * each run leaves a lease file next to the server's pid file. A server that a test run started is marked
 * so; the last run to finish (no other live lease) stops a marked server, whoever started it. A server
 * started by hand (`bash scripts/neo4j.sh start`, .ci/run) is never stopped here; `FUPIN_NEO4J_KEEP=1`
 * keeps a marked one running too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';

/** How tests reach the Neo4j server of this run. */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jConnection;
  }
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_USER = 'neo4j';
const DEFAULT_PASSWORD = 'fupin-test-pw';

type Probe = { ok: true } | { ok: false; reason: string; unauthorized: boolean };

/** One Bolt handshake with login; never throws. */
async function probe(conn: Neo4jConnection): Promise<Probe> {
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    connectionTimeout: 5_000,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.verifyConnectivity();
    return { ok: true };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const unauthorized = e.code === 'Neo.ClientError.Security.Unauthorized';
    return { ok: false, reason: `${e.code ?? 'error'}: ${e.message ?? String(error)}`, unauthorized };
  } finally {
    await driver.close().catch(() => {});
  }
}

function runDir(): string {
  const home = process.env.FUPIN_NEO4J_HOME ?? join(homedir(), '.cache', 'fupin', 'neo4j', 'home');
  return join(home, 'run');
}

function leaseDir(): string {
  return join(runDir(), 'leases');
}

/** Marks the running server as started by a test run (scripts/neo4j.sh removes the mark on each start). */
const startedByTestsMark = (): string => join(runDir(), 'started-by-tests');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Pids of other live test runs that hold a lease on the local server. */
function otherLeases(): number[] {
  let names: string[] = [];
  try {
    names = readdirSync(leaseDir());
  } catch {
    return [];
  }
  return names
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid)
    .filter((pid) => {
      if (isAlive(pid)) return true;
      rmSync(join(leaseDir(), String(pid)), { force: true });
      return false;
    });
}

function runNeo4jScript(command: 'start' | 'stop' | 'status'): number {
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'neo4j.sh'), command], {
    cwd: REPO_ROOT,
    stdio: ['ignore', command === 'status' ? 'ignore' : 'inherit', 'inherit'],
    env: process.env,
  });
  return result.status ?? 1;
}

function publish(project: TestProject, conn: Neo4jConnection): void {
  project.provide('neo4j', conn);
  process.env.NEO4J_URI = conn.uri;
  process.env.NEO4J_USER = conn.user;
  process.env.NEO4J_PASSWORD = conn.password;
}

/**
 * Finds or starts a Neo4j server and publishes its connection; returns the teardown.
 * @param project - the vitest project, used to `provide('neo4j', …)`.
 * @example
 * // in a test: const { uri } = inject('neo4j'); // 'bolt://127.0.0.1:7687'
 * // then: await store.write(batchWith('从江县', '苏州市'));
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const user = process.env.NEO4J_USER ?? DEFAULT_USER;
  const password = process.env.NEO4J_PASSWORD ?? DEFAULT_PASSWORD;
  const tried: string[] = [];

  const explicit = process.env.NEO4J_URI;
  if (explicit) {
    const conn = { uri: explicit, user, password };
    const result = await probe(conn);
    if (result.ok) {
      publish(project, conn);
      return async () => {};
    }
    tried.push(`${explicit} (NEO4J_URI): ${result.reason}`);
    console.warn(
      `neo4j-global-setup: NEO4J_URI=${explicit} does not answer (${result.reason}); trying the local server`,
    );
  }

  const local = { uri: `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? '7687'}`, user, password };
  const lease = join(leaseDir(), String(process.pid));
  mkdirSync(leaseDir(), { recursive: true });
  writeFileSync(lease, `${new Date().toISOString()}\n`);
  const release = () => rmSync(lease, { force: true });

  let result = await probe(local);
  if (!result.ok && result.unauthorized) {
    release();
    throw new Error(
      `neo4j-global-setup: ${local.uri} refused user ${user}; expected NEO4J_PASSWORD to match that server ` +
        `(default ${DEFAULT_PASSWORD}; \`bash scripts/neo4j.sh reset\` recreates a local test database).`,
    );
  }
  if (!result.ok) {
    tried.push(`${local.uri}: ${result.reason}`);
    // neo4j.sh takes a lock, says "already running" if a concurrent run beat us to it, and uses the
    // same NEO4J_PASSWORD / NEO4J_BOLT_PORT from the environment. `status` exits 0 when running.
    const wasRunning = runNeo4jScript('status') === 0;
    const status = runNeo4jScript('start');
    if (status !== 0) {
      release();
      throw new Error(
        `neo4j-global-setup: could not start Neo4j with scripts/neo4j.sh (exit ${status}); expected a reachable server.\n` +
          `Tried: ${tried.join('; ')}.\nStart one with \`bash scripts/neo4j.sh start\` or set NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD.`,
      );
    }
    if (!wasRunning) writeFileSync(startedByTestsMark(), `${process.pid}\n`);
    result = await probe(local);
    if (!result.ok) {
      release();
      throw new Error(
        `neo4j-global-setup: scripts/neo4j.sh start succeeded but ${local.uri} refused: ${result.reason}`,
      );
    }
  }
  publish(project, local);

  return async () => {
    release();
    if (!existsSync(startedByTestsMark()) || process.env.FUPIN_NEO4J_KEEP === '1') return;
    const others = otherLeases();
    if (others.length > 0) {
      console.warn(`neo4j-global-setup: leaving Neo4j running for other test runs (pids ${others.join(', ')})`);
      return;
    }
    rmSync(startedByTestsMark(), { force: true });
    runNeo4jScript('stop');
  };
}
