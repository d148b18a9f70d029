/**
 * INVESTS_IN relations
 *
 * A company invests in a region when the report says it was introduced, attracted, settled or
 * built there (引进, 招商引资, 落户, 投资, 入驻, 签约). The region is where the sentence puts the
 * work (在某乡和某镇…) and the subject region of the company's clause; a place inside the company's
 * own name (宁波市某某有限公司) is where it comes from, not where it invests.
 */
import { isRegionType } from '@fupin/graph-schema';
import { isEastern as isEasternCode } from './char-tables.js';
import { relationMention } from './relation-mention.js';
import type { DocContext, EntityRef, RelationExtractor, RelationMention } from '../types.js';
import { refOf, subjectRegions } from './implements.js';
import { numbersIn } from './numbers.js';
import { mentionsIn } from '../doc-util.js';

/**
 * Words that state an investment or an introduction of a firm.
 * @example INVEST_TRIGGER_RE.test('引进宁波某公司') // true
 */
export const INVEST_TRIGGER_RE = /引进|引入|招商引资|招引|落户|投资|入驻|签约|建厂|投产|落地|援建/;
// 某公司在某镇建设油茶基地: a firm that builds somewhere invests there (only when the firm comes first)
const BUILDS_AT_RE = /^[^，。；]{0,6}在[^，。；]{1,20}(?:建设|建成|新建|投建|兴建|建起|开办|创办)/;
// 甲公司与乙公司合作: the firm after 与 is the partner, not the investor
const PARTNER_BEFORE_RE = /(?:与|同|跟)$/;
// 落户官舟镇, 入驻某开发区: the place right after a settling verb
const SETTLES_IN_RE = /(?:落户|入驻|落地|扎根|进驻|投资)(?:到|于|在)?$/;
// 投资1.5亿元打造甲村、乙村…: villages right after an investment and a building verb
const BUILDS_IN_RE = /投资[\d.]+\s*(?:万|亿)?元?(?:在)?(?:打造|建设|建成|新建|改造|开发)[、和及与]*$/;
// 在甲乡和乙镇…打造: the places after 在 are where the firm works
const AT_PLACE_RE =
  /在([^，。；！？]{1,30}?)(?:联合|共同)?(?:打造|建设|建成|建立|投资|种植|发展|开展|实施|设立|落户|建)/g;

/**
 * Finds INVESTS_IN relations of a document.
 * @param ctx - document context with region and company mentions
 * @example investsRelations(ctx) // 从江县引进宁波某某食品有限公司 → INVESTS_IN 宁波某某食品有限公司 → 从江县
 */
export function investsRelations(ctx: DocContext): RelationMention[] {
  const out: RelationMention[] = [];
  const text = ctx.normalized.text;
  for (const s of ctx.sentences) {
    const here = mentionsIn(ctx, s.index);
    // only a firm of the sentence invests: most sentences name none, and skip the patterns
    if (!here.some((m) => m.type === 'Company')) continue;
    const classic = INVEST_TRIGGER_RE.test(s.text);
    if (!classic && !/在[^，。；]{1,20}建/.test(s.text)) continue;
    const all = here.filter((m) => m.type === 'Company');
    const companies = all.filter(
      (c) =>
        (classic || BUILDS_AT_RE.test(text.slice(c.end, s.end))) &&
        !(PARTNER_BEFORE_RE.test(text.slice(s.start, c.start)) && all.some((o) => o.end <= c.start)),
    );
    if (!companies.length) continue;
    const primaryEast = isEasternCode(ctx.primaryRegion?.code);
    const properties = numbersIn(s.text);
    for (const c of companies) {
      const targets = new Map<string, EntityRef>();
      for (const m of s.text.matchAll(AT_PLACE_RE)) {
        const a = s.start + (m.index ?? 0);
        const b = a + m[0].length;
        if (a < c.end) continue;
        for (const r of here) {
          if (!isRegionType(r.type) || r.type === 'Province') continue;
          if (r.start < a || r.end > b) continue;
          if (r.code && isEasternCode(r.code) !== primaryEast) continue;
          targets.set(r.name, refOf(r));
        }
      }
      // 落户某镇, 投资…打造甲村、乙村: places right after the firm's settling or building words
      for (const r of here) {
        if (!isRegionType(r.type) || r.type === 'Province' || r.start < c.end) continue;
        if (r.code && isEasternCode(r.code) !== primaryEast) continue;
        let gap = text.slice(c.end, r.start);
        for (const o of here)
          if (isRegionType(o.type) && o.start >= c.end && o.end <= r.start)
            gap = gap.replace(text.slice(o.start, o.end), '');
        if (SETTLES_IN_RE.test(gap) || BUILDS_IN_RE.test(gap.replace(/^[^，,]*[，,]/, '')))
          targets.set(r.name, refOf(r));
      }
      // a township right before one of its villages (丹江镇羊排村): the village is the place
      for (const t of [...targets.values()]) {
        if (t.type !== 'Township') continue;
        const tm = here.find((m) => m.name === t.name && m.type === 'Township');
        const v = tm && here.find((m) => m.type === 'Village' && m.start === tm.end);
        if (v && targets.has(v.name)) targets.delete(t.name);
      }
      // an investment is in the region the report is about unless this sentence names another
      for (const r of subjectRegions(ctx, s.index, c.start, [c], false)) targets.set(r.name, r);
      for (const t of targets.values()) {
        out.push(relationMention('INVESTS_IN', refOf(c), t, s.index, 'invests', properties));
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
