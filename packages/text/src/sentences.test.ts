/**
 * Tests for splitSentences: terminators, quotations kept whole, paragraphs, offsets into the original.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('should split on Chinese and ASCII sentence ends', () => {
    const texts = splitSentences(normalize('从江县脱贫。台江县也脱贫了！威宁县呢？剩余任务；全部完成…… OK! Next?')).map(
      (s) => s.text,
    );
    expect(texts).toEqual([
      '从江县脱贫。',
      '台江县也脱贫了！',
      '威宁县呢？',
      '剩余任务；',
      '全部完成……',
      'OK!',
      'Next?',
    ]);
  });

  it('should keep a quotation whole and end the sentence after a quoted full stop', () => {
    const texts = splitSentences(normalize('村民说：“产业兴了。日子好了！”杭州帮扶的茶园丰收了。')).map((s) => s.text);
    expect(texts).toEqual(['村民说：“产业兴了。日子好了！”', '杭州帮扶的茶园丰收了。']);
  });

  it('should not split inside corner brackets', () => {
    const texts = splitSentences(normalize('宁波提出「先扶志。再扶智。」的思路，从江县照此推进。')).map((s) => s.text);
    expect(texts).toEqual(['宁波提出「先扶志。再扶智。」的思路，从江县照此推进。']);
  });

  it('should end sentences at paragraph breaks and number paragraphs', () => {
    const sentences = splitSentences(normalize('青岛帮扶台江县\n\n\n台江县新建厂房两座。引进企业五家。'));
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['青岛帮扶台江县', 0],
      ['台江县新建厂房两座。', 1],
      ['引进企业五家。', 1],
    ]);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('should give the exact original slice, traditional characters included', () => {
    const original = '大連市幫扶從江縣，\n修建道路十公里。';
    const [s] = splitSentences(normalize(original));
    expect(s?.text).toBe('大连市帮扶从江县，修建道路十公里。');
    expect(s?.original).toBe(original);
    expect(original.slice(s!.originalStart, s!.originalEnd)).toBe(s?.original);
  });
});
