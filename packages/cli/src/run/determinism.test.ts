/**
 * Determinism of batch runs
 *
 * The pool promises that `--jobs N` never changes what a document yields, and `fupin load` promises that
 * shards merged in any order give the graph of one unsharded ingest. These tests hold the built CLI to
 * both on a small corpus made by scripts/scale-corpus.mjs from the project's own examples (no seed
 * reports), spawning `node packages/cli/dist/bin.js` exactly as a user would (`pnpm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
const TIMEOUT = 180_000;

let work: string;

/** Runs the built CLI in the work directory (relative paths, so documents carry the same path in every run). */
function fupin(args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The exported graph with every list in id order (the order rows were written in is not part of the graph). */
function canonicalGraph(file: string): Record<string, unknown[]> {
  const graph = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>;
  const key = (row: unknown): string => {
    const r = row as { id?: string };
    return r.id ?? JSON.stringify(row);
  };
  const out: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(graph)) {
    out[name] = Array.isArray(rows) ? [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) : rows;
  }
  return out;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fupin-determinism-'));
  // ~16 reports of 5–20 KB about as many counties, rebuilt from examples/ with other real place names.
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'scripts/scale-corpus.mjs'),
      '--seed',
      '11',
      '--mb',
      '0.2',
      '--out',
      join(work, 'corpus'),
      '--from',
      join(ROOT, 'examples'),
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  fupin(['extract', 'corpus', '--jsonl', '--jobs', '1', '--out', 'jobs-1.jsonl']);
  fupin(['extract', 'corpus', '--jsonl', '--jobs', '2', '--out', 'jobs-2.jsonl']);
  fupin(['extract', 'corpus', '--jsonl', '--jobs', '1', '--shard', '1/2', '--out', 'shard-1.jsonl']);
  fupin(['extract', 'corpus', '--jsonl', '--jobs', '2', '--shard', '2/2', '--out', 'shard-2.jsonl']);
}, TIMEOUT);

const read = (file: string): string => readFileSync(join(work, file), 'utf8');

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('extractInOrder', () => {
  it('should write byte-identical --jsonl for --jobs 1 and --jobs 2', () => {
    expect(read('jobs-1.jsonl').trim().split('\n').length).toBeGreaterThanOrEqual(10);
    expect(read('jobs-2.jsonl')).toBe(read('jobs-1.jsonl'));
  });

  it('should split the same lines round-robin into --shard 1/2 and 2/2', () => {
    const all = read('jobs-1.jsonl').trim().split('\n');
    expect(read('shard-1.jsonl').trim().split('\n')).toEqual(all.filter((_, i) => i % 2 === 0));
    expect(read('shard-2.jsonl').trim().split('\n')).toEqual(all.filter((_, i) => i % 2 === 1));
  });
});

describe('fupin load', () => {
  it(
    'should give the graph of one unsharded ingest when shards are loaded in reverse order',
    () => {
      fupin(['load', 'shard-2.jsonl', 'shard-1.jsonl', '--data', 'sharded']);
      fupin(['ingest', 'corpus', '--data', 'unsharded', '--no-progress']);

      const stats = (data: string): unknown => JSON.parse(fupin(['query', 'stats', '--json', '--data', data]));
      expect(stats('sharded')).toEqual(stats('unsharded'));

      fupin(['export', '--format', 'json', '--out', 'export-sharded', '--data', 'sharded']);
      fupin(['export', '--format', 'json', '--out', 'export-unsharded', '--data', 'unsharded']);
      const sharded = canonicalGraph(join(work, 'export-sharded/fupin-graph.json'));
      const unsharded = canonicalGraph(join(work, 'export-unsharded/fupin-graph.json'));
      expect(Object.keys(sharded).sort()).toEqual(Object.keys(unsharded).sort());
      for (const name of Object.keys(unsharded)) expect({ [name]: sharded[name] }).toEqual({ [name]: unsharded[name] });
    },
    TIMEOUT,
  );
});
