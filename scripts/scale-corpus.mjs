#!/usr/bin/env node
/**
 * Corpus scaler
 *
 * Benchmarks and the determinism tests need a corpus far larger than the handful of reports we have,
 * and one that grows a graph the way a real archive does: many western counties, each with its own
 * townships and villages, many eastern partner cities and districts. Repeating the same files would
 * only re-merge the same nodes. This script re-assembles the sentences of the given reports into new
 * documents (5–20 KB each) and swaps every division name it recognises, consistently per document,
 * for a real division of another place picked from the gazetteer with a correct parent chain: the
 * report's county becomes another western county, its townships become townships of that county, its
 * villages villages of those townships, and its partner city and districts become another eastern city
 * (one fixed partner per western prefecture, as in the real pairing scheme) and its districts. Amounts
 * are varied too. The output is derived test data: write it to bench-out/ (gitignored) or outside the
 * repository, never commit it. Deterministic for a given --seed, --mb and set of input files.
 *
 * Usage: node scripts/scale-corpus.mjs --seed 1 --mb 50 --out bench-out/corpus-50
 *          [--from ../shared/corpus/seeds --from examples] [--quiet]
 */
import { performance } from 'node:perf_hooks';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as text from '@fupin/text';
import { commonName, loadGazetteer, shortForms } from '@fupin/gazetteer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FROM = [resolve(ROOT, '../shared/corpus/seeds'), resolve(ROOT, 'examples')];
const READABLE = new Set(['.txt', '.text', '.html', '.htm']);
// Provinces that receive help (western side) and that give it (eastern side) in 东西部扶贫协作;
// province codes from GB/T 2260.
const WEST = new Set(['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']);
const EAST = new Set(['11', '12', '31', '32', '33', '35', '37', '44']);
const MiB = 1024 * 1024;

/** Mulberry32: a small seeded PRNG (public domain), enough for reproducible sampling. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const side = (code) => (WEST.has(code.slice(0, 2)) ? 'west' : EAST.has(code.slice(0, 2)) ? 'east' : undefined);

/**
 * Reads the source reports into paragraphs of sentences, each sentence a list of literal strings and
 * name slots `{ code, kind }` (the division and which form of its name the text used).
 */
async function readSources(dirs, g) {
  const sources = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!READABLE.has(extname(name).toLowerCase())) continue;
      const path = join(dir, name);
      const loaded = text.loadDocument ? await text.loadDocument(path) : await text.readTextFile(path);
      const norm = text.normalize(loaded.text);
      const source = parseSource(norm, g, name);
      if (source.paragraphs.length > 0) sources.push(source);
    }
  }
  return sources;
}

function parseSource(norm, g, name) {
  const t = norm.text;
  // First pass for counties (context for ambiguous names and the village shards to search).
  const first = resolveMatches(g.findAll(t), g, []);
  const counties = [...new Set(first.filter((m) => m.division.level === 'County').map((m) => m.division.code))];
  const context = [...new Set(first.filter((m) => m.division.level !== 'Township').map((m) => m.division.code))];
  const matches = resolveMatches(
    g.findAll(t, { villageCounties: counties.filter((c) => side(c) === 'west') }),
    g,
    context,
  );
  const count = (level, s) => {
    const n = new Map();
    for (const m of matches)
      if (m.division.level === level && side(m.division.code) === s)
        n.set(m.division.code, (n.get(m.division.code) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  };
  const home = count('County', 'west');
  let partner = count('Prefecture', 'east');
  if (!partner) {
    const district = count('County', 'east');
    const parent = district ? g.byCode(district)?.parentCode : undefined;
    if (parent && g.byCode(parent)?.level === 'Prefecture') partner = parent;
  }
  const paragraphs = [];
  let mi = 0;
  for (const s of text.splitSentences(norm)) {
    while (mi < matches.length && matches[mi].start < s.start) mi++;
    const parts = [];
    let at = s.start;
    for (; mi < matches.length && matches[mi].end <= s.end; mi++) {
      const m = matches[mi];
      if (m.start > at) parts.push(t.slice(at, m.start));
      parts.push({ code: m.division.code, surface: m.surface, kind: m.kind });
      at = m.end;
    }
    if (s.end > at) parts.push(t.slice(at, s.end));
    (paragraphs[s.paragraph] ??= []).push(parts);
  }
  return { name, home, partner, paragraphs: paragraphs.filter(Boolean) };
}

/** Picks one division per match; drops weak, one-character and village-stem matches (too risky to swap). */
function resolveMatches(found, g, context) {
  const out = [];
  for (const m of found) {
    const hit = g.resolve(m.hits, context);
    if (!hit || hit.weak || m.surface.length < 2) continue;
    if (!side(hit.division.code)) continue;
    if (hit.division.level === 'Village' && hit.aliasKind === 'stem') continue;
    const kind = m.surface === hit.division.name ? 'official' : hit.variant ? 'official' : hit.aliasKind;
    out.push({ start: m.start, end: m.end, surface: m.surface, division: hit.division, kind });
  }
  return out;
}

/** The name to write for a target division in place of a source name written in form `kind`. */
function surfaceFor(target, kind, sourceSurface) {
  if (target.level === 'Village') {
    const core = commonName(target);
    if (kind === 'stem' && core.endsWith('村')) return core.slice(0, -1);
    return core;
  }
  if (kind === 'official') return target.name;
  const forms = shortForms(target.name, target.level);
  const same = forms.find((f) => f.kind === kind);
  if (same) return same.alias;
  // 黔东南州 (ethnic short form) for a target without one: the official name reads naturally.
  return kind === 'stem' && forms[0] && !sourceSurface.endsWith(target.name.slice(-1)) ? forms[0].alias : target.name;
}

/** Counties a generated report can be about, and eastern cities that can be partners. */
function pools(g) {
  const west = [];
  const east = [];
  for (const province of [...WEST, ...EAST].sort()) {
    for (const p of g.children(`${province}0000000000`)) {
      if (p.level !== 'Prefecture') continue;
      if (EAST.has(province)) {
        if (g.children(p.code).some((c) => c.level === 'County')) east.push(p);
        continue;
      }
      for (const c of g.children(p.code)) {
        // Rural counties (县, 自治县, 旗) with townships: where the poverty-alleviation reports are about.
        if (c.level === 'County' && /(县|旗)$/u.test(c.name) && g.children(c.code).length >= 3) west.push(c);
      }
    }
  }
  return { west, east };
}

/** Per-document division mapping with consistent parent chains. */
class Mapping {
  constructor(g, rng, forced) {
    this.g = g;
    this.rng = rng;
    this.memo = new Map(forced);
    this.used = new Set([...this.memo.values()].map((d) => d.code));
  }

  map(code) {
    const hit = this.memo.get(code);
    if (hit) return hit;
    const d = this.g.byCode(code);
    let target = d;
    if (d && d.level !== 'Province' && d.parentCode) {
      const parent = this.map(d.parentCode);
      let candidates = this.g.children(parent.code).filter((c) => c.level === d.level && !this.used.has(c.code));
      if (candidates.length === 0 && parent.level !== 'Township') {
        // One level skipped (a county straight under a province): look one level further down.
        candidates = this.g
          .children(parent.code)
          .flatMap((c) => this.g.children(c.code))
          .filter((c) => c.level === d.level && !this.used.has(c.code));
      }
      if (d.level === 'Village') {
        const rural = candidates.filter((c) => /村/u.test(commonName(c)) === /村/u.test(commonName(d)));
        if (rural.length > 0) candidates = rural;
      }
      if (candidates.length > 0) target = this.rng.pick(candidates);
    }
    target ??= { code, name: code, level: 'County' };
    this.memo.set(code, target);
    this.used.add(target.code);
    return target;
  }
}

/** Varies an amount by ±40 %, keeping its decimals; years, dates and small counts stay as written. */
function varyNumbers(s, rng) {
  return s.replace(/\d+(?:\.\d+)?/gu, (num, offset, whole) => {
    const next = whole[offset + num.length] ?? '';
    const prev = whole[offset - 1] ?? '';
    if (/[年月日号时期届批次]/u.test(next) || /[第.:：\-—/]/u.test(prev) || /^(19|20)\d\d$/u.test(num)) return num;
    const value = Number(num);
    if (!(value >= 10)) return num;
    const decimals = num.includes('.') ? num.split('.')[1].length : 0;
    return (value * (0.6 + rng.next() * 0.8)).toFixed(decimals);
  });
}

/** Hard line breaks every 30–38 characters, as text extracted from a PDF page has. */
function wrapLikePdf(s, rng) {
  return s
    .split('\n')
    .map((line) => {
      let out = '';
      for (let i = 0; i < line.length;) {
        const n = 30 + rng.int(9);
        out += `${line.slice(i, i + n)}\n`;
        i += n;
      }
      return out;
    })
    .join('\n');
}

/**
 * Builds the corpus. Returns counts; files are written as `DIR/NNNNN-<county>.txt` plus `DIR/manifest.json`.
 * @param options - `seed`, `mb` (MiB of UTF-8 text to write), `out`, `from` (source directories)
 * @example await scaleCorpus({ seed: 1, mb: 2, out: 'bench-out/corpus-2', from: ['examples'] })
 */
export async function scaleCorpus({ seed, mb, out, from = DEFAULT_FROM, log = () => {} }) {
  const g = loadGazetteer();
  const rng = makeRng(seed);
  const sources = await readSources(from, g);
  if (sources.length === 0)
    throw new Error(`scale-corpus: no .txt/.html reports in ${from.join(', ')}; expected source reports`);
  const { west, east } = pools(g);
  const partners = new Map(); // western prefecture code → eastern city (fixed for the run)
  const partnerOf = (prefCode) => {
    if (!partners.has(prefCode)) partners.set(prefCode, rng.pick(east));
    return partners.get(prefCode);
  };

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const target = mb * MiB;
  const counties = new Set();
  const cities = new Set();
  let bytes = 0;
  let files = 0;
  while (bytes < target) {
    const home = rng.pick(west);
    const homeChain = [home, ...g.ancestors(home.code)];
    const homePref = homeChain.find((d) => d.level === 'Prefecture') ?? home;
    const city = partnerOf(homePref.code);
    const cityChain = [city, ...g.ancestors(city.code)];
    counties.add(home.code);
    cities.add(city.code);

    const forced = new Map();
    const force = (sourceCode, chain) => {
      if (!sourceCode) return;
      const src = [g.byCode(sourceCode), ...g.ancestors(sourceCode)].filter(Boolean);
      for (const s of src) {
        const t = chain.find((d) => d.level === s.level);
        if (t && !forced.has(s.code)) forced.set(s.code, t);
      }
    };
    const docSize = Math.min(5 * 1024 + rng.int(15 * 1024), Math.max(2048, target - bytes));
    const paragraphs = [];
    let size = 0;
    let firstSource = true;
    let mapping;
    while (size < docSize) {
      const src = rng.pick(sources);
      force(src.home, homeChain);
      force(src.partner, cityChain);
      mapping = new Mapping(g, rng, forced);
      // Keep what this source's names became, so a second source about the same place agrees.
      for (const [k, v] of mapping.memo) forced.set(k, v);
      const start = firstSource ? 0 : 1 + rng.int(Math.max(1, src.paragraphs.length - 1));
      for (let p = start; p < src.paragraphs.length && size < docSize; p++) {
        const sentences = src.paragraphs[p].filter((_, i) => i === 0 || rng.next() > 0.1);
        let line = '';
        for (const parts of sentences) {
          for (const part of parts)
            line += typeof part === 'string' ? part : surfaceFor(mapping.map(part.code), part.kind, part.surface);
        }
        line = varyNumbers(line, rng);
        paragraphs.push(line);
        size += Buffer.byteLength(line) + 2;
      }
      for (const [k, v] of mapping.memo) forced.set(k, v);
      firstSource = false;
    }
    let body = `${paragraphs.join('\n\n')}\n`;
    if (rng.next() < 0.1) body = wrapLikePdf(body, rng);
    files++;
    const file = join(out, `${String(files).padStart(5, '0')}-${home.name}.txt`);
    writeFileSync(file, body);
    bytes += Buffer.byteLength(body);
    if (files % 500 === 0) log(`scale-corpus: ${files} files, ${(bytes / MiB).toFixed(1)} MiB`);
  }
  const manifest = {
    seed,
    mb,
    // The names drawn depend on the gazetteer build as well as the seed.
    gazetteer: readGazetteerKey(),
    files,
    bytes,
    westernCounties: counties.size,
    partnerCities: cities.size,
    sources: sources.map((s) => s.name),
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function readGazetteerKey() {
  try {
    const meta = JSON.parse(readFileSync(join(ROOT, 'packages/gazetteer/data/meta.json'), 'utf8'));
    return `${meta.source ?? ''} ${meta.buildKey ?? ''}`.trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Reuses a corpus built earlier with the same seed and size, or builds it (benchmarks call this).
 * @param options - as for {@link scaleCorpus}
 * @example const { dir, manifest } = await ensureCorpus({ seed: 1, mb: 50, out: 'bench-out/corpus-50' })
 */
export async function ensureCorpus({ seed, mb, out, from, log = () => {} }) {
  const manifestPath = join(out, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.seed === seed && manifest.mb === mb) return { dir: out, manifest };
  }
  log(`scale-corpus: building ${mb} MiB corpus (seed ${seed}) in ${out}`);
  return { dir: out, manifest: await scaleCorpus({ seed, mb, out, from, log }) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      mb: { type: 'string', default: '50' },
      out: { type: 'string' },
      from: { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  const mb = Number(values.mb);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`scale-corpus: invalid --seed "${values.seed}"; expected a non-negative integer`);
  if (!(mb > 0)) throw new Error(`scale-corpus: invalid --mb "${values.mb}"; expected a positive number`);
  if (!values.out)
    throw new Error('scale-corpus: missing --out DIR; expected an output directory (e.g. bench-out/corpus-50)');
  const from = values.from?.map((f) => resolve(f)) ?? DEFAULT_FROM;
  const started = performance.now();
  const log = values.quiet ? () => {} : (s) => process.stderr.write(`${s}\n`);
  const m = await scaleCorpus({ seed, mb, out: resolve(values.out), from, log });
  log(
    `scale-corpus: wrote ${m.files} files, ${(m.bytes / MiB).toFixed(2)} MiB, ${m.westernCounties} counties, ` +
      `${m.partnerCities} partner cities from ${m.sources.length} sources to ${values.out} ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
