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

  it('should take the place a firm settles in or builds in', () => {
    expect(pairs('榕江县加快发展。宁波禾丰食品有限公司落户八开镇，投资800万元建设加工厂。').sort()).toEqual(
      ['宁波禾丰食品有限公司→八开镇', '宁波禾丰食品有限公司→榕江县'].sort(),
    );
    expect(pairs('榕江县加快发展。宁波禾丰食品有限公司在八开镇建设百香果基地。').sort()).toEqual(
      ['宁波禾丰食品有限公司→八开镇', '宁波禾丰食品有限公司→榕江县'].sort(),
    );
  });

  it('should take the villages an investment builds up, and not the firm it partners', () => {
    const text = '榕江县加快发展。宁波文旅集团与榕江县旅游投资有限公司合作，投资2亿元打造高排村、摆底村旅游线路。';
    const got = pairs(text);
    expect(got).toEqual(expect.arrayContaining(['宁波文旅集团→高排村', '宁波文旅集团→摆底村']));
    expect(got.some((p) => p.startsWith('榕江县旅游投资有限公司'))).toBe(false);
  });

  it('should not give a building done by a region to a firm named after it', () => {
    const text = '榕江县加快发展。北仑区在八开镇建设大棚200个，榕江县菌业专业合作社负责统一供种。';
    expect(pairs(text)).toEqual([]);
  });
});
