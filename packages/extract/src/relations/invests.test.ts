import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { ENTITY_EXTRACTORS } from '../extractors/index.js';
import { investsRelations } from './invests.js';

const extractor = Extractor.create({ entityExtractors: ENTITY_EXTRACTORS, relationExtractors: [] });
const pairs = (text: string): string[] => {
  const ctx = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) }).ctx;
  return investsRelations(ctx).map((r) => `${r.source.name}→${r.target.name}`);
};

describe('investsRelations', () => {
  it('should link an introduced company to the acting region, not to the place in its name', () => {
    expect(pairs('从江县加快招商。从江县通过招商引资，引进浙江省宁波市甬丰农业发展有限公司。')).toEqual([
      '浙江省宁波市甬丰农业发展有限公司→从江县',
    ]);
  });

  it('should add the places where the company builds', () => {
    const text = '威宁县发展产业。引进青岛市海源食品有限公司，在迤那镇和牛棚镇建设苹果基地。';
    expect(pairs(text).sort()).toEqual(
      [
        '青岛市海源食品有限公司→威宁彝族回族苗族自治县',
        '青岛市海源食品有限公司→牛棚镇',
        '青岛市海源食品有限公司→迤那镇',
      ].sort(),
    );
  });

  it('should not carry a township from an earlier sentence into an investment', () => {
    const text = '威宁县发展产业。迤那镇种植苹果2万亩。青岛市海源食品有限公司投资2亿元建设加工厂。';
    expect(pairs(text)).toEqual(['青岛市海源食品有限公司→威宁彝族回族苗族自治县']);
  });

  it('should not link a company without an investment word', () => {
    expect(pairs('从江县加快发展。宁波市甬丰农业发展有限公司负责人介绍情况。')).toEqual([]);
  });
});
