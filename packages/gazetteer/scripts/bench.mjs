// Gazetteer benchmark
//
// Prints what the gazetteer costs a CLI run: import + index load time and RSS in fresh processes, the
// time to read one county's village shard, lookup and findAll throughput. Figures come from here, never
// from timed test assertions. Text for findAll: the seed reports read by path when present (never
// copied), else generated sentences. Usage: node scripts/bench.mjs [--runs 5]
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const entry = join(pkgDir, 'dist', 'index.js');
if (!existsSync(entry)) throw new Error('gazetteer.bench: dist/ missing; run `pnpm build` first');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const child = (code) =>
  JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }));

// 1. Cold start in fresh processes: bare node, import, load, first findAll.
const cold = [];
for (let i = 0; i < runs; i += 1) {
  cold.push(
    child(`
      const t0 = performance.now();
      const { Gazetteer } = await import(${JSON.stringify(entry)});
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      const g = Gazetteer.load();
      const t2 = performance.now();
      const c2 = process.cpuUsage(c1);
      g.findAll('苏州市吴中区对口帮扶从江县', { villageCounties: ['522633'] });
      const t3 = performance.now();
      console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, firstFindMs: t3 - t2, loadCpuMs: (c2.user + c2.system) / 1000,
        rssMB: process.memoryUsage().rss / 1e6, heapMB: process.memoryUsage().heapUsed / 1e6, uptimeMs: performance.now() }));
    `),
  );
}
const bare = [];
for (let i = 0; i < runs; i += 1)
  bare.push(
    child(`console.log(JSON.stringify({ rssMB: process.memoryUsage().rss / 1e6, uptimeMs: performance.now() }))`),
  );
const m = (k) => median(cold.map((c) => c[k])).toFixed(1);
console.log(
  `cold start (median of ${runs} fresh processes; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores):`,
);
console.log(
  `  import ${m('importMs')} ms, Gazetteer.load ${m('loadMs')} ms (${m('loadCpuMs')} ms CPU), first findAll incl. one village shard ${m('firstFindMs')} ms`,
);
console.log(
  `  RSS ${m('rssMB')} MB (bare node ${median(bare.map((b) => b.rssMB)).toFixed(1)} MB), heap used ${m('heapMB')} MB`,
);

// 2. In-process: shard reads, lookup, findAll.
const { Gazetteer } = await import(entry);
const g = Gazetteer.load();
const { VillageShards, DEFAULT_DATA_DIR } = await import(join(pkgDir, 'dist', 'index-files.js'));
const counties = new VillageShards(DEFAULT_DATA_DIR).countiesWithPrefix('').filter((_, i) => i % 30 === 0);
let t = performance.now();
let villages = 0;
for (const c of counties) villages += g.children(`${c}000000`).reduce((n, town) => n + g.children(town.code).length, 0);
const shardMs = (performance.now() - t) / counties.length;
console.log(
  `village shards: ${counties.length} counties, ${villages} villages, ${shardMs.toFixed(2)} ms per county (read + aliases)`,
);

const names = ['猴场镇', '台江县', '三都', '黔东南州', '和平', '不存在的地方', '杭州市', '城关镇'];
t = performance.now();
let n = 0;
while (performance.now() - t < 300) {
  for (const name of names) {
    g.lookup(name);
    n += 1;
  }
}
console.log(`lookup: ${((n / (performance.now() - t)) * 1000).toFixed(0)} lookups/s`);

const seedDir = join(pkgDir, '..', '..', '..', 'shared', 'corpus', 'seeds');
let text;
let source;
if (existsSync(seedDir)) {
  text = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(seedDir, f), 'utf8'))
    .join('\n');
  source = 'seed reports (read by path)';
} else {
  text = Array.from({ length: 2000 }, (_, i) => `第${i}批干部从苏州市吴中区到台江县施洞镇开展帮扶，发展产业。`).join(
    '',
  );
  source = 'generated sentences';
}
t = performance.now();
let chars = 0;
let matches = 0;
while (performance.now() - t < 1000) {
  matches += g.findAll(text).length;
  chars += text.length;
}
const secs = (performance.now() - t) / 1000;
console.log(
  `findAll on ${source}: ${(chars / secs / 1e6).toFixed(2)} M chars/s (${(matches / (chars / text.length)).toFixed(0)} matches per pass of ${text.length} chars)`,
);
