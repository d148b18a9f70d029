/**
 * Gazetteer
 *
 * The official divisions of China (2023 statistical codes) with the names and short forms reports use.
 * Provinces to townships (~45k) come from a prebuilt binary index mapped at start-up; villages (620k) load
 * one county at a time, only for the counties a caller asks about, so a CLI run pays milliseconds.
 */
import { z } from 'zod';
import { parseOrThrow, RegionLevelSchema } from '@fupin/graph-schema';
import type { RegionLevel } from '@fupin/graph-schema';
import { villageCore } from './aliases.js';
import type { AliasKind } from './aliases.js';
import { isWithin, levelOfCode } from './division.js';
import type { Division, NameHit } from './division.js';
import type { CompactIndex } from './compact-index.js';
import { DEFAULT_DATA_DIR, readCompactIndex, VillageShards } from './index-files.js';
import { DIVISION_SUFFIX_CHARS } from './name-index.js';
import type { GazetteerMatch } from './name-index.js';
import { rankHits } from './resolve.js';
import type { VillageShard } from './village-shard.js';

const CodeArg = z.string().regex(/^\d{6}(\d{3}|\d{6})?$/u, 'expected a 6-, 9- or 12-digit division code');
const LookupOptionsSchema = z
  .object({ levels: z.array(RegionLevelSchema).optional(), within: CodeArg.optional() })
  .optional();
const FindAllOptionsSchema = z
  .object({
    villageCounties: z.array(CodeArg).optional(),
    boundaries: z.union([z.array(z.number().int().nonnegative()), z.instanceof(Set)]).optional(),
  })
  .optional();
const LoadOptionsSchema = z.object({ dataDir: z.string().min(1).optional() }).optional();

/** Options of {@link Gazetteer.lookup}. */
export type LookupOptions = z.infer<typeof LookupOptionsSchema>;
/** Options of {@link Gazetteer.findAll}. */
export type FindAllOptions = z.infer<typeof FindAllOptionsSchema>;

/**
 * Gives the name to display for a division: the official name, except for villages, whose committee
 * suffix is dropped.
 * @param division - a division
 * @example commonName({ code: '…', name: '岜沙村村民委员会', level: 'Village' }) // '岜沙村'
 */
export function commonName(division: Division): string {
  return division.level === 'Village' ? villageCore(division.name).core : division.name;
}

// Packed candidates (compact-index.ts): row * 8 + kind * 2 + weak; kinds 0 official, 1 short, 2 stem,
// 3 short former-status variant.
const KINDS: readonly AliasKind[] = ['official', 'short', 'stem', 'short'];

/** Division codes, official names, short forms and a name scanner over the 2023 code list. */
export class Gazetteer {
  // Provinces..townships live in the binary index; Division objects are made for the rows callers touch.
  private readonly index: CompactIndex;
  // Sized up front: filled at random rows, a growing array turned into a slow dictionary.
  private readonly made: (Division | undefined)[];
  private readonly shards: VillageShards;
  // County shards read so far (undefined: a county without villages in the list), villages they hold.
  private readonly villageShards = new Map<string, VillageShard | undefined>();
  private villageCount = 0;
  private readonly villagesByTownship = new Map<string, Division[]>();
  private childrenOf?: Map<string, Division[]>;

  private constructor(dataDir: string) {
    this.index = readCompactIndex(dataDir);
    this.made = new Array<Division | undefined>(this.index.rowCount).fill(undefined);
    this.shards = new VillageShards(dataDir);
  }

  /**
   * Loads the index built by scripts/build-index.mjs (synchronous; a few milliseconds: one file read and
   * typed-array views, see compact-index.ts and the bench). Throws an InputError
   * (`INPUT_UNREADABLE`) naming the missing file when the index has not been built.
   * @param options - `dataDir`: directory of the built index (default packages/gazetteer/data)
   * @example Gazetteer.load().lookup('从江县')[0].division.code // '522633000000'
   */
  static load(options?: { dataDir?: string }): Gazetteer {
    // undefined skips zod: its first parse compiles the schema (~10 ms), paid at every CLI start otherwise.
    const opts = options === undefined ? undefined : parseOrThrow(LoadOptionsSchema, options, 'gazetteer.load');
    return new Gazetteer(opts?.dataDir ?? DEFAULT_DATA_DIR);
  }

  /** Counts of what is loaded: eager divisions, distinct names, county shards read so far. */
  stats(): { divisions: number; names: number; villageCounties: number } {
    return {
      divisions: this.index.rowCount + this.villageCount,
      names: this.index.nameCount,
      villageCounties: this.villageShards.size,
    };
  }

  /**
   * Gives the division with a code (villages load their county shard on demand).
   * @param code - 12-digit code (6- and 9-digit codes are padded)
   * @example gazetteer.byCode('522633000000')?.name // '从江县'
   */
  byCode(code: string): Division | undefined {
    const full = code.padEnd(12, '0');
    if (levelOfCode(full) !== 'Village') {
      const i = this.index.find(full);
      return i < 0 ? undefined : this.at(i);
    }
    const shard = this.loadCounty(full.slice(0, 6));
    const suffix = full.slice(6);
    if (!shard || !/^\d{6}$/u.test(suffix)) return undefined;
    const i = shard.find(Number(suffix));
    return i < 0 ? undefined : shard.village(i);
  }

  /**
   * Finds every division with a name or short form, optionally only some levels and only inside an
   * ancestor. Villages are searched only when `within` is given (their county shards are loaded). When no
   * township carries the name, townships whose name differs only by 乡/镇/街道 are returned with
   * `variant: true` (`施洞乡` finds 施洞镇); counties and prefectures have such variants in the index.
   * @param name - name as a report writes it (simplified)
   * @param options - `levels` to keep; `within`: ancestor code
   * @example gazetteer.lookup('新场镇', { levels: ['Township'] }).length // 3 or more
   * @example gazetteer.lookup('岜沙村', { within: '522633000000' }) // a village of 从江县
   */
  lookup(name: string, options?: { levels?: RegionLevel[]; within?: string }): NameHit[] {
    const opts =
      options === undefined || isLookupOptions(options)
        ? options
        : parseOrThrow(LookupOptionsSchema, options, 'gazetteer.lookup');
    const levels = opts?.levels;
    const within = opts?.within?.padEnd(12, '0');
    const hits = this.index.candidates(name).map((p) => this.unpack(p));
    if (within && (!levels || levels.includes('Village'))) {
      for (const county of this.countiesWithin(within)) hits.push(...(this.loadCounty(county)?.get(name) ?? []));
    }
    const keep = (h: NameHit): boolean =>
      (!levels || levels.includes(h.division.level)) && (!within || isWithin(h.division.code, within));
    const found = hits.filter(keep);
    if (found.some((h) => h.division.level === 'Township') || (levels && !levels.includes('Township'))) return found;
    // Townships change status (乡 → 镇 → 街道); a report may use the former one. Only when nothing matches.
    const m = /^(.{2,}?)(乡|镇|街道)$/u.exec(name);
    if (!m) return found;
    for (const suffix of ['乡', '镇', '街道']) {
      if (suffix === m[2]) continue;
      for (const h of this.index.candidates(`${m[1]}${suffix}`).map((p) => this.unpack(p))) {
        if (h.division.level === 'Township' && h.aliasKind !== 'stem' && keep(h)) found.push({ ...h, variant: true });
      }
    }
    return found;
  }

  /**
   * Lists a division's ancestors, nearest first, up to the province.
   * @param code - 12-digit code
   * @example gazetteer.ancestors('522633000000').map((d) => d.name) // ['黔东南苗族侗族自治州', '贵州省']
   */
  ancestors(code: string): Division[] {
    const out: Division[] = [];
    let current = this.byCode(code);
    while (current?.parentCode) {
      current = this.byCode(current.parentCode);
      if (current) out.push(current);
    }
    return out;
  }

  /**
   * Lists the direct children of a division, ordered by code; villages of a township load their county shard.
   * @param code - 12-digit code
   * @example gazetteer.children('522633000000').length // townships of 从江县
   */
  children(code: string): Division[] {
    const full = code.padEnd(12, '0');
    if (levelOfCode(full) === 'Township') {
      return this.villagesOf(full);
    }
    if (!this.childrenOf) {
      this.childrenOf = new Map();
      for (let i = 0; i < this.index.rowCount; i += 1) {
        const parent = this.index.parent(i);
        if (parent < 0) continue;
        const parentCode = this.index.code(parent);
        const list = this.childrenOf.get(parentCode) ?? [];
        list.push(this.at(i));
        this.childrenOf.set(parentCode, list);
      }
    }
    return this.childrenOf.get(full) ?? [];
  }

  /**
   * Finds all occurrences of division names and short forms in a simplified text: provinces to
   * townships everywhere, villages only of the given counties. Longest match at each position,
   * non-overlapping, left to right, with all candidate divisions for each surface.
   * Guarantees: no match shorter than two characters; a match made only of stems is not reported when
   * the next character is a division suffix (省市州县区乡镇村旗盟), since the text then names a longer
   * division the list lacks. With `boundaries` (offsets where the segmenter's tokens start or end),
   * stem-only and two-character matches must start and end on a boundary (drops `迁安` in `搬迁安置`).
   * Not guaranteed: that a match is meant as a place (`平安` in `保平安`): `weak` hits need context.
   * Matches of one name may share their `hits` list (and its objects): read them, do not change them.
   * @param text - simplified text
   * @param options - `villageCounties`: county codes whose villages to match as well; `boundaries`:
   *   token boundary offsets from a segmenter (e.g. jieba `cut`), used as described above
   * @example gazetteer.findAll('苏州市吴中区对口帮扶从江县').map((m) => m.surface) // ['苏州市', '吴中区', '从江县']
   */
  findAll(
    text: string,
    options?: { villageCounties?: string[]; boundaries?: readonly number[] | ReadonlySet<number> },
  ): GazetteerMatch[] {
    // zod only when the cheap check fails (it then throws the same SchemaError): parsing on every call
    // cost as much as scanning a short text.
    const opts =
      options === undefined || isFindAllOptions(options)
        ? options
        : parseOrThrow(FindAllOptionsSchema, options, 'gazetteer.findAll');
    const villages: VillageShard[] = [];
    const counties = opts?.villageCounties;
    if (counties?.length) {
      for (const c of new Set(counties.map((x) => x.slice(0, 6)))) {
        const shard = this.loadCounty(c);
        if (shard) villages.push(shard);
      }
    }
    const b = opts?.boundaries;
    return this.scan(text, villages, b === undefined ? undefined : b instanceof Set ? (b as Set<number>) : new Set(b));
  }

  /**
   * Picks the best candidate for an ambiguous name given the codes of divisions the document names:
   * the division itself or one inside a context division first, then one containing a context division,
   * then same prefecture, same province; ties go to official names, strong aliases, higher levels.
   * @param hits - candidates from lookup or findAll
   * @param contextCodes - 12-digit codes of counties and prefectures the document names
   * @example gazetteer.resolve(gazetteer.lookup('新场镇'), ['520123000000'])?.division.parentCode // '520123000000'
   */
  resolve(hits: readonly NameHit[], contextCodes: readonly string[]): NameHit | undefined {
    return rankHits(hits, contextCodes)[0]?.hit;
  }

  // scanNames (name-index.ts) over [the eager index, ...village shards], specialised: every source is
  // asked for a length only (no object per position), each shard's Bloom filter of prefixes skips it
  // at nearly every position, and hits are made only for the matches kept. Among sources, the longest
  // name wins and equally long ones add their hits in source order, as in scanNames.
  private scan(text: string, villages: readonly VillageShard[], boundaries?: ReadonlySet<number>): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    const index = this.index;
    const lengths = new Int32Array(villages.length);
    const names = new Int32Array(villages.length);
    let i = 0;
    while (i < text.length) {
      // Without village shards, positions where no name can start are skipped in one tight loop.
      if (villages.length === 0) {
        i = index.nextCandidate(text, i);
        if (i >= text.length) break;
      }
      const eagerLength = index.longestLength(text, i);
      const k = index.found;
      let length = eagerLength;
      let inVillages = false;
      if (villages.length && i + 1 < text.length) {
        const mix = Math.imul(((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0, 0x9e_37_79_b1);
        for (let j = 0; j < villages.length; j += 1) {
          const shard = villages[j]!;
          const len = shard.mayStartWith(mix) ? shard.longestLength(text, i) : 0;
          lengths[j] = len;
          names[j] = shard.found;
          if (len > length) length = len;
          if (len > 0) inVillages = true;
        }
        inVillages = inVillages && lengths.includes(length);
      }
      if (length === 0) {
        i += 1;
        continue;
      }
      const withEager = eagerLength === length;
      const end = i + length;
      let stemsOnly = !withEager || index.stemsOnly(k);
      if (inVillages) {
        for (let j = 0; stemsOnly && j < villages.length; j += 1) {
          if (lengths[j] === length) stemsOnly = villages[j]!.stemsOnly(names[j]!);
        }
      }
      if (stemsOnly && DIVISION_SUFFIX_CHARS.has(text[end] ?? '')) {
        i = end + 1;
        continue;
      }
      if (boundaries && (stemsOnly || length === 2) && !(boundaries.has(i) && boundaries.has(end))) {
        i += 1;
        continue;
      }
      let hits: NameHit[] = [];
      if (withEager) {
        // One hit list per name, made at its first match and handed out again (callers only read it);
        // copied when villages add to it.
        let shared = this.hitsByName.get(k);
        if (!shared) {
          const packed = index.packedOf(k);
          shared = new Array<NameHit>(packed.length);
          for (let j = 0; j < packed.length; j += 1) shared[j] = this.unpack(packed[j] ?? 0);
          this.hitsByName.set(k, shared);
        }
        hits = inVillages ? shared.slice() : shared;
      }
      if (inVillages) {
        for (let j = 0; j < villages.length; j += 1) {
          if (lengths[j] === length) hits.push(...villages[j]!.hitsOf(names[j]!));
        }
      }
      out.push({ start: i, end, surface: text.slice(i, end), hits });
      i = end;
    }
    return out;
  }

  /** Hit lists of the eager index's names, by name number, as scan hands them out (see scan). */
  private readonly hitsByName = new Map<number, NameHit[]>();

  private at(i: number): Division {
    const made = this.made[i];
    if (made) return made;
    const code = this.index.code(i);
    const name = this.index.name(i);
    const level = levelOfCode(code);
    const parent = this.index.parent(i);
    // One literal with every key (code, name, level, parentCode; parentCode undefined at the top): one
    // shape for every division, so readers of hits stay monomorphic.
    const division: Division = { code, name, level, parentCode: parent >= 0 ? this.index.code(parent) : undefined };
    this.made[i] = division;
    return division;
  }

  private unpack(packed: number): NameHit {
    const division = this.at(packed >>> 3);
    const code = (packed >>> 1) & 3;
    const aliasKind = KINDS[code] ?? 'official';
    // One literal with every key in the order they always had (division, aliasKind, weak, variant);
    // absent flags are undefined (left out of JSON), so every hit has one shape.
    return { division, aliasKind, weak: packed & 1 ? true : undefined, variant: code === 3 ? true : undefined };
  }

  private countiesWithin(code: string): string[] {
    const level = levelOfCode(code);
    if (level === 'County' || level === 'Township' || level === 'Village') return [code.slice(0, 6)];
    return this.shards.countiesWithPrefix(code.slice(0, level === 'Province' ? 2 : 4));
  }

  private loadCounty(county6: string): VillageShard | undefined {
    if (this.villageShards.has(county6)) return this.villageShards.get(county6);
    const shard = this.shards.shard(county6, (row) => this.index.code(row));
    this.villageShards.set(county6, shard);
    this.villageCount += shard?.size ?? 0;
    return shard;
  }

  // Villages whose parent is the township, in code order (the same array at every call).
  private villagesOf(township: string): Division[] {
    const cached = this.villagesByTownship.get(township);
    if (cached) return cached;
    const shard = this.loadCounty(township.slice(0, 6));
    const row = this.index.find(township);
    const list: Division[] = [];
    if (shard && row >= 0) {
      for (let i = 0; i < shard.size; i += 1) if (shard.parentRow(i) === row) list.push(shard.village(i));
    }
    if (list.length) this.villagesByTownship.set(township, list);
    return list;
  }
}

const CODE_ARG = /^\d{6}(\d{3}|\d{6})?$/u;

const LEVELS: ReadonlySet<unknown> = new Set(RegionLevelSchema.options);

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

// True only for options LookupOptionsSchema accepts unchanged; anything else goes through zod.
function isLookupOptions(options: unknown): options is LookupOptions {
  if (!isPlainObject(options)) return false;
  const { levels, within } = options;
  if (within !== undefined && (typeof within !== 'string' || !CODE_ARG.test(within))) return false;
  if (levels === undefined) return true;
  if (!Array.isArray(levels)) return false;
  for (let i = 0; i < levels.length; i += 1) if (!LEVELS.has(levels[i])) return false;
  return true;
}

// True only for options FindAllOptionsSchema accepts unchanged (plain object, valid codes, non-negative
// integer offsets or a Set); anything else goes through zod, which gives the usual SchemaError.
function isFindAllOptions(options: unknown): options is FindAllOptions {
  if (!isPlainObject(options)) return false;
  const { villageCounties: v, boundaries: b } = options;
  if (v !== undefined) {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i += 1) {
      const c: unknown = v[i];
      if (typeof c !== 'string' || !CODE_ARG.test(c)) return false;
    }
  }
  if (b === undefined || b instanceof Set) return true;
  if (!Array.isArray(b)) return false;
  for (let i = 0; i < b.length; i += 1) {
    const x: unknown = b[i];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) return false;
  }
  return true;
}

const loaded = new Map<string, Gazetteer>();

/**
 * Gives the process-wide gazetteer for a data directory, loading it on first use.
 * @param options - `dataDir`: directory of the built index (default packages/gazetteer/data)
 * @example loadGazetteer().findAll('台江县施洞镇')
 */
export function loadGazetteer(options?: { dataDir?: string }): Gazetteer {
  const key = options?.dataDir ?? DEFAULT_DATA_DIR;
  let g = loaded.get(key);
  if (!g) {
    g = Gazetteer.load(options);
    loaded.set(key, g);
  }
  return g;
}
