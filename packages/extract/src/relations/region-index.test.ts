import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor } from '../extractors/regions.js';
import { RegionIndex } from './region-index.js';

const extractor = Extractor.create({ entityExtractors: [regionExtractor], relationExtractors: [] });
const indexOf = (text: string): { ix: RegionIndex; text: string } => {
  const { ctx } = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return { ix: new RegionIndex(ctx), text: ctx.normalized.text };
};

describe('RegionIndex', () => {
  it('should list region mentions by sentence and find the first one by code, name and start', () => {
    const { ix, text } = indexOf('从江县加榜乡发展茶叶。台江县和从江县结对。');
    expect(ix.inSentence(0).map((r) => r.name)).toEqual(['从江县', '加榜乡']);
    expect(ix.inSentence(1).map((r) => r.name)).toEqual(['台江县', '从江县']);
    const first = ix.firstNamed('从江县')!;
    expect(first.sentence).toBe(0);
    expect(ix.firstWithCode(first.code!)).toBe(first);
    expect(ix.firstStartingAt(text.indexOf('加榜乡'))?.name).toBe('加榜乡');
    expect(ix.firstStartingAt(1)).toBeUndefined();
    expect(ix.firstNamed(undefined)).toBeUndefined();
  });

  it('should return the regions starting inside a span in mention order', () => {
    const { ix, text } = indexOf('威宁县雪山镇的合作社发展马铃薯。');
    expect(ix.startingWithin(0, text.indexOf('的')).map((r) => r.name)).toEqual(['威宁彝族回族苗族自治县', '雪山镇']);
    expect(ix.startingWithin(text.indexOf('合作社'), text.length)).toEqual([]);
  });

  it('should find the longest region name a name opens with, shorter than the name', () => {
    const { ix } = indexOf('从江县加榜乡发展茶叶。');
    expect(ix.longestNamePrefixOf('从江县人民医院')?.name).toBe('从江县');
    expect(ix.longestNamePrefixOf('从江县')).toBeUndefined();
    expect(ix.longestNamePrefixOf('台江县人民医院')).toBeUndefined();
  });

  it('should offer a township whose stem opens a name and leaves more than one character', () => {
    const { ix } = indexOf('从江县加榜乡发展茶叶。');
    expect(ix.stemCandidates('加榜梯田景区').map((r) => r.name)).toEqual(['加榜乡']);
    expect(ix.stemCandidates('加榜茶')).toEqual([]);
    expect(ix.stemCandidates('从江梯田景区')).toEqual([]);
  });
});
