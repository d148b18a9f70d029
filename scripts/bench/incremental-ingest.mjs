#!/usr/bin/env node
/**
 * Incremental ingest benchmark
 *
 * An archive grows and gets corrected; re-ingesting it should cost in proportion to what changed, not
 * to its size. This ingests a copy of the scaled corpus into a fresh embedded store, then changes 1 % of
 * the files (seeded choice: an amount in each is edited and a correction note appended), re-ingests,
 * and prints the time of the re-ingest as a share of the first one (target < 10 %). A third run with
 * nothing changed is printed too: it is the fixed cost (hashing every file, reading the store's catalogue).
 * Each run is wrapped in /usr/bin/time when present, so its CPU seconds (user + system, worker threads
 * included) and peak RSS are printed beside the wall time: on a shared machine, CPU time is the figure
 * to compare (the ratio is printed for both).
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
  const cpuRatio =
    first.cpuSeconds && second.cpuSeconds !== undefined ? second.cpuSeconds / first.cpuSeconds : undefined;
  console.log(
    `target re-ingest < 10 % of first ingest: ${(ratio * 100).toFixed(1)} % of wall time` +
      (cpuRatio !== undefined ? `, ${(cpuRatio * 100).toFixed(1)} % of CPU time` : '') +
      ` — ${ratio < 0.1 ? 'met' : 'MISSED'}`,
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
      firstCpuSeconds: first.cpuSeconds ?? null,
      changedCpuSeconds: second.cpuSeconds ?? null,
      unchangedCpuSeconds: third.cpuSeconds ?? null,
      peakRssBytes: Math.max(first.maxRssBytes ?? 0, second.maxRssBytes ?? 0, third.maxRssBytes ?? 0) || null,
      ratio,
      cpuRatio: cpuRatio ?? null,
      met: ratio < 0.1,
    })}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

function ingest(label) {
  const started = performance.now();
  const cli = [BIN, 'ingest', corpus, '--data', data, '--jobs', jobs, '--no-progress'];
  const useTime = existsSync('/usr/bin/time');
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'time_cpu=%U+%S maxrss_kb=%M', process.execPath, ...cli], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      })
    : spawnSync(process.execPath, cli, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stderr.slice(-4000));
    throw new Error(`incremental-ingest: ${label} exited with ${r.status}`);
  }
  const m = /time_cpu=([\d.]+)\+([\d.]+) maxrss_kb=(\d+)/u.exec(r.stderr);
  const cpuSeconds = m ? Number(m[1]) + Number(m[2]) : undefined;
  const maxRssBytes = m ? Number(m[3]) * 1024 : undefined;
  const line = r.stdout.trim().split('\n').pop() ?? '';
  const extra = m ? `  (CPU ${cpuSeconds.toFixed(1)} s, peak RSS ${(maxRssBytes / 1e6).toFixed(0)} MB)` : '';
  console.log(`${label.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s${extra}   ${line}`);
  return { seconds, cpuSeconds, maxRssBytes, line };
}
