import { describe, expect, it } from 'vitest';
import { JiebaSegmenter } from '../segmenter.js';
import {
  WordEnds,
  tokenHolding,
  endsAt,
  firstStartingAt,
  holdingBefore,
  indexTokens,
  oneCharWordAt,
  tagWithOffsets,
  wordTokens,
  WordsMismatch,
  type Token,
} from './tagged-tokens.js';
import type { Segmenter } from '../types.js';

const seg = JiebaSegmenter.shared();
const texts = [
  '从江县与杭州市某某食品有限公司签约，经劳务工作站推荐到宁波务工。',
  '威宁县卫健局、发改局和苏州大学附属第一医院共建医联体。',
  '台江县种植茶叶2万亩，建成3个扶贫车间。',
];

describe('tagWithOffsets', () => {
  it('should give contiguous words with tags and offsets, the same list for the same text', () => {
    const tokens = tagWithOffsets(seg, texts[0]!);
    expect(tokens.map((t) => t.word).join('')).toBe(texts[0]);
    tokens.forEach((t, i) => expect(t.start).toBe(i === 0 ? 0 : tokens[i - 1]!.end));
    expect(tokens.every((t) => t.tag.length > 0)).toBe(true);
    expect(tagWithOffsets(seg, texts[0]!)).toBe(tokens);
  });
});

describe('indexTokens', () => {
  it('should answer the lookups the linear scans over the tokens answer, at every offset', () => {
    for (const text of texts) {
      const tokens = tagWithOffsets(seg, text);
      const index = indexTokens(tokens);
      for (let at = -1; at <= text.length + 1; at++) {
        expect(holdingBefore(index, at)).toBe(tokens.findIndex((t) => t.start < at && at <= t.end));
        expect(tokenHolding(tokens, at)).toBe(tokens.findIndex((t) => t.start <= at && at < t.end));
        expect(firstStartingAt(tokens, index, at)).toBe(tokens.findIndex((t) => t.start === at));
        expect(endsAt(tokens, index, at)).toBe(tokens.some((t) => t.end === at));
        expect(oneCharWordAt(tokens, index, at)).toBe(tokens.find((t) => t.start === at && t.end === at + 1));
      }
    }
  });

  it('should fall back to scans when a token is empty', () => {
    const tokens: Token[] = [
      { word: '从江县', tag: 'ns', start: 0, end: 3 },
      { word: '', tag: 'x', start: 3, end: 3 },
      { word: '与', tag: 'p', start: 3, end: 4 },
    ];
    const index = indexTokens(tokens);
    expect(firstStartingAt(tokens, index, 3)).toBe(1);
    expect(endsAt(tokens, index, 3)).toBe(true);
    expect(oneCharWordAt(tokens, index, 3)?.word).toBe('与');
    expect(holdingBefore(index, 4)).toBe(2);
  });
});

describe('wordTokens', () => {
  it('should give the words, offsets and tags tagWithOffsets gives, tagging on read', () => {
    for (const text of texts) {
      const lazy = wordTokens(seg, text).map((t) => ({ word: t.word, tag: t.tag, start: t.start, end: t.end }));
      expect(lazy).toEqual(
        tagWithOffsets(seg, text).map((t) => ({ word: t.word, tag: t.tag, start: t.start, end: t.end })),
      );
    }
  });

  it('should be tagWithOffsets for a segmenter that cannot tag words alone', () => {
    const plain: Segmenter = { cut: (t) => seg.cut(t), tag: (t) => seg.tag(t) };
    expect(wordTokens(plain, texts[2]!)).toBe(tagWithOffsets(plain, texts[2]!));
  });

  it('should tag the whole text when a word cannot be tagged alone, and throw when its words differ', () => {
    const same: Segmenter = {
      cut: () => ['台江县', '脱贫'],
      tag: () => [
        { word: '台江县', tag: 'ns' },
        { word: '脱贫', tag: 'v' },
      ],
      tagWords: () => undefined,
    };
    expect(wordTokens(same, '台江县脱贫').map((t) => t.tag)).toEqual(['ns', 'v']);
    const differing: Segmenter = {
      cut: () => ['台江', '县'],
      tag: () => [{ word: '台江县', tag: 'ns' }],
      tagWords: () => undefined,
    };
    expect(() => wordTokens(differing, '台江县').map((t) => t.tag)).toThrow(WordsMismatch);
  });
});

describe('WordEnds', () => {
  it("should answer as the set of the cut's word ends, asked in order or not", () => {
    const text = '从江县进行动态监测并实施春风行动';
    const ends = new Set<number>([0]);
    let at = 0;
    for (const w of seg.cut(text)) ends.add((at += w.length));
    const asked = new WordEnds(seg, text);
    const offsets = [...Array(text.length + 1).keys()];
    for (const i of [...offsets, ...offsets.reverse()]) expect(asked.has(i)).toBe(ends.has(i));
  });
});
