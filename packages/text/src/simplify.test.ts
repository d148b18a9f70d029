/**
 * Tests for toSimplified, including an exhaustive check that converting twice equals converting once.
 */
import { describe, expect, it } from 'vitest';
import { simplifiedCodePoint, toSimplified } from './simplify.js';

describe('toSimplified', () => {
  it('should convert traditional place names and keep simplified text', () => {
    expect(toSimplified('從江縣與寧波市開展東西部扶貧協作')).toBe('从江县与宁波市开展东西部扶贫协作');
    expect(toSimplified('台江县与深圳市')).toBe('台江县与深圳市');
    expect(toSimplified('abc，123。')).toBe('abc，123。');
  });

  it('should be a fixpoint for every code point (converting twice = once)', () => {
    const broken: string[] = [];
    for (let cp = 0x2e80; cp < 0x32000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const once = simplifiedCodePoint(cp);
      if (simplifiedCodePoint(once) !== once) broken.push(String.fromCodePoint(cp));
    }
    expect(broken).toEqual([]);
  });

  it('should map supplementary-plane characters without breaking surrogate pairs', () => {
    const s = '𠀀𡘙縣';
    const out = toSimplified(s);
    expect(out.endsWith('县')).toBe(true);
    expect(out.isWellFormed()).toBe(true);
  });
});
