/**
 * Company extractor
 *
 * Finds named enterprises, groups, cooperatives and state companies: phrases ending in a company
 * suffix (有限公司, 集团, 合作社, 农投…) whose left edge is found by walking jieba tokens back to a
 * verb, preposition or punctuation (a leading place name stays: 宁波市某某食品有限公司), lists of
 * introduced firms without suffix (引进甲、乙等9家企业), and the national carriers named by short
 * form next to 运营商. Also exports the suffix-name finder that organizations and sites share.
 */
import type { DocContext, EntityExtractor, EntityMention, Segmenter } from '../types.js';
import { FUNCTION_WORDS, INTRODUCING_VERBS, isNameBoundary } from '../lexicon/function-words.js';
import {
  COMPANY_SUFFIXES,
  GENERIC_NAME_WORDS,
  LEVEL_WORDS,
  NAME_VERBS,
  NATIONAL_COMPANIES,
  SUFFIX_LOOKALIKES,
} from '../lexicon/body-words.js';
import { mentionsIn } from '../doc-util.js';
import {
  endsAt,
  firstStartingAt,
  holdingBefore,
  indexTokens,
  oneCharWordAt,
  tagWithOffsets,
  wordTokens,
  WordsMismatch,
  type Token,
} from './tagged-tokens.js';

export { tagWithOffsets, type Token } from './tagged-tokens.js';
import { literalTrigger, matchesIn, sentencesMatching } from './sentence-triggers.js';

/**
 * A name found in one sentence, offsets local to the sentence.
 * @example { name: '黔台集团', start: 4, end: 8 }
 */
export interface NameHit {
  name: string;
  start: number;
  end: number;
}

/**
 * How {@link findSuffixNames} finds names of one kind.
 * @example { suffixes: ['有限公司'], maxHead: 18, generic: new Set(['农民']), minProper: 2 }
 */
export interface SuffixNameRule {
  suffixes: readonly string[];
  /** Longest part before the suffix. */
  maxHead: number;
  /** Words (besides places and level words) that do not count as a proper part of the name. */
  generic: ReadonlySet<string>;
  /** Proper characters a name needs before its suffix, unless it holds a place name. */
  minProper: number;
  /** Accept a name made of a place (or level word) and a generic body: 县人民医院. */
  placeLed?: boolean;
  /** Words that end a name of this kind although names of other kinds hold them (建设 before a site). */
  stopWords?: ReadonlySet<string>;
  /** Function words allowed inside names of this kind (和 in 九和食品). */
  allowInside?: ReadonlySet<string>;
}

const suffixRegexCache = new Map<readonly string[], RegExp>();
function suffixRegex(suffixes: readonly string[]): RegExp {
  let re = suffixRegexCache.get(suffixes);
  if (!re) {
    re = new RegExp(`(?:${[...suffixes].sort((a, b) => b.length - a.length).join('|')})`, 'g');
    suffixRegexCache.set(suffixes, re);
  }
  return re;
}

const suffixEndRegexCache = new Map<readonly string[], RegExp>();
// whether a text ends in one of the suffixes (one test instead of an endsWith per suffix)
function suffixEndRegex(suffixes: readonly string[]): RegExp {
  let re = suffixEndRegexCache.get(suffixes);
  if (!re) {
    re = new RegExp(`(?:${suffixes.join('|')})$`);
    suffixEndRegexCache.set(suffixes, re);
  }
  return re;
}
// a numeral word (一百, 20) is never a proper part of a name
const NUMBER_RE = /^[\d一二三四五六七八九十百千万]+$/;

/**
 * Finds names that end in one of `rule.suffixes`, with a left edge at the nearest boundary word
 * and enough proper (non-generic) characters to be a name rather than a common noun.
 * @param segmenter - jieba-backed word cutter
 * @param text - one sentence
 * @param rule - suffixes, head length and generic words of the kind
 * @param places - spans of place names in the sentence (a name holding one is proper)
 * @example findSuffixNames(seg, '引进宁波甬丰农业发展有限公司', companyRule, []) // 宁波甬丰农业发展有限公司
 */
export function findSuffixNames(
  segmenter: Segmenter,
  text: string,
  rule: SuffixNameRule,
  places: readonly [number, number][],
): NameHit[] {
  // suffixes that are not a lookalike (格局, 举办): decided on the characters alone, before any tagging
  let found: RegExpExecArray[] | undefined;
  const re = suffixRegex(rule.suffixes);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 1 && SUFFIX_LOOKALIKES.has(text.slice(m.index - 1, m.index + 1))) continue;
    (found ??= []).push(m);
  }
  re.lastIndex = 0;
  if (!found) return [];
  // the words of a cut, tagged only where the walk reads a tag; the whole text is tagged if a word cannot be
  try {
    if (typeof segmenter.tagWords !== 'function')
      return namesAt(segmenter, text, rule, places, found, wordTokens(segmenter, text));
    // the walk skips a suffix no word of the cut ends with (公司化): decided on the cut's words alone,
    // so that a sentence with no other suffix (所有, 办理) makes no tokens
    const ending = suffixesEndingWords(text, segmenter.cut(text), found);
    return ending.length === 0 ? [] : namesAt(segmenter, text, rule, places, ending, wordTokens(segmenter, text));
  } catch (e) {
    if (!(e instanceof WordsMismatch)) throw e;
    return namesAt(segmenter, text, rule, places, found, tagWithOffsets(segmenter, text));
  }
}

/** The suffixes found (in text order) that the walk does not skip at once: a word of the cut ends with them, or 局局长. */
function suffixesEndingWords(
  text: string,
  words: readonly string[],
  found: readonly RegExpExecArray[],
): readonly RegExpExecArray[] {
  let kept: RegExpExecArray[] | undefined;
  let pos = 0;
  let w = 0;
  for (const m of found) {
    const end = m.index + m[0].length;
    while (w < words.length && pos < end) pos += words[w++]!.length;
    if (pos !== end) {
      const next = text.slice(end, end + 2);
      if (!(next.startsWith(m[0]) && next.endsWith('长'))) continue;
    }
    (kept ??= []).push(m);
  }
  return kept ?? [];
}

/** The walk of findSuffixNames from each suffix found, over the text's tokens. */
function namesAt(
  segmenter: Segmenter,
  text: string,
  rule: SuffixNameRule,
  places: readonly [number, number][],
  found: readonly RegExpExecArray[],
  tokens: readonly Token[],
): NameHit[] {
  const at = indexTokens(tokens);
  const hits: NameHit[] = [];
  for (const m of found) {
    const suffixStart = m.index;
    const end = suffixStart + m[0].length;
    // 公司化: the suffix runs into another word; 局局长 is the body's head, so it still counts
    const next = text.slice(end, end + 2);
    if (!endsAt(tokens, at, end) && !(next.startsWith(m[0]) && next.endsWith('长'))) continue;
    let start = suffixStart;
    let chained = false;
    let knownBody = false;
    // jieba often keeps the suffix inside a word (供电局, 林业大学): walk from the word holding the head's last char
    for (let i = holdingBefore(at, suffixStart); i >= 0; i--) {
      const t = tokens[i];
      if (!t || suffixStart - t.start > rule.maxHead) break;
      const part = text.slice(t.start, Math.min(t.end, suffixStart));
      // words of a place name are never boundaries (岚/关/乡 may be tagged as a verb)
      if (places.some(([a, b]) => a <= t.start && t.end <= b)) {
        start = t.start;
        continue;
      }
      // 和 may sit inside a firm's name (九和食品) but then joins one-character words only
      // (bodies join two fields: 人力资源和社会保障局)
      const prev = tokens[i - 1];
      const inside =
        rule.allowInside?.has(part) &&
        !places.some(([a, b]) => a <= (prev?.start ?? -1) && (prev?.end ?? -1) <= b) &&
        ((prev?.word.length ?? 0) === 1 ||
          (rule.placeLed === true && (prev?.word.length ?? 0) >= 2 && (prev?.tag.startsWith('n') ?? false)));
      // 农业发展有限公司: verbs names are made of stay inside (a leading one is dropped below)
      // 2亿元建设加工厂, 12个合作社: an amount or a measure word is never part of a name
      if (/[元亿万亩吨%]|^[\d.]+$/.test(part) && t.tag === 'm') break;
      // 2020年某景区, 6日某县融媒体中心: the end of a date is never the start of a name
      if (t.tag === 'm' && DATE_END_RE.test(part)) break;
      // 专家团队帮扶某县人民医院: a help verb before a place-led name ends it (the helper is not part of the name)
      if (HELP_VERBS_RE.test(part) && places.some(([a]) => a === start)) break;
      if (t.tag === 'q' && t.end <= suffixStart && tokens[i - 1]?.tag === 'm') break;
      if (isNameBoundary(part) && !inside && !NAME_VERBS.has(part) && !NAME_VERBS.has(part.slice(-2))) break;
      // a plain verb ends the name (考上, 部署), except the verbs names are made of (扶贫办, 振兴局)
      // (one-character 'verbs' are mostly name characters jieba does not know: 华统, 甬丰)
      if (t.tag === 'v' && t.word.length > 1 && t.end <= suffixStart && !NAME_VERBS.has(t.word)) break;
      if (rule.stopWords?.has(part)) break;
      // 督办, 举办: a one-character suffix glued into a two-character verb
      if (t.end === end && t.start < suffixStart && t.word.length === 2 && m[0].length === 1) break;
      // another name ends right here (甲公司乙公司, 供电局配电所): this one starts after it
      if (start !== suffixStart && suffixEndRegex(rule.suffixes).test(part)) {
        chained = true;
        break;
      }
      if (t.tag === 'nt' && t.end >= suffixStart) knownBody = true;
      start = t.start;
    }
    // jieba may glue a place's first character to the word before it (与从|江县): start at the place
    const cut = places.find(([a, b]) => a < start && start < b);
    if (cut) start = cut[0];
    // jieba glues verbs to the next word (组织移动): drop a leading introducing verb
    const atPlace = (): boolean => places.some(([a]) => a === start);
    while (start < suffixStart && !atPlace() && LEADING_VERBS.test(text.slice(start, start + 2))) start += 2;
    // a function word only when jieba cut it as a word of its own (将|台堡 is not 将台堡)
    const ownWord = (from: number): boolean => oneCharWordAt(tokens, at, from) !== undefined;
    while (start < suffixStart && !atPlace() && FUNCTION_WORDS.has(text[start] ?? '') && ownWord(start)) start += 1;
    // 经劳务工作站推荐: a one-character preposition jieba keeps as a word of its own
    while (start < suffixStart && LEADING_PREPOSITIONS.has(oneCharWordAt(tokens, at, start)?.word ?? '')) start += 1;
    if (start >= suffixStart) continue;
    // a one-character suffix follows a noun (林业站, 扶贫办), never an adverb or particle (即可办)
    const lastHead = tokens[holdingBefore(at, suffixStart)];
    // 卫健局, 发改局, 住建局: two one-character words abbreviate two fields, whatever jieba tags them
    const abbreviation =
      lastHead?.word.length === 1 &&
      lastHead.start - 1 >= start &&
      tokens[holdingBefore(at, lastHead.start)]?.end === lastHead.start &&
      tokens[holdingBefore(at, lastHead.start)]?.word.length === 1;
    if (
      m[0].length === 1 &&
      lastHead &&
      lastHead.end === suffixStart &&
      !/^(?:n|j|vn|ns|nt|nz|l)/.test(lastHead.tag) &&
      !NAME_VERBS.has(lastHead.word) &&
      !abbreviation
    )
      continue;
    const head = text.slice(start, suffixStart);
    const holdsPlace = places.some(([a, b]) => a >= start && b <= suffixStart);
    const placeOnly = places.some(([a, b]) => a === start && b === suffixStart);
    if (placeOnly && m[0].length === 1) continue;
    // 县人民医院, 从江县政务中心: a place or level word first, then at least two characters of name
    const firstToken = tokens[firstStartingAt(tokens, at, start)];
    const placeLead =
      places.find(([a]) => a === start)?.[1] ??
      (firstToken?.tag === 'ns' && firstToken.end < suffixStart ? firstToken.end : undefined) ??
      (LEVEL_WORDS.has(head[0] ?? '') ? start + 1 : undefined);
    const ledByPlace = placeLead !== undefined && suffixStart - placeLead >= 2;
    // a name that is a place, or led by one where the kind allows it, needs no proper part: the head
    // is tagged on its own (a jieba call) only for the other names
    if (!placeOnly && !(rule.placeLed && ledByPlace)) {
      const proper = tagWithOffsets(segmenter, head)
        .filter((t, i) => !rule.generic.has(t.word) && !(i === 0 && LEVEL_WORDS.has(t.word)) && !NUMBER_RE.test(t.word))
        .reduce((n, t) => n + t.word.length, 0);
      // jieba knows the whole name (北京大学/nt), or it continues a body named just before (扶贫办贫困监测中心)
      const vouched = (knownBody || chained) && proper > 0;
      if (proper < rule.minProper && !vouched && !(holdsPlace && proper > 0)) continue;
    }
    // 茶叶专业合作社 is a kind of cooperative: a named one holds a place or two proper words
    if (/合作社$/.test(m[0]) && !holdsPlace && properWords(segmenter, head, rule) < 2) continue;
    hits.push({ name: text.slice(start, end), start, end });
  }
  return dropOverlaps(hits);
}

function properWords(segmenter: Segmenter, head: string, rule: SuffixNameRule): number {
  return tagWithOffsets(segmenter, head).filter(
    (t) => !rule.generic.has(t.word) && !/^(?:种植|养殖|种养|专业)$/.test(t.word),
  ).length;
}

/**
 * Keeps the longer of overlapping hits (金民农投集团 over 金民农投).
 * @example dropOverlaps([{ start: 0, end: 4 }, { start: 0, end: 6 }]) // [{ start: 0, end: 6 }] (金民农投集团 over 金民农投)
 */
export function dropOverlaps<T extends { start: number; end: number }>(hits: T[]): T[] {
  const kept: T[] = [];
  for (const h of [...hits].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// 年/月/日/号 closing a number: 2020年, 6日 (tagged as a numeral by jieba)
const DATE_END_RE = /^(?:[\d.]*|[一二三四五六七八九十]*)[年月日号]$/;
// verbs of help and transfer: a body helped by someone is named after the verb (帮扶|某县人民医院)
const HELP_VERBS_RE = /^(?:帮扶|帮助|支援|对口|对口帮扶|捐赠|捐助|援建|资助|结对|结对帮扶|指导)$/;
// one-character prepositions that jieba keeps apart and that never open a name (经某站推荐, 据某局统计)
const LEADING_PREPOSITIONS = new Set(['经', '据', '凭', '靠', '随', '往', '朝']);

// verbs that may open the words before a suffix but never a name (建设加工厂, 投资建设…)
const LEADING_VERBS = {
  test: (w: string): boolean => INTRODUCING_VERBS.has(w) || /^(?:建设|新建|投资|发展|建成)$/.test(w),
};

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
