/**
 * DEVELOPS relations
 *
 * An industry named in a report is developed by the region acting in that clause: 从江县发展香猪产业,
 * 某乡香葱基地, or — in the many sentences that leave the subject out (全县种植刺梨12万亩) — the county
 * the report is about. The subject comes from {@link subjectRegions}; the figures of the clause
 * (亩, 户, 万元) are kept as properties.
 */
import { relationMention } from './relation-mention.js';
import type { DocContext, RelationExtractor, RelationMention } from '../types.js';
import { clauseEnd, clauseStart, refOf, subjectRegions } from './implements.js';
import { numbersIn } from './numbers.js';
import { mentionsIn } from '../doc-util.js';

/**
 * Finds DEVELOPS relations: each Industry mention is developed by the subject region at its place.
 * @param ctx - document context with region and industry mentions
 * @example developsRelations(ctx) // 台江县种植油茶5万亩 → DEVELOPS 台江县 → 油茶 { mu: 50000 }
 */
export function developsRelations(ctx: DocContext): RelationMention[] {
  const out: RelationMention[] = [];
  const text = ctx.normalized.text;
  for (const m of ctx.mentions) {
    if (m.type !== 'Industry') continue;
    const s = ctx.sentences[m.sentence];
    if (!s) continue;
    // the figure right after the product is its own (马铃薯65万亩、蔬菜30万亩): read up to the next 、 or clause end
    const end = Math.min(clauseEnd(text, s.end, m.end), nextListBreak(text, m.end, s.end));
    const properties = numbersIn(text.slice(m.start, end));
    // a place inside a firm's or body's name is not the grower (某县某某专业合作社，建成茶叶基地); a site's place is
    const names = mentionsIn(ctx, m.sentence).filter((n) => n.type === 'Company' || n.type === 'Organization');
    for (const region of subjectRegions(ctx, m.sentence, m.start, names)) {
      const start = clauseStart(text, s.start, m.start);
      const end = clauseEnd(text, s.end, m.end);
      out.push(relationMention('DEVELOPS', region, refOf(m), m.sentence, 'develops', properties, start, end));
    }
  }
  return out;
}

function nextListBreak(text: string, from: number, limit: number): number {
  const i = text.indexOf('、', from);
  return i < 0 || i > limit ? limit : i;
}

/**
 * The DEVELOPS relation extractor (region → industry).
 * @example developsExtractor.extract(ctx) // 台江县种植油茶5万亩 → DEVELOPS 台江县 → 油茶
 */
export const developsExtractor: RelationExtractor = { name: 'develops', extract: developsRelations };
