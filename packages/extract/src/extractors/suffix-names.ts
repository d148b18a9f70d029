/**
 * Suffix names
 *
 * The finder companies, organizations and sites share: phrases ending in a suffix of their kind (有限公司,
 * 人民医院, 安置点) whose left edge is found by walking the sentence's jieba words back from the suffix to a
 * verb, preposition or punctuation, with enough proper characters to be a name rather than a common noun.
 * Kept apart from the company extractor so that each file stays short; companies.ts re-exports it.
 */
import type { Segmenter } from '../types.js';
import { FUNCTION_WORDS, INTRODUCING_VERBS, isNameBoundary } from '../lexicon/function-words.js';
import { LEVEL_WORDS, NAME_VERBS, SUFFIX_LOOKALIKES } from '../lexicon/body-words.js';
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
import { endsWithOneOf, type EndingTest } from './sentence-triggers.js';

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

const suffixEndingCache = new Map<readonly string[], EndingTest>();
// whether a text ends in one of the suffixes (one test instead of an endsWith per suffix)
function suffixEnding(suffixes: readonly string[]): EndingTest {
  let test = suffixEndingCache.get(suffixes);
  if (!test) {
    test = endsWithOneOf(suffixes);
    suffixEndingCache.set(suffixes, test);
  }
  return test;
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

/** Whether a place span holds [from, to) (a loop: no closure per word of the walk). */
function inPlace(places: readonly [number, number][], from: number, to: number): boolean {
  for (const p of places) if (p[0] <= from && to <= p[1]) return true;
  return false;
}

/** Whether a place span starts at offset. */
function placeStartsAt(places: readonly [number, number][], offset: number): boolean {
  for (const p of places) if (p[0] === offset) return true;
  return false;
}

/** Whether the word before a one-character suffix is no noun nor a verb names are made of (即可|办). */
function notNounHead(t: Token, suffixStart: number): boolean {
  return t.end === suffixStart && !/^(?:n|j|vn|ns|nt|nz|l)/.test(t.tag) && !NAME_VERBS.has(t.word);
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
  const endsInSuffix = suffixEnding(rule.suffixes);
  for (const m of found) {
    const suffixStart = m.index;
    const end = suffixStart + m[0].length;
    // 公司化: the suffix runs into another word; 局局长 is the body's head, so it still counts
    if (!endsAt(tokens, at, end)) {
      const next = text.slice(end, end + 2);
      if (!(next.startsWith(m[0]) && next.endsWith('长'))) continue;
    }
    // the test below on a one-character suffix's head word, made before the walk when no abbreviation
    // (two one-character words, which depends on where the walk stops) can save it
    const headWord = tokens[holdingBefore(at, suffixStart)];
    if (m[0].length === 1 && headWord && notNounHead(headWord, suffixStart)) {
      const before = tokens[holdingBefore(at, headWord.start)];
      if (!(headWord.word.length === 1 && before?.end === headWord.start && before.word.length === 1)) continue;
    }
    let start = suffixStart;
    let chained = false;
    let knownBody = false;
    // jieba often keeps the suffix inside a word (供电局, 林业大学): walk from the word holding the head's last char
    for (let i = holdingBefore(at, suffixStart); i >= 0; i--) {
      const t = tokens[i];
      if (!t || suffixStart - t.start > rule.maxHead) break;
      // the word itself when it ends before the suffix (no slice per word of the walk)
      const part = t.end <= suffixStart ? t.word : text.slice(t.start, suffixStart);
      // words of a place name are never boundaries (岚/关/乡 may be tagged as a verb)
      if (inPlace(places, t.start, t.end)) {
        start = t.start;
        continue;
      }
      // 和 may sit inside a firm's name (九和食品) but then joins one-character words only
      // (bodies join two fields: 人力资源和社会保障局)
      const prev = tokens[i - 1];
      const inside =
        rule.allowInside?.has(part) &&
        !inPlace(places, prev?.start ?? -1, prev?.end ?? -1) &&
        ((prev?.word.length ?? 0) === 1 ||
          (rule.placeLed === true && (prev?.word.length ?? 0) >= 2 && (prev?.tag.startsWith('n') ?? false)));
      // 农业发展有限公司: verbs names are made of stay inside (a leading one is dropped below)
      // 2亿元建设加工厂, 12个合作社: an amount or a measure word is never part of a name
      if (/[元亿万亩吨%]|^[\d.]+$/.test(part) && t.tag === 'm') break;
      // 2020年某景区, 6日某县融媒体中心: the end of a date is never the start of a name
      if (t.tag === 'm' && DATE_END_RE.test(part)) break;
      // 专家团队帮扶某县人民医院: a help verb before a place-led name ends it (the helper is not part of the name)
      if (HELP_VERBS_RE.test(part) && placeStartsAt(places, start)) break;
      if (t.tag === 'q' && t.end <= suffixStart && tokens[i - 1]?.tag === 'm') break;
      if (isNameBoundary(part) && !inside && !NAME_VERBS.has(part) && !NAME_VERBS.has(part.slice(-2))) break;
      // a plain verb ends the name (考上, 部署), except the verbs names are made of (扶贫办, 振兴局)
      // (one-character 'verbs' are mostly name characters jieba does not know: 华统, 甬丰)
      if (t.tag === 'v' && t.word.length > 1 && t.end <= suffixStart && !NAME_VERBS.has(t.word)) break;
      if (rule.stopWords?.has(part)) break;
      // 督办, 举办: a one-character suffix glued into a two-character verb
      if (t.end === end && t.start < suffixStart && t.word.length === 2 && m[0].length === 1) break;
      // another name ends right here (甲公司乙公司, 供电局配电所): this one starts after it
      if (start !== suffixStart && endsInSuffix.test(part)) {
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
    while (start < suffixStart && !placeStartsAt(places, start) && LEADING_VERBS.test(text.slice(start, start + 2)))
      start += 2;
    // a function word only when jieba cut it as a word of its own (将|台堡 is not 将台堡)
    const ownWord = (from: number): boolean => oneCharWordAt(tokens, at, from) !== undefined;
    while (
      start < suffixStart &&
      !placeStartsAt(places, start) &&
      FUNCTION_WORDS.has(text[start] ?? '') &&
      ownWord(start)
    )
      start += 1;
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
    if (m[0].length === 1 && lastHead && notNounHead(lastHead, suffixStart) && !abbreviation) continue;
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
      // characters of the head's words that are not generic, a leading level word or a numeral
      let proper = 0;
      const words = tagWithOffsets(segmenter, head);
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!.word;
        if (!rule.generic.has(w) && !(i === 0 && LEVEL_WORDS.has(w)) && !NUMBER_RE.test(w)) proper += w.length;
      }
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
