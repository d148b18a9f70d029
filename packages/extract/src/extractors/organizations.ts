/**
 * Organization extractor
 *
 * Finds named public bodies that are not regions — bureaus, offices, hospitals, universities,
 * banks, centres (榕江供电局 style, 县人民医院, 国务院扶贫办, 西南林业大学) — as phrases ending in a
 * body suffix with a left edge found by jieba tokens. A name needs a proper part or a place
 * (安监站, 便民服务中心 alone are common nouns); a chain of bodies (省扶贫办贫困监测中心) is one name.
 */
import type { DocContext, EntityExtractor, EntityMention } from '../types.js';
import { GENERIC_NAME_WORDS, ORGANIZATION_SUFFIXES } from '../lexicon/body-words.js';
import { dropOverlaps, findSuffixNames, placeSpans, type NameHit, type SuffixNameRule } from './companies.js';
import type { Segmenter } from '../types.js';
import { mentionsIn } from '../doc-util.js';
import { literalTrigger, sentencesMatching } from './sentence-triggers.js';

const REGION_TYPES = new Set<string>(['Province', 'Prefecture', 'County', 'Township', 'Village']);
const ORGANIZATION_TRIGGER = literalTrigger(ORGANIZATION_SUFFIXES);
const ORGANIZATION_RULE: SuffixNameRule = {
  suffixes: ORGANIZATION_SUFFIXES,
  maxHead: 12,
  generic: GENERIC_NAME_WORDS,
  minProper: 3,
  placeLed: true,
  // 人力资源和社会保障局: 和 joins two fields inside one bureau's name
  allowInside: new Set(['和']),
};
// sales outlets and counters are places of trade, not public bodies
const TRADE_ENDING_RE = /(?:展销|展示|销售|物流|集配|配送|仓储|冷链|电商|购物|商贸|体验|批发)中心$/;
// Heads that stay common nouns even with three characters (村委会, 党支部 are not bodies' names)
const GENERIC_BODY_RE =
  /^(?:村|社区|居|党|支部|党支部|基层|乡镇|各|该|本|其|有关|相关|上级|省级|市级|县级|国家级|工作|派出|服务|便民|政务|合作|专业|扶贫)/;
// hospital and school grades (二级甲等, 三甲, 省级示范): what kind of body, not which one
const GRADE_RE = /^(?:[一二三]级)?(?:[甲乙丙]等|[一二三][甲乙])$|^(?:国家|省|市|县)级(?:示范|重点)?$/;
// 籍 after a place (某县籍) speaks of people from there; 户籍, 学籍 are fields of a body
const NATIVE_OF_RE = /[^户学党国书]籍/;
// single-character suffixes are only taken after a word that names a field (供电局, 林业站, 扶贫办)
const SHORT_SUFFIX_RE = /^(?:局|厅|办|站|所|署)$/;
// ranks and titles that mark a person, not a body: 扶贫办主任, 局长
const PERSON_AFTER_RE = /^(?:长|主任|书记|负责人|干部|工作人员|职工)/;

/**
 * Finds the organizations named in one sentence.
 * @param segmenter - jieba-backed word cutter
 * @param text - one sentence
 * @param places - spans of place names in the sentence
 * @example findOrganizations(seg, '从江县人民医院与杭州市第一人民医院签约', [[0, 3]]) // 从江县人民医院, 杭州市第一人民医院
 */
export function findOrganizations(segmenter: Segmenter, text: string, places: readonly [number, number][]): NameHit[] {
  const raw = findSuffixNames(segmenter, text, ORGANIZATION_RULE, places).filter((h) => {
    const suffix = ORGANIZATION_SUFFIXES.find((s) => h.name.endsWith(s)) ?? '';
    const head = h.name.slice(0, h.name.length - suffix.length);
    if (GENERIC_BODY_RE.test(head) && !places.some(([a]) => a === h.start)) return false;
    if (SHORT_SUFFIX_RE.test(suffix) && head.length < 2) return false;
    if (TRADE_ENDING_RE.test(h.name)) return false;
    // 某县各乡镇卫生院: a quantifier makes it a set of bodies, not one
    if (/各|每个|所有|全部/.test(head)) return false;
    // 二级甲等医院, 三甲医院: a hospital grade, not a hospital's name
    if (GRADE_RE.test(head)) return false;
    // 某县籍务工人员服务站: people from a place, a kind of service, not one body's name
    if (NATIVE_OF_RE.test(head)) return false;
    const placeLed = places.some(([a]) => a === h.start) || /^(?:省|市|州|县|区|乡|镇)/.test(h.name);
    // 卫生室和学校: 和 stays inside a name only after a place (某区人力资源和社会保障局)
    if (h.name.includes('和') && !placeLed) return false;
    // 中小学, 卫生院 alone: too short to name one body
    if (h.name.length <= 3 && !placeLed && !/科院$/.test(h.name)) return false;
    // a work team is a body only as 某区驻某县工作组 (驻村工作队 is a common noun)
    if (/工作[组队]$/.test(h.name) && !/.{2,}驻.{2,}工作[组队]$/.test(h.name)) return false;
    return true;
  });
  // 省扶贫办贫困监测中心: adjacent bodies form one name
  const merged: NameHit[] = [];
  for (const h of raw.sort((a, b) => a.start - b.start)) {
    const prev = merged[merged.length - 1];
    // 某大学医学院附属第一医院: an affiliated hospital belongs to the body just before (a unit between them may be unnamed)
    if (prev && h.name.startsWith('附属') && /^[\u4e00-\u9fff]{0,4}$/.test(text.slice(prev.end, h.start))) {
      merged[merged.length - 1] = { name: text.slice(prev.start, h.end), start: prev.start, end: h.end };
      continue;
    }
    if (prev && prev.end === h.start) {
      merged[merged.length - 1] = { name: prev.name + h.name, start: prev.start, end: h.end };
    } else merged.push(h);
  }
  return dropOverlaps(merged);
}

/**
 * Entity extractor for Organization mentions, sentence by sentence (only the sentences holding a body suffix).
 * @example organizationExtractor.extract(ctx) // 威宁县乡村振兴局局长… → Organization 威宁县乡村振兴局
 */
export const organizationExtractor: EntityExtractor = {
  name: 'organizations',
  extract(ctx: DocContext): EntityMention[] {
    const out: EntityMention[] = [];
    // a name ends in a body suffix: only the sentences holding one are looked at
    for (const index of sentencesMatching(ctx, ORGANIZATION_TRIGGER)) {
      const s = ctx.sentences[index]!;
      const spans = placeSpans(ctx, index);
      const taken = mentionsIn(ctx, index).filter((m) => !REGION_TYPES.has(m.type));
      for (const h of findOrganizations(ctx.segmenter, s.text, spans)) {
        const start = s.start + h.start;
        const end = s.start + h.end;
        if (taken.some((m) => start < m.end && m.start < end)) continue;
        if (PERSON_AFTER_RE.test(s.text.slice(h.end)) && h.name.length <= 3) continue;
        // “互联网医院”: a quoted phrase is a slogan or program, not a body's name
        if (/[“"‘]/.test(s.text[h.start - 1] ?? '') && /[”"’]/.test(s.text[h.end] ?? '')) continue;
        out.push({
          type: 'Organization',
          name: h.name,
          surface: h.name,
          start,
          end,
          sentence: index,
          extractor: 'organizations',
        });
      }
    }
    return out;
  },
};
