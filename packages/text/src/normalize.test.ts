/**
 * Tests for normalize: behaviour on hand-written Chinese examples, the five seed reports (read by path,
 * never copied) and fast-check properties (offset maps stay valid, idempotence, no throws).
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';
import { splitSentences } from './sentences.js';
import { simplifiedCodePoint, toSimplified } from './simplify.js';

const SEEDS = '/work/shared/corpus/seeds';
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seed = (prefix: string): string =>
  readFileSync(`${SEEDS}/${seedFiles.find((f) => f.startsWith(prefix))}`, 'utf8');

/** Original slice of a normalised span. */
function back(n: ReturnType<typeof normalize>, start: number, end: number): string {
  const span = n.originalSpan(start, end);
  return n.original.slice(span.start, span.end);
}

/** Loose equality for an original slice and its normalised form: simplified, no whitespace, NFKC. */
function loose(s: string): string {
  return toSimplified(s)
    .replace(/[\s\u200b\ufeff]+/gu, '')
    .normalize('NFKC');
}

describe('normalize', () => {
  it('should convert traditional to simplified and map spans back to the traditional original', () => {
    const n = normalize('寧波市對口幫扶從江縣。');
    expect(n.text).toBe('宁波市对口帮扶从江县。');
    const at = n.text.indexOf('从江县');
    expect(back(n, at, at + 3)).toBe('從江縣');
  });

  it('should fold full-width digits and letters but keep Chinese punctuation', () => {
    const n = normalize('台江县２０１９年ＧＤＰ增长６．５％，“十三五”圆满收官。');
    expect(n.text).toBe('台江县2019年GDP增长6.5%，“十三五”圆满收官。');
  });

  it('should turn ASCII punctuation after Chinese into full-width and keep it between digits', () => {
    expect(normalize('从江县:香猪产业,带动1,200户(贫困户)增收!').text).toBe(
      '从江县：香猪产业，带动1,200户（贫困户）增收！',
    );
  });

  it('should remove spaces inside Chinese runs and keep single spaces between Latin words', () => {
    expect(normalize('贫 困 发 生 率 为 1.2%，到 2020 年 10 月底').text).toBe('贫困发生率为1.2%，到2020年10月底');
    expect(normalize('Poverty   alleviation in  Guizhou').text).toBe('Poverty alleviation in Guizhou');
  });

  it('should join lines wrapped inside a sentence and keep paragraph breaks', () => {
    // A hard-wrapped column (14 characters a line) holding two paragraphs.
    const first =
      '威宁县与杭州市开展结对帮扶双方共建产业园区三个引进企业十二家带动贫困人口就业增收效果明显' +
      '两地干部互派挂职交流学习经验。';
    const second =
      '苏州市吴江区援建从江县的香猪加工厂已经投产年产值达到一亿元辐射全县十个乡镇带动农户致富' +
      '产品通过东部市场销往全国各地。';
    const wrap = (s: string): string[] => s.match(/.{1,14}/gu) ?? [];
    const n = normalize([...wrap(first), ...wrap(second)].join('\n'));
    expect(n.text).toBe(`${first}\n${second}`);
  });

  it('should join a sentence cut across a blank line but keep a title apart', () => {
    const n = normalize('深圳帮扶台江县\n\n2020年，深圳市对口帮扶台江县的资金达到\n\n三亿元，用于产业发展。');
    expect(n.text).toBe('深圳帮扶台江县\n\n\n2020年，深圳市对口帮扶台江县的资金达到三亿元，用于产业发展。');
  });

  it('should join a number wrapped across lines without a space', () => {
    expect(normalize('为支持威宁县产业发展，大连市帮扶资金达到12\n00万元。').text).toBe(
      '为支持威宁县产业发展，大连市帮扶资金达到1200万元。',
    );
  });

  it('should keep numbered headings and datelines apart from the line before', () => {
    const n = normalize(
      '台江县绣娘人数增加到三千人，\n一、坚持党建引领\n杭州市对口帮扶台江县，\n本报讯 台江县召开会议。',
    );
    expect(n.text.split('\n').filter(Boolean)).toEqual([
      '台江县绣娘人数增加到三千人，',
      '一、坚持党建引领',
      '杭州市对口帮扶台江县，',
      '本报讯台江县召开会议。',
    ]);
  });

  it('should never join across two blank lines', () => {
    const n = normalize('青岛市援建的学校，\n\n\n威宁县新建校舍。');
    expect(n.text.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('should keep CRLF in the original and map offsets into it', () => {
    const original = '大连市帮扶\r\n从江县。\r\n台江县脱贫。';
    const n = normalize(original);
    expect(n.original).toBe(original);
    const at = n.text.indexOf('台江县');
    expect(back(n, at, at + 3)).toBe('台江县');
  });

  it('should map the end of the text and clamp out-of-range indexes', () => {
    const n = normalize('  从江县  ');
    expect(n.text).toBe('从江县');
    expect(n.toOriginal(n.text.length)).toBe(5);
    expect(n.toOriginal(-5)).toBe(2);
    expect(n.originalSpan(0, 99)).toEqual({ start: 2, end: 5 });
    expect(normalize('').text).toBe('');
  });
});

describe('normalize on single characters', () => {
  it('should be idempotent for every character that simplification or folding changes', () => {
    const broken: string[] = [];
    for (let cp = 0x20; cp < 0x32000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      if (cp > 0x3100 && simplifiedCodePoint(cp) === cp && (cp < 0xff00 || cp > 0xffef)) continue;
      const once = normalize(String.fromCodePoint(cp)).text;
      if (normalize(once).text !== once) broken.push(String.fromCodePoint(cp));
    }
    expect(broken).toEqual([]);
  });

  it('should keep a character that simplifies into plane 2 whole', () => {
    const n = normalize('朥');
    expect(n.text.isWellFormed()).toBe(true);
    expect(n.text.codePointAt(0)).toBeGreaterThan(0xffff);
    expect(n.originalSpan(0, n.text.length)).toEqual({ start: 0, end: 1 });
  });

  it('should keep a lone surrogate as it is, simplify and drop a leading U+FEFF', () => {
    expect(normalize('从江县\ud800台江县').text).toBe('从江县\ud800台江县');
    expect(normalize('從江縣脫貧，台江县发展。').text).toBe('从江县脱贫，台江县发展。');
    expect(normalize('\ufeff从江县').text).toBe('从江县');
  });
});

describe('normalize on the seed reports', () => {
  it('should simplify the traditional report 003', () => {
    const n = normalize(seed('003'));
    expect(n.text).toContain('瓮安县');
    expect(n.text).toContain('海珠区');
    expect(n.text).not.toContain('甕安縣');
  });

  it('should leave no line breaks inside sentences and no spaces between Chinese characters in 004', () => {
    const n = normalize(seed('004'));
    expect(n.text).not.toMatch(/[\u4e00-\u9fff][ \u3000\t]+[\u4e00-\u9fff]/u);
    for (const s of splitSentences(n)) expect(s.text).not.toContain('\n');
    // A sentence the PDF cut across a blank line is whole again: no paragraph starts with a closing quote.
    for (const para of n.text.split('\n')) expect(para).not.toMatch(/^[”，、）]/u);
  });

  it.each(['000', '001', '002', '003', '004'])(
    'should map every sentence of seed %s back to its original',
    (prefix) => {
      const n = normalize(seed(prefix));
      expect(normalize(n.text).text).toBe(n.text);
      const sentences = splitSentences(n);
      expect(sentences.length).toBeGreaterThan(10);
      for (const s of sentences) {
        expect(n.original.slice(s.originalStart, s.originalEnd)).toBe(s.original);
        expect(loose(s.original)).toBe(loose(s.text));
      }
    },
  );
});

// Characters that exercise every rule: Han (simplified and traditional), full-width forms, ASCII
// punctuation, quotes, sentence ends, spaces of all kinds, line breaks, a supplementary-plane Han character.
const PIECES = [
  '从',
  '江',
  '县',
  '縣',
  '幫',
  '扶',
  '甕',
  '區',
  '薴',
  '苧',
  '乾',
  '隆',
  '𠀀',
  '𡘙',
  '１',
  '２',
  'Ａ',
  'ｂ',
  '％',
  '．',
  '0',
  '9',
  'a',
  'Z',
  ',',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '.',
  '，',
  '。',
  '！',
  '？',
  '；',
  '…',
  '“',
  '”',
  '「',
  '」',
  '（',
  '）',
  '、',
  ' ',
  '\u3000',
  '\u00a0',
  '\t',
  '\u200b',
  '\ufeff',
  '\n',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\n\n\n',
  '一、',
  '（二）',
  '□',
  '——',
  '本报讯',
  '\u0001',
  '\ud800',
];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);

describe('normalize properties', () => {
  it('should map any normalised span to a valid, monotonic original span', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (original, a, b) => {
        const n = normalize(original);
        const len = n.text.length;
        const start = len === 0 ? 0 : a % (len + 1);
        const end = start + (len === 0 ? 0 : b % (len - start + 1));
        const span = n.originalSpan(start, end);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.start).toBeLessThanOrEqual(span.end);
        expect(span.end).toBeLessThanOrEqual(original.length);
        let prev = 0;
        for (let i = 0; i <= len; i++) {
          const o = n.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(prev);
          prev = o;
        }
        expect(prev).toBeLessThanOrEqual(original.length);
      }),
      { numRuns: 400 },
    );
  });

  it('should be idempotent', () => {
    fc.assert(
      fc.property(textArb, (original) => {
        const once = normalize(original).text;
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 600 },
    );
  });

  it('should split sentences whose originals are exact slices', () => {
    fc.assert(
      fc.property(textArb, (original) => {
        const n = normalize(original);
        for (const s of splitSentences(n)) {
          expect(s.start).toBeLessThan(s.end);
          expect(n.text.slice(s.start, s.end)).toBe(s.text);
          expect(original.slice(s.originalStart, s.originalEnd)).toBe(s.original);
        }
      }),
      { numRuns: 300 },
    );
  });
});
