/**
 * Index files on disk
 *
 * Reads what scripts/build-index.mjs writes into data/: `divisions.bin` (provinces to townships with
 * their aliases, see compact-index.ts) and `villages.bin` (a county table, then each county's villages
 * packed with their names, see village-shard.ts, read one county at a time by byte offset); `meta.json`
 * carries the format version. Keeping the format knowledge here lets the builder and
 * the loader change together.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '@fupin/graph-schema';
import { CompactIndex } from './compact-index.js';
import { VillageShard } from './village-shard.js';

/** Version of the files' layout; scripts/build-index.mjs writes it to meta.json and the loader checks it. */
export const INDEX_FORMAT = 8;

/**
 * Tells whether a data directory holds a complete index of the current format.
 * @param dataDir - directory holding the built index
 * @example isIndexCurrent(DEFAULT_DATA_DIR) // false on a fresh clone before `pnpm build`
 */
export function isIndexCurrent(dataDir: string): boolean {
  const files = ['divisions.bin', 'villages.bin', 'meta.json'];
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

/** Magic number of villages.bin ('FZV1'). */
export const VILLAGES_MAGIC = 0x46_5a_56_31;

/**
 * Writes villages.bin: a header (magic, county count), a table of counties (six-digit code, byte
 * offset, byte length, village count) in code order, then each county's packed shard
 * (village-shard.ts). Used by scripts/build-index.mjs.
 * @param shards - county code (six digits) with its packed shard and village count, in code order
 * @example packVillageShards([{ county6: '522630', bytes: buildVillageShard(list), villages: list.length }])
 */
export function packVillageShards(shards: readonly { county6: string; bytes: Buffer; villages: number }[]): Buffer {
  const head = new Int32Array(2 + shards.length * 4);
  head[0] = VILLAGES_MAGIC;
  head[1] = shards.length;
  let offset = head.byteLength;
  shards.forEach((s, i) => {
    head.set([Number(s.county6), offset, s.bytes.byteLength, s.villages], 2 + i * 4);
    offset += s.bytes.byteLength;
  });
  return Buffer.concat([Buffer.from(head.buffer), ...shards.map((s) => s.bytes)]);
}

// Closes the file a VillageShards kept open once it is garbage collected (tests make many of them).
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * Reads village shards from villages.bin, one county at a time, by the offsets of its county table. The
 * file stays open (an open per county cost more than the read), which also keeps the shards consistent
 * with the county table if the index is rebuilt (replaced by rename) while a process runs.
 */
export class VillageShards {
  private readonly path: string;
  private readonly fd: number;
  // Per county in code order: six-digit code as a number, byte offset, byte length, village count. Kept
  // as read (binary search), since parsing 2,978 entries into a Map cost more than the whole index load.
  private readonly table: Int32Array;

  /**
   * Opens villages.bin and reads its county table (the shards themselves are read only per county).
   * @param dataDir - directory holding the built index
   * @example new VillageShards(DEFAULT_DATA_DIR).has('522633') // true (从江县)
   */
  constructor(dataDir: string) {
    this.path = requireFile(dataDir, 'villages.bin');
    const fd = openSync(this.path, 'r');
    try {
      const head = Buffer.alloc(8);
      readSync(fd, head, 0, 8, 0);
      const count = head.readInt32LE(4);
      if (head.readInt32LE(0) !== VILLAGES_MAGIC || count < 0 || count > 100_000) {
        throw new InputError(
          'INPUT_UNREADABLE',
          this.path,
          `gazetteer.load: ${this.path} is damaged; expected packed village shards (run \`pnpm build\`)`,
        );
      }
      const table = Buffer.alloc(count * 16); // not pooled: 4-byte aligned
      if (readSync(fd, table, 0, table.length, 8) !== table.length) {
        throw new InputError(
          'INPUT_UNREADABLE',
          this.path,
          `gazetteer.load: ${this.path} is truncated; expected a table of ${count} counties (run \`pnpm build\`)`,
        );
      }
      this.table = new Int32Array(table.buffer, table.byteOffset, count * 4);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.fd = fd;
    openFiles.register(this, fd);
  }

  /**
   * Tells whether a county has villages in the list.
   * @param county6 - first six digits of a county code
   * @example shards.has('522633') // true
   */
  has(county6: string): boolean {
    return this.entry(county6) >= 0;
  }

  /**
   * Lists the counties (first six digits) whose codes start with a prefix, in code order.
   * @param prefix - 2 digits (province) or 4 digits (prefecture)
   * @example shards.countiesWithPrefix('5226') // counties of 黔东南州
   */
  countiesWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.table.length; i += 4) {
      const county6 = String(this.table[i]).padStart(6, '0');
      if (county6.startsWith(prefix)) out.push(county6);
    }
    return out;
  }

  /**
   * Gives the number of villages of a county (0 when it has none in the list).
   * @param county6 - first six digits of a county code
   * @example shards.villageCount('522633') // villages of 从江县
   */
  villageCount(county6: string): number {
    const i = this.entry(county6);
    return i < 0 ? 0 : (this.table[i * 4 + 3] ?? 0);
  }

  /**
   * Reads one county's packed shard (one read, no parsing), or undefined when it has no villages.
   * @param county6 - first six digits of a county code
   * @param parentCode - gives the 12-digit code of a division-index row
   * @example shards.shard('522633', (row) => index.code(row))?.get('岜沙村')
   */
  shard(county6: string, parentCode: (row: number) => string): VillageShard | undefined {
    const i = this.entry(county6);
    if (i < 0) return undefined;
    const offset = this.table[i * 4 + 1] ?? 0;
    const length = this.table[i * 4 + 2] ?? 0;
    // Not pooled, so the bytes start 4-byte aligned for the typed-array views.
    const buf = Buffer.allocUnsafeSlow(length);
    try {
      if (readSync(this.fd, buf, 0, length, offset) !== length) throw new RangeError('short read');
      return new VillageShard(county6, buf, parentCode);
    } catch (error) {
      throw new InputError(
        'INPUT_UNREADABLE',
        this.path,
        `gazetteer.villages: ${this.path} is damaged at county ${county6}; expected a packed shard (run \`pnpm build\`)`,
        { cause: error },
      );
    }
  }

  // Entry number of a county in the table (binary search), or -1.
  private entry(county6: string): number {
    if (!/^\d{6}$/u.test(county6)) return -1;
    const key = Number(county6);
    let a = 0;
    let b = this.table.length / 4 - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const k = this.table[mid * 4] ?? 0;
      if (k === key) return mid;
      if (k < key) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  }

  /**
   * Reads the villages of one county as `[code, official name]` pairs, in code order.
   * @param county6 - first six digits of a county code
   * @example shards.read('522633')[0] // ['522633100001', '…村民委员会']
   */
  read(county6: string): [string, string][] {
    const shard = this.shard(county6, () => '');
    if (!shard) return [];
    return Array.from({ length: shard.size }, (_, i): [string, string] => {
      const v = shard.village(i);
      return [v.code, v.name];
    });
  }
}
