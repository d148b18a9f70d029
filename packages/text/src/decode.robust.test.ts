/**
 * Fuzzing the decoder and the simplifier with fast-check
 *
 * Whatever bytes a file holds, decoding either yields text or refuses with an InputError naming the
 * file — never another exception; text written with a BOM comes back exactly; simplification is
 * idempotent and keeps the text aligned (same length in UTF-16 units for BMP input) so offsets into it
 * stay valid. Inputs are arbitrary bytes and Unicode, plus Chinese fragments written for the tests.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '@fupin/graph-schema';
import { decodeBytes } from './decode.js';
import { toSimplified } from './simplify.js';

const INPUT_CODES = ['INPUT_BINARY', 'INPUT_EMPTY', 'INPUT_ENCODING'];
const CHINESE = [
  '从江县',
  '臺江縣',
  '與杭州市',
  '東西部扶貧協作',
  '脱贫攻坚',
  '，',
  '。',
  '\n',
  '\r\n',
  ' ',
  '𫖮',
  '2020年',
];
const chinese = fc.array(fc.constantFrom(...CHINESE), { minLength: 1, maxLength: 60 }).map((a) => a.join(''));
const anyText = fc.oneof(chinese, fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }));

describe('decodeBytes properties', () => {
  it('should return text or throw an InputError naming the file, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        try {
          const decoded = decodeBytes(bytes, '威宁县.txt');
          expect(typeof decoded.text).toBe('string');
          expect(decoded.text.trim().length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect(INPUT_CODES).toContain((error as InputError).code);
          expect((error as InputError).file).toBe('威宁县.txt');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should give back exactly the text written with a UTF-8 or UTF-16 BOM', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('utf8', 'utf16le', 'utf16be'), (text, encoding) => {
        // Only non-blank text without lone surrogates and control characters round-trips as text.
        // eslint-disable-next-line no-control-regex
        fc.pre(text.trim().length > 0 && text.isWellFormed() && !/[\u0000-\u0008\u000e-\u001f]/.test(text));
        const bytes = iconv.encode(text, encoding, { addBOM: true });
        expect(decodeBytes(bytes, 'a.txt').text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('should decode simplified Chinese of a sentence or more in GB18030 exactly', () => {
    // chardet alone ranks EUC-JP or Big5 first on such text (found by this property); a handful of
    // characters stays ambiguous, so the texts hold twenty or more.
    const longer = fc
      .array(fc.constantFrom('从江县', '与杭州市', '脱贫攻坚', '开展劳务协作', '，', '。', '\n', '2020年'), {
        minLength: 12,
        maxLength: 60,
      })
      .map((a) => a.join(''))
      .filter((text) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length >= 20);
    fc.assert(
      fc.property(longer, (text) => {
        expect(decodeBytes(iconv.encode(text, 'gb18030'), 'a.txt').text).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('should decode traditional Chinese of a sentence or more in Big5 exactly', () => {
    const longer = fc
      .array(fc.constantFrom('臺江縣', '與杭州市', '東西部扶貧協作', '簽訂協議', '，', '。', '\n', '2020年'), {
        minLength: 12,
        maxLength: 60,
      })
      .map((a) => a.join(''))
      .filter((text) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length >= 20);
    fc.assert(
      fc.property(longer, (text) => {
        expect(decodeBytes(iconv.encode(text, 'big5'), 'a.txt').text).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('should tell even three characters of GBK from Big5', () => {
    expect(decodeBytes(iconv.encode('从江县', 'gbk'), 'a.txt').text).toBe('从江县');
    expect(decodeBytes(iconv.encode('臺江縣', 'big5'), 'a.txt').text).toBe('臺江縣');
  });
});

describe('toSimplified properties', () => {
  it('should be idempotent and keep BMP text the same length', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = toSimplified(text);
        expect(toSimplified(once)).toBe(once);
        if (!/[\ud800-\udfff]/.test(text)) expect(once.length).toBe(text.length);
      }),
      { numRuns: 500 },
    );
  });
});
