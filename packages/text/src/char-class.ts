/**
 * Character classes
 *
 * Normalisation decides what to do with a space, a line break or a comma by looking at the characters
 * around it: is it Chinese (Han, kana, CJK punctuation) or not? These small lookups are kept in one file,
 * work on UTF-16 code units / code points without allocating, and are shared by normalise and sentences.
 */

/**
 * True for characters that count as whitespace inside a line (line breaks are handled separately).
 * @param code - a UTF-16 code unit
 * @example
 * isInlineSpace('\u3000'.charCodeAt(0)) // → true (the ideographic space in `贫\u3000困`)
 */
export function isInlineSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0xa0 || // no-break space, common in saved web pages
    code === 0x3000 || // ideographic (full-width) space
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x1680
  );
}

/**
 * True for invisible characters that are dropped everywhere (zero-width, BOM, C0 controls).
 * @param code - a UTF-16 code unit
 * @example
 * isDropped(0x200b) // → true (zero-width space inside `从\u200b江县`)
 */
export function isDropped(code: number): boolean {
  return (
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0xad || // soft hyphen
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0b && code !== 0x0c) ||
    code === 0x7f
  );
}

/**
 * True for line terminators: LF, CR, VT, FF, NEL, LS, PS.
 * @param code - a UTF-16 code unit
 * @example
 * isLineBreak('\n'.charCodeAt(0)) // → true
 */
export function isLineBreak(code: number): boolean {
  return (
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/**
 * True for a Han ideograph code point (BMP blocks and the supplementary planes 2 and 3).
 * @param cp - a code point
 * @example
 * isHan('县'.codePointAt(0)!) // → true
 */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x3007 // 〇
  );
}

/**
 * True for code points written without spaces in Chinese text: Han, kana, CJK symbols and punctuation, full-width forms, and the curly quotes/dashes/ellipsis Chinese typography uses.
 * @param cp - a code point
 * @example
 * isCjk('，'.codePointAt(0)!) // → true; isCjk('A'.codePointAt(0)!) // → false
 */
export function isCjk(cp: number): boolean {
  return (
    isHan(cp) ||
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0x2018 && cp <= 0x201f) ||
    cp === 0x2014 ||
    cp === 0x2015 ||
    cp === 0x2026 ||
    cp === 0x00b7 ||
    cp === 0x25a1 || // □ used before bylines
    (cp >= 0x2460 && cp <= 0x24ff) // ①② enclosed numbers
  );
}

/**
 * Full-width → half-width for digits, Latin letters and the symbols that matter for numbers and codes (％ ＋ － ＝ ＜ ＞ ＠ ＃ ＆ ＊ ／ ＼ ＿ ｜ ～ ＾ ＄). Chinese punctuation (，。：；！？（）「」) is kept as it is because extractors rely on it. Returns the code unchanged when nothing applies.
 * @param code - a code point
 * @example
 * String.fromCharCode(foldWidth('２'.charCodeAt(0))) // → '2' (`２０２０年` → `2020年`)
 */
export function foldWidth(code: number): number {
  if (code < 0xff01 || code > 0xff5e) return code;
  if (
    (code >= 0xff10 && code <= 0xff19) || // ０-９
    (code >= 0xff21 && code <= 0xff3a) || // Ａ-Ｚ
    (code >= 0xff41 && code <= 0xff5a) // ａ-ｚ
  ) {
    return code - 0xfee0;
  }
  switch (code) {
    case 0xff05: // ％
    case 0xff0b: // ＋
    case 0xff0d: // －
    case 0xff1d: // ＝
    case 0xff1c: // ＜
    case 0xff1e: // ＞
    case 0xff20: // ＠
    case 0xff03: // ＃
    case 0xff06: // ＆
    case 0xff0a: // ＊
    case 0xff0f: // ／
    case 0xff3c: // ＼
    case 0xff3f: // ＿
    case 0xff5c: // ｜
    case 0xff5e: // ～
    case 0xff3e: // ＾
    case 0xff04: // ＄
      return code - 0xfee0;
    default:
      return code;
  }
}

/**
 * The full-width form of ASCII punctuation that Chinese text should carry when it follows a Chinese character (`榕江:` → `榕江：`, `近年来,` → `近年来，`), or 0 when the character is not one of them.
 * @param code - a code point
 * @example
 * String.fromCharCode(fullWidthPunct(':'.charCodeAt(0))) // → '：' (`榕江:` → `榕江：`)
 */
export function fullWidthPunct(code: number): number {
  switch (code) {
    case 0x2c: // ,
      return 0xff0c;
    case 0x3b: // ;
      return 0xff1b;
    case 0x3a: // :
      return 0xff1a;
    case 0x21: // !
      return 0xff01;
    case 0x3f: // ?
      return 0xff1f;
    case 0x28: // (
      return 0xff08;
    case 0x29: // )
      return 0xff09;
    default:
      return 0;
  }
}

/**
 * True for punctuation that ends a sentence: 。！？；… and ASCII ! ? ;.
 * @param code - a UTF-16 code unit
 * @example
 * isSentenceEnd('。'.charCodeAt(0)) // → true
 */
export function isSentenceEnd(code: number): boolean {
  return (
    code === 0x3002 || // 。
    code === 0xff01 || // ！
    code === 0xff1f || // ？
    code === 0xff1b || // ；
    code === 0x2026 || // …
    code === 0x21 ||
    code === 0x3f ||
    code === 0x3b ||
    code === 0xff61 // ｡ half-width ideographic full stop
  );
}

/**
 * True for closing quotes and brackets that stay with the sentence they close (”’」』）)】》〕).
 * @param code - a UTF-16 code unit
 * @example
 * isCloser('”'.charCodeAt(0)) // → true (`“四个不摘”`)
 */
export function isCloser(code: number): boolean {
  return (
    code === 0x201d ||
    code === 0x2019 ||
    code === 0x300d ||
    code === 0x300f ||
    code === 0xff09 ||
    code === 0x29 ||
    code === 0x3011 ||
    code === 0x300b ||
    code === 0x3015 ||
    code === 0x22 ||
    code === 0x27
  );
}

/**
 * True for opening quotes inside which a sentence is never split (“ 「 『).
 * @param code - a UTF-16 code unit
 * @example
 * isQuoteOpen('「'.charCodeAt(0)) // → true
 */
export function isQuoteOpen(code: number): boolean {
  return code === 0x201c || code === 0x300c || code === 0x300e;
}

/**
 * True for closing quotes matching {@link isQuoteOpen} (” 」 』).
 * @param code - a UTF-16 code unit
 * @example
 * isQuoteClose('」'.charCodeAt(0)) // → true
 */
export function isQuoteClose(code: number): boolean {
  return code === 0x201d || code === 0x300d || code === 0x300f;
}

/**
 * Code point at `i` of `s` (combining a surrogate pair), without allocating.
 * @param s - the string
 * @param i - index of a UTF-16 unit
 * @example
 * codePointAt('𠀀县', 0) // → 0x20000
 */
export function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}
