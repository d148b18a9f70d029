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
});
