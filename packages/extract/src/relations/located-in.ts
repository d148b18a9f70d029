/**
 * LOCATED_IN relations
 *
 * Where things are: every region the report names sits in its parent region (from the division code,
 * or from the region named right before it when the gazetteer lacks it), and so does every company,
 * organization or site an extractor gave a parent. Following the annotation convention, a region's
 * chain runs up to the province (the county's prefecture and province are implied even when unnamed),
 * villages link to their township, and a county links straight to its province only when the report
 * names the province but not the prefecture in between.
 */
import { isRegionType, type RegionLevel } from '@fupin/graph-schema';
import { divisionAncestors, divisionByCode } from '../division-memo.js';
import { canonicalDivisionName, LEVEL_DEPTH } from '../region-names.js';
import { charTable } from './char-tables.js';
import { RegionIndex } from './region-index.js';
import { relationMention } from './relation-mention.js';
import type {
  DivisionRef,
  DocContext,
  EntityMention,
  GazetteerPort,
  EntityRef,
  RelationExtractor,
  RelationMention,
} from '../types.js';

const NO_SENTENCES: ReadonlySet<number> = new Set();
/** Clause breaks inside a sentence: ，；：,;: (char codes). */
const CLAUSE_BREAKS = charTable('，；：,;:');

const code12 = (code: string): string => (code.length >= 12 ? code : code.padEnd(12, '0'));

const refOf = (m: { type: EntityRef['type']; name: string; code?: string | undefined }): EntityRef =>
  m.code ? { type: m.type, name: m.name, code: m.code } : { type: m.type, name: m.name };

/**
 * Finds LOCATED_IN relations of a document.
 * @param ctx - document context with resolved mentions
 * @example locatedIn(ctx('从江县加榜乡党扭村')) // 加榜乡→从江县, 党扭村→加榜乡, 从江县→黔东南苗族侗族自治州, 黔东南…→贵州省
 */
export function locatedIn(ctx: DocContext): RelationMention[] {
  const out = new Map<string, RelationMention>();
  // code or type:name → its mentions in document order (the map's order: first mentions' order)
  const named = new Map<string, { all: EntityMention[]; sentences?: Set<number> }>();
  const keyOf = (m: { type: string; name: string; code?: string | undefined }): string =>
    m.code ? code12(m.code) : `${m.type}:${m.name}`;
  for (const m of ctx.mentions) {
    const k = keyOf(m);
    const group = named.get(k);
    if (group) group.all.push(m);
    else named.set(k, { all: [m] });
  }
  const sentencesOf = (k: string): ReadonlySet<number> => {
    const group = named.get(k);
    if (!group) return NO_SENTENCES;
    return (group.sentences ??= new Set(group.all.map((m) => m.sentence)));
  };
  const ix = new RegionIndex(ctx);

  /** Evidence sentence: one naming both ends if any, else the child's first mention. */
  const emit = (child: EntityRef, parent: EntityRef, fallback: number): void => {
    const ck = keyOf(child);
    const pk = keyOf(parent);
    const rk = `${ck}>${pk}`;
    if (out.has(rk) || ck === pk) return;
    // the first sentence naming both ends
    const parentSentences = sentencesOf(pk);
    let sentence = Infinity;
    for (const x of sentencesOf(ck)) if (x < sentence && parentSentences.has(x)) sentence = x;
    if (sentence === Infinity) sentence = fallback;
    out.set(rk, relationMention('LOCATED_IN', child, parent, sentence, 'located-in'));
  };

  const gaz = ctx.gazetteer;
  for (const { all } of named.values()) {
    const m = all[0]!;
    const first = m.sentence;
    if (isRegionType(m.type) && m.code && gaz) {
      const ancestors = ancestorChain(gaz, m.code);
      if (!ancestors) continue;
      const { chain, refs } = ancestors;
      const depth = LEVEL_DEPTH[m.type as RegionLevel];
      if (depth >= LEVEL_DEPTH.Village) {
        // A village sits in its township (named or not: the code states it).
        if (refs[0]) emit(refOf(m), refs[0], first);
        continue;
      }
      let child: EntityRef = refOf(m);
      for (const a of refs) {
        emit(child, a, first);
        child = a;
      }
      if (m.type === 'County') {
        const prefecture = chain.findIndex((a) => a.level === 'Prefecture');
        const province = chain.findIndex((a) => a.level === 'Province');
        // County → province only when the report names the province and not the prefecture between.
        if (
          province >= 0 &&
          named.has(refs[province]!.code!) &&
          (prefecture < 0 || !named.has(refs[prefecture]!.code!))
        )
          emit(refOf(m), refs[province]!, first);
      }
      continue;
    }
    if (isRegionType(m.type)) {
      if (!m.parent && !m.parentCode) continue;
      const parent = parentRef(ctx, ix, m);
      if (parent) emit(refOf(m), parent, m.sentence);
      continue;
    }
    if (m.type !== 'Company' && m.type !== 'Organization' && m.type !== 'Site') continue;
    // A company, body or site: its own parent, else the place a sentence sets it in (在某镇，某安置点…),
    // else the deepest region any of its mentions holds or its name opens with, else (a site) the
    // region the report is about.
    const own = all.find((x) => x.parent || x.parentCode);
    let parent = own ? parentRef(ctx, ix, own) : undefined;
    let sentence = own?.sentence ?? m.sentence;
    const depth = (r: EntityRef): number => LEVEL_DEPTH[r.type as RegionLevel];
    let placed: EntityRef[] = [];
    for (const x of all) {
      if (parent || placed.length) break;
      placed = locativeRegion(ctx, ix, x);
      if (placed.length) sentence = x.sentence;
    }
    if (!parent) {
      let inName: EntityRef | undefined;
      let nameSentence = sentence;
      for (const x of all) {
        const r = regionInName(ix, x);
        // A firm or body called after a province or city (某省某公司) is not thereby located there.
        if (!r || depth(r) < LEVEL_DEPTH.County) continue;
        if (!inName || depth(r) > depth(inName)) {
          inName = r;
          nameSentence = x.sentence;
        }
      }
      // The places a sentence sets it in, unless its own name holds a deeper place inside them
      // (在某街道，某社区安置点); a name's place elsewhere is the owner's (在杭州市设立某县展销中心).
      const place = placed[placed.length - 1];
      if (place && (!inName || depth(inName) <= depth(place) || !inside(inName, place))) {
        for (const p of placed.slice(0, -1)) emit(refOf(m), p, sentence);
        parent = place;
      } else if (inName) {
        parent = inName;
        sentence = nameSentence;
      }
    }
    parent ??= fallbackParent(ctx, ix, m);
    if (parent) emit(refOf(m), parent, sentence);
  }
  return [...out.values()];
}

function divisionRef(d: DivisionRef): EntityRef {
  return { type: d.level, name: canonicalDivisionName(d.name), code: code12(d.code) };
}

const chainCache = new WeakMap<
  GazetteerPort,
  Map<string, { chain: readonly DivisionRef[]; refs: EntityRef[] } | null>
>();

/**
 * The ancestors of a coded division (nearest first) and their EntityRefs, from the gazetteer once per
 * code and process: divisions do not change, and most reports name the same few counties again and again.
 */
function ancestorChain(gaz: GazetteerPort, code: string): { chain: readonly DivisionRef[]; refs: EntityRef[] } | null {
  let perGazetteer = chainCache.get(gaz);
  if (!perGazetteer) chainCache.set(gaz, (perGazetteer = new Map()));
  let found = perGazetteer.get(code);
  if (found === undefined) {
    const self = divisionByCode(gaz, code) ?? divisionByCode(gaz, code.replace(/0+$/, ''));
    const chain = self ? divisionAncestors(gaz, self) : [];
    found = self ? { chain, refs: chain.map(divisionRef) } : null;
    perGazetteer.set(code, found);
  }
  return found;
}

/** The region a mention's parent names: a region mention of the document, else the gazetteer's division. */
function parentRef(ctx: DocContext, ix: RegionIndex, m: EntityMention): EntityRef | undefined {
  const byCode = m.parentCode ? code12(m.parentCode) : undefined;
  const named = byCode ? ix.firstWithCode(byCode) : ix.firstNamed(m.parent);
  if (named) return refOf(named);
  if (byCode && ctx.gazetteer) {
    const d = divisionByCode(ctx.gazetteer, byCode) ?? divisionByCode(ctx.gazetteer, byCode.replace(/0+$/, ''));
    if (d) return divisionRef(d);
  }
  return undefined;
}

/** Whether region `inner` lies inside region `outer` (by code, else by the parent its mention named). */
function inside(inner: EntityRef, outer: EntityRef): boolean {
  if (inner.code && outer.code) {
    const sig = outer.code.replace(/0+$/, '');
    const len = sig.length <= 2 ? 2 : sig.length <= 4 ? 4 : sig.length <= 6 ? 6 : 9;
    return inner.code !== outer.code && inner.code.startsWith(outer.code.slice(0, len));
  }
  return (inner as EntityRef & { parent?: string }).parent === outer.name;
}

/** Words that set what follows in a place: 在某镇, 位于某村, 落户某县. */
const LOCATIVE_BEFORE = /(?:在|位于|落户|落地|地处)$/;

/**
 * The place a sentence sets a mention in: a region chain right after 在/位于 in the mention's clause,
 * or opening the clause before it (在某街道，某安置点是…), or a region joined to it by 的 (某镇的某基地).
 */
function locativeRegion(ctx: DocContext, ix: RegionIndex, m: EntityMention): EntityRef[] {
  const found = locativeMention(ctx, ix, m);
  if (!found) return [];
  // Places joined by 和/、/及 share the site (在某镇和某镇，两地合作建设某示范场).
  const text = ctx.normalized.text;
  const out = [found];
  for (let cur = found; ;) {
    const prev = ix
      .inSentence(cur.sentence)
      .find((r) => r.type === cur.type && r.end < cur.start && /^(?:和|与|及|、)$/.test(text.slice(r.end, cur.start)));
    if (!prev) break;
    out.unshift(prev);
    cur = prev;
  }
  return out.map(refOf);
}

function locativeMention(ctx: DocContext, ix: RegionIndex, m: EntityMention): EntityMention | undefined {
  const text = ctx.normalized.text;
  const sentence = ctx.sentences[m.sentence];
  if (!sentence) return undefined;
  // The mention's clause and the one before it.
  let clauseStart = m.start;
  while (clauseStart > sentence.start && CLAUSE_BREAKS[text.charCodeAt(clauseStart - 1)] !== 1) clauseStart--;
  let prevStart = clauseStart - 1;
  while (prevStart > sentence.start && CLAUSE_BREAKS[text.charCodeAt(prevStart - 1)] !== 1) prevStart--;
  const before = ix
    .inSentence(m.sentence)
    .filter((r) => r.end <= m.start && r.start >= Math.max(prevStart, sentence.start));
  if (!before.length) return undefined;
  // Chains of adjacent regions (某县某镇某村): the deepest link stands for the chain.
  const last = before[before.length - 1]!;
  let head = last;
  for (let i = before.length - 2; i >= 0 && before[i]!.end === head.start; i--) head = before[i]!;
  const between = text.slice(last.end, m.start);
  if (between === '的' || between === '，' || between === ',') {
    if (
      LOCATIVE_BEFORE.test(text.slice(Math.max(sentence.start, head.start - 2), head.start)) ||
      between === '的' ||
      head.start === clauseStart ||
      head.start === prevStart
    )
      return last;
  }
  if (
    last.start >= clauseStart &&
    LOCATIVE_BEFORE.test(text.slice(Math.max(sentence.start, head.start - 2), head.start))
  ) {
    // 在某区设立某站: only a verb of setting up or building between the place and the mention.
    if (SET_UP.test(between)) return last;
  }
  if (m.type === 'Company') return undefined;
  // 某中心在某镇建成, 某基地位于某村: the place right after the mention.
  const post = /^(?:位于|坐落在|坐落于|建在|设在|在)/.exec(text.slice(m.end, m.end + 3));
  if (post) {
    let at = m.end + post[0].length;
    let deepest: EntityMention | undefined;
    for (let r = ix.firstStartingAt(at); r; r = ix.firstStartingAt(at)) {
      deepest = r;
      at = r.end;
    }
    if (deepest) return deepest;
  }
  // A clause 在某镇， before it sets its sites and bodies there (在某镇，某区投入资金建设某产业园).
  // (the pattern needs a 在 before the mention: most sentences have none, and skip the scan)
  const zai = m.start > sentence.start ? text.lastIndexOf('在', m.start - 1) : -1;
  const lead = zai >= sentence.start ? text.slice(sentence.start, m.start) : '';
  let opening: RegExpExecArray | undefined;
  if (lead) for (const x of lead.matchAll(/(?:^|[，,；;：:])在([^，,；;：:]{2,20})[，,]/g)) opening = x;
  if (opening) {
    const end = sentence.start + opening.index + opening[0].length - 1;
    const chain = ix.inSentence(m.sentence).filter((r) => r.end === end);
    if (chain[0]) return chain[0];
  }
  return undefined;
}

/** What may stand between a place after 在 and what is set up there (在某市区开设…). */
const SET_UP =
  /^(?:市区|城区|县城|区)?(?:[^，,；;。]{0,16}?(?:设立|设置|建立|建成|建设|成立|开设|开办|挂牌|组建|新建|打造)了?)?$/;

/**
 * The region a mention's own words name: the deepest region mention inside its span (某省某市某公司 →
 * 某市, 某县城某街道安置点 → 某街道), else the longest region name of the document its canonical name
 * starts with.
 */
function regionInName(ix: RegionIndex, m: EntityMention): EntityRef | undefined {
  let best: EntityMention | undefined;
  let restFrom = 0;
  for (const r of ix.startingWithin(m.start, m.end)) {
    if (r.start < m.start || r.end > m.end || r.end - r.start >= m.end - m.start) continue;
    if (r.start === m.start + restFrom) restFrom = r.end - m.start;
    if (!best || LEVEL_DEPTH[r.type as RegionLevel] >= LEVEL_DEPTH[best.type as RegionLevel]) best = r;
  }
  if (!best) {
    best = ix.longestNamePrefixOf(m.name);
    if (best) restFrom = best.name.length;
  }
  // What follows the leading places may open with a township's or village's stem (某县|高峰合作社 of
  // 高峰村, 某某岗安置点 of 某某岗街道, 某河景区 of 某河镇): that place is deeper.
  // Firms are often named after mountains and rivers; only sites and cooperatives are read this way.
  if (m.type === 'Company' && !/合作社$/.test(m.name)) return best ? refOf(best) : undefined;
  const rest = best && restFrom <= m.surface.length ? m.surface.slice(restFrom) : m.name;
  let byStem: EntityMention | undefined;
  for (const r of ix.stemCandidates(rest)) {
    if (best && LEVEL_DEPTH[r.type as RegionLevel] <= LEVEL_DEPTH[best.type as RegionLevel]) continue;
    const stem = r.name.replace(/(?:街道|镇|乡|村|社区)$/, '');
    if (!byStem || stem.length > byStem.name.length) byStem = r;
  }
  const found = byStem ?? best;
  // Unlisted places keep the parent their mention named, so `inside` can place them.
  return found ? { ...refOf(found), ...(found.code || !found.parent ? {} : { parent: found.parent }) } : undefined;
}

/**
 * Where a body or site with no region in its name is: 县人民医院 (the county's own hospital) is in the
 * county the report is about; so is a site named only by its own name (某某河安置点).
 */
function fallbackParent(ctx: DocContext, ix: RegionIndex, m: EntityMention): EntityRef | undefined {
  const primary = ctx.primaryRegion;
  if (!primary) return undefined;
  if (m.type === 'Site') {
    // Only where the sentence names no other place (某河、某山等安置点…): elsewhere the site is that place's.
    const code = primary.code;
    const others = ix
      .inSentence(m.sentence)
      .filter((r) => !(r.code && code && (r.code === code || code.startsWith(r.code.replace(/0+$/, '')))));
    return others.length ? undefined : primary;
  }
  if (primary.type === 'County' && /^县/.test(m.name)) return primary;
  return undefined;
}

/**
 * The LOCATED_IN relation extractor.
 * @example locatedInExtractor.extract(ctx) // 加榜乡 → 从江县, …
 */
export const locatedInExtractor: RelationExtractor = { name: 'located-in', extract: locatedIn };
