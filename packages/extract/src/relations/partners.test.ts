import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { ENTITY_EXTRACTORS } from '../extractors/index.js';
import { partnersRelations } from './partners.js';

const extractor = Extractor.create({ entityExtractors: ENTITY_EXTRACTORS, relationExtractors: [] });
const pairs = (text: string): string[] => {
  const ctx = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) }).ctx;
  return partnersRelations(ctx).map((r) => `${r.source.name}↔${r.target.name}`);
};

describe('partnersRelations', () => {
  it('should pair a lead company with the linkage model and the acting region', () => {
    const text = '台江县加快发展。依托黔台集团等龙头企业，按照“公司+合作社+农户”模式，将利益联结到户。';
    expect(pairs(text).sort()).toEqual(['黔台集团↔公司+合作社+农户', '黔台集团↔台江县'].sort());
  });

  it('should not pair a company named without a linkage word', () => {
    expect(pairs('台江县加快发展。黔台集团召开年度会议。')).toEqual([]);
    expect(pairs('台江县加快发展。台盘乡成立台盘村种养殖农民专业合作社。')).toEqual([]);
  });

  it('should pair a firm with the villages it brings along, not with the county of its own name', () => {
    const text = '从江县加快发展。从江县宏丰公司带动高增村、岜扒村农户种植百香果。';
    expect(pairs(text).sort()).toEqual(['从江县宏丰公司↔岜扒村', '从江县宏丰公司↔高增村'].sort());
  });

  it('should read a bare 公司 as the firm named just before', () => {
    const text = '榕江县引进宁波禾丰食品有限公司。公司按照“公司+合作社+农户”模式，与八开镇高排村、摆底村签订订单。';
    expect(pairs(text).sort()).toEqual(
      ['宁波禾丰食品有限公司↔公司+合作社+农户', '宁波禾丰食品有限公司↔摆底村', '宁波禾丰食品有限公司↔高排村'].sort(),
    );
  });

  it('should pair a firm with the county it opens counters for, and a cooperative with its model', () => {
    expect(pairs('榕江县加快发展。宁波华联集团在门店设立榕江县专柜。')).toEqual(['宁波华联集团↔榕江县']);
    expect(pairs('榕江县加快发展。加榜乡百香果专业合作社采取“龙头企业+合作社+农户”模式带动农户。')).toEqual([
      '加榜乡百香果专业合作社↔龙头企业+合作社+农户',
    ]);
  });

  it('should pair every firm a region takes shares in', () => {
    const text = '台江县加快发展。台江县以扶贫资金入股黔台集团、台江城投等公司。';
    expect(pairs(text).sort()).toEqual(['台江城投↔台江县', '黔台集团↔台江县'].sort());
  });
});
