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
  private readonly order = new Map<EntityMention, number>();
  /** Indices into `regions`, sorted by start (stable: mention order among equal starts). */
  private readonly byStart: number[];
  private readonly firstByCode = new Map<string, EntityMention>();
  private readonly firstByName = new Map<string, EntityMention>();
  private readonly firstAtStart = new Map<number, EntityMention>();
  /** Stem → first mention of each (name, type) with that stem, township level or deeper. */
  private readonly byStem = new Map<string, EntityMention[]>();
  private readonly perSentence = new Map<number, EntityMention[]>();

  /**
   * Indexes the region mentions of a document.
   * @param ctx - document context with resolved mentions
   * @example new RegionIndex(ctx).regions.length // 2 for 从江县加榜乡
   */
  constructor(private readonly ctx: DocContext) {
    const seenNameType = new Set<string>();
    for (const m of ctx.mentions) {
      if (!isRegionType(m.type)) continue;
      this.order.set(m, this.regions.length);
      this.regions.push(m);
      if (m.code !== undefined && !this.firstByCode.has(m.code)) this.firstByCode.set(m.code, m);
      if (!this.firstByName.has(m.name)) this.firstByName.set(m.name, m);
      if (!this.firstAtStart.has(m.start)) this.firstAtStart.set(m.start, m);
      const nameType = `${m.type}:${m.name}`;
      if (seenNameType.has(nameType)) continue;
      seenNameType.add(nameType);
      if (LEVEL_DEPTH[m.type as RegionLevel] < LEVEL_DEPTH.Township) continue;
      const stem = m.name.replace(STEM_SUFFIX_RE, '');
      if (stem.length < 2 || stem === m.name) continue;
      const list = this.byStem.get(stem);
      if (list) list.push(m);
      else this.byStem.set(stem, [m]);
    }
    this.byStart = this.regions.map((_, i) => i).sort((a, b) => this.regions[a]!.start - this.regions[b]!.start);
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
    return this.firstByCode.get(code);
  }

  /**
   * The first region mention (in mention order) with exactly this canonical name.
   * @example ix.firstNamed('从江县')?.code // '522633000000'
   */
  firstNamed(name: string | undefined): EntityMention | undefined {
    return name === undefined ? undefined : this.firstByName.get(name);
  }

  /**
   * The first region mention (in mention order) starting at a normalised offset.
   * @example ix.firstStartingAt(3)?.name // '加榜乡' in 从江县加榜乡
   */
  firstStartingAt(at: number): EntityMention | undefined {
    return this.firstAtStart.get(at);
  }

  /**
   * Region mentions whose start lies in [start, end] (normalised offsets), in mention order.
   * @example ix.startingWithin(0, 8).map((r) => r.name) // ['从江县', '加榜乡'] for 从江县加榜乡合作社
   */
  startingWithin(start: number, end: number): EntityMention[] {
    const byStart = this.byStart;
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
    for (let len = name.length - 1; len >= 0; len--) {
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
    for (let len = 2; len < rest.length - 1; len++) {
      const list = this.byStem.get(rest.slice(0, len));
      if (list) found.push(...list);
    }
    return found.length > 1 ? found.sort((a, b) => this.order.get(a)! - this.order.get(b)!) : found;
  }
}
