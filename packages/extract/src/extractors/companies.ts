/**
 * Company extractor
 *
 * Finds named enterprises, groups, cooperatives and state companies: phrases ending in a company
 * suffix (有限公司, 集团, 合作社, 农投…) whose left edge is found by walking jieba tokens back to a
 * verb, preposition or punctuation (a leading place name stays: 宁波市某某食品有限公司), lists of
 * introduced firms without suffix (引进甲、乙等9家企业), and the national carriers named by short
 * form next to 运营商. Re-exports the suffix-name finder (suffix-names.ts) that organizations and sites share.
 */
import type { DocContext, EntityExtractor, EntityMention, Segmenter } from '../types.js';
import { COMPANY_SUFFIXES, GENERIC_NAME_WORDS, NATIONAL_COMPANIES } from '../lexicon/body-words.js';
import { mentionsIn } from '../doc-util.js';
import { tagWithOffsets } from './tagged-tokens.js';
import { dropOverlaps, findSuffixNames, type NameHit, type SuffixNameRule } from './suffix-names.js';
import { literalTrigger, matchesIn, sentencesMatching } from './sentence-triggers.js';

export { tagWithOffsets, type Token } from './tagged-tokens.js';
export { dropOverlaps, findSuffixNames, type NameHit, type SuffixNameRule } from './suffix-names.js';

const COMPANY_RULE: SuffixNameRule = {
  suffixes: COMPANY_SUFFIXES,
  maxHead: 18,
  generic: GENERIC_NAME_WORDS,
  minProper: 2,
  allowInside: new Set(['和', '新']),
};
// 引进甲、乙、丙等9家企业: the listed firms have no suffix
const INTRODUCED_LIST_RE =
  /(?:引进|引入|招引|吸引|签约|落户)(?:了)?([\u4e00-\u9fff、]{2,60}?)等(?:[\d一二三四五六七八九十百]+)?(?:家|个)?(?:企业|公司|龙头企业)/g;
const nationalCompany = new Map<string, string>();
for (const [canonical, ...short] of NATIONAL_COMPANIES) {
  if (!canonical) continue;
  nationalCompany.set(canonical, canonical);
  for (const s of short) nationalCompany.set(s, canonical);
}
const CARRIER_LIST_RE =
  /((?:中国)?(?:移动|联通|电信)(?:[、和及与](?:中国)?(?:移动|联通|电信))+)(?:等)?[两三]大(?:通信)?运营商/g;
const NATIONAL_FULL_RE = new RegExp(
  NATIONAL_COMPANIES.map((v) => v[0])
    .filter((s) => s && s.length > 2)
    .join('|'),
  'g',
);

/**
 * Finds the companies named in one sentence.
 * @param segmenter - jieba-backed word cutter
 * @param text - one sentence
 * @param places - spans of place names in the sentence
 * @example findCompanies(seg, '台江县引进杭州某某食品有限公司', []) // 杭州某某食品有限公司
 */
export function findCompanies(segmenter: Segmenter, text: string, places: readonly [number, number][]): NameHit[] {
  const hits = findSuffixNames(segmenter, text, COMPANY_RULE, places).filter((h) => {
    // 服饰有限公司, 食品公司: one common noun before the suffix names a trade, not a firm
    if (places.some(([a, b]) => a >= h.start && b <= h.end)) return true;
    const suffix = COMPANY_SUFFIXES.find((x) => h.name.endsWith(x)) ?? '';
    const head = tagWithOffsets(segmenter, h.name.slice(0, h.name.length - suffix.length));
    return !(head.length === 1 && /^(?:n|vn)$/.test(head[0]?.tag ?? '') && (head[0]?.word.length ?? 0) <= 2);
  });
  for (const m of matchesIn(text, INTRODUCED_LIST_RE)) {
    const list = m[1] ?? '';
    const listStart = (m.index ?? 0) + m[0].indexOf(list);
    let pos = 0;
    for (const item of list.split('、')) {
      const at = list.indexOf(item, pos);
      pos = at + item.length;
      if (item.length >= 2 && item.length <= 12 && !GENERIC_NAME_WORDS.has(item)) {
        hits.push({ name: item, start: listStart + at, end: listStart + at + item.length });
      }
    }
  }
  for (const m of matchesIn(text, CARRIER_LIST_RE)) {
    const list = m[1] ?? '';
    const listStart = m.index ?? 0;
    for (const s of matchesIn(list, /(?:中国)?(?:移动|联通|电信)/g)) {
      const at = listStart + (s.index ?? 0);
      hits.push({ name: nationalCompany.get(s[0]) ?? s[0], start: at, end: at + s[0].length });
    }
  }
  for (const m of matchesIn(text, NATIONAL_FULL_RE)) {
    hits.push({ name: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  // 某某有限公司威宁分公司: a branch right after its company is part of it
  const kept = dropOverlaps(hits);
  return kept.filter((h, i) => !(i > 0 && kept[i - 1]?.end === h.start && /分公司$|子公司$/.test(h.name)));
}

const REGION_TYPES = new Set<string>(['Province', 'Prefecture', 'County', 'Township', 'Village']);

/**
 * Spans (local to sentence `index`) of the region mentions found so far, for place-aware name finding.
 * @param ctx - document context
 * @param index - sentence index
 * @example placeSpans(ctx, 0) // [[2, 5]] for 从江县 at offset 2
 */
export function placeSpans(ctx: DocContext, index: number): [number, number][] {
  const s = ctx.sentences[index];
  if (!s) return [];
  const spans: [number, number][] = [];
  for (const m of mentionsIn(ctx, index))
    if (REGION_TYPES.has(m.type)) spans.push([m.start - s.start, m.end - s.start]);
  return spans;
}

// What every company match holds: a suffix, 企业 (the introduced list), 运营商 (the carriers) or a national name
const COMPANY_TRIGGER = literalTrigger([
  ...COMPANY_SUFFIXES,
  '企业',
  '运营商',
  ...NATIONAL_COMPANIES.map((v) => v[0] ?? '').filter((s) => s.length > 2),
]);

/**
 * Entity extractor for Company mentions, sentence by sentence (only the sentences a scan of the whole text
 * finds a suffix, 企业, 运营商 or a national firm in; see sentence-triggers). Names inside a program's quotes
 * (“龙头企业+合作社+农户”) are left to the program.
 * @example companyExtractor.extract(ctx) // 从江县引进宁波某某食品有限公司 → Company 宁波某某食品有限公司
 */
export const companyExtractor: EntityExtractor = {
  name: 'companies',
  extract(ctx: DocContext): EntityMention[] {
    const out: EntityMention[] = [];
    for (const index of sentencesMatching(ctx, COMPANY_TRIGGER)) {
      const s = ctx.sentences[index]!;
      const spans = placeSpans(ctx, index);
      const programs = mentionsIn(ctx, index).filter((m) => m.type === 'Program');
      for (const h of findCompanies(ctx.segmenter, s.text, spans)) {
        const start = s.start + h.start;
        const end = s.start + h.end;
        if (programs.some((p) => start < p.end && p.start < end)) continue;
        out.push({
          type: 'Company',
          name: h.name,
          surface: s.text.slice(h.start, h.end),
          start,
          end,
          sentence: index,
          extractor: 'companies',
        });
      }
    }
    return out;
  },
};
