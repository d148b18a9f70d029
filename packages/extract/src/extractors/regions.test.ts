import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor, primaryRegionOf } from './regions.js';

const extractor = Extractor.create({ entityExtractors: [regionExtractor], relationExtractors: [] });
const regions = (text: string) => {
  const ctx = extractor.context({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return { ctx, mentions: regionExtractor.extract(ctx) };
};
const names = (text: string) => regions(text).mentions.map((m) => m.name);

describe('regionExtractor', () => {
  it('should link counties, townships and listed villages to their codes and parents', () => {
    const { mentions } = regions('从江县加榜乡尧贵村今年种植百香果300亩。');
    expect(mentions.map((m) => [m.type, m.name, m.code])).toEqual([
      ['County', '从江县', '522633000000'],
      ['Township', '加榜乡', '522633205000'],
      ['Village', '尧贵村', '522633205201'],
    ]);
    expect(mentions[2]!.parent).toBe('加榜乡');
    expect(mentions[0]!.parent).toBe('黔东南苗族侗族自治州');
  });

  it('should read a village the gazetteer lacks and give it the township named before it', () => {
    const { mentions } = regions('台江县施洞镇旧州村和从江县加榜乡党扭村都建起了合作社。');
    const village = mentions.find((m) => m.name === '党扭村');
    expect(village).toMatchObject({ type: 'Village', parent: '加榜乡', parentCode: '522633205000' });
    expect(village?.code).toBeUndefined();
  });

  it('should not read a region in counts, demonstratives and generic phrases', () => {
    expect(names('全县112个贫困村全部出列，该村和各村的示范村建设加快。')).toEqual([]);
    expect(names('驻村干部联系村民，深度贫困村和易地扶贫搬迁安置社区都有了新变化。')).toEqual([]);
  });

  it('should settle a township name shared by several counties by the county the report names', () => {
    const { mentions } = regions('雷山县大力发展旅游，西江镇游客不断增加。');
    expect(mentions.find((m) => m.name === '西江镇')?.code).toBe('522634101000');
  });

  it('should resolve eastern partner districts of any province', () => {
    const { mentions } = regions('苏州市吴江区与台江县结对，宁波市海曙区与丹寨县开展协作。');
    expect(mentions.map((m) => m.code)).toEqual([
      '320500000000',
      '320509000000',
      '522630000000',
      '330200000000',
      '330203000000',
      '522636000000',
    ]);
  });

  it('should accept a bare county stem only when the report supports it', () => {
    expect(names('从江县位于黔东南州南部。从江百香果远销杭州。')).toContain('从江县');
    expect(
      regions('从江县位于黔东南州南部。从江百香果远销杭州。').mentions.filter((m) => m.surface === '从江'),
    ).toHaveLength(1);
    // A stem alone, with nothing in the report to back it, is not read.
    expect(names('台江的朋友来了。')).toEqual([]);
  });

  it('should keep the full official name as canonical and the short form as an alias', () => {
    const { mentions } = regions('威宁县石门乡发展马铃薯产业，威宁彝族回族苗族自治县加快脱贫。');
    const county = mentions.find((m) => m.surface === '威宁县');
    expect(county?.name).toBe('威宁彝族回族苗族自治县');
    expect(county?.aliases).toContain('威宁县');
  });

  it('should read traditional-script text through normalisation', () => {
    const { mentions } = regions('從江縣加榜鄉發展梯田旅遊。');
    expect(mentions.map((m) => m.name)).toEqual(['从江县', '加榜乡']);
    expect(mentions[0]!.surface).toBe('从江县');
  });
});

describe('primaryRegionOf', () => {
  it('should pick the most-named western county over an eastern partner', () => {
    const { mentions } = regions(
      '杭州市萧山区帮扶从江县。从江县发展香猪。萧山区投入资金。萧山区派出干部。从江县脱贫。',
    );
    expect(primaryRegionOf(mentions)).toEqual({ type: 'County', name: '从江县', code: '522633000000' });
  });
});

describe('regionExtractor (bare partner cities)', () => {
  it('should read an eastern city named without its suffix', () => {
    expect(names('台江县加快发展，宁波帮扶资金已全部到位。')).toContain('宁波市');
  });

  it('should not read a short county name inside a phrase', () => {
    expect(names('台江县把劳动力送往外省和县内企业。')).toEqual(['台江县']);
  });
});
