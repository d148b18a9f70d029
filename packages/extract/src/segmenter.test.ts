import { describe, expect, it } from 'vitest';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { CachingSegmenter, DOMAIN_WORDS, JiebaSegmenter, isCutEdge } from './segmenter.js';

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

  it('should cut each sentence asked for once, alone, and texts outside the document alone', () => {
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
    seg.tag(text.slice(0, 10));
    seg.cut('威宁县');
    expect(calls).toEqual([text.slice(0, 10), text.slice(10, 19), '威宁县']);
  });

  it('should cut the whole document when a sentence does not end at an edge jieba splits at', () => {
    const calls: string[] = [];
    const inner = JiebaSegmenter.shared();
    const counting = { cut: (t: string) => (calls.push(t), inner.cut(t)), tag: (t: string) => inner.tag(t) };
    const glued = '台江县引进杭州企业';
    const seg = new CachingSegmenter(counting, { text: glued, spans: [{ start: 0, end: 3 }, { start: 3, end: 9 }] });
    expect(seg.spanWords(glued, 0, 3)).toBeUndefined();
    expect(seg.cut('台江县')).toEqual(['台江县']);
    expect(calls).toEqual([glued]);
  });
});

describe('CachingSegmenter.spanWords', () => {
  const text = '从江县开展劳务协作，在苏州市设立窗口。台江县引进杭州企业';
  const spans = [
    { start: 0, end: 10 },
    { start: 10, end: 19 },
    { start: 19, end: text.length },
  ];

  it('should give a span the words of the whole-text cut there, with where each starts', () => {
    const inner = JiebaSegmenter.shared();
    const seg = new CachingSegmenter(inner, { text, spans });
    const whole = inner.cut(text);
    let k = 0;
    for (const s of spans) {
      const got = seg.spanWords(text, s.start, s.end)!;
      expect(got.words).toEqual(inner.cut(text.slice(s.start, s.end)));
      let at = s.start;
      got.words.forEach((w, i) => {
        expect(w).toBe(whole[k++]);
        expect(got.wordAt[at]).toBe(i + 1);
        for (let x = at + 1; x < at + w.length; x++) expect(got.wordAt[x]).toBe(0);
        at += w.length;
      });
      expect(at).toBe(s.end);
      expect(seg.spanWords(text, s.start, s.end)).toBe(got); // cut once
    }
  });

  it('should give nothing for a range that is no span or another text', () => {
    const seg = new CachingSegmenter(JiebaSegmenter.shared(), { text, spans });
    expect(seg.spanWords(text, 0, 9)).toBeUndefined();
    expect(seg.spanWords(text, 1, 10)).toBeUndefined();
    expect(seg.spanWords('威宁县', 0, 3)).toBeUndefined();
    expect(new CachingSegmenter(JiebaSegmenter.shared()).spanWords(text, 0, 10)).toBeUndefined();
  });
});

describe('isCutEdge', () => {
  it('should tell run edges outside \\r\\n from offsets inside a run', () => {
    const t = '威宁县，ABC公司\r\n台江县';
    expect(isCutEdge(t, 0)).toBe(true);
    expect(isCutEdge(t, 3)).toBe(true); // 威宁县|，
    expect(isCutEdge(t, 4)).toBe(true); // ，|ABC
    expect(isCutEdge(t, 2)).toBe(false); // 威宁|县
    expect(isCutEdge(t, 6)).toBe(false); // AB|C
    expect(isCutEdge(t, 10)).toBe(false); // \r|\n
    expect(isCutEdge(t, 11)).toBe(true); // \n|台
    expect(isCutEdge(t, t.length)).toBe(true);
  });
});
