#!/usr/bin/env node
/**
 * Incremental ingest benchmark
 *
 * An archive grows and gets corrected; re-ingesting it should cost in proportion to what changed, not
 * to its size. This ingests a copy of the scaled corpus into a fresh embedded store, then changes 1 % of
 * the files (seeded choice: an amount in each is edited and a correction note appended), re-ingests,
 * and prints the time of the re-ingest as a share of the first one (target < 10 %). A third run with
 * nothing changed is printed too: it is the fixed cost (hashing every file, loading and saving the store).
 *
 *   node scripts/bench/incremental-ingest.mjs [--mb 50] [--seed 1] [--corpus DIR] [--jobs N] [--changed 0.01] [--quick]
 *
 * The last line is `summary: {json}` for scripts/bench/all.mjs.
 */
import { performance } from 'node:perf_hooks';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus, makeRng } from '../scale-corpus.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');

const { values } = parseArgs({
  options: {
    mb: { type: 'string' },
    seed: { type: 'string', default: '1' },
    corpus: { type: 'string' },
    jobs: { type: 'string' },
    changed: { type: 'string', default: '0.01' },
    quick: { type: 'boolean', default: false },
  },
});
const mb = Number(values.mb ?? (values.quick ? 2 : 50));
const seed = Number(values.seed);
const jobs = values.jobs ?? String(availableParallelism());
const share = Number(values.changed);
if (!existsSync(BIN)) {
  console.error('incremental-ingest: packages/cli/dist/bin.js is missing; run `pnpm build:cli` first');
  process.exit(2);
}

const [l1, l5] = loadavg();
console.log(
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `load average ${l1.toFixed(1)} / ${l5.toFixed(1)} (1 / 5 min), node ${process.version}`,
);
const { dir, manifest } = await ensureCorpus({
  seed,
  mb,
  out: resolve(values.corpus ?? join(ROOT, `bench-out/corpus-${mb}`)),
  log: (s) => console.log(s),
});
console.log(`corpus: ${dir} — ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, seed ${manifest.seed}`);

// Work on a copy: the edits must not touch the shared corpus.
const work = mkdtempSync(join(ROOT, 'bench-out/incremental-'));
const corpus = join(work, 'corpus');
const data = join(work, 'data');
cpSync(dir, corpus, { recursive: true });
try {
  const first = ingest('first ingest');
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const rng = makeRng(seed + 1);
  const count = Math.max(1, Math.round(files.length * share));
  const chosen = new Set();
  while (chosen.size < count) chosen.add(files[rng.int(files.length)]);
  for (const f of chosen) {
    const path = join(corpus, f);
    const body = readFileSync(path, 'utf8').replace(/\d+/u, (n) => String(Number(n) + 1));
    writeFileSync(path, `${body}\n（更正：本文部分数据已于发稿后更新。）\n`);
  }
  console.log(`changed ${chosen.size} of ${files.length} files (${((chosen.size / files.length) * 100).toFixed(1)} %)`);
  const second = ingest('re-ingest after changes');
  const third = ingest('re-ingest, nothing changed');
  const ratio = second.seconds / first.seconds;
  console.log(
    `target re-ingest < 10 % of first ingest: ${(ratio * 100).toFixed(1)} % — ${ratio < 0.1 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `summary: ${JSON.stringify({
      bench: 'incremental-ingest',
      corpus: { files: manifest.files, bytes: manifest.bytes, seed },
      jobs: Number(jobs),
      changedFiles: chosen.size,
      firstSeconds: first.seconds,
      changedSeconds: second.seconds,
      unchangedSeconds: third.seconds,
      ratio,
      met: ratio < 0.1,
    })}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

function ingest(label) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'ingest', corpus, '--data', data, '--jobs', jobs, '--no-progress'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stderr.slice(-4000));
    throw new Error(`incremental-ingest: ${label} exited with ${r.status}`);
  }
  const line = r.stdout.trim().split('\n').pop() ?? '';
  console.log(`${label.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s   ${line}`);
  return { seconds, line };
}
