/**
 * Determinism of batch runs
 *
 * The pool promises that `--jobs N` never changes what a document yields, and `fupin load` promises that
 * shards merged in any order give the graph of one unsharded ingest. These tests hold the built CLI to
 * both on a small corpus made by scripts/scale-corpus.mjs from the project's own examples (no seed
 * reports), spawning `node packages/cli/dist/bin.js` exactly as a user would (`pnpm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** The first line where two outputs differ, cut short, or undefined when they are equal (keeps failures readable). */
function firstDifference(
  expected: string[],
  received: string[],
): { line: number; expected?: string; received?: string } | undefined {
  for (let i = 0; i < Math.max(expected.length, received.length); i++) {
    const a = expected[i];
    const b = received[i];
    if (a === b) continue;
    let at = 0;
    while (a !== undefined && b !== undefined && at < a.length && a[at] === b[at]) at++;
    const cut = (line?: string): string | undefined => line?.slice(Math.max(0, at - 80), at + 160);
    return { line: i + 1, expected: cut(a), received: cut(b) };
  }
  return undefined;
}

/** Rows (by id) that differ between two exported lists, at most three, as JSON. */
function rowDifferences(expected: unknown[], received: unknown[]): { expected?: string; received?: string }[] {
  const key = (row: unknown): string => (row as { id?: string }).id ?? JSON.stringify(row);
  const byKey = new Map(received.map((row) => [key(row), row]));
  const out: { expected?: string; received?: string }[] = [];
  for (const row of expected) {
    const other = byKey.get(key(row));
    byKey.delete(key(row));
    if (JSON.stringify(other) !== JSON.stringify(row))
      out.push({ expected: JSON.stringify(row), received: JSON.stringify(other) });
  }
  for (const row of byKey.values()) out.push({ received: JSON.stringify(row) });
  return out.slice(0, 3);
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
  // Two reports on the same county a year apart, with different figures for the same relations: adjacent
  // in file order, so they fall in different shards, and the graph must not depend on which is merged last.
  writeFileSync(
    join(work, 'corpus/z-台江县-2019.txt'),
    '台江县2019年易地扶贫搬迁工作综述\n\n2019年，台江县易地扶贫搬迁安置群众1200户5100人，全县发展茶叶种植5000亩。' +
      '杭州市余杭区对口帮扶台江县，当年投入帮扶资金3000万元。\n',
  );
  writeFileSync(
    join(work, 'corpus/z-台江县-2020.txt'),
    '台江县2020年东西部扶贫协作工作总结\n\n2020年，台江县易地扶贫搬迁安置群众1350户5800人，全县发展茶叶种植6200亩。' +
      '余杭区对口帮扶台江县，投入帮扶资金4200万元。\n',
  );
  fupin(['extract', 'corpus', '--jsonl', '--jobs', '1', '--out', 'jobs-1.jsonl']);
  fupin(['extract', 'corpus', '--jsonl', '--jobs', '2', '--out', 'jobs-2.jsonl']);
  fupin(['extract', 'corpus', '--jsonl', '--jobs', '1', '--shard', '1/2', '--out', 'shard-1.jsonl']);
  fupin(['extract', 'corpus', '--jsonl', '--jobs', '2', '--shard', '2/2', '--out', 'shard-2.jsonl']);
}, TIMEOUT);

const read = (file: string): string => readFileSync(join(work, file), 'utf8');
const lines = (file: string): string[] => read(file).trim().split('\n');

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('extractInOrder', () => {
  it('should write byte-identical --jsonl for --jobs 1 and --jobs 2', () => {
    expect(lines('jobs-1.jsonl').length).toBeGreaterThanOrEqual(10);
    expect(firstDifference(lines('jobs-1.jsonl'), lines('jobs-2.jsonl'))).toBeUndefined();
    expect(read('jobs-2.jsonl') === read('jobs-1.jsonl')).toBe(true);
  });

  it('should split the same lines round-robin into --shard 1/2 and 2/2', () => {
    const all = lines('jobs-1.jsonl');
    expect(
      firstDifference(
        all.filter((_, i) => i % 2 === 0),
        lines('shard-1.jsonl'),
      ),
    ).toBeUndefined();
    expect(
      firstDifference(
        all.filter((_, i) => i % 2 === 1),
        lines('shard-2.jsonl'),
      ),
    ).toBeUndefined();
  });
});

describe('fupin load', () => {
  it(
    'should give the graph of one unsharded ingest whichever order the shards are loaded in',
    () => {
      fupin(['load', 'shard-1.jsonl', 'shard-2.jsonl', '--data', 'forward']);
      fupin(['load', 'shard-2.jsonl', 'shard-1.jsonl', '--data', 'reversed']);
      fupin(['ingest', 'corpus', '--data', 'unsharded', '--no-progress']);

      const stats = (data: string): unknown => JSON.parse(fupin(['query', 'stats', '--json', '--data', data]));
      const graph = (data: string): Record<string, unknown[]> => {
        fupin(['export', '--format', 'json', '--out', `export-${data}`, '--data', data]);
        return canonicalGraph(join(work, `export-${data}/fupin-graph.json`));
      };
      const unsharded = graph('unsharded');
      for (const data of ['forward', 'reversed']) {
        expect(stats(data)).toEqual(stats('unsharded'));
        const sharded = graph(data);
        expect(Object.keys(sharded).sort()).toEqual(Object.keys(unsharded).sort());
        for (const name of Object.keys(unsharded)) {
          const differences = rowDifferences(unsharded[name] ?? [], sharded[name] ?? []);
          expect({ data, name, differences }).toEqual({ data, name, differences: [] });
        }
      }
    },
    TIMEOUT,
  );
});
