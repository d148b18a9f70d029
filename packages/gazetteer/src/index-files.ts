/**
 * Index files on disk
 *
 * Reads what scripts/build-index.mjs writes into data/: `divisions.bin` (provinces to townships with
 * their aliases, see compact-index.ts) and `villages.tsv` + `villages-index.json` (villages grouped by
 * county, read one county at a time by byte offset); `meta.json` carries the format version. Keeping the format knowledge here lets the builder and
 * the loader change together.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError, parseOrThrow } from '@fupin/graph-schema';
import { CompactIndex } from './compact-index.js';

/** Version of the files' layout; scripts/build-index.mjs writes it to meta.json and the loader checks it. */
export const INDEX_FORMAT = 5;

/**
 * Tells whether a data directory holds a complete index of the current format.
 * @param dataDir - directory holding the built index
 * @example isIndexCurrent(DEFAULT_DATA_DIR) // false on a fresh clone before `pnpm build`
 */
export function isIndexCurrent(dataDir: string): boolean {
  const files = ['divisions.bin', 'villages.tsv', 'villages-index.json', 'meta.json'];
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
 * Opens divisions.bin, the compact index of provinces to townships with their names and aliases.
 * @param dataDir - directory holding the built index
 * @example readCompactIndex(DEFAULT_DATA_DIR).find('522630000000') // row of 台江县
 */
export function readCompactIndex(dataDir: string): CompactIndex {
  const path = requireFile(dataDir, 'divisions.bin');
  if (!isIndexCurrent(dataDir)) {
    throw new InputError(
      'INPUT_UNREADABLE',
      join(dataDir, 'meta.json'),
      `gazetteer.load: ${dataDir} holds an index of another format; expected format ${INDEX_FORMAT} (run \`pnpm build\`)`,
    );
  }
  try {
    return new CompactIndex(readFileSync(path));
  } catch (error) {
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `gazetteer.load: ${path} is damaged; expected a division index (run \`pnpm build\`)`,
      {
        cause: error,
      },
    );
  }
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
