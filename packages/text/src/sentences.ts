/**
 * Sentences
 *
 * Extractors work sentence by sentence and every fact cites the sentence it came from, quoted from the
 * original document. Sentences end at 。！？；… (and ASCII ! ? ;) and at paragraph breaks; a quotation
 * (“…” 「…」 『…』) is never split, so `他说：“要脱贫。要致富。”` stays one sentence.
 */
import { isCloser, isInlineSpace, isQuoteClose, isQuoteOpen, isSentenceEnd } from './char-class.js';
import type { NormalizedText } from './normalize.js';

/** One sentence, located in both the normalised and the original text. */
export interface Sentence {
  /** Position in the document, from 0. */
  index: number;
  /** Start in the normalised text. */
  start: number;
  /** End (exclusive) in the normalised text. */
  end: number;
  /** The normalised sentence. */
  text: string;
  /** Start in the original text. */
  originalStart: number;
  /** End (exclusive) in the original text. */
  originalEnd: number;
  /** The exact slice of the original text (traditional stays traditional). */
  original: string;
  /** Index of the paragraph (non-empty line of the normalised text), from 0. */
  paragraph: number;
}

/**
 * Splits a normalised text into sentences with offsets into both texts.
 * @param n - the result of `normalize`
 * @example
 * splitSentences(normalize('從江縣脫貧。台江县也脱贫了！')).map((s) => s.text) // → ['从江县脱贫。', '台江县也脱贫了！']
 */
export function splitSentences(n: NormalizedText): Sentence[] {
  const text = n.text;
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let p = 0;
  while (p < text.length) {
    let lineEnd = text.indexOf('\n', p);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > p) {
      splitParagraph(n, p, lineEnd, paragraph, sentences);
      paragraph++;
    }
    p = lineEnd + 1;
  }
  return sentences;
}

function splitParagraph(n: NormalizedText, from: number, to: number, paragraph: number, out: Sentence[]): void {
  const text = n.text;
  let depth = 0;
  let start = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // Han characters (most of a report) are neither quotes nor sentence ends
    if (c >= 0x4e00 && c <= 0x9fff) {
      i++;
      continue;
    }
    if (isQuoteOpen(c)) {
      depth++;
      i++;
      continue;
    }
    if (isQuoteClose(c)) {
      if (depth > 0) depth--;
      i++;
      // A quotation that ends with its own full stop (“…。”) ends the sentence too, unless the sentence
      // visibly goes on (`提出“…。”的思路`, `“…。”，`).
      if (depth === 0 && i - 2 >= start && isSentenceEnd(text.charCodeAt(i - 2)) && !continuesAfterQuote(text, i, to)) {
        while (i < to && isCloser(text.charCodeAt(i))) i++;
        push(n, start, i, paragraph, out);
        start = i;
      }
      continue;
    }
    i++;
    if (depth === 0 && isSentenceEnd(c)) {
      // Keep runs (！？ ……) and closing brackets with the sentence they end.
      while (i < to && (isSentenceEnd(text.charCodeAt(i)) || isCloser(text.charCodeAt(i)))) i++;
      push(n, start, i, paragraph, out);
      start = i;
    }
  }
  push(n, start, to, paragraph, out);
}

/** True when the character after a closing quote carries the sentence on: ，、：的地得等. */
function continuesAfterQuote(text: string, i: number, to: number): boolean {
  if (i >= to) return false;
  return '，、：的地得等'.includes(text[i]!);
}

function push(n: NormalizedText, start: number, end: number, paragraph: number, out: Sentence[]): void {
  const text = n.text;
  while (start < end && isInlineSpace(text.charCodeAt(start))) start++;
  while (end > start && isInlineSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  const span = n.originalSpan(start, end);
  out.push({
    index: out.length,
    start,
    end,
    text: text.slice(start, end),
    originalStart: span.start,
    originalEnd: span.end,
    original: n.original.slice(span.start, span.end),
    paragraph,
  });
}
