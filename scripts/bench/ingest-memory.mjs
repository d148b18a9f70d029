#!/usr/bin/env node
/**
 * Ingest memory benchmark
 *
 * Peak resident memory of `fupin ingest` on the scaled corpus into a fresh embedded store: the run a
 * single-machine user makes on a whole archive. The CLI is spawned as its own process and its
 * /proc/PID/status is sampled every 25 ms; VmHWM is the kernel's high-water mark of the whole process,
 * worker threads included (they share its address space), so the last sample before exit is the
 * peak up to the final 25 ms. The spawned command is wrapped in /usr/bin/time when present, whose
 * maximum RSS (getrusage of the child) covers those last milliseconds too; both are printed.
 * Target: peak < 1.5 GB.
 *
 *   node scripts/bench/ingest-memory.mjs [--mb 50] [--seed 1] [--corpus DIR] [--jobs N] [--quick] [--keep] [--analyse]
 *   node scripts/bench/ingest-memory.mjs --analyse-store DIR/graph.json
 *
 * `--analyse` (after the run) or `--analyse-store FILE` (an existing embedded store's graph.json) print
 * what the store holds on disk (snapshot, journal, catalogue) and what a full load and a compaction cost
 * in this process (wall and CPU seconds, RSS after each).
 *
 * The last line is `summary: {json}` for scripts/bench/all.mjs.
 */
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus } from '../scale-corpus.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
const TARGET_BYTES = 1.5e9;

const { values } = parseArgs({
  options: {
    mb: { type: 'string' },
    seed: { type: 'string', default: '1' },
    corpus: { type: 'string' },
    jobs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    analyse: { type: 'boolean', default: false },
    'analyse-store': { type: 'string' },
  },
});
if (values['analyse-store']) {
  await analyseStore(resolve(values['analyse-store']));
  process.exit(0);
}
const mb = Number(values.mb ?? (values.quick ? 2 : 50));
const seed = Number(values.seed);
const jobs = values.jobs ?? String(availableParallelism());
if (!existsSync(BIN)) {
  console.error('ingest-memory: packages/cli/dist/bin.js is missing; run `pnpm build:cli` first');
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

const data = mkdtempSync(join(ROOT, 'bench-out/ingest-memory-'));
const args = [BIN, 'ingest', dir, '--data', data, '--jobs', jobs, '--no-progress'];
const run = await runSampled(args);
const storeBytes = dirBytes(data);
if (values.analyse) await analyseStore(join(data, 'graph.json'));
if (!values.keep) rmSync(data, { recursive: true, force: true });

const peak = Math.max(run.hwmBytes, run.timeMaxRssBytes ?? 0);
console.log(`command: node packages/cli/dist/bin.js ingest ${dir} --data ${data} --jobs ${jobs} --no-progress`);
console.log(`cli: ${run.lastLine.trim()}`);
console.log(
  `ingest ${(manifest.bytes / 1e6).toFixed(1)} MB in ${run.seconds.toFixed(1)} s (exit ${run.code}); ` +
    `peak RSS ${mb1(run.hwmBytes)} (VmHWM sampled, ${run.samples} samples)` +
    (run.timeMaxRssBytes !== undefined ? `, ${mb1(run.timeMaxRssBytes)} (/usr/bin/time max RSS)` : '') +
    `; store on disk ${mb1(storeBytes)}`,
);
console.log(`target peak < 1.5 GB: ${mb1(peak)} — ${peak < TARGET_BYTES ? 'met' : 'MISSED'}`);
console.log(
  `summary: ${JSON.stringify({
    bench: 'ingest-memory',
    corpus: { files: manifest.files, bytes: manifest.bytes, seed },
    jobs: Number(jobs),
    seconds: run.seconds,
    exitCode: run.code,
    peakRssBytes: peak,
    vmHwmBytes: run.hwmBytes,
    timeMaxRssBytes: run.timeMaxRssBytes ?? null,
    storeBytes,
    met: peak < TARGET_BYTES && run.code === 0,
  })}`,
);
if (run.code !== 0) process.exitCode = 1;

/** Composition of an embedded store on disk and the cost of loading and compacting it. */
async function analyseStore(file) {
  const { EmbeddedStore } = await import('@fupin/store');
  const rss = () => `RSS ${mb1(process.memoryUsage().rss)}`;
  const step = async (label, fn) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await fn();
    const c = process.cpuUsage(c0);
    console.log(
      `store: ${label.padEnd(22)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s wall, ` +
        `${((c.user + c.system) / 1e6).toFixed(1).padStart(6)} s CPU, ${rss()}`,
    );
    return r;
  };
  for (const suffix of ['', '.journal', '.documents']) {
    const path = `${file}${suffix}`;
    console.log(`store: ${path}: ${existsSync(path) ? mb1(statSync(path).size) : 'absent'}`);
  }
  const dataDir = resolve(file, '..');
  const fileName = file.slice(dataDir.length + 1);
  const store = new EmbeddedStore({ dataDir, fileName });
  const stats = await step('load (stats)', () => store.stats());
  console.log(
    `store: ${stats.documents} documents, ${stats.nodes} entities, ${stats.relations} relations, ${stats.mentions} mentions`,
  );
  await step('compact', () => store.compact());
  console.log(`store: after compaction ${mb1(statSync(file).size)}`);
  const fresh = new EmbeddedStore({ dataDir, fileName });
  await step('load compacted', () => fresh.stats());
  await step('documents (catalogue)', () => new EmbeddedStore({ dataDir, fileName }).documents());
}

/** Spawns the CLI (under /usr/bin/time -f when present) and samples VmHWM of the node process. */
function runSampled(cliArgs) {
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-f', 'maxrss_kb=%M', process.execPath, ...cliArgs] : cliArgs;
  const started = performance.now();
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let hwm = 0;
  let samples = 0;
  const sample = () => {
    const pid = useTime ? childPid(child.pid) : child.pid;
    if (!pid) return;
    try {
      const m = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) {
        hwm = Math.max(hwm, Number(m[1]) * 1024);
        samples++;
      }
    } catch {
      // the process has just exited
    }
  };
  const timer = setInterval(sample, 25);
  return new Promise((resolvePromise) => {
    child.on('close', (code) => {
      clearInterval(timer);
      const m = /maxrss_kb=(\d+)/u.exec(stderr);
      if (code !== 0) process.stderr.write(stderr.slice(-4000));
      const lines = stdout.trim().split('\n');
      resolvePromise({
        code,
        seconds: (performance.now() - started) / 1000,
        hwmBytes: hwm,
        samples,
        timeMaxRssBytes: m ? Number(m[1]) * 1024 : undefined,
        lastLine: lines[lines.length - 1] ?? '',
      });
    });
  });
}

/** The first child of a process (the node process under /usr/bin/time). */
function childPid(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/u)[0]) || undefined;
  } catch {
    return undefined;
  }
}

function dirBytes(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

function mb1(bytes) {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}
