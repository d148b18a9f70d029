import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { linkedRegions } from './regions.js';
import { unlistedRegions } from './region-patterns.js';

const extractor = Extractor.create({ relationExtractors: [] });
const unlisted = (text: string) => {
  const ctx = extractor.context({ path: 'test.txt', text, sha256: sha256Hex(text) });
  const linked = linkedRegions(ctx, ctx.gazetteer!);
  ctx.primaryRegion = { type: 'County', name: '从江县', code: '522633000000' };
  return unlistedRegions(ctx, linked).map((m) => `${m.type}:${m.name}<${m.parent ?? ''}`);
};

describe('unlistedRegions', () => {
  it('should read an unlisted village after a township, a preposition or a sentence start', () => {
    expect(unlisted('从江县加榜乡党扭村发展梯田旅游。')).toEqual(['Village:党扭村<加榜乡']);
    expect(unlisted('从江县加榜乡发展梯田旅游，家住党扭村的老人也有了收入。')).toEqual(['Village:党扭村<']);
  });

  it('should read nothing in counts, verbs on villages and generic phrases', () => {
    expect(unlisted('从江县112个贫困村全部出列，驻村干部主持村务，各村成立村集体合作社。')).toEqual([]);
    expect(unlisted('从江县建设通村通组道路，帮扶联系村脱贫成效挂钩。')).toEqual([]);
    expect(unlisted('从江县的“香猪村”远近闻名。')).toEqual([]);
  });

  it('should read an unlisted township only after a hard boundary, under the primary county', () => {
    expect(unlisted('从江县大力发展产业，家住雾溪镇的村民也受益。')).toEqual(['Township:雾溪镇<从江县']);
    expect(unlisted('从江县成就杉乡底色。')).toEqual([]);
  });

  it('should read a four-character village stem only between hard boundaries', () => {
    expect(unlisted('从江县大力发展产业。在雾溪乡阿土勒尔村，村民搬进新居。')).toEqual([
      'Township:雾溪乡<从江县',
      'Village:阿土勒尔村<雾溪乡',
    ]);
  });

  it('should take a township of the same clause as parent, not one of the next clause', () => {
    expect(unlisted('从江县加快发展。党扭村村民是加榜乡第一批外出务工人员。')).toEqual(['Village:党扭村<加榜乡']);
    expect(unlisted('从江县加快发展。干部走访党扭村，家住加榜乡的老人也来了。')).toEqual(['Village:党扭村<']);
  });

  it('should read a village jieba glued to its suffix only right after its township', () => {
    expect(unlisted('从江县加榜乡坡塘村发展芒果产业。')).toEqual(['Village:坡塘村<加榜乡']);
    expect(unlisted('从江县加快发展，她原来住在加榜乡的一个偏僻山村。')).toEqual([]);
  });
});
