/**
 * PARTNERS_WITH relations
 *
 * Interest linkages tie a company to a program or a region: 依托某公司等龙头企业，按照“龙头企业+合作社+
 * 农户”模式…, 以“三变”资金入股某集团, 某公司带动甲村、乙村农户…, 某集团在门店设立某县专柜. A company and
 * the programs of its sentence are partners when the sentence states a linkage (依托, 入股, 合作, 联结,
 * 带动…); the company partners the villages the sentence links it to (带动/与/入股), the county it works
 * with (与某县…合作, 某县专柜, 全县…), and — when a region relies on it or puts funds in it (依托, 入股) —
 * the acting region. A sentence that opens with a bare 公司 speaks of the company named just before.
 */
import { isRegionType } from '@fupin/graph-schema';
import { relationMention } from './relation-mention.js';
import type { DocContext, EntityMention, EntityRef, RelationExtractor, RelationMention } from '../types.js';
import { refOf, subjectRegions } from './implements.js';
import { INVEST_TRIGGER_RE } from './invests.js';
import { mentionsIn } from '../doc-util.js';

/**
 * Words that state an interest linkage or cooperation between a firm and others.
 * @example PARTNER_TRIGGER_RE.test('依托黔台集团') // true; PARTNER_TRIGGER_RE.test('成立合作社') // false
 */
export const PARTNER_TRIGGER_RE =
  /依托|入股|合作(?!社)|联结|联建|带动|共建|订单|托管|结对|携手|利益联结|领办|联合打造|参与|模式|方式|签订|收购协议|保底收购|吸纳|专柜|专区/;
/** Whether a text holds a firm word ANAPHOR_RE needs (公司, 企业, 合作社). */
const hasFirmWord = (text: string): boolean =>
  text.includes('公司') || text.includes('企业') || text.includes('合作社');
// a region that relies on a firm or puts funds in it (依托某公司, 入股某集团) partners it
const RELY_BEFORE_RE = /(?:依托|入股|注入|委托|托管给|交由)[^，。；,;]{0,4}$/;
// 公司按照…, 该企业带动…: a clause that opens with a bare firm word speaks of the firm named before
const ANAPHOR_RE =
  /(?:^|[，。；：,;:\s])((?:该|这家)?(?:公司|企业|合作社))(?=按照|以|采取|采用|与|通过|带动|联结|还|在|吸纳|统一)/g;
// 某县专柜, 某县农特产品专区: a counter a firm opens for a county
const COUNTER_AFTER_RE = /^[\u4e00-\u9fff]{0,6}(?:专柜|专区|专馆|扶贫馆)/;
// 与某县…合作, 为某县…: a county named as the firm's counterpart
const WITH_BEFORE_RE = /(?:与|同|和|为|跟)$/;
// 带动甲村、乙村…, 与甲村、乙村…: the villages right after a linking word (other places and joiners aside)
const LINKED_BEFORE_RE = /(?:带动|联结|吸纳|辐射|覆盖|与|同|帮助|组织)[、和及与]*$/;
// 甲村、乙村的村民以土地入股: villages whose people take shares in the firm
const SHARES_AFTER_RE =
  /^[、和及与]*(?:等[\d一二三四五六七八九十]*个村)?的?(?:村民|农户|贫困户|群众|脱贫户)[^，。；]{0,16}(?:入股|加入|务工)/;

function clauseEndAt(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !/[，。；！？,;!?]/.test(text[i] ?? '')) i++;
  return i;
}

/** The company a bare 公司 at `at` refers to: the last one named in the three sentences before. */
function antecedent(ctx: DocContext, sentence: number): EntityMention | undefined {
  for (let k = sentence - 1; k >= 0 && k >= sentence - 3; k--) {
    const firms = mentionsIn(ctx, k).filter((m) => m.type === 'Company');
    if (firms.length) return firms.reduce((a, b) => (b.start > a.start ? b : a));
  }
  return undefined;
}

/**
 * Finds PARTNERS_WITH relations of a document.
 * @param ctx - document context with region, program and company mentions
 * @example partnersRelations(ctx) // 依托某公司，推行“公司+合作社+农户”模式 → PARTNERS_WITH 某公司 ↔ 公司+合作社+农户
 */
export function partnersRelations(ctx: DocContext): RelationMention[] {
  const out: RelationMention[] = [];
  const text = ctx.normalized.text;
  for (const s of ctx.sentences) {
    const here = mentionsIn(ctx, s.index);
    // no firm named, and no bare 公司/企业/合作社 with a firm before it to stand for: nothing to link
    // (tested before the patterns)
    if (!here.some((m) => m.type === 'Company') && (!hasFirmWord(s.text) || !antecedent(ctx, s.index))) continue;
    const invests = INVEST_TRIGGER_RE.test(s.text);
    const partnerWords = PARTNER_TRIGGER_RE.test(s.text);
    if (!partnerWords && !invests) continue;
    const companies: { ref: EntityRef; start: number; end: number; self?: EntityMention }[] = here
      .filter((m) => m.type === 'Company')
      .map((m) => ({ ref: refOf(m), start: m.start, end: m.end, self: m }));
    if (!companies.length) {
      for (const a of s.text.matchAll(ANAPHOR_RE)) {
        const prior = antecedent(ctx, s.index);
        const at = s.start + (a.index ?? 0) + a[0].indexOf(a[1] ?? '');
        if (prior) companies.push({ ref: refOf(prior), start: at, end: at + (a[1]?.length ?? 0) });
        break;
      }
    }
    if (!companies.length) continue;
    const programs = here.filter((m) => m.type === 'Program');
    // places inside a firm's or body's own name are where it comes from, not its partners
    const names = here.filter((m) => m.type === 'Company' || m.type === 'Organization' || m.type === 'Site');
    const inName = (r: EntityMention): boolean => names.some((n) => n.start <= r.start && r.end <= n.end);
    const regions = here.filter((m) => isRegionType(m.type) && m.type !== 'Province');
    const push = (source: EntityRef, target: EntityRef): void => {
      out.push(relationMention('PARTNERS_WITH', source, target, s.index, 'partners'));
    };
    const reliedOn = new Set<number>();
    companies.forEach((c, ci) => {
      for (const p of programs) push(c.ref, refOf(p));
      if (!partnerWords) return;
      const nextCompany = companies[ci + 1]?.start ?? s.end;
      const linked = new Map<string, EntityRef>();
      // villages the firm is linked to: after it (up to the next firm), or in a scene clause that opens the sentence
      const scene = /^在[^，。；]{1,20}[，,]/.exec(s.text);
      for (const r of regions) {
        if (inName(r) || (r.type !== 'Village' && r.type !== 'Township')) continue;
        let gap = text.slice(c.end, r.start);
        for (const o of regions)
          if (o.start >= c.end && o.end <= r.start) gap = gap.replace(text.slice(o.start, o.end), '');
        const after =
          r.start >= c.end &&
          r.start < nextCompany &&
          (LINKED_BEFORE_RE.test(gap) || SHARES_AFTER_RE.test(text.slice(r.end, clauseEndAt(text, r.end, s.end))));
        const inScene = ci === 0 && scene !== null && r.end <= s.start + scene[0].length && r.type === 'Village';
        if (after || inScene) linked.set(r.name, refOf(r));
      }
      // a township only when no village of it is named (带动某镇农户 vs 某镇甲村)
      for (const [name, ref] of linked) {
        if (ref.type !== 'Township') continue;
        const t = regions.find((r) => r.name === name);
        if (t && regions.some((v) => v.type === 'Village' && v.start === t.end)) linked.delete(name);
      }
      // counties: 与某县…合作 (even inside the partner's name), 某县专柜, 全县…
      for (const r of regions) {
        if (r.type !== 'County' || r.start < c.end) continue;
        const before = text.slice(Math.max(s.start, r.start - 2), r.start);
        if (WITH_BEFORE_RE.test(before) || COUNTER_AFTER_RE.test(text.slice(r.end, r.end + 8)))
          linked.set(r.name, refOf(r));
      }
      if (/与全县/.test(text.slice(c.end, s.end)) && ctx.primaryRegion && !linked.size)
        linked.set(ctx.primaryRegion.name, ctx.primaryRegion);
      // 依托某公司, 入股某集团: the acting region relies on the firm
      // 入股甲集团、乙公司: a firm listed right after one the region relies on is relied on too
      const prev = companies[ci - 1];
      const relied =
        RELY_BEFORE_RE.test(text.slice(s.start, c.start)) ||
        (prev !== undefined && reliedOn.has(ci - 1) && /^[、和及与]$/.test(text.slice(prev.end, c.start)));
      if (relied) reliedOn.add(ci);
      if (!linked.size && !invests && relied && c.self) {
        for (const r of subjectRegions(ctx, s.index, c.start, [c.self])) linked.set(r.name, r);
      }
      for (const r of linked.values()) push(c.ref, r);
    });
  }
  return out;
}

/**
 * The PARTNERS_WITH relation extractor (company ↔ program or region).
 * @example partnersExtractor.extract(ctx) // 依托某集团，推行“公司+农户”模式 → PARTNERS_WITH 某集团 ↔ 公司+农户
 */
export const partnersExtractor: RelationExtractor = { name: 'partners', extract: partnersRelations };
