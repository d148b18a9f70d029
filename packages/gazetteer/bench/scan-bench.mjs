#!/usr/bin/env node
// Gazetteer scan micro-benchmark
//
// The extractor calls `findAll` once per whole document and once more on joined short windows with the
// village lists of the document's counties; this replays exactly those calls (recorded once from a real
// extraction run) and compares their CPU time with jieba `cut` of the same documents, plus the cost of
// loading one county's villages. CPU time (process.cpuUsage), not wall time: the machine is shared;
// the fastest of --repeat passes is reported.
// `--out f.json` writes every result so that two builds can be compared byte for byte. To time an older
// build, copy its dist/ under packages/gazetteer/ (e.g. .before/dist, gitignored, so that its imports
// resolve) and its data/ anywhere, and pass both with --dist and --data.
// Per-call CPU times taken inside a running extraction mislead: process.cpuUsage also counts V8's
// background GC and compiler threads (run with node --single-threaded when measuring in place).
//
//   node packages/gazetteer/bench/scan-bench.mjs --record [--dirs bench-out/corpus-2]   (once; needs extract built)
//   node packages/gazetteer/bench/scan-bench.mjs [--dist dir --data dir] [--repeat 7] [--out results.json]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const PKG = resolve(import.meta.dirname, '..');
const ROOT = resolve(PKG, '../..');
const { values } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    dirs: { type: 'string', default: join(ROOT, 'bench-out/corpus-2') },
    calls: { type: 'string', default: '/tmp/gaz-bench-calls.json' },
    dist: { type: 'string', default: join(PKG, 'dist') },
    data: { type: 'string' },
    repeat: { type: 'string', default: '7' },
    counties: { type: 'string', default: '300' },
    out: { type: 'string' },
  },
});
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

if (values.record) {
  // Run the real extractor with a gazetteer that records every findAll call (text and options).
  const { Extractor } = await import(join(ROOT, 'packages/extract/dist/index.js'));
  const { loadGazetteer } = await import(join(PKG, 'dist/index.js'));
  const g = loadGazetteer();
  const calls = [];
  const recorder = new Proxy(g, {
    get(obj, prop) {
      const v = Reflect.get(obj, prop);
      if (typeof v !== 'function') return v;
      if (prop !== 'findAll') return v.bind(obj);
      return (text, options) => {
        calls.push({ doc: docs.length - 1, text, options });
        return v.call(obj, text, options);
      };
    },
  });
  const extractor = Extractor.create({ gazetteer: recorder });
  const docs = [];
  for (const d of values.dirs.split(',')) {
    for (const f of readdirSync(d)
      .filter((x) => x.endsWith('.txt'))
      .sort()) {
      const text = readFileSync(join(d, f), 'utf8');
      docs.push(text);
      extractor.extract({ path: f, text, sha256: '0'.repeat(64) });
    }
  }
  writeFileSync(values.calls, JSON.stringify({ docs, calls }));
  console.log(`recorded ${calls.length} findAll calls over ${docs.length} documents into ${values.calls}`);
  process.exit(0);
}

if (!existsSync(values.calls)) throw new Error(`gazetteer.bench: ${values.calls} missing; run with --record first`);
const { docs, calls } = JSON.parse(readFileSync(values.calls, 'utf8'));
const repeat = Number(values.repeat);
const { Gazetteer } = await import(join(resolve(values.dist), 'index.js'));
const load = () => (values.data ? Gazetteer.load({ dataDir: resolve(values.data) }) : Gazetteer.load());
const { Jieba } = await import('@node-rs/jieba');
const { dict } = await import('@node-rs/jieba/dict.js');
const jieba = Jieba.withDict(dict);

// 1. Village loading: a fresh gazetteer, many counties, each loaded once (first use in a process).
// The county list from the current build's villages.bin (a --dist of an older build reads its own format).
const { VillageShards, DEFAULT_DATA_DIR } = await import(join(PKG, 'dist/index-files.js'));
const shardTable = new VillageShards(DEFAULT_DATA_DIR);
const all = shardTable.countiesWithPrefix('');
const step = Math.max(1, Math.floor(all.length / Number(values.counties)));
const counties = all.filter((_, i) => i % step === 0);
let g = load();
g.findAll('从江县', { villageCounties: ['522633000000'] }); // JIT warm-up on one county
let t = cpu();
for (const c of counties) g.findAll('', { villageCounties: [`${c}000000`] });
const loadMs = cpu() - t;
const villages = counties.reduce((n, c) => n + shardTable.villageCount(c), 0);

// 2. The recorded calls on a gazetteer whose counties are already loaded (as after the first documents).
g = load();
const docCalls = calls.filter((c) => c.options === undefined);
const winCalls = calls.filter((c) => c.options !== undefined);
const results = [];
for (const c of calls) results.push(g.findAll(c.text, c.options)); // warm-up, loads counties, keeps results
for (const d of docs) jieba.cut(d, false);
// The fastest of `repeat` passes: on a shared machine the slower ones measure the neighbours.
const time = (fn) => {
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t0 = cpu();
    fn();
    best = Math.min(best, cpu() - t0);
  }
  return best;
};
const cutMs = time(() => {
  for (const d of docs) jieba.cut(d, false);
});
const docMs = time(() => {
  for (const c of docCalls) g.findAll(c.text, c.options);
});
const winMs = time(() => {
  for (const c of winCalls) g.findAll(c.text, c.options);
});
const chars = docs.reduce((n, d) => n + d.length, 0);
const winChars = winCalls.reduce((n, c) => n + c.text.length, 0);
console.log(`gazetteer ${values.dist}`);
console.log(`documents ${docs.length} (${chars} chars); jieba cut ${cutMs.toFixed(1)} ms CPU`);
console.log(
  `findAll whole documents: ${docCalls.length} calls, ${docMs.toFixed(1)} ms CPU = ${(docMs / cutMs).toFixed(3)} x cut`,
);
console.log(
  `findAll village windows: ${winCalls.length} calls (${winChars} chars), ${winMs.toFixed(1)} ms CPU = ${(winMs / cutMs).toFixed(3)} x cut`,
);
console.log(
  `village loading: ${counties.length} counties (${villages} villages), ${(loadMs / counties.length).toFixed(3)} ms CPU per county`,
);
if (values.out) {
  writeFileSync(values.out, JSON.stringify(results));
  console.log(`results of all ${calls.length} calls written to ${values.out}`);
}
