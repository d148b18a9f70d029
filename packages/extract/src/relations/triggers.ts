/**
 * Trigger words, found once per document
 *
 * Relation rules look only at sentences holding one of their trigger words (帮扶, 劳务协作, 引进, 依托…).
 * Testing every sentence with every rule's pattern costs a regex call per sentence and rule, which on a
 * long report adds up to a sizeable share of segmenting it; one scan of the whole normalised text per
 * pattern finds the same sentences. Only for patterns of plain words (no anchors, no lookaround): a word
 * never spans a sentence break (those are punctuation or line breaks), so a sentence holds a match
 * exactly when the whole-text scan finds one inside its span.
 */
import { sentenceAt } from '../doc-util.js';
import type { DocContext } from '../types.js';

const globalCopies = new WeakMap<RegExp, RegExp>();
const perDocument = new WeakMap<DocContext, Map<RegExp, ReadonlySet<number>>>();

/**
 * Indices of the sentences holding a match of a word pattern, from one scan of the document (cached per
 * document and pattern).
 * @param ctx - document context
 * @param words - a pattern of plain alternatives, e.g. /帮扶|帮助|对口/
 * @example sentencesWith(ctx, /帮扶|帮助/) // Set {0, 3} when sentences 0 and 3 name help
 */
export function sentencesWith(ctx: DocContext, words: RegExp): ReadonlySet<number> {
  let cached = perDocument.get(ctx);
  if (!cached) perDocument.set(ctx, (cached = new Map()));
  let found = cached.get(words);
  if (found) return found;
  let re = globalCopies.get(words);
  if (!re) {
    re = new RegExp(words.source, words.flags.includes('g') ? words.flags : `${words.flags}g`);
    globalCopies.set(words, re);
  }
  const text = ctx.normalized.text;
  const sentences = ctx.sentences;
  const hits = new Set<number>();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const k = sentenceAt(sentences, m.index);
    const s = sentences[k];
    if (s && m.index >= s.start && m.index + m[0].length <= s.end) {
      hits.add(k);
      // the sentence is found: go on after it
      if (re.lastIndex < s.end) re.lastIndex = s.end;
    } else {
      // outside every sentence: look again from the next character, so no overlapping match is missed
      re.lastIndex = m.index + 1;
    }
  }
  cached.set(words, hits);
  return hits;
}
