/**
 * Normalise for matching, with an offset map back to the original
 *
 * Extractors match names and patterns against one predictable form of the text: simplified characters,
 * half-width digits and letters, no spaces inside Chinese runs, no line breaks inside sentences. Evidence,
 * however, must quote the document as it stands, so every character of the normalised text remembers the
 * span of the original it came from (two Int32Arrays, no per-character objects, so 50 MB corpora stay fast).
 *
 * What changes (and what does not):
 * - `original` is the decoded text exactly as given (CRLF kept); all offsets index into it.
 * - traditional → simplified with opencc-js's character table, character by character (`從江縣` → `从江县`;
 *   see `toSimplified` for why not phrase by phrase);
 * - full-width digits, letters and `％＋－＝／…` → ASCII (`２０２０` → `2020`); `．` after a digit → `.`;
 * - ASCII `, ; : ! ? ( )` right after a Chinese character → `，；：！？（）` (`榕江:` → `榕江：`); Chinese
 *   punctuation itself is kept, extractors rely on it;
 * - whitespace runs (incl. U+3000, NBSP) next to a Chinese character are removed (`贫 困 发 生 率` →
 *   `贫困发生率`, `2020 年` → `2020年`); between other characters they become one space; zero-width
 *   characters and control characters are dropped; lines are trimmed;
 * - lines are joined or kept apart as `line-breaks.ts` plans. A kept break is written as `\n` after a line
 *   that ends a sentence and as `\n\n\n` otherwise (titles, captions, cut-off lines), because two blank
 *   lines never join: that is what makes `normalize(normalize(x).text).text === normalize(x).text`.
 */
import { codePointAt, foldWidth, fullWidthPunct, isCjk, isDropped, isInlineSpace } from './char-class.js';
import { planLines } from './line-breaks.js';
import { simplifiedCodePoint } from './simplify.js';

/** A normalised text and its map back to the original. */
export interface NormalizedText {
  /** The decoded original text (BOM removed by decoding, CRLF kept); offsets index into this string. */
  original: string;
  /** The normalised text used for matching; paragraphs are separated by `\n` (or `\n\n\n`, see above). */
  text: string;
  /** Maps a normalised index (0…text.length) to an original index; out-of-range input is clamped. */
  toOriginal(index: number): number;
  /** Maps a normalised span [start, end) to the original span it came from (end exclusive). */
  originalSpan(start: number, end: number): { start: number; end: number };
}

/** UTF-16LE decoder that keeps a leading U+FEFF (the decoder would otherwise eat it as a byte-order mark). */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Typed arrays use the platform's byte order; the decoder reads little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Growable output buffer: UTF-16 code units plus, per unit, where in the original it came from. The end of
 * that source is not stored: it is always one code point (one or two units) of the original.
 */
class Output {
  units: Uint16Array;
  from: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.from = new Int32Array(capacity);
  }

  push(unit: number, from: number): void {
    if (this.length === this.units.length) this.grow();
    const k = this.length++;
    this.units[k] = unit;
    this.from[k] = from;
  }

  private grow(): void {
    const cap = this.units.length * 2 + 16;
    const u = new Uint16Array(cap);
    u.set(this.units);
    this.units = u;
    const f = new Int32Array(cap);
    f.set(this.from);
    this.from = f;
  }

  toString(): string {
    const units = this.units.subarray(0, this.length);
    // Without surrogates (nearly every report) a UTF-16 decoder builds the same string in one step; it
    // would replace a lone surrogate, so any surrogate takes the chunked fromCharCode path below.
    let surrogates = false;
    for (let k = 0; k < units.length; k++) {
      if ((units[k]! & 0xf800) === 0xd800) {
        surrogates = true;
        break;
      }
    }
    if (!surrogates && LITTLE_ENDIAN) return UTF16.decode(units);
    // fromCharCode in chunks keeps lone surrogates as they are (TextDecoder would replace them).
    let s = '';
    for (let k = 0; k < this.length; k += 8192) {
      s += String.fromCharCode.apply(
        null,
        this.units.subarray(k, Math.min(k + 8192, this.length)) as unknown as number[],
      );
    }
    return s;
  }
}

/** Emits the normalised form of the original (before traditional → simplified). */
function emit(original: string): Output {
  const plan = planLines(original);
  const out = new Output(original.length + 3 * plan.count + 16);
  for (let k = 0; k < plan.count; k++) {
    let prevCjk = false; // last emitted non-space character is Chinese
    let prevDigit = false;
    let spaceFrom = -1; // pending whitespace run (or line join) in the original
    let joined = false; // the pending whitespace is a line join
    let started = false;
    // One paragraph: line k and the lines it continues on.
    for (;;) {
      const end = plan.ends[k]!;
      for (let i = plan.starts[k]!; i < end;) {
        const c = original.charCodeAt(i);
        if (c >= 0x4e00 && c <= 0x9fff && spaceFrom < 0) {
          // Fast path for the common case, a BMP Han character with no pending space: no folding, no
          // punctuation mapping, always Chinese.
          const to = simplifiedCodePoint(c);
          if (to > 0xffff) {
            // A few map into plane 2 (朥 → 𦛨).
            out.push(0xd800 + ((to - 0x10000) >> 10), i);
            out.push(0xdc00 + ((to - 0x10000) & 0x3ff), i);
          } else {
            out.push(to, i);
          }
          started = true;
          prevCjk = true;
          prevDigit = false;
          joined = false;
          i++;
          continue;
        }
        if (isDropped(c)) {
          i++;
          continue;
        }
        if (isInlineSpace(c)) {
          if (spaceFrom < 0) spaceFrom = i;
          i++;
          continue;
        }
        let cp = codePointAt(original, i);
        const width = cp > 0xffff ? 2 : 1;
        cp = simplifiedCodePoint(foldWidth(cp));
        if (prevCjk) {
          const fw = fullWidthPunct(cp);
          if (fw !== 0) cp = fw;
        } else if (cp === 0xff0e && prevDigit) {
          cp = 0x2e; // ３．５ → 3.5
        }
        const cjk = isCjk(cp);
        if (spaceFrom >= 0) {
          // A number wrapped across lines (`86\n00人`) is one number; other non-Chinese neighbours keep a space.
          const splitNumber = joined && prevDigit && cp >= 0x30 && cp <= 0x39;
          if (started && !cjk && !prevCjk && !splitNumber) out.push(0x20, spaceFrom);
          spaceFrom = -1;
        }
        joined = false;
        if (cp > 0xffff) {
          out.push(0xd800 + ((cp - 0x10000) >> 10), i);
          out.push(0xdc00 + ((cp - 0x10000) & 0x3ff), i);
        } else {
          out.push(cp, i);
        }
        started = true;
        prevCjk = cjk;
        prevDigit = cp >= 0x30 && cp <= 0x39;
        i += width;
      }
      if (k + 1 < plan.count && plan.joins[k] === 1) {
        if (spaceFrom < 0) spaceFrom = end; // the line break acts as whitespace between the two lines
        joined = true;
        k++;
        continue;
      }
      break;
    }
    if (k + 1 < plan.count) {
      const at = plan.ends[k]!;
      out.push(0x0a, at);
      if (plan.terminal[k] !== 1) {
        out.push(0x0a, at);
        out.push(0x0a, at);
      }
    }
  }
  return out;
}

/**
 * Normalises a text for matching and keeps a map from every normalised index back to the original.
 * Idempotent: normalising the normalised text changes nothing. Never throws.
 * @param original - decoded text (see `decodeBytes`)
 * @example
 * const n = normalize('從江縣 脫 貧\n攻堅，');
 * n.text // → '从江县脱贫攻坚，' (when the line break is judged to be a wrap)
 * n.original.slice(n.originalSpan(0, 3).start, n.originalSpan(0, 3).end) // → '從江縣'
 */
export function normalize(original: string): NormalizedText {
  const out = emit(original);
  const text = out.toString();
  const from = out.from;
  const len = text.length;
  const origLen = original.length;
  /** End (exclusive) in the original of the source of normalised unit i: one code point from its start. */
  const endOf = (i: number): number => {
    const at = from[i]!;
    return Math.min(origLen, at + (codePointAt(original, at) > 0xffff ? 2 : 1));
  };
  const clamp = (i: number): number => (i < 0 ? 0 : i > len ? len : Math.trunc(i));
  const toOriginal = (index: number): number => {
    const i = clamp(index);
    if (len === 0) return 0;
    return i < len ? from[i]! : endOf(len - 1);
  };
  return {
    original,
    text,
    toOriginal,
    originalSpan(start: number, end: number): { start: number; end: number } {
      const s = clamp(start);
      const e = clamp(end);
      if (e <= s) {
        const at = toOriginal(s);
        return { start: at, end: at };
      }
      return { start: from[s]!, end: Math.max(from[s]!, endOf(e - 1)) };
    },
  };
}
