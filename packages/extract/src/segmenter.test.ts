import { describe, expect, it } from 'vitest';
import { JiebaSegmenter } from './segmenter.js';

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
