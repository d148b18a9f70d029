#!/usr/bin/env node
/**
 * Text pipeline throughput benchmark
 *
 * How fast do decode → normalize → splitSentences run on report text? Every document of a corpus passes
 * through them before extraction, so they must stay well above the extractor's own speed (target: normalize
 * > 5 M chars/s on one core). The corpus is the seed reports read by path and repeated to the requested
 * size, document by document (as ingest does), plus a run on the traditional-character seed alone.
 *
 *   node packages/text/bench/normalize-throughput.mjs [--mb 20] [--seeds ../shared/corpus/seeds]
 *
 * Needs `npx tsc -b packages/text` first. The last line is `summary: {json}` like scripts/bench/*.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes, normalize, splitSentences } from '../dist/index.js';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const mb = Number(arg('mb', '20'));
const seedsDir = arg('seeds', new URL('../../../../shared/corpus/seeds', import.meta.url).pathname);

const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(seedsDir, f))) }));
const seedChars = seeds.reduce((n, s) => n + Buffer.from(s.bytes).toString('utf8').length, 0);
const seedBytes = seeds.reduce((n, s) => n + s.bytes.length, 0);
const rounds = Math.max(1, Math.round((mb * 1024 * 1024) / seedBytes));

function run(docs, times) {
  let chars = 0;
  let sentences = 0;
  const t = { decode: 0n, normalize: 0n, sentences: 0n };
  for (let r = 0; r < times; r++) {
    for (const doc of docs) {
      let t0 = process.hrtime.bigint();
      const { text } = decodeBytes(doc.bytes, doc.name);
      let t1 = process.hrtime.bigint();
      t.decode += t1 - t0;
      const n = normalize(text);
      t0 = process.hrtime.bigint();
      t.normalize += t0 - t1;
      sentences += splitSentences(n).length;
      t1 = process.hrtime.bigint();
      t.sentences += t1 - t0;
      chars += text.length;
    }
  }
  const rate = (ns) => Number((chars / (Number(ns) / 1e9) / 1e6).toFixed(2));
  return {
    chars,
    sentences,
    decodeMcps: rate(t.decode),
    normalizeMcps: rate(t.normalize),
    sentencesMcps: rate(t.sentences),
  };
}

run(seeds, 3); // warm-up (JIT, opencc character cache)
const cpu0 = process.cpuUsage();
const wall0 = process.hrtime.bigint();
const all = run(seeds, rounds);
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const wallSeconds = Number(process.hrtime.bigint() - wall0) / 1e9;
// On a shared machine wall time inflates; the whole pipeline per CPU second is the steadier figure.
all.pipelineMcpsCpu = Number((all.chars / cpuSeconds / 1e6).toFixed(2));
all.pipelineMcpsWall = Number((all.chars / wallSeconds / 1e6).toFixed(2));
const traditional = seeds.filter((s) => /^003_/u.test(s.name));
const trad =
  traditional.length > 0 ? run(traditional, Math.max(1, Math.round((rounds * (seedChars / 3600)) / 5))) : undefined;
const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);

console.log(
  `corpus: ${(all.chars / 1e6).toFixed(1)} M chars (${seeds.length} seed reports × ${rounds}), ${all.sentences} sentences`,
);
console.log(
  `decode ${all.decodeMcps} M chars/s · normalize ${all.normalizeMcps} M chars/s · sentences ${all.sentencesMcps} M chars/s (wall)`,
);
console.log(`whole pipeline: ${all.pipelineMcpsCpu} M chars per CPU second, ${all.pipelineMcpsWall} M chars/s wall`);
if (trad)
  console.log(
    `traditional only: normalize ${trad.normalizeMcps} M chars/s on ${(trad.chars / 1e6).toFixed(1)} M chars`,
  );
console.log(`rss ${rss} MB`);
console.log(
  `summary: ${JSON.stringify({ bench: 'text-throughput', ...all, traditionalNormalizeMcps: trad?.normalizeMcps, rssMb: rss })}`,
);
