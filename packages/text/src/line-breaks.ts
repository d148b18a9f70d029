/**
 * Line breaks: which lines belong to the same paragraph
 *
 * Text extracted from PDF newspaper pages is hard-wrapped at the column width (`全国脱\n贫攻坚`) and
 * sometimes broken across a blank line at a column or page break, while real paragraph breaks, titles,
 * captions and bylines must stay apart. This file looks at the lines of a document once and decides, for
 * every line, whether it continues on the next one. It only plans; `normalize.ts` emits the text.
 *
 * The rules, all general (no word lists):
 * - a line continues when the next non-empty line follows after at most one blank line, the next line is
 *   not heading-like (`一、` `（二）` `第三章` `1 标题` `□ 作者` `——副题` `本报讯`), and either the next
 *   line starts with punctuation no line starts with (`，` `、` `”` `）` …) or the line does not end a
 *   sentence (`。！？；…` plus closing quotes) and is a sentence fragment (holds `，`/`、` or an unclosed
 *   `“` `（` `《`);
 * - without a blank line in between, a line without such punctuation also continues when it is as long as
 *   the document's dominant line width (minus 3) or at least 40 characters, unless it ends in a closing
 *   quote or looks like a heading — titles are short and unpunctuated; across one blank line it continues
 *   only when it is at the column width (−3…+2) and the next line is body text;
 * - two or more blank lines always separate.
 */
import { isCloser, isInlineSpace, isDropped, isLineBreak, isSentenceEnd } from './char-class.js';

/** The lines of a text (trimmed, non-empty ones only) and whether each continues on the next. */
export interface LinePlan {
  /** Number of non-empty lines. */
  count: number;
  /** Start of each line's trimmed content in the original text. */
  starts: Int32Array;
  /** End (exclusive) of each line's trimmed content. */
  ends: Int32Array;
  /** 1 when line k continues on line k+1 (same paragraph), else 0. */
  joins: Uint8Array;
  /** 1 when a kept break after line k is a "hard" one: the line ends a sentence and the next line does not
   *  start with continuing punctuation, so a single newline keeps them apart on the next normalisation. */
  terminal: Uint8Array;
  /** Blank lines between line k and line k+1. */
  gaps: Int32Array;
}

// Heading-like line starts: 第三章/第二部分, 一、, （二）/(2), 1、/1. (not 1.5), `1 健全…` (digit, space, Han that
// is not a unit: `10 月底` is a wrapped date), bullets and byline boxes, and a dash-led subtitle.
const HEADING =
  /(?:第[一二三四五六七八九十百零〇\d０-９]+[章节部分篇条]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d０-９]+[）)]|[\d０-９]{1,2}[、．](?![\d０-９])|[\d０-９]{1,2}\.(?![\d０-９])|[\d０-９]{1,2}[ \u3000]+(?=[\u4e00-\u9fff])(?![年月日号时分万亿千百个余多名户人元])|[□■●◆▲★※◎○•]|——)/y;

// Openers of a new news item; they never continue the line before them, but do continue into the next line.
const DATELINE = /(?:本报讯|本报记者|新华社|记者)/y;

/** Line-initial punctuation that only ever continues a sentence. */
function startsWithContinuation(code: number): boolean {
  return (
    code === 0xff0c || // ，
    code === 0x3001 || // 、
    code === 0xff1b || // ；
    code === 0xff1a || // ：
    code === 0x201d || // ”
    code === 0x2019 || // ’
    code === 0x300d || // 」
    code === 0x300f || // 』
    code === 0xff09 || // ）
    code === 0x300b || // 》
    code === 0x3002 || // 。
    code === 0x2c // ,
  );
}

/** True when the text in [start, end) ends a sentence, ignoring closing quotes and brackets. */
function endsSentence(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isCloser(text.charCodeAt(i))) i--;
  return i >= start && isSentenceEnd(text.charCodeAt(i));
}

/**
 * True when the paragraph that line k closes ends a sentence. Looks back past closing quotes, spaces and
 * invisible characters, into the lines joined before it (`？` + `」` on the next line ends a sentence),
 * exactly as the emitted paragraph will read on a second normalisation.
 */
function paragraphEndsSentence(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  joins: Uint8Array,
  k: number,
): boolean {
  let line = k;
  let i = ends[line]! - 1;
  for (;;) {
    while (i >= starts[line]!) {
      const c = text.charCodeAt(i);
      if (!isCloser(c) && !isInlineSpace(c) && !isDropped(c)) return isSentenceEnd(c);
      i--;
    }
    if (line === 0 || joins[line - 1] !== 1) return false;
    line--;
    i = ends[line]! - 1;
  }
}

/** True when the line holds sentence-internal punctuation (，、) or an unclosed “ （ 《. */
function isFragment(text: string, start: number, end: number): boolean {
  let quotes = 0;
  let brackets = 0;
  let titles = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0x3001) return true;
    if (c === 0x201c) quotes++;
    else if (c === 0x201d) quotes--;
    else if (c === 0xff08) brackets++;
    else if (c === 0xff09) brackets--;
    else if (c === 0x300a) titles++;
    else if (c === 0x300b) titles--;
  }
  return quotes > 0 || brackets > 0 || titles > 0;
}

function isHeading(text: string, start: number): boolean {
  HEADING.lastIndex = start;
  return HEADING.test(text);
}

function startsItem(text: string, start: number): boolean {
  if (isHeading(text, start)) return true;
  DATELINE.lastIndex = start;
  return DATELINE.test(text);
}

/**
 * Printed width of a line in full-width cells: Chinese characters count 1, ASCII letters, digits and
 * spaces ½ (`到 2020 年 10 月底` is as wide as eight Chinese characters, not thirteen).
 */
function lineWidth(text: string, start: number, end: number): number {
  let halves = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    halves += c < 0x2e80 && !(c >= 0x2010 && c <= 0x2027) ? 1 : 2;
  }
  return Math.round(halves / 2);
}

/**
 * The dominant line width of a hard-wrapped text: the most frequent printed line width (6–120 cells)
 * when at least 8 lines and 15 % of the non-empty lines share it, else 0 (not wrapped).
 */
function dominantWidth(widths: Int32Array, count: number): number {
  const freq = new Int32Array(121);
  for (let k = 0; k < count; k++) {
    const len = widths[k]!;
    if (len >= 6 && len <= 120) freq[len]!++;
  }
  let best = 0;
  for (let len = 6; len <= 120; len++) if (freq[len]! > freq[best]!) best = len;
  const need = Math.max(8, Math.ceil(count * 0.15));
  return best > 0 && freq[best]! >= need ? best : 0;
}

/**
 * Splits a text into trimmed lines and decides which lines continue on the next one.
 * @param text - the original text
 * @example
 * planLines('全国脱\n贫攻坚总结表彰大会上发表重要讲话。').count // 2 lines; joins[0] depends on the width
 */
export function planLines(text: string): LinePlan {
  const n = text.length;
  let cap = 16;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let gaps = new Int32Array(cap);
  let count = 0;
  let blank = 0;
  let i = 0;
  while (i < n) {
    let lineEnd = i;
    // (every line break is below U+202A: one comparison passes Chinese text)
    for (let c = 0; lineEnd < n; lineEnd++) {
      c = text.charCodeAt(lineEnd);
      if (c < 0x202a && isLineBreak(c)) break;
    }
    let s = i;
    let e = lineEnd;
    while (s < e && (isInlineSpace(text.charCodeAt(s)) || isDropped(text.charCodeAt(s)))) s++;
    while (e > s && (isInlineSpace(text.charCodeAt(e - 1)) || isDropped(text.charCodeAt(e - 1)))) e--;
    if (e > s) {
      if (count === cap) {
        cap *= 2;
        const ns = new Int32Array(cap);
        ns.set(starts);
        starts = ns;
        const ne = new Int32Array(cap);
        ne.set(ends);
        ends = ne;
        const ng = new Int32Array(cap);
        ng.set(gaps);
        gaps = ng;
      }
      if (count > 0) gaps[count - 1] = blank;
      starts[count] = s;
      ends[count] = e;
      count++;
      blank = 0;
    } else if (count > 0) {
      blank++;
    }
    // CRLF counts as one break.
    if (lineEnd < n && text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a) lineEnd++;
    i = lineEnd + 1;
  }

  const widths = new Int32Array(count);
  for (let k = 0; k < count; k++) widths[k] = lineWidth(text, starts[k]!, ends[k]!);
  const width = dominantWidth(widths, count);
  const joins = new Uint8Array(count);
  const terminal = new Uint8Array(count);
  for (let k = 0; k + 1 < count; k++) {
    const s = starts[k]!;
    const e = ends[k]!;
    const next = starts[k + 1]!;
    const nextCode = text.charCodeAt(next);
    const ends1 = paragraphEndsSentence(text, starts, ends, joins, k);
    const cont = startsWithContinuation(nextCode);
    terminal[k] = ends1 && !cont ? 1 : 0;
    if (gaps[k]! > 1 || startsItem(text, next)) continue;
    if (cont) {
      joins[k] = 1;
      continue;
    }
    if (ends1) continue;
    // A numbered heading (`一、坚持党建引领`) stands alone; its 、 is numbering, not a clause break.
    if (isHeading(text, s) && widths[k]! < 40) continue;
    const fragment = isFragment(text, s, e);
    if (fragment) {
      joins[k] = 1;
      continue;
    }
    // Without internal punctuation only a wrap at the column width continues, and only without a blank
    // line; a line ending in a closing quote (`巩固脱贫“成色”`) reads as a title.
    const len = widths[k]!;
    if (isCloser(text.charCodeAt(e - 1))) continue;
    if (gaps[k] === 0) {
      if ((width > 0 && len >= width - 3) || len >= 40) joins[k] = 1;
    } else if (width > 0 && len >= width - 3 && len <= width + 2) {
      // Across one blank line (a column or page break) only a line exactly at the column width continues,
      // and only into a line that is itself body text (column width, or the end of a sentence).
      const nextLen = widths[k + 1]!;
      if (nextLen >= width - 3 || endsSentence(text, next, ends[k + 1]!)) joins[k] = 1;
    }
  }
  return { count, starts, ends, joins, terminal, gaps };
}
