/**
 * Compact binary division index
 *
 * Provinces to townships (~45k rows, ~52k names with their short forms) in one binary file whose
 * sections are typed arrays: rows (code, name, parent), a hash table of names (FNV-1a over UTF-16 code
 * units, open addressing), candidate lists, a table of two-character prefixes with the name lengths
 * that follow them, and the scanner's filters (which characters start a name; a Bloom filter of the
 * prefixes), so that a scan rejects most positions with one or two reads. Loading is one file read and a few typed-array views: no string and no Map entry is
 * created per name, which cut start-up from ~100 ms (TSV + Map) to a few milliseconds. Strings are made
 * only for the names a caller actually touches.
 */

const MAGIC = 0x46_5a_47_31; // 'FZG1'
const PAIR_BITS = 20;
// Bytes of the two filter sections that end the file: first characters, then the prefix Bloom filter.
const FILTER_BYTES = 0x1_00_00 + (1 << (PAIR_BITS - 3));
const HEADER_INTS = 8;
// Packed candidate: row * 8 + kind * 2 + weak; kind 0 official, 1 short, 2 stem, 3 short former-status variant.

/** One division row given to the builder. */
export interface CompactRow {
  /** 12-digit code */
  code: string;
  name: string;
  /** row index of the parent, or -1 */
  parent: number;
  /** names of this row: official first, then aliases; kind 0 official, 1 short, 2 stem, 3 variant */
  names: { name: string; kind: 0 | 1 | 2 | 3; weak: boolean }[];
}

/**
 * Hashes a string's UTF-16 code units with FNV-1a (32 bit); the scanner extends it one unit at a time.
 * @param s - text
 * @param from - start offset
 * @param to - end offset (exclusive)
 * @example fnv1a('从江县', 0, 3) // a 32-bit unsigned number
 */
export function fnv1a(s: string, from = 0, to = s.length): number {
  let h = 0x81_1c_9d_c5;
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01_00_01_93) >>> 0;
  return h;
}

/**
 * Gives each row's parent: the latest earlier row of a higher level whose code is a prefix, so that
 * counties under a placeholder prefecture (市辖区, 省直辖县级行政区划) attach to their province.
 * @param codes - 12-digit codes in ascending order
 * @example computeParents(['520000000000', '522600000000', '522630000000']) // [-1, 0, 1]
 */
export function computeParents(codes: readonly string[]): number[] {
  const last = [-1, -1, -1]; // latest province, prefecture, county row
  const digits = [2, 4, 6];
  return codes.map((code, i) => {
    const level = code.endsWith('0000000000') ? 0 : code.endsWith('00000000') ? 1 : code.endsWith('000000') ? 2 : 3;
    let parent = -1;
    for (let l = level - 1; l >= 0; l -= 1) {
      const row = last[l] ?? -1;
      const keep = digits[l] ?? 0;
      if (row >= 0 && codes[row]?.slice(0, keep) === code.slice(0, keep)) {
        parent = row;
        break;
      }
    }
    if (level < 3) {
      last[level] = i;
      for (let l = level + 1; l < 3; l += 1) last[l] = -1;
    }
    return parent;
  });
}

const tableSize = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(4, n * 2)));

/**
 * Gives the home slot of a two-character prefix key in a table of `size` slots (a power of two), by
 * Fibonacci hashing: the product's HIGH bits. Its low bits depend only on the key's low bits, i.e. on the
 * second character alone, which piled every prefix ending in the same character into one probe chain.
 * @param key - the two UTF-16 units as one unsigned number
 * @param size - table length, a power of two (at least 2: a shift by 32 would be a shift by 0)
 * @example prefixSlot(((0x4ece << 16) | 0x6c5f) >>> 0, 1024) // 0..1023
 */
export function prefixSlot(key: number, size: number): number {
  return Math.imul(key, 0x9e_37_79_b1) >>> (32 - Math.log2(size));
}

/**
 * Looks a two-character prefix key up in an open-addressed table (keys and masks side by side, home
 * slot by {@link prefixSlot}'s shift): the mask of name lengths that start with it, 0 when none does.
 * Shared by the main index and the village shards, which store the table the same way.
 * @param keys - prefix keys (0 = empty slot), a power-of-two length
 * @param masks - the length mask of each slot
 * @param shift - 32 − log2(keys.length)
 * @param key - the two UTF-16 units as one unsigned number
 * @example prefixMaskIn(keys, masks, 22, ((0x4ece << 16) | 0x6c5f) >>> 0) // lengths of the names that start with 从江 as bits, 0 if none
 */
export function prefixMaskIn(keys: Uint32Array, masks: Uint32Array, shift: number, key: number): number {
  const n = keys.length - 1;
  let slot = Math.imul(key, 0x9e_37_79_b1) >>> shift;
  for (;;) {
    const k = keys[slot] ?? 0;
    if (k === 0) return 0;
    if (k === key) return masks[slot] ?? 0;
    slot = (slot + 1) & n;
  }
}

/**
 * Whether the packed UTF-16 units at `off` equal `s` from `from` to `to`.
 * @example unitsEqual(new Uint16Array([0x4ece, 0x6c5f]), 0, '从江县', 0, 2) // true
 */
export function unitsEqual(chars: Uint16Array, off: number, s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (chars[off + i - from] !== s.charCodeAt(i)) return false;
  return true;
}

/**
 * The string of `len` packed UTF-16 units at `off`.
 * @example unitsText(new Uint16Array([0x4ece, 0x6c5f]), 0, 2) // '从江'
 */
export function unitsText(chars: Uint16Array, off: number, len: number): string {
  return String.fromCharCode(...chars.subarray(off, off + len));
}

/**
 * Serialises rows into the binary layout read by {@link CompactIndex}. Used by scripts/build-index.mjs.
 * @param rows - divisions in code order with their names
 * @example buildCompactIndex([{ code: '520000000000', name: '贵州省', parent: -1, names: [{ name: '贵州省', kind: 0, weak: false }] }])
 */
export function buildCompactIndex(rows: readonly CompactRow[]): Buffer {
  const byName = new Map<string, number[]>();
  rows.forEach((r, i) => {
    for (const n of r.names) {
      const packed = i * 8 + n.kind * 2 + (n.weak ? 1 : 0);
      const list = byName.get(n.name);
      if (!list) byName.set(n.name, [packed]);
      else if (!list.includes(packed)) list.push(packed);
    }
  });
  let chars = '';
  const rowInts = new Int32Array(rows.length * 5);
  rows.forEach((r, i) => {
    rowInts.set([Number(r.code.slice(0, 6)), Number(r.code.slice(6)), chars.length, r.name.length, r.parent], i * 5);
    chars += r.name;
  });
  const names = [...byName.keys()];
  const nameInts = new Int32Array(names.length * 4);
  const hits: number[] = [];
  const table = new Int32Array(tableSize(names.length));
  const prefixes = new Map<number, number>();
  names.forEach((name, k) => {
    const list = byName.get(name) ?? [];
    nameInts.set([chars.length, name.length, hits.length, list.length], k * 4);
    chars += name;
    hits.push(...list);
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
  for (const [key, mask] of prefixes) {
    let slot = prefixSlot(key, prefixKeys.length);
    while (prefixKeys[slot] !== 0) slot = (slot + 1) & (prefixKeys.length - 1);
    prefixKeys[slot] = key;
    prefixMasks[slot] = mask;
  }
  const header = new Int32Array([
    MAGIC,
    rows.length,
    names.length,
    hits.length,
    table.length,
    prefixKeys.length,
    chars.length,
    0,
  ]);
  const charUnits = new Uint16Array(chars.length + (chars.length % 2)); // keep the next section 4-byte aligned
  for (let i = 0; i < chars.length; i += 1) charUnits[i] = chars.charCodeAt(i);
  // The scan's filters, built here so that loading does not loop over the prefix table.
  const first = new Uint8Array(0x1_00_00);
  const pairs = new Int32Array(1 << (PAIR_BITS - 5));
  for (const key of prefixes.keys()) {
    first[key >>> 16] = 1;
    const h = Math.imul(key, 0x9e_37_79_b1) >>> (32 - PAIR_BITS);
    pairs[h >>> 5] = (pairs[h >>> 5] ?? 0) | (1 << (h & 31));
  }
  const parts = [
    header,
    rowInts,
    nameInts,
    new Int32Array(hits),
    table,
    prefixKeys,
    prefixMasks,
    charUnits,
    first,
    pairs,
  ];
  return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
}

/** Reader of the binary index: rows, name lookup and longest match, all on typed arrays. */
export class CompactIndex {
  readonly rowCount: number;
  readonly nameCount: number;
  private readonly rows: Int32Array;
  private readonly names: Int32Array;
  private readonly hits: Int32Array;
  private readonly table: Int32Array;
  private readonly prefixKeys: Uint32Array;
  private readonly prefixMasks: Uint32Array;
  private readonly chars: Uint16Array;
  private readonly hashes = new Uint32Array(32);
  // first[c] = 1 when some name starts with UTF-16 unit c (rejects a third of the positions of a report),
  // then a Bloom filter of the two-character prefixes (2^20 bits, one hash: ~2 % false positives)
  // rejects nearly all the others before the prefix table is probed.
  private readonly first: Uint8Array;
  private readonly pairs: Int32Array;
  private readonly prefixShift: number;
  private readonly stems: Uint8Array;
  /** Number of the name found by the last successful {@link CompactIndex.longestLength}. */
  found = -1;

  /**
   * Wraps a buffer written by {@link buildCompactIndex} (no copy); throws a RangeError when it is not one.
   * @param buf - file contents
   * @example new CompactIndex(readFileSync('data/divisions.bin')).rowCount // 44690
   */
  constructor(file: Buffer) {
    // Typed-array views need 4-byte alignment; readFileSync gives offset 0 for files this size.
    const buf = file.byteOffset % 4 === 0 ? file : Buffer.from(file);
    const ab = buf.buffer;
    let at = buf.byteOffset;
    const ints = (n: number): Int32Array => {
      const v = new Int32Array(ab, at, n);
      at += n * 4;
      return v;
    };
    const header = ints(HEADER_INTS);
    const [magic = 0, nRows = 0, nNames = 0, nHits = 0, nTable = 0, nPrefix = 0, nChars = 0] = header;
    if (magic !== MAGIC) throw new RangeError('gazetteer.CompactIndex: not a division index (bad magic number)');
    this.rowCount = nRows;
    this.nameCount = nNames;
    this.stems = new Uint8Array(nNames);
    this.rows = ints(nRows * 5);
    this.names = ints(nNames * 4);
    this.hits = ints(nHits);
    this.table = ints(nTable);
    this.prefixKeys = new Uint32Array(ab, at, nPrefix);
    at += nPrefix * 4;
    this.prefixMasks = new Uint32Array(ab, at, nPrefix);
    at += nPrefix * 4;
    const charBytes = (nChars + (nChars % 2)) * 2;
    if (at + charBytes + FILTER_BYTES > buf.byteOffset + buf.byteLength) {
      throw new RangeError('gazetteer.CompactIndex: truncated division index');
    }
    this.chars = new Uint16Array(ab, at, nChars);
    at += charBytes;
    this.first = new Uint8Array(ab, at, 0x1_00_00);
    at += 0x1_00_00;
    this.pairs = new Int32Array(ab, at, 1 << (PAIR_BITS - 5));
    if (nPrefix < 2 || (nPrefix & (nPrefix - 1)) !== 0) {
      throw new RangeError('gazetteer.CompactIndex: prefix table size is not a power of two');
    }
    this.prefixShift = 32 - Math.log2(nPrefix);
  }

  /**
   * Gives row `i`'s 12-digit code.
   * @param i - row index
   * @example index.code(0) // '110000000000'
   */
  code(i: number): string {
    const hi = this.rows[i * 5] ?? 0;
    const lo = this.rows[i * 5 + 1] ?? 0;
    return String(hi).padStart(6, '0') + String(lo).padStart(6, '0');
  }

  /**
   * Gives row `i`'s official name.
   * @param i - row index
   * @example index.name(0) // '北京市'
   */
  name(i: number): string {
    const off = this.rows[i * 5 + 2] ?? 0;
    return this.text(off, this.rows[i * 5 + 3] ?? 0);
  }

  /**
   * Gives the parent row of row `i`, or -1.
   * @param i - row index
   * @example index.parent(index.find('522630000000')) // row of 黔东南苗族侗族自治州
   */
  parent(i: number): number {
    return this.rows[i * 5 + 4] ?? -1;
  }

  /**
   * Finds the row of a 12-digit code by binary search, or -1.
   * @param code - 12-digit code
   * @example index.find('522630000000') // row of 台江县
   */
  find(code: string): number {
    const hi = Number(code.slice(0, 6));
    const lo = Number(code.slice(6));
    let a = 0;
    let b = this.rowCount - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const h = this.rows[mid * 5] ?? 0;
      const l = this.rows[mid * 5 + 1] ?? 0;
      if (h === hi && l === lo) return mid;
      if (h < hi || (h === hi && l < lo)) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  }

  /**
   * Gives the packed candidates (row * 8 + kind * 2 + weak) of an exact name.
   * @param name - name as written
   * @example index.candidates('新场镇').length // several
   */
  candidates(name: string): number[] {
    return this.candidatesOf(this.nameIndex(name, 0, name.length, fnv1a(name)));
  }

  /**
   * Finds the longest name starting at a position and gives its length and packed candidates.
   * @param text - text to scan
   * @param at - start offset
   * @example index.longestAt('从江县人民', 0) // { length: 3, packed: [...] }
   */
  longestAt(text: string, at: number): { length: number; packed: number[] } | undefined {
    const length = this.longestLength(text, at);
    return length === 0 ? undefined : { length, packed: this.candidatesOf(this.found) };
  }

  /**
   * Gives the length of the longest name starting at a position, or 0, without allocating; the name's
   * number is left in `found` for {@link CompactIndex.packedOf} and {@link CompactIndex.stemsOnly}.
   * Most positions are rejected by one typed-array read (no name starts with that character).
   * @param text - text to scan
   * @param at - start offset
   * @example index.longestLength('从江县人民', 0) // 3
   */
  longestLength(text: string, at: number): number {
    if (at + 2 > text.length) return 0;
    const c0 = text.charCodeAt(at);
    if (this.first[c0] === 0) return 0;
    const key = ((c0 << 16) | text.charCodeAt(at + 1)) >>> 0;
    const pair = Math.imul(key, 0x9e_37_79_b1) >>> (32 - PAIR_BITS);
    if (((this.pairs[pair >>> 5] ?? 0) & (1 << (pair & 31))) === 0) return 0;
    const mask = this.prefixMask(key);
    if (mask === 0) return 0;
    const max = Math.min(31, text.length - at, 31 - Math.clz32(mask));
    const hashes = this.hashes;
    let h = 0x81_1c_9d_c5;
    for (let len = 1; len <= max; len += 1) {
      h = Math.imul(h ^ text.charCodeAt(at + len - 1), 0x01_00_01_93) >>> 0;
      hashes[len] = h;
    }
    for (let len = max; len >= 2; len -= 1) {
      if ((mask & (1 << len)) === 0) continue;
      const k = this.nameIndex(text, at, at + len, hashes[len] ?? 0);
      if (k >= 0) {
        this.found = k;
        return len;
      }
    }
    return 0;
  }

  /**
   * Gives the first position from `at` on where a name may start (its first character starts a name
   * and its two-character prefix passes the Bloom filter), or the text length: a tight loop over the
   * positions a scan can skip.
   * @param text - text to scan
   * @param at - start offset
   * @example index.nextCandidate('我们到从江县', 0) // 3 (我们 and 到 start no name)
   */
  nextCandidate(text: string, at: number): number {
    const last = text.length - 1;
    const first = this.first;
    const pairs = this.pairs;
    for (let i = at; i < last; i += 1) {
      const c0 = text.charCodeAt(i);
      if (first[c0] === 0) continue;
      const pair = Math.imul(((c0 << 16) | text.charCodeAt(i + 1)) >>> 0, 0x9e_37_79_b1) >>> (32 - PAIR_BITS);
      if (((pairs[pair >>> 5] ?? 0) & (1 << (pair & 31))) !== 0) return i;
    }
    return text.length;
  }

  /**
   * Gives the packed candidates of a name number (as left in `found` by {@link CompactIndex.longestLength}).
   * @param k - name number
   * @example index.packedOf(index.found) // [row * 8 + kind * 2 + weak, ...]
   */
  packedOf(k: number): number[] {
    return this.candidatesOf(k);
  }

  /**
   * Tells whether every candidate of a name number is a stem (kind 2), without allocating.
   * @param k - name number
   * @example index.stemsOnly(index.found) // true after finding 台江 alone
   */
  stemsOnly(k: number): boolean {
    const known = this.stems[k] ?? 0;
    if (known !== 0) return known === 1;
    // Worked out once per name (a generic name has hundreds of candidates): 1 stems only, 2 not.
    const start = this.names[k * 4 + 2] ?? 0;
    const end = start + (this.names[k * 4 + 3] ?? 0);
    let only = true;
    for (let i = start; i < end && only; i += 1) if ((((this.hits[i] ?? 0) >>> 1) & 3) !== 2) only = false;
    this.stems[k] = only ? 1 : 2;
    return only;
  }

  private prefixMask(key: number): number {
    return prefixMaskIn(this.prefixKeys, this.prefixMasks, this.prefixShift, key);
  }

  private nameIndex(s: string, from: number, to: number, hash: number): number {
    const n = this.table.length - 1;
    let slot = hash & n;
    for (;;) {
      const entry = this.table[slot] ?? 0;
      if (entry === 0) return -1;
      const k = entry - 1;
      if (this.names[k * 4 + 1] === to - from && this.equals(this.names[k * 4] ?? 0, s, from, to)) return k;
      slot = (slot + 1) & n;
    }
  }

  private equals(off: number, s: string, from: number, to: number): boolean {
    return unitsEqual(this.chars, off, s, from, to);
  }

  private candidatesOf(k: number): number[] {
    if (k < 0) return [];
    const start = this.names[k * 4 + 2] ?? 0;
    const n = this.names[k * 4 + 3] ?? 0;
    // A plain loop: Array.from over a subarray made a view object and went through the iterator protocol.
    const out = new Array<number>(n);
    for (let i = 0; i < n; i += 1) out[i] = this.hits[start + i] ?? 0;
    return out;
  }

  private text(off: number, len: number): string {
    return unitsText(this.chars, off, len);
  }
}
