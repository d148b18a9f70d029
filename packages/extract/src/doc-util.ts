/**
 * Document helpers for extractors
 *
 * Lookups every extractor needs on a DocContext and that must stay cheap on long documents: the
 * sentence that holds an offset (binary search), and the word boundaries jieba puts in a sentence
 * (cut once per sentence and cached, only for sentences an extractor asks about).
 */
import type { Sentence } from '@fupin/text';
import type { DocContext } from './types.js';

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

const boundaryCache = new WeakMap<DocContext, Map<number, Set<number>>>();

/**
 * Offsets (normalised, absolute) where jieba starts or ends a word in one sentence, cached per document.
 * @param ctx - document context
 * @param index - sentence index
 * @example wordBoundaries(ctx, 0).has(3) // true when a word of sentence 0 ends at offset 3 (从江县|…)
 */
export function wordBoundaries(ctx: DocContext, index: number): Set<number> {
  let perDoc = boundaryCache.get(ctx);
  if (!perDoc) {
    perDoc = new Map();
    boundaryCache.set(ctx, perDoc);
  }
  let set = perDoc.get(index);
  if (!set) {
    const sentence = ctx.sentences[index];
    set = new Set<number>();
    if (sentence) {
      let at = sentence.start;
      set.add(at);
      // A cut, not a tag (tagging costs ~2.4× a cut); the document's caching segmenter serves a cut
      // from a tag of the same sentence if another extractor tagged it first.
      for (const word of ctx.segmenter.cut(ctx.normalized.text.slice(sentence.start, sentence.end))) {
        at += word.length;
        set.add(at);
      }
    }
    perDoc.set(index, set);
  }
  return set;
}

const tagCache = new WeakMap<DocContext, Map<number, { start: number; end: number; tag: string }[]>>();

/**
 * Part-of-speech tagged words of one sentence (absolute normalised offsets), cached per document. Tagging
 * costs about twice a cut, so callers ask only for sentences where a candidate needs it.
 * @param ctx - document context
 * @param index - sentence index
 * @example wordTags(ctx, 0) // [{ start: 0, end: 1, tag: 'p' }, { start: 1, end: 4, tag: 'ns' }, …] for 在从江县…
 */
export function wordTags(ctx: DocContext, index: number): { start: number; end: number; tag: string }[] {
  let perDoc = tagCache.get(ctx);
  if (!perDoc) {
    perDoc = new Map();
    tagCache.set(ctx, perDoc);
  }
  let list = perDoc.get(index);
  if (!list) {
    list = [];
    const sentence = ctx.sentences[index];
    if (sentence) {
      let at = sentence.start;
      for (const { word, tag } of ctx.segmenter.tag(ctx.normalized.text.slice(sentence.start, sentence.end))) {
        list.push({ start: at, end: at + word.length, tag });
        at += word.length;
      }
    }
    perDoc.set(index, list);
  }
  return list;
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
