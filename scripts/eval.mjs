#!/usr/bin/env node
// Evaluation: extracts the seed corpus (../shared/corpus/seeds, relative to the repository root) with
// @fupin/extract, writes the FORMAT.md result to a temporary file and scores it with
// ../shared/eval/score.mjs against ../shared/eval/seeds.gold.json, printing per-type figures.
//   node scripts/eval.mjs [--misses] [--keep] [--corpus DIR --gold FILE]
// --misses lists what was missed; --keep prints the path of the result file and keeps it.
// Build first (`npx tsc -b packages/extract`): this script runs the compiled package.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Extractor, toExtractionResult } from '@fupin/extract';
import { ensureIndex } from '@fupin/gazetteer';
import * as text from '@fupin/text';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const corpus = opt('--corpus', resolve(root, '../shared/corpus/seeds'));
const gold = opt('--gold', resolve(root, '../shared/eval/seeds.gold.json'));
const scorer = resolve(root, '../shared/eval/score.mjs');

ensureIndex(); // builds the gazetteer index on a fresh clone (once, a few seconds)
const started = performance.now();
const extractor = Extractor.create();
const ready = performance.now();
// loadDocument (any supported format, with title and date) when the text package has it; else plain text.
const load = text.loadDocument ?? text.readTextFile;
const pattern = text.loadDocument ? /\.(txt|md|html?|pdf|docx)$/i : /\.txt$/i;
const files = readdirSync(corpus)
  .filter((f) => pattern.test(f))
  .sort();
const docs = [];
let chars = 0;
for (const f of files) {
  const path = join(corpus, f);
  const doc = await load(path);
  chars += doc.text.length;
  const extras = { ...(doc.title ? { title: doc.title } : {}), ...(doc.date ? { date: doc.date } : {}) };
  docs.push({ path, batch: extractor.extract({ path, text: doc.text, sha256: doc.sha256, ...extras }) });
}
const done = performance.now();
const result = toExtractionResult(docs);

const dir = mkdtempSync(join(tmpdir(), 'fupin-eval-'));
const out = join(dir, 'result.json');
writeFileSync(out, JSON.stringify(result, null, 2));
const scoreArgs = [scorer, gold, out, '--per-type', ...(args.includes('--misses') ? ['--misses'] : [])];
process.stdout.write(execFileSync(process.execPath, scoreArgs, { encoding: 'utf8' }));
console.log(
  `extracted ${files.length} files (${chars} chars): load ${(ready - started).toFixed(0)} ms, ` +
    `extract ${(done - ready).toFixed(0)} ms`,
);
if (args.includes('--keep')) console.log(`result: ${out}`);
else rmSync(dir, { recursive: true, force: true });
