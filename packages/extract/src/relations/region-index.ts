/**
 * Region lookups of one document for the relation extractors
 *
 * LOCATED_IN asks, for every company, body and site, which region mention starts at an offset, which
 * one first carries a code or a name, which regions lie inside its span and which township or village
 * stem its name opens with. Scanning every region mention of the document for each question made long
 * reports quadratic (a 400 000-character report has thousands of mentions); this index answers each
 * question from maps built once per document, and returns exactly what the scans returned: the FIRST
 * matching mention in document mention order, and candidates in that order where order decides.
 */
import { isRegionType, type RegionLevel } from '@fupin/graph-schema';
import { mentionsIn } from '../doc-util.js';
import { LEVEL_DEPTH } from '../region-names.js';
import type { DocContext, EntityMention } from '../types.js';

/** Township and village suffixes a stem drops (高峰村 → 高峰). */
const STEM_SUFFIX_RE = /(?:街道|镇|乡|村|社区)$/;

/**
 * Region mentions of one document, indexed for the questions LOCATED_IN asks.
 * @example const ix = new RegionIndex(ctx); ix.firstStartingAt(3)?.name // '加榜乡' in 从江县加榜乡…
 */
export class RegionIndex {
  /** Region mentions in the order of `ctx.mentions`. */
  readonly regions: EntityMention[] = [];
  // Each lookup is built on first use: many documents never ask some of the questions.
  private order?: Map<EntityMention, number>;
  /** Indices into `regions`, sorted by start (stable: mention order among equal starts). */
  private byStart?: number[];
  private firstByCode?: Map<string, EntityMention>;
  private firstByName?: Map<string, EntityMention>;
  private firstAtStart?: Map<number, EntityMention>;
  /** Stem → first mention of each (name, type) with that stem, township level or deeper. */
  private byStem?: Map<string, EntityMention[]>;
  /** Shortest and longest region name and stem (prefix lookups try only those lengths). */
  private nameLengths = { min: Infinity, max: -1 };
  private stemLengths = { min: Infinity, max: -1 };
  /** First characters (char codes) of the region names and of the stems: a name opening with none is done. */
  private readonly nameHeads = new Set<number>();
  private readonly stemHeads = new Set<number>();
  private readonly perSentence = new Map<number, EntityMention[]>();

  /**
   * Indexes the region mentions of a document.
   * @param ctx - document context with resolved mentions
   * @example new RegionIndex(ctx).regions.length // 2 for 从江县加榜乡
   */
  constructor(private readonly ctx: DocContext) {
    for (const m of ctx.mentions) {
      if (!isRegionType(m.type)) continue;
      this.regions.push(m);
      if (m.name.length < this.nameLengths.min) this.nameLengths.min = m.name.length;
      if (m.name.length > this.nameLengths.max) this.nameLengths.max = m.name.length;
      if (m.name.length > 0) this.nameHeads.add(m.name.charCodeAt(0));
    }
  }

  private firstBy<K>(key: (m: EntityMention) => K | undefined): Map<K, EntityMention> {
    const map = new Map<K, EntityMention>();
    for (const m of this.regions) {
      const k = key(m);
      if (k !== undefined && !map.has(k)) map.set(k, m);
    }
    return map;
  }

  private stems(): Map<string, EntityMention[]> {
    const byStem = new Map<string, EntityMention[]>();
    const seenNameType = new Set<string>();
    for (const m of this.regions) {
      if (LEVEL_DEPTH[m.type as RegionLevel] < LEVEL_DEPTH.Township) continue;
      const nameType = `${m.type}:${m.name}`;
      if (seenNameType.has(nameType)) continue;
      seenNameType.add(nameType);
      const stem = m.name.replace(STEM_SUFFIX_RE, '');
      if (stem.length < 2 || stem === m.name) continue;
      const list = byStem.get(stem);
      if (list) list.push(m);
      else byStem.set(stem, [m]);
      if (stem.length < this.stemLengths.min) this.stemLengths.min = stem.length;
      if (stem.length > this.stemLengths.max) this.stemLengths.max = stem.length;
      this.stemHeads.add(stem.charCodeAt(0));
    }
    return byStem;
  }

  private orderOf(m: EntityMention): number {
    if (!this.order) {
      this.order = new Map();
      this.regions.forEach((r, i) => this.order!.set(r, i));
    }
    return this.order.get(m)!;
  }

  /**
   * Region mentions of one sentence, in mention order.
   * @example ix.inSentence(0).map((r) => r.name) // ['从江县', '加榜乡']
   */
  inSentence(sentence: number): EntityMention[] {
    let list = this.perSentence.get(sentence);
    if (!list) {
      list = mentionsIn(this.ctx, sentence).filter((r) => isRegionType(r.type));
      this.perSentence.set(sentence, list);
    }
    return list;
  }

  /**
   * The first region mention (in mention order) with exactly this code.
   * @example ix.firstWithCode('522633000000')?.name // '从江县'
   */
  firstWithCode(code: string): EntityMention | undefined {
    this.firstByCode ??= this.firstBy((m) => m.code);
    return this.firstByCode.get(code);
  }

  /**
   * The first region mention (in mention order) with exactly this canonical name.
   * @example ix.firstNamed('从江县')?.code // '522633000000'
   */
  firstNamed(name: string | undefined): EntityMention | undefined {
    if (name === undefined) return undefined;
    this.firstByName ??= this.firstBy((m) => m.name);
    return this.firstByName.get(name);
  }

  /**
   * The first region mention (in mention order) starting at a normalised offset.
   * @example ix.firstStartingAt(3)?.name // '加榜乡' in 从江县加榜乡
   */
  firstStartingAt(at: number): EntityMention | undefined {
    this.firstAtStart ??= this.firstBy((m) => m.start);
    return this.firstAtStart.get(at);
  }

  /**
   * Region mentions whose start lies in [start, end] (normalised offsets), in mention order.
   * @example ix.startingWithin(0, 8).map((r) => r.name) // ['从江县', '加榜乡'] for 从江县加榜乡合作社
   */
  startingWithin(start: number, end: number): EntityMention[] {
    const regions = this.regions;
    const byStart = (this.byStart ??= regions.map((_, i) => i).sort((a, b) => regions[a]!.start - regions[b]!.start));
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.regions[byStart[mid]!]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const picked: number[] = [];
    for (let k = lo; k < byStart.length && this.regions[byStart[k]!]!.start <= end; k++) picked.push(byStart[k]!);
    return picked.sort((a, b) => a - b).map((i) => this.regions[i]!);
  }

  /**
   * The longest region name a name opens with (shorter than it): the first mention with that name.
   * @example ix.longestNamePrefixOf('从江县人民医院')?.name // '从江县'
   */
  longestNamePrefixOf(name: string): EntityMention | undefined {
    const { min, max } = this.nameLengths;
    // (only an empty name could open a name whose first character opens no region name)
    if (min > 0 && !this.nameHeads.has(name.charCodeAt(0))) return undefined;
    this.firstByName ??= this.firstBy((m) => m.name);
    for (let len = Math.min(name.length - 1, max); len >= min; len--) {
      const r = this.firstByName.get(name.slice(0, len));
      if (r) return r;
    }
    return undefined;
  }

  /**
   * Township-level or deeper regions whose stem (name without 镇/乡/村/街道/社区, 2+ characters) opens
   * `rest` and leaves more than one character of it: the first mention of each name and type, in
   * mention order.
   * @example ix.stemCandidates('高峰茶叶合作社').map((r) => r.name) // ['高峰村'] when 高峰村 is named
   */
  stemCandidates(rest: string): EntityMention[] {
    const found: EntityMention[] = [];
    this.byStem ??= this.stems();
    if (!this.stemHeads.has(rest.charCodeAt(0))) return found;
    const { min, max } = this.stemLengths;
    for (let len = Math.max(2, min); len < rest.length - 1 && len <= max; len++) {
      const list = this.byStem.get(rest.slice(0, len));
      if (list) found.push(...list);
    }
    return found.length > 1 ? found.sort((a, b) => this.orderOf(a) - this.orderOf(b)) : found;
  }
}
