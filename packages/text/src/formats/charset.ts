/**
 * Charset of a saved web page
 *
 * Chinese portals still serve GBK/GB2312 pages and say so only inside the page: `<meta charset="gbk">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. This reads that declaration from
 * the first bytes (as the HTML standard's prescan does) and decodes with iconv-lite; without one, the page
 * is decoded like any text file.
 */
import iconv from 'iconv-lite';
import { InputError } from '@fupin/graph-schema';
import { decodeBytes, type DecodedText } from '../decode.js';

/**
 * The charset a page declares in its first 4 KB, or undefined.
 * @param bytes - page bytes
 * @example
 * sniffHtmlCharset(Buffer.from('<meta charset="gb2312"><title>从江县</title>')) // → 'gb2312'
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/giu)) {
    const m = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu.exec(meta[0]);
    if (m) return m[1]!.toLowerCase();
  }
  return undefined;
}

/**
 * Decodes a web page: a BOM wins, then the declared charset (GB2312/GBK read as GB18030, their superset),
 * then the detection used for text files.
 * @param bytes - page bytes
 * @param file - file name for errors
 * @example
 * decodeHtml(iconv.encode('<meta charset="gbk"><p>台江县</p>', 'gbk'), 'a.html').encoding // → 'GB18030'
 */
export function decodeHtml(bytes: Uint8Array, file: string): DecodedText {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  const declared = hasBom ? undefined : sniffHtmlCharset(bytes);
  if (declared && !/^utf-?8$/u.test(declared)) {
    const name = /^(gb2312|gbk|gb18030|x-gbk|euc-cn|cp936)$/u.test(declared) ? 'GB18030' : declared;
    if (iconv.encodingExists(name)) {
      const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), name);
      if (text.trim().length === 0)
        throw new InputError('INPUT_EMPTY', file, `text.decodeHtml: ${file} is empty; expected a web page`);
      return { text, encoding: name };
    }
  }
  return decodeBytes(bytes, file);
}
