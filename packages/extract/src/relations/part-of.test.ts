import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { ENTITY_EXTRACTORS } from '../extractors/index.js';
import { partOfRelations } from './part-of.js';

const extractor = Extractor.create({ entityExtractors: ENTITY_EXTRACTORS, relationExtractors: [] });
const pairs = (text: string): string[] => {
  const ctx = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) }).ctx;
  return partOfRelations(ctx).map((r) => `${r.source.name}→${r.target.name}`);
};

describe('partOfRelations', () => {
  it('should make quoted components part of the program just before them', () => {
    expect(pairs('从江县全面落实农村饮水安全巩固提升工程“三个责任”“三项制度”。').sort()).toEqual(
      ['三个责任→农村饮水安全巩固提升工程', '三项制度→农村饮水安全巩固提升工程'].sort(),
    );
  });

  it('should make the items of a compound formula part of it', () => {
    const text = '台江县创新实施“两带头、三包保”。“两带头”即党员带头、干部带头。';
    expect(pairs(text)).toEqual(['两带头→两带头、三包保']);
  });

  it('should make a named extension part of the program it extends', () => {
    const text = '从江县大力开展易地扶贫搬迁，实施“易地扶贫搬迁后续扶持提升”行动。';
    expect(pairs(text)).toEqual(['易地扶贫搬迁后续扶持提升→易地扶贫搬迁']);
  });

  it('should make a province pair’s cooperation part of the east-west cooperation', () => {
    expect(pairs('两地持续深化津甘协作。')).toEqual(['津甘协作→东西部扶贫协作']);
  });

  it('should read parts named as the content of, inside or under the frame of a broader program', () => {
    expect(pairs('从江县把“积分超市”模式作为“乡风文明行动”的重要内容。')).toEqual(['积分超市→乡风文明行动']);
    expect(pairs('在东西部扶贫协作框架下，从江县实施“黔货出山”行动。')).toEqual(['黔货出山→东西部扶贫协作']);
    expect(pairs('从江县深化“四场硬仗”中的“组组通”。')).toEqual(['组组通→四场硬仗']);
    expect(pairs('从江县把“组组通”作为脱贫攻坚“四场硬仗”的重要内容。')).toEqual(['组组通→四场硬仗']);
  });

  it('should not relate programs that merely share a sentence', () => {
    expect(pairs('从江县坚持精准扶贫，推行“积分超市”模式。')).toEqual([]);
  });
});
