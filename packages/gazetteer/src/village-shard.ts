/**
 * Packed village shards
 *
 * One county's villages with all their names and short forms, packed at build time into typed-array
 * sections (rows, a hash table of names, candidate lists, a table of two-character prefixes), so that
 * loading a county is one file read and a few views: no line is split, no alias rule runs and no Map is
 * filled (it cost 1.3 ms per county, paid by every document naming a new county). Division and NameHit
 * objects are made only for the villages a caller touches, once each, and then reused, as the Map-based
 * index it replaces did.
 */
import { shortForms } from './aliases.js';
import { fnv1a, prefixMaskIn, prefixSlot, unitsEqual, unitsText } from './compact-index.js';
import type { Division, NameHit } from './division.js';

const HEADER_INTS = 7;
// Scratch for the prefix hashes of one longestLength call (one per process: calls never overlap).
const HASHES = new Uint32Array(32);
// Packed candidate: village * 4 + kind; kind 0 official, 1 short, 2 stem (village stems are always weak).
const KIND_STEM = 2;

/** One village given to {@link buildVillageShard}: last six digits of the code, official name, parent row. */
export interface ShardVillage {
  /** last six digits of the 12-digit code, e.g. 101202 */
  suffix: number;
  /** official name, e.g. 白枝坪村村民委员会 */
  name: string;
  /** row of the nearest existing ancestor in the division index (township, else county …), or -1 */
  parent: number;
}

// Hash tables filled up to 70 %: a scan probes them only after the Bloom filter passed, and a smaller
// shard is a shorter read when a county is first used.
const tableSize = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(4, Math.ceil(n / 0.7))));
// A name is two ints: offset * 64 + length, first hit * 2048 + hit count.
const LEN_BITS = 6;
const COUNT_BITS = 11;

/**
 * Packs one county's villages (in the order they are to be listed) with their names: the official name
 * then the short forms of {@link shortForms}, each name's candidates in village order.
 * @param villages - the county's villages, ordered by code
 * @example buildVillageShard([{ suffix: 101202, name: '白枝坪村村民委员会', parent: 3 }]).byteLength % 4 // 0
 */
export function buildVillageShard(villages: readonly ShardVillage[]): Buffer {
  // Names in order of first use with their candidates; a name's characters are stored once, and an
  // alias that begins its village's official name (岜沙村 of 岜沙村村民委员会) points into it.
  const byName = new Map<string, { off: number; hits: number[] }>();
  let chars = '';
  const add = (name: string, packed: number, official: { name: string; off: number }): number => {
    const found = byName.get(name);
    if (found) {
      found.hits.push(packed);
      return found.off;
    }
    let off = official.off;
    if (!official.name.startsWith(name) || off < 0) {
      off = chars.length;
      chars += name;
    }
    byName.set(name, { off, hits: [packed] });
    return off;
  };
  const rows = new Int32Array(villages.length * 3);
  villages.forEach((v, i) => {
    const official = { name: v.name, off: -1 };
    official.off = add(v.name, i * 4, official);
    for (const f of shortForms(v.name, 'Village')) add(f.alias, i * 4 + (f.kind === 'stem' ? KIND_STEM : 1), official);
  });
  const names = [...byName.keys()];
  const number = new Map(names.map((name, k) => [name, k]));
  villages.forEach((v, i) => rows.set([v.suffix, number.get(v.name) ?? -1, v.parent], i * 3));
  const nameInts = new Int32Array(names.length * 2);
  const hits: number[] = [];
  const table = new Int32Array(tableSize(names.length));
  const prefixes = new Map<number, number>();
  names.forEach((name, k) => {
    const entry = byName.get(name) ?? { off: 0, hits: [] };
    if (name.length >= 1 << LEN_BITS || entry.hits.length >= 1 << COUNT_BITS || hits.length >= 1 << 20) {
      throw new RangeError(`gazetteer.buildVillageShard: ${name} does not fit the packed name table`);
    }
    nameInts.set(
      [entry.off * (1 << LEN_BITS) + name.length, hits.length * (1 << COUNT_BITS) + entry.hits.length],
      k * 2,
    );
    hits.push(...entry.hits);
    let slot = fnv1a(name) & (table.length - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (table.length - 1);
    table[slot] = k + 1;
    if (name.length >= 2 && name.length <= 31) {
      const key = ((name.charCodeAt(0) << 16) | name.charCodeAt(1)) >>> 0;
      prefixes.set(key, ((prefixes.get(key) ?? 0) | (1 << name.length)) >>> 0);
    }
  });
  const prefixKeys = new Uint32Array(tableSize(prefixes.size));
  const prefixMasks = new Uint32Array(prefixKeys.length);
  // Bloom filter of the prefixes, about 16 bits per prefix (~6 % false positives), one hash.
  const bloom = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(1, prefixes.size / 2))));
  for (const [key, mask] of prefixes) {
    let slot = prefixSlot(key, prefixKeys.length);
    while (prefixKeys[slot] !== 0) slot = (slot + 1) & (prefixKeys.length - 1);
    prefixKeys[slot] = key;
    prefixMasks[slot] = mask;
    const bit = bloomBit(key, bloom.length);
    bloom[bit >>> 5] = (bloom[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  const header = new Int32Array([
    villages.length,
    names.length,
    hits.length,
    table.length,
    prefixKeys.length,
    bloom.length,
    chars.length,
  ]);
  const charUnits = new Uint16Array(chars.length + (chars.length % 2)); // whole shard stays 4-byte aligned
  for (let i = 0; i < chars.length; i += 1) charUnits[i] = chars.charCodeAt(i);
  const parts = [header, rows, nameInts, new Int32Array(hits), table, prefixKeys, prefixMasks, bloom, charUnits];
  return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
}

// Bit of a prefix key in a Bloom filter of `words` 32-bit words (a power of two): the high bits of a
// Fibonacci hash, as for the prefix table.
function bloomBit(key: number, words: number): number {
  return Math.imul(key, 0x9e_37_79_b1) >>> (27 - Math.log2(words));
}

/** Reader of one packed county shard: villages, exact names, longest match and the hits of a name. */
export class VillageShard {
  /** first six digits of the county code */
  readonly county6: string;
  /** number of villages */
  readonly size: number;
  private readonly rows: Int32Array;
  private readonly names: Int32Array;
  private readonly hits: Int32Array;
  private readonly table: Int32Array;
  private readonly prefixKeys: Uint32Array;
  private readonly prefixMasks: Uint32Array;
  private readonly prefixShift: number;
  private readonly bloom: Int32Array;
  /** shift giving a prefix's bit in the Bloom filter from `Math.imul(key, 0x9e3779b1)` */
  readonly bloomShift: number;
  private readonly chars: Uint16Array;
  // Made at the first village asked for (most shards of a run never are), sized up front: filled at
  // random indexes, a growing array turns into a slow dictionary.
  private divisions: (Division | undefined)[] | undefined;
  private made: (NameHit | undefined)[] | undefined;
  private readonly parentCode: (row: number) => string;
  /** Number of the name found by the last successful {@link VillageShard.longestLength}. */
  found = -1;

  /**
   * Wraps a buffer written by {@link buildVillageShard} (no copy; 4-byte aligned); throws a RangeError
   * when it is too short.
   * @param county6 - first six digits of the county code
   * @param buf - the shard's bytes
   * @param parentCode - gives the 12-digit code of a division-index row (a village's parent)
   * @example new VillageShard('522630', bytes, (row) => index.code(row)).size
   */
  constructor(county6: string, buf: Uint8Array, parentCode: (row: number) => string) {
    this.county6 = county6;
    this.parentCode = parentCode;
    const ab = buf.buffer;
    let at = buf.byteOffset;
    const ints = (n: number): Int32Array => {
      const v = new Int32Array(ab, at, n);
      at += n * 4;
      return v;
    };
    const header = ints(HEADER_INTS);
    const [nVillages = 0, nNames = 0, nHits = 0, nTable = 0, nPrefix = 0, nBloom = 0, nChars = 0] = header;
    this.size = nVillages;
    this.rows = ints(nVillages * 3);
    this.names = ints(nNames * 2);
    this.hits = ints(nHits);
    this.table = ints(nTable);
    this.prefixKeys = new Uint32Array(ab, at, nPrefix);
    at += nPrefix * 4;
    this.prefixMasks = new Uint32Array(ab, at, nPrefix);
    at += nPrefix * 4;
    this.bloom = ints(nBloom);
    this.chars = new Uint16Array(ab, at, nChars);
    this.prefixShift = 32 - Math.log2(nPrefix);
    this.bloomShift = 27 - Math.log2(nBloom);
  }

  /**
   * Tells whether a name may start with a two-character prefix, from its Fibonacci hash: false means
   * certainly not (one read of the shard's Bloom filter); true is wrong for ~6 % of absent prefixes.
   * @param mix - `Math.imul(key, 0x9e3779b1)` of the prefix key `(c0 << 16 | c1) >>> 0`
   * @example shard.mayStartWith(Math.imul(((0x767d << 16) | 0x679d) >>> 0, 0x9e3779b1)) // 白枝
   */
  mayStartWith(mix: number): boolean {
    const bit = mix >>> this.bloomShift;
    return ((this.bloom[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  }

  /**
   * Gives village `i` as a Division (made once, then the same object).
   * @param i - village number in code order
   * @example shard.village(0).code // '522630101202'
   */
  village(i: number): Division {
    this.divisions ??= new Array<Division | undefined>(this.size).fill(undefined);
    const made = this.divisions[i];
    if (made) return made;
    const code = this.county6 + String(this.rows[i * 3] ?? 0).padStart(6, '0');
    const k = this.rows[i * 3 + 1] ?? 0;
    const name = this.text(this.nameOffset(k), this.nameLength(k));
    const parent = this.rows[i * 3 + 2] ?? -1;
    // One literal with every key (code, name, level, parentCode), as the eager index's divisions.
    const division: Division = {
      code,
      name,
      level: 'Village',
      parentCode: parent >= 0 ? this.parentCode(parent) : undefined,
    };
    this.divisions[i] = division;
    return division;
  }

  /**
   * Gives the row of village `i`'s parent in the division index, or -1.
   * @param i - village number
   * @example shard.parentRow(0) // row of 施洞镇
   */
  parentRow(i: number): number {
    return this.rows[i * 3 + 2] ?? -1;
  }

  /**
   * Finds a village by the last six digits of its code (binary search), or -1.
   * @param suffix - e.g. 101202
   * @example shard.find(101202) // 0
   */
  find(suffix: number): number {
    let a = 0;
    let b = this.size - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const s = this.rows[mid * 3] ?? 0;
      if (s === suffix) return mid;
      if (s < suffix) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  }

  /**
   * Gives the candidates of an exact name (any length), as NameHits.
   * @param name - name as written, e.g. 白枝坪村
   * @example shard.get('白枝坪村')[0].aliasKind // 'short'
   */
  get(name: string): NameHit[] {
    const n = this.table.length - 1;
    let slot = fnv1a(name) & n;
    for (;;) {
      const entry = this.table[slot] ?? 0;
      if (entry === 0) return [];
      const k = entry - 1;
      if (this.nameLength(k) === name.length && this.equals(this.nameOffset(k), name, 0, name.length)) {
        return this.hitsOf(k);
      }
      slot = (slot + 1) & n;
    }
  }

  /**
   * Gives the length of the longest name (2 to 31 characters) starting at a position, or 0; the name's
   * number is left in `found` for {@link VillageShard.hitsOf} and {@link VillageShard.stemsOnly}.
   * @param text - text to scan
   * @param at - start offset
   * @example shard.longestLength('施洞镇白枝坪村', 3) // 4
   */
  longestLength(text: string, at: number): number {
    if (at + 2 > text.length) return 0;
    const key = ((text.charCodeAt(at) << 16) | text.charCodeAt(at + 1)) >>> 0;
    const mask = this.prefixMask(key);
    if (mask === 0) return 0;
    const max = Math.min(31, text.length - at, 31 - Math.clz32(mask));
    const hashes = HASHES;
    let h = 0x81_1c_9d_c5;
    for (let len = 1; len <= max; len += 1) {
      h = Math.imul(h ^ text.charCodeAt(at + len - 1), 0x01_00_01_93) >>> 0;
      hashes[len] = h;
    }
    const n = this.table.length - 1;
    for (let len = max; len >= 2; len -= 1) {
      if ((mask & (1 << len)) === 0) continue;
      let slot = (hashes[len] ?? 0) & n;
      for (;;) {
        const entry = this.table[slot] ?? 0;
        if (entry === 0) break;
        const k = entry - 1;
        if (this.nameLength(k) === len && this.equals(this.nameOffset(k), text, at, at + len)) {
          this.found = k;
          return len;
        }
        slot = (slot + 1) & n;
      }
    }
    return 0;
  }

  /**
   * Tells whether every candidate of a name number is a stem.
   * @param k - name number
   * @example shard.stemsOnly(shard.found) // true for 白枝坪 alone
   */
  stemsOnly(k: number): boolean {
    const start = this.firstHit(k);
    const end = start + this.hitCount(k);
    for (let i = start; i < end; i += 1) if (((this.hits[i] ?? 0) & 3) !== KIND_STEM) return false;
    return true;
  }

  /**
   * Gives the candidates of a name number as NameHits (each hit made once, then the same object).
   * @param k - name number
   * @example shard.hitsOf(shard.found)
   */
  hitsOf(k: number): NameHit[] {
    const start = this.firstHit(k);
    const n = this.hitCount(k);
    const out = new Array<NameHit>(n);
    for (let i = 0; i < n; i += 1) out[i] = this.hit(this.hits[start + i] ?? 0);
    return out;
  }

  private hit(packed: number): NameHit {
    this.made ??= new Array<NameHit | undefined>(this.size * 4).fill(undefined);
    const made = this.made[packed];
    if (made) return made;
    const division = this.village(packed >>> 2);
    const kind = packed & 3;
    // One literal with every key, as the eager index's hits (absent flags undefined).
    const hit: NameHit = {
      division,
      aliasKind: kind === KIND_STEM ? 'stem' : kind === 0 ? 'official' : 'short',
      weak: kind === KIND_STEM ? true : undefined,
      variant: undefined,
    };
    this.made[packed] = hit;
    return hit;
  }

  private nameOffset(k: number): number {
    return (this.names[k * 2] ?? 0) >>> LEN_BITS;
  }

  private nameLength(k: number): number {
    return (this.names[k * 2] ?? 0) & ((1 << LEN_BITS) - 1);
  }

  private firstHit(k: number): number {
    return (this.names[k * 2 + 1] ?? 0) >>> COUNT_BITS;
  }

  private hitCount(k: number): number {
    return (this.names[k * 2 + 1] ?? 0) & ((1 << COUNT_BITS) - 1);
  }

  private prefixMask(key: number): number {
    return prefixMaskIn(this.prefixKeys, this.prefixMasks, this.prefixShift, key);
  }

  private equals(off: number, s: string, from: number, to: number): boolean {
    return unitsEqual(this.chars, off, s, from, to);
  }

  private text(off: number, len: number): string {
    return unitsText(this.chars, off, len);
  }
}
