/**
 * Index files on disk
 *
 * Reads what scripts/build-index.mjs writes into data/: `divisions.tsv` (provinces to townships with
 * their aliases, read whole) and `villages.tsv` + `villages-index.json` (villages grouped by county,
 * read one county at a time by byte offset). Keeping the format knowledge here lets the builder and
 * the loader change together.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError, parseOrThrow } from '@fupin/graph-schema';

/** Version of the files' layout; scripts/build-index.mjs writes it to meta.json and the loader checks it. */
export const INDEX_FORMAT = 3;

/**
 * Tells whether a data directory holds a complete index of the current format.
 * @param dataDir - directory holding the built index
 * @example isIndexCurrent(DEFAULT_DATA_DIR) // false on a fresh clone before `pnpm build`
 */
export function isIndexCurrent(dataDir: string): boolean {
  const files = ['divisions.tsv', 'villages.tsv', 'villages-index.json', 'meta.json'];
  if (!files.every((f) => existsSync(join(dataDir, f)))) return false;
  try {
    const meta: unknown = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8'));
    return typeof meta === 'object' && meta !== null && (meta as { format?: unknown }).format === INDEX_FORMAT;
  } catch {
    return false;
  }
}

/** Default location of the built index: packages/gazetteer/data. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

// One entry per county: [byte offset, byte length, village count]. Checked per entry when read: parsing
// all 2,978 entries with zod at load took ~15 ms of a ~60 ms start-up.
const ShardEntrySchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int()]);

function requireFile(dataDir: string, file: string): string {
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `gazetteer.load: ${path} is missing; expected the index built by \`pnpm build\` (or \`pnpm --filter @fupin/gazetteer build:index\`)`,
    );
  }
  return path;
}

/**
 * Reads divisions.tsv: `code TAB name TAB flags TAB aliases`, the code as the source writes it (2, 4, 6
 * or 9 digits), aliases joined by `|`, each prefixed by s (short), t (stem) or v (former-status variant,
 * a short form), upper case when weak.
 * Calls `visit` per row with slices of the file instead of building row objects, because this runs at
 * every start-up (45k rows).
 * @param dataDir - directory holding the built index
 * @param visit - called with each row in code order; `aliases` is the raw field (may be empty)
 * @example readDivisions(DEFAULT_DATA_DIR, (code, name) => console.log(code, name)) // 11 北京市 …
 */
export function readDivisions(
  dataDir: string,
  visit: (code: string, name: string, weak: boolean, aliases: string) => void,
): void {
  const path = requireFile(dataDir, 'divisions.tsv');
  if (!isIndexCurrent(dataDir)) {
    throw new InputError(
      'INPUT_UNREADABLE',
      join(dataDir, 'meta.json'),
      `gazetteer.load: ${dataDir} holds an index of another format; expected format ${INDEX_FORMAT} (run \`pnpm build\`)`,
    );
  }
  const text = readFileSync(path, 'utf8');
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const t1 = text.indexOf('\t', pos);
    const t2 = text.indexOf('\t', t1 + 1);
    const t3 = text.indexOf('\t', t2 + 1);
    if (t1 < 0 || t3 < 0 || t3 > eol) {
      throw new InputError(
        'INPUT_UNREADABLE',
        path,
        `gazetteer.load: bad row at offset ${pos}; expected 4 fields (run \`pnpm build\`)`,
      );
    }
    visit(text.slice(pos, t1), text.slice(t1 + 1, t2), t3 > t2 + 1, text.slice(t3 + 1, eol));
    pos = eol + 1;
  }
}

/**
 * Splits the alias field of divisions.tsv.
 * @param field - e.g. `s黔东南州|t黔东南`
 * @example parseAliases('s威宁县|t威宁') // [{ alias: '威宁县', kind: 'short', weak: false }, …]
 */
export function parseAliases(
  field: string,
): { alias: string; kind: 'short' | 'stem'; weak: boolean; variant: boolean }[] {
  if (!field) return [];
  return field.split('|').map((a) => {
    const k = (a[0] ?? 's').toLowerCase();
    return { alias: a.slice(1), kind: k === 't' ? 'stem' : 'short', weak: a[0] !== k, variant: k === 'v' };
  });
}

/** Reads village shards (one county at a time) from villages.tsv by the offsets in villages-index.json. */
export class VillageShards {
  private readonly path: string;
  private readonly offsets: Record<string, unknown>;

  /**
   * Opens the shard table (the village file itself is read only per county).
   * @param dataDir - directory holding the built index
   * @example new VillageShards(DEFAULT_DATA_DIR).read('522633') // villages of 从江县
   */
  constructor(dataDir: string) {
    this.path = requireFile(dataDir, 'villages.tsv');
    const indexPath = requireFile(dataDir, 'villages-index.json');
    const offsets: unknown = JSON.parse(readFileSync(indexPath, 'utf8'));
    if (typeof offsets !== 'object' || offsets === null || Array.isArray(offsets)) {
      throw new InputError(
        'INPUT_UNREADABLE',
        indexPath,
        `gazetteer.load: ${indexPath} is not an object; expected county offsets (run \`pnpm build\`)`,
      );
    }
    this.offsets = offsets as Record<string, unknown>;
  }

  /**
   * Tells whether a county has villages in the list.
   * @param county6 - first six digits of a county code
   * @example shards.has('522633') // true
   */
  has(county6: string): boolean {
    return Object.hasOwn(this.offsets, county6);
  }

  /**
   * Lists the counties (first six digits) whose codes start with a prefix.
   * @param prefix - 2 digits (province) or 4 digits (prefecture)
   * @example shards.countiesWithPrefix('5226') // counties of 黔东南州
   */
  countiesWithPrefix(prefix: string): string[] {
    return Object.keys(this.offsets).filter((c) => c.startsWith(prefix));
  }

  /**
   * Reads the villages of one county as `[code, official name]` pairs.
   * @param county6 - first six digits of a county code
   * @example shards.read('522633')[0] // ['522633100001', '…村民委员会']
   */
  read(county6: string): [string, string][] {
    if (!Object.hasOwn(this.offsets, county6)) return [];
    const raw = this.offsets[county6];
    const [offset, length] = parseOrThrow(ShardEntrySchema, raw, 'gazetteer.villages');
    const buf = Buffer.alloc(length);
    const fd = openSync(this.path, 'r');
    try {
      readSync(fd, buf, 0, length, offset);
    } finally {
      closeSync(fd);
    }
    const out: [string, string][] = [];
    for (const line of buf.toString('utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) out.push([county6 + line.slice(0, tab), line.slice(tab + 1)]);
    }
    return out;
  }
}
