#!/usr/bin/env node
/**
 * Extraction CPU profile bench
 *
 * Measures single-thread extraction throughput against raw jieba `cut` on the same text in the same
 * process, using CPU time (process.cpuUsage) because the machine is shared. The corpus is the seed and
 * example reports (plain .txt files) repeated N times, each copy a separate document — but repeated
 * sentences hit caches keyed by text, so prefer a scaled corpus (scripts/scale-corpus.mjs), whose
 * documents differ: `--dirs bench-out/corpus-2 --repeat 1 --files 60`.
 *
 *   node packages/extract/bench/profile.mjs [--repeat 20] [--dirs a,b] [--files N] [--breakdown] [--warm]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof packages/extract/bench/profile.mjs
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    repeat: { type: 'string', default: '20' },
    dirs: { type: 'string' },
    breakdown: { type: 'boolean', default: false },
    files: { type: 'string' },
    // Extract the files past --files before measuring: per-process costs (JIT, word tags, village lists
    // of counties they share) are then paid, as after the first documents of a large corpus.
    warm: { type: 'boolean', default: false },
  },
});
const dirs = (values.dirs ?? `${join(ROOT, '../shared/corpus/seeds')},${join(ROOT, 'examples')}`).split(',');
const texts = [];
const warmTexts = [];
for (const d of dirs) {
  const names = readdirSync(d)
    .filter((x) => x.endsWith('.txt'))
    .sort();
  // Files past --files are the warm-up set (other documents: caches keyed by text must not help).
  for (const f of names) {
    if (values.files && texts.length >= Number(values.files)) {
      warmTexts.push(readFileSync(join(d, f), 'utf8'));
      continue;
    }
    const buf = readFileSync(join(d, f));
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    if (!/\uFFFD/.test(text)) texts.push(text);
  }
}
const repeat = Number(values.repeat);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

let t = cpu();
const { Extractor, JiebaSegmenter, ENTITY_EXTRACTORS, RELATION_EXTRACTORS } = await import(
  process.env.FUPIN_EXTRACT_DIST ?? '@fupin/extract'
);
const { loadGazetteer } = await import('@fupin/gazetteer');
const importCpu = cpu() - t;
t = cpu();
// With --breakdown every extractor is wrapped to add up its CPU time (the wrapping costs a little).
const spent = new Map();
const calls = new Map();
const charsIn = new Map();
const timed = (x) => ({
  ...x,
  extract(ctx) {
    const t0 = cpu();
    const out = x.extract(ctx);
    spent.set(x.name, (spent.get(x.name) ?? 0) + cpu() - t0);
    return out;
  },
});
// ...and the segmenter's and gazetteer's calls (inside the extractors' times).
const wrapMethods = (target, label, methods) =>
  new Proxy(target, {
    get(obj, prop) {
      const v = Reflect.get(obj, prop);
      if (typeof v !== 'function') return v;
      if (!methods.includes(prop)) return v.bind(obj);
      return (...args) => {
        const t0 = cpu();
        const out = v.apply(obj, args);
        const k = `  ${label}.${String(prop)}${typeof args[0] === 'string' && args[0].length > 1000 ? ' (long)' : ''}`;
        spent.set(k, (spent.get(k) ?? 0) + cpu() - t0);
        calls.set(k, (calls.get(k) ?? 0) + 1);
        charsIn.set(k, (charsIn.get(k) ?? 0) + (typeof args[0] === 'string' ? args[0].length : 0));
        return out;
      };
    },
  });
const extractor = values.breakdown
  ? Extractor.create({
      entityExtractors: ENTITY_EXTRACTORS.map(timed),
      relationExtractors: RELATION_EXTRACTORS.map(timed),
      segmenter: wrapMethods(JiebaSegmenter.shared(), 'jieba', ['cut', 'tag']),
      gazetteer: wrapMethods(loadGazetteer(), 'gazetteer', ['findAll', 'lookup']),
    })
  : Extractor.create();
const createCpu = cpu() - t;

const docs = [];
for (let r = 0; r < repeat; r++) {
  texts.forEach((text, i) => {
    const t2 = `${text}\n${r}`; // distinct documents (no cross-document caching possible)
    docs.push({ path: `r${r}-${i}.txt`, text: t2, sha256: createHash('sha256').update(t2).digest('hex') });
  });
}
const chars = docs.reduce((n, d) => n + d.text.length, 0);

// Warm-up both.
const warmDocs = warmTexts.map((text, i) => ({
  path: `w${i}.txt`,
  text,
  sha256: createHash('sha256').update(text).digest('hex'),
}));
for (const d of values.warm ? warmDocs : docs.slice(0, 1)) extractor.extract(d);
const seg = JiebaSegmenter.shared();
seg.cut(docs[0].text);

t = cpu();
for (const d of docs) seg.cut(d.text);
const cutCpu = cpu() - t;

spent.clear();
calls.clear();
charsIn.clear();
t = cpu();
let entities = 0;
for (const d of docs) entities += extractor.extract(d).entities.length;
const extractCpu = cpu() - t;

const f = (n) => (n / 1e6).toFixed(3);
console.log(`docs ${docs.length}, chars ${chars}, entities ${entities}`);
console.log(`import ${importCpu.toFixed(3)} s cpu, create ${createCpu.toFixed(3)} s cpu`);
console.log(`raw cut:  ${cutCpu.toFixed(3)} s cpu, ${f(chars / cutCpu)} M chars/s`);
console.log(`extract:  ${extractCpu.toFixed(3)} s cpu, ${f(chars / extractCpu)} M chars/s`);
if (values.breakdown) {
  t = cpu();
  for (const d of docs) extractor.context(d);
  spent.set('(context: normalise, sentences)', cpu() - t);
  for (const [k, v] of [...spent].sort((a, b) => b[1] - a[1])) {
    const n = calls.has(k) ? ` (${calls.get(k)} calls, ${charsIn.get(k)} chars)` : '';
    console.log(`  ${k.padEnd(34)} ${v.toFixed(3)} s${n}`);
  }
}
console.log(`ratio:    ${((100 * cutCpu) / extractCpu).toFixed(1)} % of raw cut`);
