/**
 * Tagged tokens
 *
 * The jieba words of a sentence or phrase with their part-of-speech tags and offsets, as the suffix-name
 * finder (companies, bodies, sites) and the industry rules read them: tagged once per document and text,
 * and indexed by offset so that the backward walk from a suffix looks words up instead of scanning them.
 */
import type { Segmenter } from '../types.js';

/**
 * A jieba word with its tag and offsets in the tagged text.
 * @example { word: '引进', tag: 'v', start: 0, end: 2 }
 */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

// Sentences are tagged once per document for all extractors of this package (companies, bodies, sites,
// industries): cached per segmenter (the pipeline makes one per document), so the tokens go with the
// document instead of outliving it in a process-wide cache. Short phrases (the head before a suffix)
// recur across documents: they stay in a small process-wide cache, emptied when it grows.
const sentenceTags = new WeakMap<Segmenter, Map<string, Token[]>>();
const phraseTags = new Map<string, Token[]>();
const PHRASE_CHARS = 20;
const TAG_CACHE_LIMIT = 2048;

/**
 * jieba POS-tagged words of a text with their offsets, cached by text.
 * @param segmenter - jieba-backed segmenter
 * @param text - a sentence or a short phrase
 * @example tagWithOffsets(seg, '引进某公司')[0] // { word: '引进', tag: 'v', start: 0, end: 2 }
 */
export function tagWithOffsets(segmenter: Segmenter, text: string): Token[] {
  let cache = phraseTags;
  if (text.length > PHRASE_CHARS) {
    cache = sentenceTags.get(segmenter) ?? new Map<string, Token[]>();
    sentenceTags.set(segmenter, cache);
  }
  const hit = cache.get(text);
  if (hit) return hit;
  const out: Token[] = [];
  let pos = 0;
  for (const { word, tag } of segmenter.tag(text)) {
    out.push({ word, tag, start: pos, end: pos + word.length });
    pos += word.length;
  }
  if (cache.size >= TAG_CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

/**
 * Thrown when the words of a cut and of a tag of the same text differ (not seen with jieba): the caller
 * then starts again from {@link tagWithOffsets}.
 * @example try { walk(wordTokens(seg, text)) } catch (e) { if (e instanceof WordsMismatch) walk(tagWithOffsets(seg, text)) }
 */
export class WordsMismatch extends Error {
  constructor() {
    super('extract.wordTokens: the cut and the tag of a text gave different words; expected the same');
  }
}

/** The words of one text and the tags read so far (jieba tags a word alone, the same in any text). */
interface LazyTags {
  segmenter: Segmenter;
  text: string;
  words: readonly string[];
  tags: (string | undefined)[];
}

// words before and after a word whose tag is read, tagged with it (a backward walk reads the words before):
// on the sample corpus the walk reads 2 to 3 words before it stops, so a wider window tags words never read
// (10 before: 3.5 words tagged per word read; 4 before and 1 after: 2.3, with a sixth more calls)
const TAG_BEFORE = 4;
const TAG_AFTER = 1;

function fillTags(state: LazyTags, k: number): string {
  const { words, tags } = state;
  let lo = Math.max(0, k - TAG_BEFORE);
  let hi = Math.min(words.length, k + TAG_AFTER + 1);
  // words tagged by an earlier window are not tagged again (they were tagged alone: the rest of the
  // window tags alone exactly when the whole window does)
  while (tags[lo] !== undefined) lo++;
  while (tags[hi - 1] !== undefined) hi--;
  const tagged = state.segmenter.tagWords?.(words.slice(lo, hi));
  if (tagged && tagged.length === hi - lo && tagged.every((t, i) => t.word === words[lo + i])) {
    for (let i = 0; i < tagged.length; i++) tags[lo + i] = tagged[i]!.tag;
  } else {
    // a word is cut differently alone: tag the whole text, as tagWithOffsets does
    const full = tagWithOffsets(state.segmenter, state.text);
    if (full.length !== words.length || full.some((t, i) => t.word !== words[i])) throw new WordsMismatch();
    for (let i = 0; i < full.length; i++) tags[i] = full[i]!.tag;
  }
  return tags[k]!;
}

/** A word of a cut whose tag is looked up when first read. */
class LazyToken implements Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  private readonly k: number;
  private readonly state: LazyTags;

  constructor(word: string, start: number, k: number, state: LazyTags) {
    this.word = word;
    this.start = start;
    this.end = start + word.length;
    this.k = k;
    this.state = state;
  }

  get tag(): string {
    return this.state.tags[this.k] ?? fillTags(this.state, this.k);
  }
}

const wordTokenCache = new WeakMap<Segmenter, Map<string, Token[]>>();

/**
 * The words of a sentence with their offsets, as {@link tagWithOffsets} gives them, but from a cut:
 * a word's tag is looked up (with its neighbours', through `segmenter.tagWords`) only when read, so a
 * sentence whose candidates need a few tags does not tag all its words. Falls back to tagWithOffsets
 * when the segmenter cannot tag words alone. Reading a tag may throw {@link WordsMismatch}.
 * @param segmenter - the document's segmenter
 * @param text - one sentence
 * @example wordTokens(seg, '引进某公司')[0] // { word: '引进', start: 0, end: 2, tag: 'v' (looked up when read) }
 */
export function wordTokens(segmenter: Segmenter, text: string): Token[] {
  if (typeof segmenter.tagWords !== 'function') return tagWithOffsets(segmenter, text);
  let cache = wordTokenCache.get(segmenter);
  if (!cache) {
    cache = new Map();
    wordTokenCache.set(segmenter, cache);
  }
  const hit = cache.get(text);
  if (hit) return hit;
  const words = segmenter.cut(text);
  const state: LazyTags = { segmenter, text, words, tags: new Array<string | undefined>(words.length) };
  const out: Token[] = new Array(words.length);
  let pos = 0;
  for (let k = 0; k < words.length; k++) {
    out[k] = new LazyToken(words[k]!, pos, k, state);
    pos += words[k]!.length;
  }
  if (cache.size >= TAG_CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

/**
 * Offset lookups over a tagged text's tokens, for the walk of findSuffixNames: a binary search over the
 * tokens' starts (they follow each other without gaps), so that no table is built per sentence.
 * @example indexTokens(tagWithOffsets(seg, '引进某公司')).tokens[0].word // '引进'
 */
export interface TokenIndex {
  /** The tokens, in order. */
  tokens: readonly Token[];
  /** Whether a token is empty (jieba gives none; then the lookups scan the tokens). */
  hasEmpty: boolean;
}

/**
 * The offset lookups of tagged tokens.
 * @param tokens - tokens of one text, in order (as tagWithOffsets gives them)
 * @example indexTokens(tagWithOffsets(seg, '从江县引进某公司'))
 */
export function indexTokens(tokens: readonly Token[]): TokenIndex {
  let hasEmpty = false;
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.end === tokens[k]!.start) hasEmpty = true;
  return { tokens, hasEmpty };
}

/**
 * Index of the non-empty token holding character i, or -1.
 * @example holdingAt(indexTokens(tagWithOffsets(seg, '从江县引进')), 1) // 0 (从江县)
 */
export function holdingAt(index: TokenIndex, i: number): number {
  if (index.hasEmpty) return i < 0 ? -1 : index.tokens.findIndex((t) => t.start <= i && i < t.end);
  return tokenHolding(index.tokens, i);
}

/**
 * Index of the token holding character i, or -1: what `tokens.findIndex((t) => t.start <= i && i < t.end)`
 * gives for tokens that follow each other without gaps (the last token starting at or before i is the
 * only one that can hold it), by a binary search.
 * @param tokens - tokens of one text, in order, each starting where the one before ends
 * @param i - a character offset
 * @example tokenHolding(tagWithOffsets(seg, '从江县引进'), 3) // 1 (引进)
 */
export function tokenHolding(tokens: readonly Token[], i: number): number {
  let hi = tokens.length - 1;
  if (i < 0 || hi < 0 || i >= tokens[hi]!.end) return -1;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= i) lo = mid;
    else hi = mid - 1;
  }
  const t = tokens[lo]!;
  return t.start <= i && i < t.end ? lo : -1;
}

/**
 * The first token with start < offset <= end (the one holding the character before offset), or -1.
 * @example holdingBefore(indexTokens(tagWithOffsets(seg, '从江县引进')), 3) // 0 (从江县 ends at 3)
 */
export function holdingBefore(index: TokenIndex, offset: number): number {
  return holdingAt(index, offset - 1);
}

/**
 * Index of the first token starting at offset, or -1.
 * @example firstStartingAt(tokens, indexTokens(tokens), 3) // 1 for 从江县|引进
 */
export function firstStartingAt(tokens: readonly Token[], index: TokenIndex, offset: number): number {
  if (index.hasEmpty) return tokens.findIndex((t) => t.start === offset);
  const k = holdingAt(index, offset);
  return k >= 0 && tokens[k]!.start === offset ? k : -1;
}

/**
 * Whether a token ends at offset.
 * @example endsAt(tokens, indexTokens(tokens), 3) // true for 从江县|引进
 */
export function endsAt(tokens: readonly Token[], index: TokenIndex, offset: number): boolean {
  if (index.hasEmpty) return tokens.some((t) => t.end === offset);
  const k = holdingBefore(index, offset);
  return k >= 0 && tokens[k]!.end === offset;
}

/**
 * The token that is one character long and starts at offset, if any.
 * @example oneCharWordAt(tokens, indexTokens(tokens), 0)?.word // '与' for 与|台江县
 */
export function oneCharWordAt(tokens: readonly Token[], index: TokenIndex, offset: number): Token | undefined {
  const t = tokens[holdingAt(index, offset)];
  return t && t.start === offset && t.end === offset + 1 ? t : undefined;
}

/**
 * Whether a word of a text's cut ends at an offset, for offsets asked in ascending order (asked out of
 * order, the walk starts again): the cut's word ends are walked once, without a set per sentence, and the
 * text is cut on the first question only.
 * @example new WordEnds(seg, '进行动态监测').has(4) // false: 进行|动态|监测 holds 行动 across two words
 */
export class WordEnds {
  private words: readonly string[] | undefined;
  private w = 0;
  private pos = 0;

  /**
   * @param segmenter - what cuts the text (a document's segmenter: the cut is cached there)
   * @param text - one sentence
   * @example new WordEnds(seg, '实施春风行动')
   */
  constructor(
    private readonly segmenter: Pick<Segmenter, 'cut'>,
    private readonly text: string,
  ) {}

  /**
   * Whether a word ends at `end` (0, the start, counts).
   * @param end - an offset into the text
   * @example new WordEnds(seg, '实施春风行动').has(6) // true
   */
  has(end: number): boolean {
    if (end === 0) return true;
    const words = (this.words ??= this.segmenter.cut(this.text));
    if (end < this.pos) {
      this.w = 0;
      this.pos = 0;
    }
    while (this.w < words.length && this.pos < end) this.pos += words[this.w++]!.length;
    return this.pos === end;
  }
}
