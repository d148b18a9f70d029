/**
 * Name index and longest-match scanner
 *
 * A hash map from every name and alias to its candidate divisions, plus the name lengths present per
 * two-character prefix, so that a scan does one map probe at a position where no name starts and
 * tries only lengths that exist elsewhere; and the scanning rules (longest match, stems before a
 * suffix, token boundaries). The Gazetteer itself scans prebuilt typed-array indexes with the same
 * rules (compact-index.ts for provinces to townships, village-shard.ts for villages, whose tests
 * compare it with NameIndex); this Map-based form serves small ad-hoc name lists, built in
 * milliseconds, unlike an automaton compiled at start-up or a jieba user dictionary (6 s measured).
 */
import type { NameHit } from './division.js';

/** Characters that end division names (省 市 州 县 区 乡 镇 村 旗 盟 …): a stem followed by one is part of a longer, unknown name. */
export const DIVISION_SUFFIX_CHARS = new Set([...'省市州县区乡镇村旗盟']);

/** Anything that can report the longest name at a position (a NameIndex of any entry type). */
export interface NameSource {
  longestAt(text: string, at: number): { length: number; hits: NameHit[] } | undefined;
}

/**
 * A map from names to candidate entries with the name lengths present per two-character prefix. Entries are kept
 * in whatever form is cheapest to load (packed numbers for the eager index, objects for village
 * shards) and turned into NameHits by `decode` only when a name is asked for.
 */
export class NameIndex<T = NameHit> implements NameSource {
  private readonly names = new Map<string, T | T[]>();
  // Lengths of the names starting with each two-character prefix, as a bit set (bit n = length n; a
  // number, not an array, so that loading 40k prefixes allocates nothing). Lengths above 31 are dropped
  // from scanning (none in provinces..townships; a few village names run to 33 characters).
  // Keyed by the prefix's two UTF-16 units as one number, so that a scan allocates no string per position.
  private readonly lengths = new Map<number, number>();
  private readonly decode: (entry: T) => NameHit;

  /**
   * Creates an empty index.
   * @param decode - turns a stored entry into a NameHit (identity for NameHit entries)
   * @example new NameIndex<NameHit>((h) => h)
   */
  constructor(decode: (entry: T) => NameHit) {
    this.decode = decode;
  }

  /** Number of distinct names. */
  get size(): number {
    return this.names.size;
  }

  /**
   * Adds a candidate entry for a name (duplicates are the caller's concern).
   * @param name - official name or alias, e.g. 从江
   * @param entry - the stored candidate
   * @example index.add('从江', { division, aliasKind: 'stem' })
   */
  add(name: string, entry: T): void {
    const found = this.names.get(name);
    if (found === undefined) {
      this.names.set(name, entry);
      if (name.length >= 2 && name.length <= 31) {
        const prefix = prefixKey(name, 0);
        this.lengths.set(prefix, (this.lengths.get(prefix) ?? 0) | (1 << name.length));
      }
    } else if (Array.isArray(found)) found.push(entry);
    else this.names.set(name, [found, entry]);
  }

  /**
   * Gives the candidates for an exact name.
   * @param name - name as written
   * @example index.get('新场镇') // several townships in Guizhou
   */
  get(name: string): NameHit[] {
    const found = this.names.get(name);
    if (found === undefined) return [];
    return Array.isArray(found) ? found.map(this.decode) : [this.decode(found)];
  }

  /**
   * Finds the longest name starting at a position.
   * @param text - text to scan
   * @param at - start offset (UTF-16 units; division names are in the BMP)
   * @example index.longestAt('从江县人民', 0) // { length: 3, hits: [...] }
   */
  longestAt(text: string, at: number): { length: number; hits: NameHit[] } | undefined {
    if (at + 2 > text.length) return undefined;
    const bits = this.lengths.get(prefixKey(text, at));
    if (bits === undefined) return undefined;
    for (let len = Math.min(31, text.length - at); len >= 2; len -= 1) {
      if ((bits & (1 << len)) === 0) continue;
      const name = text.slice(at, at + len);
      if (this.names.has(name)) return { length: len, hits: this.get(name) };
    }
    return undefined;
  }
}

/** The two UTF-16 units at `at` as one number (a name's two-character prefix). */
function prefixKey(text: string, at: number): number {
  return text.charCodeAt(at) * 0x1_00_00 + text.charCodeAt(at + 1);
}

/** A place in a text where a division name or alias occurs. */
export interface GazetteerMatch {
  /** start offset in the scanned text (UTF-16 units) */
  start: number;
  /** end offset, exclusive */
  end: number;
  surface: string;
  /** all candidate divisions for the surface */
  hits: NameHit[];
}

/**
 * Scans a text left to right for the longest name at each position across several indexes, without
 * overlaps. A match whose candidates are all stems is dropped when the next character is a division
 * suffix (`遵义` in `遵义县` when only 遵义市 is known): the text names a longer, unknown division, and
 * the scan skips past that whole name so that no tail of it (`义县`) is reported either. When token
 * `boundaries` are given (offsets where a segmenter's tokens start or end), stem-only matches and
 * two-character matches must start and end on one, which drops names that straddle words
 * (`迁安` in `搬迁安置`, `和政` in `管理和政策`).
 * @param text - simplified text
 * @param indexes - name indexes to consult (the eager one, then village shards)
 * @param boundaries - optional token boundary offsets
 * @example scanNames('苏州市吴中区对口帮扶从江县', [index]) // 苏州市, 吴中区, 从江县
 */
export function scanNames(
  text: string,
  indexes: readonly NameSource[],
  boundaries?: ReadonlySet<number>,
): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  let i = 0;
  while (i < text.length) {
    let best: { length: number; hits: NameHit[] } | undefined;
    for (const index of indexes) {
      const found = index.longestAt(text, i);
      if (!found) continue;
      if (!best || found.length > best.length) best = found;
      else if (found.length === best.length) best.hits.push(...found.hits);
    }
    if (!best) {
      i += 1;
      continue;
    }
    const end = i + best.length;
    const stemsOnly = best.hits.every((h) => h.aliasKind === 'stem');
    if (stemsOnly && DIVISION_SUFFIX_CHARS.has(text[end] ?? '')) {
      i = end + 1;
      continue;
    }
    if (boundaries && (stemsOnly || best.length === 2) && !(boundaries.has(i) && boundaries.has(end))) {
      i += 1;
      continue;
    }
    out.push({ start: i, end, surface: text.slice(i, end), hits: best.hits });
    i = end;
  }
  return out;
}
