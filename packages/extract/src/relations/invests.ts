/**
 * INVESTS_IN relations
 *
 * A company invests in a region when the report says it was introduced, attracted, settled or
 * built there (引进, 招商引资, 落户, 投资, 入驻, 签约). The region is where the sentence puts the
 * work (在某乡和某镇…) and the subject region of the company's clause; a place inside the company's
 * own name (宁波市某某有限公司) is where it comes from, not where it invests.
 */
import { isRegionType } from '@fupin/graph-schema';
import { isEasternCode } from '../region-names.js';
import type { DocContext, EntityRef, RelationExtractor, RelationMention } from '../types.js';
import { refOf, subjectRegions } from './implements.js';
import { numbersIn } from './numbers.js';

/**
 * Words that state an investment or an introduction of a firm.
 * @example INVEST_TRIGGER_RE.test('引进宁波某公司') // true
 */
export const INVEST_TRIGGER_RE = /引进|引入|招商引资|招引|落户|投资|入驻|签约|建厂|投产|落地|援建/;
// 在彦洞乡和平秋镇…打造: the places after 在 are where the firm works
const AT_PLACE_RE =
  /在([^，。；！？]{1,30}?)(?:联合|共同)?(?:打造|建设|建成|建立|投资|种植|发展|开展|实施|设立|落户|建)/g;

/**
 * Finds INVESTS_IN relations of a document.
 * @param ctx - document context with region and company mentions
 * @example investsRelations(ctx) // 从江县引进宁波某某食品有限公司 → INVESTS_IN 宁波某某食品有限公司 → 从江县
 */
export function investsRelations(ctx: DocContext): RelationMention[] {
  const out: RelationMention[] = [];
  for (const s of ctx.sentences) {
    if (!INVEST_TRIGGER_RE.test(s.text)) continue;
    const companies = ctx.mentions.filter((m) => m.sentence === s.index && m.type === 'Company');
    if (!companies.length) continue;
    const primaryEast = isEasternCode(ctx.primaryRegion?.code);
    const properties = numbersIn(s.text);
    for (const c of companies) {
      const targets = new Map<string, EntityRef>();
      for (const m of s.text.matchAll(AT_PLACE_RE)) {
        const a = s.start + (m.index ?? 0);
        const b = a + m[0].length;
        if (a < c.end) continue;
        for (const r of ctx.mentions) {
          if (r.sentence !== s.index || !isRegionType(r.type) || r.type === 'Province') continue;
          if (r.start < a || r.end > b) continue;
          if (r.code && isEasternCode(r.code) !== primaryEast) continue;
          targets.set(r.name, refOf(r));
        }
      }
      // an investment is in the region the report is about unless this sentence names another
      for (const r of subjectRegions(ctx, s.index, c.start, [c], false)) targets.set(r.name, r);
      for (const t of targets.values()) {
        const rel: RelationMention = {
          type: 'INVESTS_IN',
          source: refOf(c),
          target: t,
          sentence: s.index,
          extractor: 'invests',
        };
        if (Object.keys(properties).length) rel.properties = properties;
        out.push(rel);
      }
    }
  }
  return out;
}

/**
 * The INVESTS_IN relation extractor (company → region).
 * @example investsExtractor.extract(ctx) // 从江县引进某某有限公司 → INVESTS_IN 某某有限公司 → 从江县
 */
export const investsExtractor: RelationExtractor = { name: 'invests', extract: investsRelations };
