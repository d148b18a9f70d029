/**
 * Decode bytes to text
 *
 * Reports come as UTF-8 (with or without BOM), UTF-16 with BOM from Windows tools, and GBK/GB18030 or
 * Big5 from older Chinese sites and archives. Guessing by hand goes wrong, so a BOM decides when present,
 * strict UTF-8 is tried next, and otherwise chardet names the encoding and iconv-lite decodes it. Binary
 * files and empty files are refused with an InputError naming the file.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError, sha256Hex } from '@fupin/graph-schema';
import { readFileBytes } from './read-bytes.js';

/** Decoded text and the encoding it was read with. */
export interface DecodedText {
  /** The text, BOM removed, line endings as in the file. */
  text: string;
  /** Encoding name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5`, … */
  encoding: string;
}

/** Options for {@link readTextFile}. */
export interface ReadTextOptions {
  /** Refuse files larger than this many bytes with INPUT_TOO_LARGE. */
  maxBytes?: number;
}

const SNIFF = 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Index of the first NUL byte in the first KB, or -1. */
function firstNul(bytes: Uint8Array, from: number): number {
  const end = Math.min(bytes.length, from + SNIFF);
  for (let i = from; i < end; i++) if (bytes[i] === 0) return i;
  return -1;
}

/** Share of C0 control bytes (other than tab, LF, CR, FF, VT, ESC) in the first KB. */
function controlRatio(bytes: Uint8Array, from: number): number {
  const end = Math.min(bytes.length, from + SNIFF);
  let controls = 0;
  for (let i = from; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) controls++;
  }
  return end > from ? controls / (end - from) : 0;
}

function isBlank(text: string): boolean {
  // \s covers U+3000 and U+FEFF; zero-width characters are listed one by one (not joined in a class).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060) continue;
    if (!/\s/u.test(text[i]!)) return false;
  }
  return true;
}

/** Maps a chardet name to an iconv-lite encoding, preferring supersets (GB2312/GBK → GB18030). */
function iconvName(name: string): string {
  const upper = name.toUpperCase();
  if (upper === 'GB2312' || upper === 'GBK' || upper === 'GB18030' || upper === 'EUC-CN') return 'GB18030';
  if (upper === 'BIG5' || upper === 'BIG-5') return 'Big5';
  return name;
}

/**
 * Decodes the bytes of a text file: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then the encoding
 * chardet detects (GB18030/GBK, Big5, …) decoded with iconv-lite.
 * @param bytes - file contents
 * @param file - the file name, used in errors
 * @throws InputError INPUT_EMPTY (nothing but whitespace), INPUT_BINARY (NUL bytes or control characters),
 *   INPUT_ENCODING (no encoding decodes it cleanly)
 * @example
 * decodeBytes(iconv.encode('从江县脱贫攻坚', 'gbk'), 'a.txt') // → { text: '从江县脱贫攻坚', encoding: 'GB18030' }
 */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new InputError('INPUT_EMPTY', file, `text.decode: ${file} is empty; expected text`);
  const b0 = bytes[0];
  const b1 = bytes[1];
  let decoded: DecodedText;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    decoded = decodeUtf8(bytes.subarray(3), file, 3);
  } else if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    if (bytes.length % 2 !== 0) {
      throw new InputError(
        'INPUT_ENCODING',
        file,
        `text.decode: ${file} has a ${encoding} BOM but an odd length; expected ${encoding}`,
      );
    }
    decoded = {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2), encoding),
      encoding,
    };
    checkDecoded(decoded, file);
  } else {
    const nul = firstNul(bytes, 0);
    if (nul >= 0) {
      throw new InputError(
        'INPUT_BINARY',
        file,
        `text.decode: ${file} looks binary (NUL at byte ${nul}); expected text`,
      );
    }
    if (controlRatio(bytes, 0) > 0.1) {
      throw new InputError(
        'INPUT_BINARY',
        file,
        `text.decode: ${file} looks binary (control characters); expected text`,
      );
    }
    decoded = decodeUtf8(bytes, file, 0);
  }
  if (isBlank(decoded.text)) {
    throw new InputError('INPUT_EMPTY', file, `text.decode: ${file} holds only whitespace; expected text`);
  }
  return decoded;
}

/** Strict UTF-8, else the detected legacy encoding. */
function decodeUtf8(bytes: Uint8Array, file: string, offset: number): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    if (offset > 0) {
      throw new InputError(
        'INPUT_ENCODING',
        file,
        `text.decode: ${file} has a UTF-8 BOM but invalid UTF-8; expected UTF-8`,
      );
    }
  }
  // UTF-8 with a stray bad byte (a file cut mid-character, one corrupted sequence) is still UTF-8; a
  // GBK or Big5 file read as UTF-8 turns into mostly replacement characters instead.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  if (replacementRatio(lenient) <= 0.001) return { text: lenient, encoding: 'UTF-8' };
  // chardet often ranks EUC-JP, EUC-KR or Big5 above GB18030 on short or repetitive Chinese text, and
  // those decode "cleanly" into rare characters. So every clean candidate (GB18030 and Big5 always among
  // them) is scored by how much of it is common Chinese (GB2312 level 1 or Big5 frequent characters);
  // the best wins, ties going to GB18030 (a Chinese project), then to chardet's order.
  const names = [...new Set([...chardet.analyse(bytes).map((m) => iconvName(m.name)), 'GB18030', 'Big5'])];
  let best: { decoded: DecodedText; score: number; rank: number } | undefined;
  for (const [order, name] of names.entries()) {
    if (name.toUpperCase() === 'UTF-8' || !iconv.encodingExists(name)) continue;
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), name);
    if (replacementRatio(text) > 0.01) continue;
    const score = chineseScore(text);
    const rank = name === 'GB18030' && score > 0 ? -1 : order;
    if (!best || score > best.score || (score === best.score && rank < best.rank)) {
      best = { decoded: { text, encoding: name }, score, rank };
    }
  }
  if (best) return best.decoded;
  throw new InputError(
    'INPUT_ENCODING',
    file,
    `text.decode: ${file} is neither UTF-8 nor a detectable encoding; expected text`,
  );
}

/** Share of common Chinese characters among the letters of a text (ASCII, digits, punctuation, spaces ignored). */
function chineseScore(text: string): number {
  let letters = 0;
  let common = 0;
  for (const ch of text.length > 4096 ? text.slice(0, 4096) : text) {
    if (ch.charCodeAt(0) < 0x80 || /[\p{P}\p{S}\p{N}\s]/u.test(ch)) continue;
    letters++;
    if (/\p{Script=Han}/u.test(ch) && isCommonHan(ch)) common++;
  }
  return letters > 0 ? common / letters : 0;
}

// GB2312 level 1 (the 3,755 most used simplified characters, lead bytes 0xB0–0xD7) and Big5's 5,401
// frequent characters (0xA440–0xC67E): tables any Chinese text is mostly made of.
const commonHan = new Map<string, boolean>();
function isCommonHan(ch: string): boolean {
  let common = commonHan.get(ch);
  if (common === undefined) {
    const gb = iconv.encode(ch, 'gbk');
    const big5 = iconv.encode(ch, 'big5');
    common =
      (gb.length === 2 && gb[0]! >= 0xb0 && gb[0]! <= 0xd7) ||
      (big5.length === 2 && ((big5[0]! >= 0xa4 && big5[0]! < 0xc6) || (big5[0] === 0xc6 && big5[1]! <= 0x7e)));
    commonHan.set(ch, common);
  }
  return common;
}

function replacementRatio(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return text.length > 0 ? bad / text.length : 0;
}

/** UTF-16 text must not be full of replacement or control characters. */
function checkDecoded(decoded: DecodedText, file: string): void {
  if (replacementRatio(decoded.text) > 0.01) {
    throw new InputError(
      'INPUT_ENCODING',
      file,
      `text.decode: ${file} does not decode as ${decoded.encoding}; expected text`,
    );
  }
  let controls = 0;
  const n = Math.min(decoded.text.length, SNIFF);
  for (let i = 0; i < n; i++) {
    const c = decoded.text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) controls++;
  }
  if (n > 0 && controls / n > 0.1) {
    throw new InputError('INPUT_BINARY', file, `text.decode: ${file} looks binary (control characters); expected text`);
  }
}

/**
 * Reads and decodes a text file, returning the bytes and their SHA-256 as well (the Document id derives from it).
 * @param path - file path
 * @param options - `maxBytes` to refuse oversized files
 * @throws InputError INPUT_UNREADABLE (missing, a directory, no permission), INPUT_TOO_LARGE, and the
 *   errors of {@link decodeBytes}
 * @example
 * const { text, encoding, sha256 } = await readTextFile('reports/从江县.txt');
 */
export async function readTextFile(
  path: string,
  options: ReadTextOptions = {},
): Promise<DecodedText & { bytes: Uint8Array; sha256: string }> {
  const bytes = await readFileBytes(path, 'text.readTextFile', options.maxBytes);
  const decoded = decodeBytes(bytes, path);
  return { ...decoded, bytes, sha256: sha256Hex(bytes) };
}
