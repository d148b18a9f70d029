/**
 * Document helpers for extractors
 *
 * Lookups every extractor needs on a DocContext and that must stay cheap on long documents: the
 * sentence that holds an offset (binary search), and the words, word boundaries and tags jieba gives a
 * sentence — sliced from the document's one whole-text cut (never a second cut of a sentence it covers),
 * tagged only for sentences an extractor asks about.
 */
import type { Sentence } from '@fupin/text';
import { inJiebaRun as inRun } from './segmenter.js';
import type { DocContext, DocumentWords, SpanWords } from './types.js';

/**
 * Index of the sentence containing a normalised offset (the last sentence starting at or before it).
 * @param sentences - sentences in text order
 * @param offset - offset into the normalised text
 * @example sentenceAt(sentences, 0) // 0
 */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Per-document segmentation state of the helpers below. */
interface DocWords {
  /** The whole-text cut, made only when a sentence cannot be cut alone (undefined when there is none). */
  whole: DocumentWords | undefined;
  wholeKnown: boolean;
  /**
   * Per sentence: 0 not yet known, 1 its words are a slice of the whole-text cut, 2 it is cut alone,
   * 3 its words are the segmenter's span words (see `spans`).
   */
  served: Uint8Array;
  /** Per sentence served from the segmenter's span words (3 above): those words. */
  spans: (SpanWords | undefined)[];
  boundaries: Map<number, Set<number>>;
  tags: Map<number, WordTag[]>;
}

const docWordsCache = new WeakMap<DocContext, DocWords>();

function docWords(ctx: DocContext): DocWords {
  let d = docWordsCache.get(ctx);
  if (!d) {
    d = {
      whole: undefined,
      wholeKnown: false,
      served: new Uint8Array(ctx.sentences.length),
      spans: [],
      boundaries: new Map(),
      tags: new Map(),
    };
    docWordsCache.set(ctx, d);
  }
  return d;
}

/** The whole-text cut, made on first use. */
function wholeOf(ctx: DocContext, d: DocWords): DocumentWords | undefined {
  if (!d.wholeKnown) {
    const whole = ctx.segmenter.documentWords?.();
    d.whole = whole && whole.text === ctx.normalized.text ? whole : undefined;
    d.wholeKnown = true;
  }
  return d.whole;
}

/**
 * How a sentence's words are found (see DocWords.served): the segmenter's span words, cut alone once,
 * when it has them (the sentence's ends are cut edges); else a slice of the whole-text cut when the
 * ends are run edges there — jieba cuts each run (see inRun) on its own, so such a sentence gets
 * exactly the words a cut of it alone gives; sentences end at punctuation or line ends, so nearly all
 * qualify. Others are cut alone, as before.
 */
function served(ctx: DocContext, d: DocWords, index: number): number {
  const known = d.served[index];
  if (known !== 0) return known!;
  const sentence = ctx.sentences[index];
  let how = 2;
  if (sentence) {
    const text = ctx.normalized.text;
    const alone = ctx.segmenter.spanWords?.(text, sentence.start, sentence.end);
    if (alone) {
      d.spans[index] = alone;
      how = 3;
    } else {
      const whole = wholeOf(ctx, d);
      const edge = (x: number): boolean =>
        x <= 0 || x >= text.length || !inRun(text.charCodeAt(x - 1)) || !inRun(text.charCodeAt(x));
      if (
        whole &&
        edge(sentence.start) &&
        edge(sentence.end) &&
        whole.wordAt[sentence.start]! >= 0 &&
        whole.wordAt[sentence.end]! >= 0
      )
        how = 1;
    }
  }
  d.served[index] = how;
  return how;
}

/**
 * The words jieba cuts one sentence into (a cut of the sentence alone gives the same words), sliced
 * from the document's one whole-text cut where possible, so no sentence is segmented twice.
 * @param ctx - document context
 * @param index - sentence index
 * @example sentenceWords(ctx, 0) // ['从江县', '开展', '劳务协作', '。'] for 从江县开展劳务协作。
 */
export function sentenceWords(ctx: DocContext, index: number): readonly string[] {
  const d = docWords(ctx);
  const sentence = ctx.sentences[index];
  if (!sentence) return [];
  const how = served(ctx, d, index);
  if (how === 3) return d.spans[index]!.words;
  if (how === 1) {
    const { words, wordAt } = d.whole!;
    return words.slice(wordAt[sentence.start]!, wordAt[sentence.end]!);
  }
  return ctx.segmenter.cut(ctx.normalized.text.slice(sentence.start, sentence.end));
}

/**
 * Whether jieba starts or ends a word of one sentence at a normalised offset: the same answer as
 * `wordBoundaries(ctx, index).has(offset)`, without building a set (a table lookup for nearly every sentence).
 * @param ctx - document context
 * @param index - sentence index
 * @param offset - offset into the normalised text
 * @example isWordBoundary(ctx, 0, 3) // true for 从江县|开展… (a word ends at 3)
 */
export function isWordBoundary(ctx: DocContext, index: number, offset: number): boolean {
  const d = docWords(ctx);
  const how = served(ctx, d, index);
  if (how === 3) {
    const span = d.spans[index]!;
    return offset === span.end || (offset >= span.start && offset < span.end && span.wordAt[offset]! > 0);
  }
  if (how === 1) {
    const sentence = ctx.sentences[index]!;
    return offset >= sentence.start && offset <= sentence.end && d.whole!.wordAt[offset]! >= 0;
  }
  return wordBoundaries(ctx, index).has(offset);
}

/**
 * Offsets (normalised, absolute) where jieba starts or ends a word in one sentence, cached per document.
 * For single lookups prefer {@link isWordBoundary}, which builds no set.
 * @param ctx - document context
 * @param index - sentence index
 * @example wordBoundaries(ctx, 0).has(3) // true when a word of sentence 0 ends at offset 3 (从江县|…)
 */
export function wordBoundaries(ctx: DocContext, index: number): Set<number> {
  const d = docWords(ctx);
  let set = d.boundaries.get(index);
  if (!set) {
    const sentence = ctx.sentences[index];
    set = new Set<number>();
    if (sentence) {
      let at = sentence.start;
      set.add(at);
      // A cut, not a tag (tagging costs ~2.4× a cut): a slice of the whole-text cut where it serves.
      for (const word of sentenceWords(ctx, index)) {
        at += word.length;
        set.add(at);
      }
    }
    d.boundaries.set(index, set);
  }
  return set;
}

/** A word of a sentence with its part-of-speech tag and absolute normalised offsets. */
export interface WordTag {
  start: number;
  end: number;
  tag: string;
  word: string;
}

/**
 * Part-of-speech tagged words of one sentence (absolute normalised offsets), cached per document. Tagging
 * costs about twice a cut, so callers ask only for sentences where a candidate needs it.
 * @param ctx - document context
 * @param index - sentence index
 * @example wordTags(ctx, 0) // [{ start: 0, end: 1, tag: 'p', word: '在' }, { start: 1, end: 4, tag: 'ns', word: '从江县' }, …] for 在从江县…
 */
export function wordTags(ctx: DocContext, index: number): WordTag[] {
  const d = docWords(ctx);
  let list = d.tags.get(index);
  if (!list) {
    list = [];
    const sentence = ctx.sentences[index];
    if (sentence) {
      let at = sentence.start;
      for (const { word, tag } of ctx.segmenter.tag(ctx.normalized.text.slice(sentence.start, sentence.end))) {
        list.push({ start: at, end: at + word.length, tag, word });
        at += word.length;
      }
    }
    d.tags.set(index, list);
  }
  return list;
}

/**
 * The tagged words of one sentence that overlap [from, to), in order, as {@link wordTags} gives them:
 * only those few words are tagged (jieba tags a word by its dictionary entry alone), not the sentence.
 * @param ctx - document context
 * @param index - sentence index
 * @param from - start offset (normalised)
 * @param to - end offset (normalised, exclusive)
 * @example wordTagsBetween(ctx, 0, 1, 3) // [{ start: 1, end: 4, tag: 'ns', word: '从江县' }] for 在从江县…
 */
export function wordTagsBetween(ctx: DocContext, index: number, from: number, to: number): WordTag[] {
  const sentence = ctx.sentences[index];
  if (!sentence) return [];
  const lo = Math.max(from, sentence.start);
  const hi = Math.min(to, sentence.end);
  const d = docWords(ctx);
  const tagged = d.tags.get(index);
  const how = !tagged && lo < hi && ctx.segmenter.tagWords ? served(ctx, d, index) : 0;
  if (how === 1 || how === 3) {
    // word k of the sentence's words starts at offset `at` when at[at] = k + base
    const span = how === 3 ? d.spans[index]! : undefined;
    const words = span ? span.words : d.whole!.words;
    const wordAt = span ? span.wordAt : d.whole!.wordAt;
    const none = span ? 0 : -1;
    const base = span ? 1 : 0;
    let at = lo;
    while (at > sentence.start && wordAt[at]! === none) at--; // the start of the word holding `lo`
    const starts: number[] = [];
    const list: string[] = [];
    for (let k = wordAt[at]! - base; k < words.length && at < hi; k++) {
      starts.push(at);
      list.push(words[k]!);
      at += words[k]!.length;
    }
    const tags = ctx.segmenter.tagWords!(list);
    if (tags)
      return tags.map((t, i) => ({ start: starts[i]!, end: starts[i]! + t.word.length, tag: t.tag, word: t.word }));
  }
  return (tagged ?? wordTags(ctx, index)).filter((w) => w.end > lo && w.start < hi);
}

const bySentenceCache = new WeakMap<DocContext, { count: number; groups: Map<number, DocContext['mentions']> }>();
const NONE: DocContext['mentions'] = [];

/**
 * The mentions of one sentence, in the order of `ctx.mentions`: grouped once per document (again
 * when mentions were added since), so per-sentence loops do not scan every mention of the document.
 * @param ctx - document context
 * @param index - sentence index
 * @example mentionsIn(ctx, 0).map((m) => m.surface) // ['从江县', '加榜乡'] for 从江县加榜乡…
 */
export function mentionsIn(ctx: DocContext, index: number): DocContext['mentions'] {
  let cached = bySentenceCache.get(ctx);
  if (!cached || cached.count !== ctx.mentions.length) {
    const groups = new Map<number, DocContext['mentions']>();
    for (const m of ctx.mentions) {
      const list = groups.get(m.sentence);
      if (list) list.push(m);
      else groups.set(m.sentence, [m]);
    }
    cached = { count: ctx.mentions.length, groups };
    bySentenceCache.set(ctx, cached);
  }
  return cached.groups.get(index) ?? NONE;
}
