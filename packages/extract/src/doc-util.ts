/**
 * Document helpers for extractors
 *
 * Lookups every extractor needs on a DocContext and that must stay cheap on long documents: the
 * sentence that holds an offset (binary search), and the words, word boundaries and tags jieba gives a
 * sentence — sliced from the document's one whole-text cut (never a second cut of a sentence it covers),
 * tagged only for sentences an extractor asks about.
 */
import type { Sentence } from '@fupin/text';
import type { DocContext, DocumentWords } from './types.js';

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

/**
 * Whether jieba segments this UTF-16 unit inside a run (a block it cuts as a whole: CJK ideographs,
 * ASCII letters and digits, + # & . _ % -). Surrogates count as in a run (CJK extensions are
 * astral): a wrong "in a run" only sends a sentence to the slower path that cuts it alone.
 */
function inRun(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2b ||
    c === 0x23 ||
    c === 0x26 ||
    c === 0x2e ||
    c === 0x5f ||
    c === 0x25 ||
    c === 0x2d
  );
}

/** Per-document segmentation state of the helpers below. */
interface DocWords {
  /** The whole-text cut (undefined when the segmenter has none for this text). */
  whole: DocumentWords | undefined;
  /** Per sentence: 0 not yet known, 1 its words are a slice of the whole-text cut, 2 it is cut alone. */
  served: Uint8Array;
  boundaries: Map<number, Set<number>>;
  tags: Map<number, WordTag[]>;
}

const docWordsCache = new WeakMap<DocContext, DocWords>();

function docWords(ctx: DocContext): DocWords {
  let d = docWordsCache.get(ctx);
  if (!d) {
    const whole = ctx.segmenter.documentWords?.();
    d = {
      whole: whole && whole.text === ctx.normalized.text ? whole : undefined,
      served: new Uint8Array(ctx.sentences.length),
      boundaries: new Map(),
      tags: new Map(),
    };
    docWordsCache.set(ctx, d);
  }
  return d;
}

/**
 * Whether a sentence's words are a slice of the whole-text cut. jieba cuts each run (see inRun) on
 * its own, so a sentence whose ends are run edges gets exactly the words a cut of it alone gives;
 * sentences end at punctuation or line ends, so nearly all qualify. Others are cut alone, as before.
 */
function served(ctx: DocContext, d: DocWords, index: number): boolean {
  const known = d.served[index];
  if (known !== 0) return known === 1;
  const sentence = ctx.sentences[index];
  const whole = d.whole;
  let ok = false;
  if (sentence && whole) {
    const text = ctx.normalized.text;
    const edge = (x: number): boolean =>
      x <= 0 || x >= text.length || !inRun(text.charCodeAt(x - 1)) || !inRun(text.charCodeAt(x));
    ok =
      edge(sentence.start) &&
      edge(sentence.end) &&
      whole.wordAt[sentence.start]! >= 0 &&
      whole.wordAt[sentence.end]! >= 0;
  }
  d.served[index] = ok ? 1 : 2;
  return ok;
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
  if (served(ctx, d, index)) {
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
  if (served(ctx, d, index)) {
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
  if (!tagged && lo < hi && served(ctx, d, index) && ctx.segmenter.tagWords) {
    const { words, wordAt } = d.whole!;
    let at = lo;
    while (at > sentence.start && wordAt[at]! < 0) at--; // the start of the word holding `lo`
    const starts: number[] = [];
    const list: string[] = [];
    for (let k = wordAt[at]!; k < words.length && at < hi; k++) {
      starts.push(at);
      list.push(words[k]!);
      at += words[k]!.length;
    }
    const tags = ctx.segmenter.tagWords(list);
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
