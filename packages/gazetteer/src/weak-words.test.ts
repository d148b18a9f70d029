import { describe, expect, it } from 'vitest';
import { makeWeakTest } from './weak-words.js';

// A few lines in the shape of jieba's dict.txt (word freq tag) and idf.txt (word idf), written for the test.
const dict = ['和平 7998 nz', '丹寨 3 ns', '大连 1034 d', '杭州 2806 ns', '经济 50000 n'].join('\n');
const idf = ['和平 6.66', '丹寨 12.5', '大连 7.58', '杭州 6.36', '经济 4.2'].join('\n');
const isWeak = makeWeakTest(dict, idf);

describe('makeWeakTest', () => {
  it('should flag a stem that is a common word not tagged as a place', () => {
    expect(isWeak('和平', 'stem')).toBe(true);
  });

  it('should keep place stems strong even when jieba mis-tags them or they are frequent', () => {
    expect(isWeak('大连', 'stem')).toBe(false);
    expect(isWeak('杭州', 'stem')).toBe(false);
    expect(isWeak('丹寨', 'stem')).toBe(false);
  });

  it('should flag generic and determiner stems', () => {
    expect(isWeak('城东', 'stem')).toBe(true);
    expect(isWeak('全州', 'stem')).toBe(true);
  });

  it('should flag generic township names and zones with a common head', () => {
    expect(isWeak('城关镇', 'official')).toBe(true);
    expect(isWeak('街道', 'official')).toBe(true);
    expect(isWeak('经济开发区', 'official')).toBe(true);
    expect(isWeak('林业站', 'official')).toBe(true);
    expect(isWeak('丹寨县', 'official')).toBe(false);
    expect(isWeak('排调镇', 'official')).toBe(false);
  });
});
