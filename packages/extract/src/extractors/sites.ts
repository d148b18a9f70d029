/**
 * Site extractor
 *
 * Finds named physical sites — resettlement sites, production bases, planting points, development
 * zones (金银山街道移民安置点 style: place + name + suffix) — as phrases ending in a site suffix with
 * a left edge found by jieba tokens, and lists of resettlement sites named before a shared suffix
 * (甲、乙等7个安置点 → 甲安置点, 乙安置点). A site needs a place or a proper word: 集中安置点 and
 * 扶贫车间 alone are common nouns.
 */
import type { DocContext, EntityExtractor, EntityMention, Segmenter } from '../types.js';
import { GENERIC_NAME_WORDS, SITE_SUFFIXES } from '../lexicon/body-words.js';
import { nameStartBefore } from '../lexicon/function-words.js';
import {
  dropOverlaps,
  findSuffixNames,
  placeSpans,
  tagWithOffsets,
  type NameHit,
  type SuffixNameRule,
} from './companies.js';
import { mentionsIn } from '../doc-util.js';
import { literalTrigger, matchesIn, sentencesMatching } from './sentence-triggers.js';

const SITE_RULE: SuffixNameRule = {
  suffixes: SITE_SUFFIXES,
  maxHead: 16,
  generic: GENERIC_NAME_WORDS,
  minProper: 2,
  placeLed: true,
  // 在某镇建设香猪养殖基地: the building verb is not part of the site's name
  // 美丽乡村变景区: a verb of becoming joins two phrases, it never sits inside a name
  stopWords: new Set(['建设', '建成', '新建', '打造', '建立', '规划建设', '建起', '变', '变成', '成为', '建为']),
};
// 甲、乙等7个安置点: the names share the suffix after the count
const SITE_LIST_RE =
  /([\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})+)等(?:[\d一二三四五六七八九十百]+)?(?:个|处)?(安置点|安置小区|安置社区|基地|产业园|园区)/g;
// what every site match holds: a site suffix, or the shared suffix of a list (SITE_LIST_RE)
const SITE_TRIGGER = literalTrigger([...SITE_SUFFIXES, '安置点', '安置小区', '安置社区', '基地', '产业园', '园区']);
// product words alone before a base are industries, not a site's name (蔬菜基地)
const NEEDS_PLACE_SUFFIX_RE = /(?:基地|种植点|产业带|茶园|果园|林场|农场|牧场|加工厂|加工园|养殖场|繁育场|示范场)$/;
// words that describe what a base does (良种繁育基地, 综合种养示范基地): with a product they name one base
const BASE_FUNCTION_WORDS = new Set([
  '良种',
  '繁育',
  '育苗',
  '种苗',
  '示范',
  '加工',
  '精深加工',
  '综合',
  '种养',
  '保种',
  '脱毒',
]);
// suffixes that say what the site does (肉牛养殖示范场): a product and one more word before them name one site
const FUNCTION_SUFFIX_RE = /(?:繁育场|示范场|示范基地|加工厂|加工园|示范园)$/;
// what is done at such a site, right before its suffix (黑山羊养殖示范场, 茶叶精深加工园)
const PROCESS_WORDS = new Set(['养殖', '种植', '种养', '生产', '精深', '精制', '保种', '良种', '脱毒', '育苗', '繁育']);
// words that only grade a base (标准化, 优质; any …化): 蔬菜标准化种植基地 stays a kind of base
const BASE_WORDS = new Set([
  ...BASE_FUNCTION_WORDS,
  '高标准',
  '标准化',
  '生产',
  '种植',
  '养殖',
  '优质',
  '高效',
  '现代',
  '生态',
  '有机',
  '绿色',
  '万亩',
  '千亩',
  '百亩',
]);

/**
 * Finds the sites named in one sentence.
 * @param segmenter - jieba-backed segmenter
 * @param text - one sentence
 * @param places - spans of place names in the sentence
 * @example findSites(seg, '威宁县五里岗街道移民安置点', [[0, 3], [3, 8]]) // 威宁县五里岗街道移民安置点
 */
export function findSites(segmenter: Segmenter, text: string, places: readonly [number, number][]): NameHit[] {
  // 某村集体林场锥栗种植点: adjacent site names form one name
  const merged: NameHit[] = [];
  for (const h of findSuffixNames(segmenter, text, SITE_RULE, places)) {
    const prev = merged[merged.length - 1];
    if (prev && prev.end === h.start)
      merged[merged.length - 1] = { name: prev.name + h.name, start: prev.start, end: h.end };
    else merged.push(h);
  }
  const hits = merged.filter((h) => {
    // 国家4A级旅游景区 is a grade, not a name
    if (/[A-Za-z\d]/.test(h.name)) return false;
    if (!NEEDS_PLACE_SUFFIX_RE.test(h.name)) return true;
    if (places.some(([a, b]) => a >= h.start && b <= h.end)) return true;
    // 蔬菜基地 is a kind of base; 马铃薯良种繁育基地 names one: a product and what the base does
    const suffix = SITE_SUFFIXES.find((x) => h.name.endsWith(x)) ?? '';
    const words = tagWithOffsets(segmenter, h.name.slice(0, h.name.length - suffix.length));
    return (
      words.length >= 2 &&
      (FUNCTION_SUFFIX_RE.test(suffix)
        ? PROCESS_WORDS.has(words.at(-1)?.word ?? '')
        : words.some((w) => BASE_FUNCTION_WORDS.has(w.word))) &&
      words.some((w) => !BASE_WORDS.has(w.word) && !/化$/.test(w.word))
    );
  });
  // a list holds 、 and 等: skip its character-class scan otherwise
  const lists = text.includes('等') && text.includes('、') ? matchesIn(text, SITE_LIST_RE) : [];
  for (const m of lists) {
    const list = m[1] ?? '';
    const suffix = m[2] ?? '';
    const listStart = m.index ?? 0;
    let pos = 0;
    for (const raw of list.split('、')) {
      let at = list.indexOf(raw, pos);
      pos = at + raw.length;
      // the first item may carry the verb before it (全面完成甲、乙等): keep the name only
      const from = at === 0 ? nameStartBefore(segmenter, text, listStart + raw.length, 6) - listStart : at;
      const item = list.slice(from, at + raw.length);
      at = from;
      if (item.length < 2) continue;
      if (GENERIC_NAME_WORDS.has(item)) continue;
      hits.push({ name: item + suffix, start: listStart + at, end: listStart + at + item.length });
    }
  }
  return dropOverlaps(hits);
}

/**
 * Entity extractor for Site mentions, sentence by sentence (only the sentences holding a site suffix or 园区).
 * @example siteExtractor.extract(ctx) // 台江县萃文街道安置点 → Site 台江县萃文街道安置点
 */
export const siteExtractor: EntityExtractor = {
  name: 'sites',
  extract(ctx: DocContext): EntityMention[] {
    const out: EntityMention[] = [];
    // a name ends in a site suffix (a list in 园区): only the sentences holding one are looked at
    for (const index of sentencesMatching(ctx, SITE_TRIGGER)) {
      const s = ctx.sentences[index]!;
      const spans = placeSpans(ctx, index);
      const taken = mentionsIn(ctx, index).filter(
        (m) =>
          m.type !== 'Township' &&
          m.type !== 'Village' &&
          m.type !== 'County' &&
          m.type !== 'Prefecture' &&
          m.type !== 'Province',
      );
      for (const h of findSites(ctx.segmenter, s.text, spans)) {
        const start = s.start + h.start;
        const end = s.start + h.end;
        // a program may stand inside a site's name after its place (南坪易地扶贫搬迁安置区), never open it
        const inside = (m: EntityMention): boolean => m.type === 'Program' && start < m.start && m.end < end;
        if (taken.some((m) => start < m.end && m.start < end && !inside(m))) continue;
        out.push({
          type: 'Site',
          name: h.name,
          surface: s.text.slice(h.start, h.end),
          start,
          end,
          sentence: index,
          extractor: 'sites',
        });
      }
    }
    return out;
  },
};
