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
import { ancestorsOf, canonicalDivisionName, LEVEL_DEPTH } from '../region-names.js';
import type { DivisionRef, DocContext, EntityMention, EntityRef, RelationExtractor, RelationMention } from '../types.js';

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
  const named = new Map<string, EntityMention[]>(); // code or type:name → mentions
  const keyOf = (m: { type: string; name: string; code?: string | undefined }): string =>
    m.code ? code12(m.code) : `${m.type}:${m.name}`;
  for (const m of ctx.mentions) {
    const k = keyOf(m);
    const list = named.get(k);
    if (list) list.push(m);
    else named.set(k, [m]);
  }
  const sentenceSets = new Map<string, Set<number>>();
  const sentencesOf = (k: string): Set<number> => {
    let set = sentenceSets.get(k);
    if (!set) sentenceSets.set(k, (set = new Set((named.get(k) ?? []).map((m) => m.sentence))));
    return set;
  };
  const regions = ctx.mentions.filter((r) => isRegionType(r.type));

  /** Evidence sentence: one naming both ends if any, else the child's first mention. */
  const emit = (child: EntityRef, parent: EntityRef, fallback: number): void => {
    const rk = `${keyOf(child)}>${keyOf(parent)}`;
    if (out.has(rk) || keyOf(child) === keyOf(parent)) return;
    const both = [...sentencesOf(keyOf(child))].filter((s) => sentencesOf(keyOf(parent)).has(s));
    const sentence = both.length ? Math.min(...both) : fallback;
    out.set(rk, { type: 'LOCATED_IN', source: child, target: parent, sentence, extractor: 'located-in' });
  };

  const gaz = ctx.gazetteer;
  const seen = new Set<string>();
  for (const m of ctx.mentions) {
    const k = keyOf(m);
    if (seen.has(k)) continue;
    seen.add(k);
    const first = named.get(k)![0]!.sentence;
    if (isRegionType(m.type) && m.code && gaz) {
      const self = gaz.byCode(m.code) ?? gaz.byCode(m.code.replace(/0+$/, ''));
      if (!self) continue;
      const chain = ancestorsOf(gaz, self);
      const depth = LEVEL_DEPTH[m.type as RegionLevel];
      if (depth >= LEVEL_DEPTH.Village) {
        // A village sits in its township (named or not: the code states it).
        const town = chain[0];
        if (town) emit(refOf(m), divisionRef(town), first);
        continue;
      }
      let child: EntityRef = refOf(m);
      for (const a of chain) {
        emit(child, divisionRef(a), first);
        child = divisionRef(a);
      }
      if (m.type === 'County') {
        const prefecture = chain.find((a) => a.level === 'Prefecture');
        const province = chain.find((a) => a.level === 'Province');
        // County → province only when the report names the province and not the prefecture between.
        if (province && named.has(code12(province.code)) && (!prefecture || !named.has(code12(prefecture.code))))
          emit(refOf(m), divisionRef(province), first);
      }
      continue;
    }
    if (isRegionType(m.type)) {
      if (!m.parent && !m.parentCode) continue;
      const parent = parentRef(ctx, m);
      if (parent) emit(refOf(m), parent, m.sentence);
      continue;
    }
    if (m.type !== 'Company' && m.type !== 'Organization' && m.type !== 'Site') continue;
    // A company, body or site: its own parent, else the deepest region any of its mentions holds or its
    // name opens with, else (a site) the region the report is about.
    const all = named.get(k)!;
    const own = all.find((x) => x.parent || x.parentCode);
    let parent = own ? parentRef(ctx, own) : undefined;
    let sentence = own?.sentence ?? m.sentence;
    if (!parent) {
      for (const x of all) {
        const r = regionInName(regions, x);
        if (r && (!parent || LEVEL_DEPTH[r.type as RegionLevel] > LEVEL_DEPTH[parent.type as RegionLevel])) {
          parent = r;
          sentence = x.sentence;
        }
      }
    }
    parent ??= fallbackParent(ctx, m);
    if (parent) emit(refOf(m), parent, sentence);
  }
  return [...out.values()];
}

function divisionRef(d: DivisionRef): EntityRef {
  return { type: d.level, name: canonicalDivisionName(d.name), code: code12(d.code) };
}

/** The region a mention's parent names: a region mention of the document, else the gazetteer's division. */
function parentRef(ctx: DocContext, m: EntityMention): EntityRef | undefined {
  const byCode = m.parentCode ? code12(m.parentCode) : undefined;
  for (const r of ctx.mentions) {
    if (!isRegionType(r.type)) continue;
    if ((byCode && r.code === byCode) || (!byCode && r.name === m.parent)) return refOf(r);
  }
  if (byCode && ctx.gazetteer) {
    const d = ctx.gazetteer.byCode(byCode) ?? ctx.gazetteer.byCode(byCode.replace(/0+$/, ''));
    if (d) return divisionRef(d);
  }
  return undefined;
}

/**
 * The region a mention's own words name: the deepest region mention inside its span (某省某市某公司 →
 * 某市, 某县城某街道安置点 → 某街道), else the longest region name of the document its canonical name
 * starts with.
 */
function regionInName(regions: readonly EntityMention[], m: EntityMention): EntityRef | undefined {
  let best: EntityMention | undefined;
  for (const r of regions) {
    if (r.start < m.start || r.end > m.end || r.end - r.start >= m.end - m.start) continue;
    if (!best || LEVEL_DEPTH[r.type as RegionLevel] >= LEVEL_DEPTH[best.type as RegionLevel]) best = r;
  }
  if (best) return refOf(best);
  for (const r of regions) {
    if (!m.name.startsWith(r.name) || r.name.length >= m.name.length) continue;
    if (!best || r.name.length > best.name.length) best = r;
  }
  return best ? refOf(best) : undefined;
}

/**
 * Where a body or site with no region in its name is: 县人民医院 (the county's own hospital) is in the
 * county the report is about; so is a site named only by its own name (某某河安置点).
 */
function fallbackParent(ctx: DocContext, m: EntityMention): EntityRef | undefined {
  const primary = ctx.primaryRegion;
  if (!primary) return undefined;
  if (m.type === 'Site') return primary;
  if (primary.type === 'County' && /^县/.test(m.name)) return primary;
  return undefined;
}

/** The LOCATED_IN relation extractor. */
export const locatedInExtractor: RelationExtractor = { name: 'located-in', extract: locatedIn };
