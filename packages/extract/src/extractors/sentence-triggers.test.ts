import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  endsWithOneOf,
  literalAlternation,
  literalMatchesBySentence,
  literalTrigger,
  matchesIn,
  overlappedSentences,
  sentencesMatching,
  sentencesMatchingAny,
} from './sentence-triggers.js';

/** Sentence spans of a text cut after every 。 (what splitSentences gives for plain prose). */
function spans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '。') {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The sentences a per-sentence test of the trigger keeps (what the scan must never miss). */
function naive(text: string, re: RegExp): number[] {
  const test = new RegExp(re.source);
  return spans(text)
    .map((s, i) => (test.test(text.slice(s.start, s.end)) ? i : -1))
    .filter((i) => i >= 0);
}

describe('overlappedSentences', () => {
  it('should keep only the sentences that hold a trigger', () => {
    const text = '威宁县脱贫。威宁县引进宁波某食品有限公司。台江县种植茶叶。从江县成立合作社。';
    expect(overlappedSentences(text, spans(text), literalAlternation(['有限公司', '公司', '合作社']))).toEqual([1, 3]);
  });

  it('should keep a sentence whose trigger starts inside a longer match of another alternative', () => {
    // 集团公司 in the first sentence, 公司 alone in the second: both kept
    const text = '台江县组建某集团公司。杭州某公司捐款。';
    const re = literalAlternation(['集团公司', '公司']);
    expect(overlappedSentences(text, spans(text), re)).toEqual([0, 1]);
  });

  it('should keep every sentence a match crosses and none twice', () => {
    const text = '甲乙丙丁。戊己';
    expect(overlappedSentences(text, spans(text), /丁。戊|丙/g)).toEqual([0, 1]);
  });

  it('should never miss a sentence a per-sentence test keeps', () => {
    const text =
      '从江县打造“稻鱼鸭”模式。苏州市帮扶威宁县建设产业园。威宁县种植马铃薯20万亩，发展乡村旅游。' +
      '深圳市某银行支行捐赠10万元。大连市与台江县开展协作。';
    for (const re of [
      /产业园|园区|基地/g,
      /[“"+]|协作/g,
      /(?:\d+|[一二三四五六七八九十百千万]+)(?:万)?亩|旅游/g,
      literalAlternation(['银行', '支行', '行']),
    ]) {
      const got = overlappedSentences(text, spans(text), re);
      for (const i of naive(text, re)) expect(got).toContain(i);
    }
  });

  it('should find nothing in a text without sentences or without a trigger', () => {
    expect(overlappedSentences('', [], /公司/g)).toEqual([]);
    const text = '威宁县脱贫。';
    expect(overlappedSentences(text, spans(text), /公司/)).toEqual([]);
  });
});

describe('literalTrigger', () => {
  // registered once, as extractors do at module load: overlapping words, a word inside another, an order kept
  const longest = literalTrigger(['公司', '有限公司', '集团公司', '团公']);
  const given = literalTrigger(['丙', '丙丁。戊', '乙丙', '+'], false);
  const sorted = literalTrigger(['丙', '丙丁。戊', '乙丙', '+']);
  const pieces = ['甲', '乙', '丙', '丁', '。', '戊', '公司', '有限', '集团', '团', '+', '台江县'];

  it('should give the sentences a scan of its regex gives, from the shared scan', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const ctx = { normalized: { text }, sentences: spans(text) } as unknown as Parameters<
          typeof sentencesMatching
        >[0];
        for (const re of [longest, given, sorted])
          expect(sentencesMatching(ctx, re)).toEqual(
            overlappedSentences(text, ctx.sentences, new RegExp(re.source, 'g')),
          );
      }),
    );
  });

  it('should keep the order given when asked, like an alternation in that order', () => {
    expect(given.source).toBe('丙|丙丁。戊|乙丙|\\+');
    expect(longest.source).toBe('有限公司|集团公司|公司|团公');
    const text = '甲丙丁。戊己';
    const ctx = { normalized: { text }, sentences: spans(text) } as unknown as Parameters<typeof sentencesMatching>[0];
    // 丙 is tried before 丙丁。戊, which longest first takes and which crosses into the second sentence
    expect(sentencesMatching(ctx, given)).toEqual([0]);
    expect(sentencesMatching(ctx, sorted)).toEqual([0, 1]);
  });
});

describe('literalAlternation', () => {
  it('should try longer words first and escape regex characters', () => {
    const re = literalAlternation(['公司', '有限公司', '+']);
    expect(re.source).toBe('有限公司|公司|\\+');
    expect('宁波某食品有限公司'.match(re)?.[0]).toBe('有限公司');
  });
});

describe('sentencesMatchingAny', () => {
  it('should give the union of the sentences each trigger keeps', () => {
    const text = '台江县种植茶叶2万亩。威宁县脱贫。从江县引进某公司。';
    const ctx = { normalized: { text }, sentences: spans(text) } as unknown as Parameters<
      typeof sentencesMatchingAny
    >[0];
    expect(sentencesMatchingAny(ctx, [/\d+万?亩/g, /公司/g])).toEqual([0, 2]);
    expect(sentencesMatchingAny(ctx, [])).toEqual([]);
  });
});

describe('matchesIn', () => {
  it('should give what matchAll gives and leave lastIndex at 0', () => {
    const re = /(?:有限公司|合作社)/g;
    const text = '威宁县某某有限公司与台江县某合作社签约';
    expect(matchesIn(text, re).map((m) => [m.index, m[0]])).toEqual([...text.matchAll(re)].map((m) => [m.index, m[0]]));
    expect(re.lastIndex).toBe(0);
    expect(matchesIn('威宁县脱贫', re)).toEqual([]);
  });
});

describe('literalMatchesBySentence', () => {
  const ctxOf = (text: string) =>
    ({ normalized: { text }, sentences: spans(text) }) as unknown as Parameters<typeof literalMatchesBySentence>[0];
  /** What a regex alternation of the words, longest first, matches sentence by sentence. */
  const byRegex = (text: string, words: string[]) =>
    spans(text)
      .map((s, i): [number, { index: number; word: string }[]] => [
        i,
        matchesIn(text.slice(s.start, s.end), literalAlternation(words)).map((m) => ({ index: m.index, word: m[0] })),
      ])
      .filter(([, ms]) => ms.length > 0);

  it('should take the longest word at a position and go on after it', () => {
    const text = '台江县发展茶叶茶园。威宁县的茶叶收入增加。';
    expect(literalMatchesBySentence(ctxOf(text), ['茶', '茶叶', '茶园'])).toEqual([
      [
        0,
        [
          { index: 5, word: '茶叶' },
          { index: 7, word: '茶园' },
        ],
      ],
      [1, [{ index: 4, word: '茶叶' }]],
    ]);
  });

  it('should match what a regex alternation matches in each sentence', () => {
    const chars = ['茶', '叶', '园', '猪', '香', '。'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((a) => a.join('')),
        fc.uniqueArray(
          fc.array(fc.constantFrom(...chars.slice(0, 5)), { minLength: 1, maxLength: 3 }).map((a) => a.join('')),
          { minLength: 1, maxLength: 5 },
        ),
        (text, words) => {
          expect(literalMatchesBySentence(ctxOf(text), words)).toEqual(byRegex(text, words));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('endsWithOneOf', () => {
  it('should answer as the end-anchored alternation of the words', () => {
    const words = ['机制', '制', '工作法', '行动'];
    const test = endsWithOneOf(words);
    const re = new RegExp(`(?:${words.join('|')})$`);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('机', '制', '工作', '法', '行', '动', '从江县'), { maxLength: 8 }),
        (parts) => {
          const text = parts.join('');
          expect(test.test(text)).toBe(re.test(text));
        },
      ),
    );
    expect(test.test('')).toBe(false);
  });
});
