#!/usr/bin/env node
/**
 * Extraction throughput benchmark
 *
 * How fast does `fupin extract` turn report text into a graph, and how does it compare with the floor
 * every run pays anyway — segmenting the same text with a raw `cut`? Two floors are measured: nodejieba
 * `cut` (the issue's baseline; installed for the benchmark only, see nodejieba.mjs) and @node-rs/jieba
 * `cut` (the segmenter fupin uses, default dictionary). Everything runs in this one process on the same
 * scaled corpus (scripts/scale-corpus.mjs): the raw cuts first, then the CLI's own worker pool
 * (`renderInOrder` of @fupin/cli: extraction plus the JSON lines of `fupin extract --jsonl`, not
 * written anywhere) with each `--jobs` value. Wall time and CPU time (process-wide, so worker threads count) are printed for each, because
 * on a shared machine CPU time is the steadier figure. Targets: one worker ≥ 40 % of raw cut
 * throughput; two workers ≥ 1.7× one worker (wall time, needs two idle cores to mean anything).
 *
 *   node scripts/bench/extract-throughput.mjs [--mb 50] [--seed 1] [--corpus DIR] [--jobs 1,2] [--quick] [--skip-nodejieba]
 *
 * Profile a run:  node --cpu-prof --cpu-prof-dir=bench-out/prof scripts/bench/extract-throughput.mjs --quick --jobs 1
 * The last line is `summary: {json}` for scripts/bench/all.mjs.
 */
import { performance } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { listInputFiles, renderInOrder } from '@fupin/cli';
import { ensureCorpus } from '../scale-corpus.mjs';
import { loadNodejieba } from './nodejieba.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

const { values } = parseArgs({
  options: {
    mb: { type: 'string' },
    seed: { type: 'string', default: '1' },
    corpus: { type: 'string' },
    jobs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'skip-nodejieba': { type: 'boolean', default: false },
  },
});
const mb = Number(values.mb ?? (values.quick ? 2 : 50));
const seed = Number(values.seed);
const jobsList = (values.jobs ?? `1,${Math.max(2, availableParallelism())}`).split(',').map(Number);
const out = resolve(values.corpus ?? join(ROOT, `bench-out/corpus-${mb}`));
const MB = 1e6;

console.log(machine());
const { dir, manifest } = await ensureCorpus({ seed, mb, out, log: (s) => console.log(s) });
console.log(`corpus: ${dir} — ${manifest.files} files, ${(manifest.bytes / MB).toFixed(1)} MB, seed ${manifest.seed}`);

// Baseline: raw jieba cut of the same files (read and decoded here, as extraction reads them).
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(dir, f));
/** Reads and decodes every file as extraction does and hands its text to `segment`, timed. */
const rawRun = (segment) =>
  measure(() => {
    const run = segment();
    let chars = 0;
    let bytes = 0;
    for (const file of files) {
      const buf = readFileSync(file);
      const text = buf.toString('utf8');
      bytes += buf.length;
      chars += text.length;
      run(text);
    }
    return { chars, bytes };
  });
// `segment` returns the per-text call; loading a jieba dictionary inside it is part of the measured run.
const baseline = rawRun(() => {
  const jieba = Jieba.withDict(dict);
  return (text) => jieba.cut(text, false);
});
const rows = [{ label: 'raw jieba cut', ...baseline }];
print(rows[0]);
// The issue's floor: raw nodejieba `cut` (default mode, no HMM), installed for the benchmark only.
const nj = values['skip-nodejieba']
  ? { ok: false, reason: 'skipped (--skip-nodejieba)' }
  : loadNodejieba(join(ROOT, 'bench-out/nodejieba'), (s) => console.log(s));
const njBaseline = nj.ok ? rawRun(() => (text) => nj.jieba.cut(text)) : undefined;
if (njBaseline) {
  rows.push({ label: 'raw nodejieba cut', ...njBaseline });
  print(rows[rows.length - 1]);
} else console.log(`raw nodejieba cut: not measured — ${nj.reason}`);
// For reference (not the baseline): part-of-speech tagging, which extractors that need word classes pay.
const tagged = rawRun(() => {
  const jieba = Jieba.withDict(dict);
  return (text) => jieba.tag(text, false);
});
rows.push({ label: 'raw jieba tag', ...tagged });
print(rows[rows.length - 1]);

for (const jobs of jobsList) {
  const listed = await listInputFiles([dir]);
  const result = await measureAsync(async () => {
    let chars = 0;
    let bytes = 0;
    let failed = 0;
    // What `fupin extract --jsonl` does, without the writing: extract and render each file's GraphBatch lines.
    for await (const outcome of renderInOrder(listed.files, jobs, 'jsonl')) {
      if (!outcome.ok) failed++;
      else chars += outcome.chars;
    }
    bytes = manifest.bytes;
    return { chars, bytes, failed };
  });
  const row = { label: `extract --jobs ${jobs}`, jobs, ...result };
  rows.push(row);
  print(row);
}

const one = rows.find((r) => r.jobs === 1);
const two = rows.find((r) => r.jobs === 2);
const checks = [];
if (one) {
  // Against the issue's floor (nodejieba) when it could be measured, and always against our own segmenter.
  for (const [name, base] of [
    ['raw nodejieba cut', njBaseline],
    ['raw @node-rs/jieba cut', baseline],
  ]) {
    if (!base) continue;
    const cpuRatio = one.bytes / one.cpu / (base.bytes / base.cpu);
    const wallRatio = one.bytes / one.wall / (base.bytes / base.wall);
    checks.push({ target: `jobs 1 ≥ 40% of ${name}`, cpuRatio, wallRatio, met: cpuRatio >= 0.4 });
  }
}
if (one && two) {
  const speedup = one.wall / two.wall;
  checks.push({ target: 'jobs 2 ≥ 1.7× jobs 1 (wall)', speedup, met: speedup >= 1.7 });
}
for (const c of checks) {
  const figure =
    c.speedup !== undefined
      ? `${c.speedup.toFixed(2)}×`
      : `${(c.cpuRatio * 100).toFixed(1)} % by CPU time, ${(c.wallRatio * 100).toFixed(1)} % by wall time`;
  console.log(`target ${c.target}: ${figure} — ${c.met ? 'met' : 'MISSED'}`);
}
console.log(
  `summary: ${JSON.stringify({
    bench: 'extract-throughput',
    corpus: { files: manifest.files, bytes: manifest.bytes, seed },
    rows: rows.map((r) => ({
      label: r.label,
      mbPerS: r.bytes / MB / r.wall,
      cpuMbPerS: r.bytes / MB / r.cpu,
      charsPerS: r.chars / r.wall,
      wall: r.wall,
      cpu: r.cpu,
    })),
    checks,
  })}`,
);

function measure(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fn();
  return { ...r, wall: (performance.now() - t0) / 1000, cpu: cpuSeconds(process.cpuUsage(cpu0)) };
}

async function measureAsync(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await fn();
  return { ...r, wall: (performance.now() - t0) / 1000, cpu: cpuSeconds(process.cpuUsage(cpu0)) };
}

function cpuSeconds(u) {
  return (u.user + u.system) / 1e6;
}

function print(r) {
  const wallRate = r.bytes / MB / r.wall;
  const cpuRate = r.bytes / MB / r.cpu;
  console.log(
    `${r.label.padEnd(17)} ${(r.bytes / MB).toFixed(1)} MB in ${r.wall.toFixed(1)} s wall (${r.cpu.toFixed(1)} s CPU): ` +
      `${wallRate.toFixed(2)} MB/s, ${Math.round(r.chars / r.wall).toLocaleString('en')} chars/s wall; ` +
      `${cpuRate.toFixed(2)} MB/s per CPU-second${r.failed ? `; ${r.failed} files failed` : ''}`,
  );
}

/** One line on the machine: cores, memory, load (the figures mean little without it). */
function machine() {
  const [l1, l5] = loadavg();
  return (
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${l1.toFixed(1)} / ${l5.toFixed(1)} (1 / 5 min), node ${process.version}`
  );
}
