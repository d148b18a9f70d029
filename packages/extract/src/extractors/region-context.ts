/**
 * Region context
 *
 * What a report's own naming says about which of several namesake divisions it means: the codes it
 * names without ambiguity (and the provinces they lie in), how strongly those support a candidate
 * (its ancestors are named), and the pick among a match's candidates. Split from the region extractor,
 * which reads the rest of the document.
 */
import type { RegionLevel } from '@fupin/graph-schema';
import { ancestorsOf, LEVEL_DEPTH } from '../region-names.js';
import type { DivisionRef, GazetteerMatchRef, GazetteerPort } from '../types.js';

/** How a name refers to its division: official name, listed short form, or bare stem. */
export type AliasKind = 'official' | 'short' | 'stem';

const KIND_SCORE: Record<AliasKind, number> = { official: 3, short: 2, stem: 1 };
const ANCESTOR_SUPPORT: Record<RegionLevel, number> = {
  Province: 4,
  Prefecture: 8,
  County: 12,
  Township: 6,
  Village: 0,
};

/** A division's ancestors, and the province prefix (two digits) it shares with all of them, if it does. */
interface Lineage {
  ancestors: DivisionRef[];
  province: string | undefined;
}

const lineageCache = new WeakMap<GazetteerPort, WeakMap<DivisionRef, Lineage>>();

/**
 * Ancestors of a division, cached per gazetteer and division object (a document asks for the same
 * divisions many times; the gazetteer hands out one object per division).
 */
function lineageOf(gazetteer: GazetteerPort, division: DivisionRef): Lineage {
  let cache = lineageCache.get(gazetteer);
  if (!cache) lineageCache.set(gazetteer, (cache = new WeakMap()));
  let lineage = cache.get(division);
  if (!lineage) {
    const ancestors = ancestorsOf(gazetteer, division);
    const province = division.code.slice(0, 2);
    const same = ancestors.every((a) => a.code.startsWith(province));
    cache.set(division, (lineage = { ancestors, province: same ? province : undefined }));
  }
  return lineage;
}

/**
 * The codes a document names without ambiguity, with counts, and the provinces (two-digit code
 * prefixes) they lie in: a division in none of those provinces has no named ancestor.
 * @example const c = new ContextCodes(); c.count('522633000000'); c.provinces.has('52') // true (从江县, 贵州)
 */
export class ContextCodes extends Map<string, number> {
  readonly provinces = new Set<string>();

  /** Counts one more naming of a code. */
  count(code: string): void {
    this.set(code, (this.get(code) ?? 0) + 1);
    this.provinces.add(code.slice(0, 2));
  }
}

/**
 * Codes the document names without ambiguity (one candidate division, not a bare stem), with counts;
 * then the ambiguous county-level names those codes settle. This is the context that decides the rest.
 * @example contextCodes(gaz, gaz.findAll('从江县加榜乡')).has('522633000000') // true
 */
export function contextCodes(gazetteer: GazetteerPort, matches: readonly GazetteerMatchRef[]): ContextCodes {
  const context = new ContextCodes();
  const add = (code: string): void => context.count(code);
  const pending: DivisionRef[][] = [];
  for (const m of matches) {
    // Names of counties and above, not stems; an official name outranks the same string as another
    // division's short form (台江县 ≠ 台江区's short).
    let official = false;
    let any = false;
    for (const h of m.hits) {
      if (h.aliasKind === 'stem' || LEVEL_DEPTH[h.division.level] > LEVEL_DEPTH.County) continue;
      any = true;
      if (h.aliasKind === 'official') official = true;
    }
    if (!any) continue;
    const keep = (h: GazetteerMatchRef['hits'][number]): boolean =>
      h.aliasKind !== 'stem' &&
      LEVEL_DEPTH[h.division.level] <= LEVEL_DEPTH.County &&
      (!official || h.aliasKind === 'official');
    let code: string | undefined;
    let several = false;
    for (const h of m.hits) {
      if (!keep(h)) continue;
      if (code === undefined) code = h.division.code;
      else if (h.division.code !== code) {
        several = true;
        break;
      }
    }
    if (several) pending.push(m.hits.filter(keep).map((h) => h.division));
    else if (code !== undefined) add(code);
  }
  for (const divisions of pending) {
    const scored = divisions.map((d) => ({ d, s: supportOf(gazetteer, d, context) }));
    scored.sort((a, b) => b.s - a.s);
    if (scored[0] && scored[0].s > 0 && (!scored[1] || scored[1].s < scored[0].s)) add(scored[0].d.code);
  }
  // Townships named inside those places: they settle villages of one name in several townships. The
  // best-supported township hit of a match counts when no other hit of the match has its support.
  for (const m of matches) {
    let best: DivisionRef | undefined;
    let bestSupport = 0;
    let tie = false;
    for (const h of m.hits) {
      if (h.aliasKind === 'stem' || h.division.level !== 'Township') continue;
      const support = supportOf(gazetteer, h.division, context);
      if (support <= 0) continue;
      if (!best || support > bestSupport) {
        best = h.division;
        bestSupport = support;
        tie = false;
      } else if (support === bestSupport) tie = true;
    }
    if (best && !tie) add(best.code);
  }
  return context;
}

/**
 * How strongly the document's context supports a candidate division (its ancestors named elsewhere).
 * @example supportOf(gaz, 加榜乡, contextCodes(gaz, gaz.findAll('从江县加榜乡'))) // 12 (its county is named)
 */
export function supportOf(gazetteer: GazetteerPort, division: DivisionRef, context: ContextCodes): number {
  const { ancestors, province } = lineageOf(gazetteer, division);
  if (province !== undefined && !context.provinces.has(province)) return 0;
  let support = 0;
  for (const a of ancestors) if (context.has(a.code)) support += ANCESTOR_SUPPORT[a.level];
  return support;
}

/**
 * Picks the division a match names, or undefined when the context cannot tell namesakes apart.
 * @example choose(gaz, gaz.findAll('西江镇')[0].hits, contextCodes(gaz, gaz.findAll('雷山县'))) // 西江镇 of 雷山县
 */
export function choose(
  gazetteer: GazetteerPort,
  hits: { division: DivisionRef; aliasKind: AliasKind; weak?: boolean }[],
  context: ContextCodes,
): { division: DivisionRef; kind: AliasKind; support: number; ambiguous: boolean; weak: boolean } | undefined {
  let best: { division: DivisionRef; aliasKind: AliasKind; weak?: boolean } | undefined;
  let bestSupport = 0;
  let bestScore = 0;
  let tie = false;
  for (const h of hits) {
    const support = supportOf(gazetteer, h.division, context) + (context.has(h.division.code) ? 20 : 0);
    const score = support * 10 + KIND_SCORE[h.aliasKind] * 2 + (4 - LEVEL_DEPTH[h.division.level]) * 0.1;
    if (!best || score > bestScore) {
      tie = false;
      best = h;
      bestSupport = support;
      bestScore = score;
    } else if (score === bestScore && h.division.code !== best.division.code) tie = true;
  }
  if (!best) return undefined;
  return {
    division: best.division,
    kind: best.aliasKind,
    support: bestSupport,
    ambiguous: tie,
    weak: best.weak === true,
  };
}
