#!/usr/bin/env node
/**
 * Extraction speed chunk by chunk
 *
 * A process extracts its first few hundred documents far slower than the rest while V8 compiles the
 * extractors; the throughput benchmark averages both. This one runs `Extractor.extract` in one thread
 * over a corpus in chunks of N documents (texts read before each chunk is timed) and prints characters
 * per CPU-second and per wall-second for each chunk, so the warm-up and the steady state show apart.
 *
 *   node scripts/bench/extract-chunks.mjs [--mb 50] [--seed 1] [--corpus DIR] [--files 2000] [--chunk 400] [--quick]
 *
 * The corpus is the throughput benchmark's (built by scripts/scale-corpus.mjs on first use); `--quick`
 * takes the 2 MiB one in chunks of 40.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Extractor } from '@fupin/extract';
import { ensureCorpus } from '../scale-corpus.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    mb: { type: 'string' },
    seed: { type: 'string', default: '1' },
    corpus: { type: 'string' },
    files: { type: 'string', default: '2000' },
    chunk: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const mb = Number(values.mb ?? (values.quick ? 2 : 50));
const out = resolve(values.corpus ?? join(ROOT, `bench-out/corpus-${mb}`));
const { dir } = await ensureCorpus({ seed: Number(values.seed), mb, out, log: (s) => console.log(s) });
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, Number(values.files))
  .map((f) => join(dir, f));
const size = Number(values.chunk ?? (values.quick ? 40 : 400));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const extractor = Extractor.create();
const sha256 = '0'.repeat(64);
console.log(`corpus: ${dir} — ${files.length} files in chunks of ${size}`);
for (let i = 0; i < files.length; i += size) {
  const texts = files.slice(i, i + size).map((f) => readFileSync(f, 'utf8'));
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const c0 = cpu();
  const w0 = performance.now();
  texts.forEach((text, k) => extractor.extract({ path: `chunk-${i + k}.txt`, text, sha256 }));
  const cpuS = cpu() - c0;
  const wallS = (performance.now() - w0) / 1000;
  console.log(
    `documents ${i + 1}–${i + texts.length}: ${Math.round(chars / cpuS).toLocaleString('en')} chars per CPU-second, ` +
      `${Math.round(chars / wallS).toLocaleString('en')} per wall-second`,
  );
}
