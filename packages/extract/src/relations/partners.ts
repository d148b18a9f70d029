/**
 * PARTNERS_WITH relations
 *
 * Interest linkages tie a company to a program or a region: 依托某公司等龙头企业，按照“龙头企业+合作社+
 * 农户”模式…, 以“三变”资金入股某集团. A company and the programs of its sentence are partners when the
 * sentence states a linkage (依托, 入股, 合作, 联结, 带动…); the company also partners the acting region
 * unless the sentence is about investing (then it is INVESTS_IN).
 */
import type { DocContext, RelationExtractor, RelationMention } from '../types.js';
import { refOf, subjectRegions } from './implements.js';
import { INVEST_TRIGGER_RE } from './invests.js';

/**
 * Words that state an interest linkage or cooperation between a firm and others.
 * @example PARTNER_TRIGGER_RE.test('依托黔台集团') // true; PARTNER_TRIGGER_RE.test('成立合作社') // false
 */
export const PARTNER_TRIGGER_RE =
  /依托|入股|合作(?!社)|联结|联建|带动|共建|订单|托管|结对|携手|利益联结|领办|联合打造|参与|模式|签订|收购协议|保底收购/;

/**
 * Finds PARTNERS_WITH relations of a document.
 * @param ctx - document context with region, program and company mentions
 * @example partnersRelations(ctx) // 依托某公司，推行“公司+合作社+农户”模式 → PARTNERS_WITH 某公司 ↔ 公司+合作社+农户
 */
export function partnersRelations(ctx: DocContext): RelationMention[] {
  const out: RelationMention[] = [];
  for (const s of ctx.sentences) {
    const companies = ctx.mentions.filter((m) => m.sentence === s.index && m.type === 'Company');
    if (!companies.length) continue;
    const invests = INVEST_TRIGGER_RE.test(s.text);
    if (!PARTNER_TRIGGER_RE.test(s.text) && !invests) continue;
    const programs = ctx.mentions.filter((m) => m.sentence === s.index && m.type === 'Program');
    for (const c of companies) {
      for (const p of programs) {
        out.push({
          type: 'PARTNERS_WITH',
          source: refOf(c),
          target: refOf(p),
          sentence: s.index,
          extractor: 'partners',
        });
      }
      if (invests || !PARTNER_TRIGGER_RE.test(s.text)) continue;
      for (const r of subjectRegions(ctx, s.index, c.start, [c])) {
        out.push({ type: 'PARTNERS_WITH', source: refOf(c), target: r, sentence: s.index, extractor: 'partners' });
      }
    }
  }
  return out;
}

/**
 * The PARTNERS_WITH relation extractor (company ↔ program or region).
 * @example partnersExtractor.extract(ctx) // 依托某集团，推行“公司+农户”模式 → PARTNERS_WITH 某集团 ↔ 公司+农户
 */
export const partnersExtractor: RelationExtractor = { name: 'partners', extract: partnersRelations };
