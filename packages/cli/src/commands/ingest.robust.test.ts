/**
 * fupin ingest under concurrency, kills and corrupt stores (embedded store, built CLI)
 *
 * Two ingests on one data directory at once must both land (the second waits for the lock, retrying
 * with backoff); an ingest killed with SIGKILL half-way must be resumable to exactly the graph of an
 * uninterrupted run; a corrupt graph file must be reported with its path on one line and never be
 * overwritten. Inputs are generated reports (robust-fixtures), spawned through the real CLI.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fupin, report } from '../../test/robust-fixtures.js';

let work: string;

/** Writes `count` generated reports into `dir`, numbered from `from`. */
function corpus(dir: string, from: number, count: number): string {
  mkdirSync(join(work, dir), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(work, dir, `报道 ${from + i}.txt`), report((from + i) * 3, 3));
  return dir;
}

/** Runs the CLI without waiting; resolves with the exit status and output. */
function start(args: string[]): { done: Promise<{ status: number | null; stderr: string }>; kill: () => void } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<{ status: number | null; stderr: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, stderr })),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

/** A value with every array sorted (write order is not part of the graph; duplicates still count). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map(canonical)
      .map((v) => [JSON.stringify(v), v] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, v]) => v);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** The exported graph of a data directory, canonical (every list sorted). */
function graphOf(data: string): Record<string, unknown[]> {
  const out = join(work, `export-${data}`);
  const run = fupin(['export', '--format', 'json', '--out', out, '--data', data], work);
  expect(run.status, run.stderr).toBe(0);
  return canonical(JSON.parse(readFileSync(join(out, 'fupin-graph.json'), 'utf8'))) as Record<string, unknown[]>;
}

const stats = (data: string): { documents: number; nodes: number; relations: number; mentions: number } =>
  JSON.parse(fupin(['query', 'stats', '--json', '--data', data], work).stdout);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fupin-robust-ingest-'));
  corpus('east', 0, 40);
  corpus('west', 100, 40);
  const both = fupin(['ingest', 'east', 'west', '--data', 'reference', '--jobs', '1', '--no-progress'], work);
  expect(both.status, both.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('fupin ingest, two at once on one data directory', () => {
  it('should keep the documents of both runs', async () => {
    const a = start(['ingest', 'east', '--data', 'shared', '--jobs', '1', '--chunk', '4', '--no-progress']);
    const b = start(['ingest', 'west', '--data', 'shared', '--jobs', '1', '--chunk', '4', '--no-progress']);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status, rb.stderr).toBe(0);
    expect(stats('shared')).toEqual(stats('reference'));
    expect(graphOf('shared')).toEqual(graphOf('reference'));
  }, 180_000);
});

describe('fupin ingest killed half-way', () => {
  it('should resume to exactly the graph of an uninterrupted run', async () => {
    // Writes of 5 documents, so the kill (at a moment between 1 and 4 s in) falls between writes or in one.
    const run = start(['ingest', 'east', 'west', '--data', 'killed', '--jobs', '1', '--chunk', '5', '--no-progress']);
    const delay = 1000 + Math.floor(Math.random() * 3000);
    await new Promise((resolve) => setTimeout(resolve, delay));
    run.kill();
    await run.done;
    const again = fupin(['ingest', 'east', 'west', '--data', 'killed', '--jobs', '1', '--no-progress'], work);
    expect(again.status, again.stderr).toBe(0);
    expect(stats('killed')).toEqual(stats('reference'));
    expect(graphOf('killed')).toEqual(graphOf('reference'));
  }, 180_000);
});

describe('fupin ingest on a corrupt graph file', () => {
  it('should name the file on one line, exit 2 and leave the file as it was', () => {
    mkdirSync(join(work, 'corrupt'));
    const file = join(work, 'corrupt', 'graph.json');
    const garbage = '{"format":"fupin-graph","version":1,"documents":[{"id":"doc:1"'; // cut off mid-write
    writeFileSync(file, garbage);
    const run = fupin(['ingest', 'east', '--data', 'corrupt', '--jobs', '1', '--no-progress'], work);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fupin: .*corrupt\/graph\.json/);
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  }, 120_000);
});
