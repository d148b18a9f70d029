import { describe, expect, it } from 'vitest';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { CachingSegmenter, DOMAIN_WORDS, JiebaSegmenter } from './segmenter.js';

describe('JiebaSegmenter', () => {
  it('should keep domain words of the user dictionary whole', () => {
    const words = JiebaSegmenter.shared().cut('台江县与杭州市开展东西部扶贫协作和劳务协作');
    expect(words).toContain('东西部扶贫协作');
    expect(words).toContain('劳务协作');
  });

  it('should return one instance per process', () => {
    expect(JiebaSegmenter.shared()).toBe(JiebaSegmenter.shared());
  });

  it('should tag place names as ns', () => {
    const tags = JiebaSegmenter.shared().tag('在从江县设立销售窗口');
    expect(tags.find((t) => t.word === '从江县')?.tag).toBe('ns');
    expect(tags.map((t) => t.word).join('')).toBe('在从江县设立销售窗口');
  });
});

describe('JiebaSegmenter.tag', () => {
  it('should tag words it has seen before exactly as a native tag of the text', () => {
    const seg = JiebaSegmenter.shared();
    seg.tag('威宁县引进宁波某农业公司。'); // teaches these words
    const text = '宁波某农业公司在威宁县引进'; // only known words, in another order
    const native = Jieba.withDict(dict);
    native.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n') + '\n'));
    expect(seg.tag(text)).toEqual(native.tag(text, false));
    expect(seg.tag(text).find((t) => t.word === '威宁县')?.tag).toBe('ns');
  });
});

describe('CachingSegmenter', () => {
  const text = '从江县开展劳务协作，在苏州市设立窗口。台江县引进杭州企业';
  const spans = [
    { start: 0, end: 10 },
    { start: 10, end: 19 },
    { start: 19, end: text.length },
  ];

  it('should give a sentence of its document the words a segmentation of that sentence alone gives', () => {
    const inner = JiebaSegmenter.shared();
    const seg = new CachingSegmenter(inner, { text, spans });
    for (const s of spans) {
      const sentence = text.slice(s.start, s.end);
      expect(seg.tag(sentence)).toEqual(inner.tag(sentence));
      expect(seg.cut(sentence)).toEqual(inner.cut(sentence));
    }
  });

  it('should segment the whole document with one call and texts outside it alone', () => {
    const calls: string[] = [];
    const inner = JiebaSegmenter.shared();
    const counting = {
      cut: (t: string) => (calls.push(t), inner.cut(t)),
      tag: (t: string) => (calls.push(t), inner.tag(t)),
      tagWords: (words: readonly string[]) => inner.tagWords(words),
    };
    const seg = new CachingSegmenter(counting, { text, spans });
    seg.cut(text.slice(0, 10));
    seg.tag(text.slice(10, 19));
    seg.cut('威宁县');
    expect(calls).toEqual([text, '威宁县']);
  });
});
