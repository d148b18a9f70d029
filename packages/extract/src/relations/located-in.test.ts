import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor } from '../extractors/regions.js';
import type { EntityExtractor } from '../types.js';
import { locatedIn } from './located-in.js';

const extractor = Extractor.create({ entityExtractors: [regionExtractor], relationExtractors: [] });
const links = (text: string, extra: EntityExtractor[] = []) => {
  const ex = extra.length
    ? Extractor.create({ entityExtractors: [regionExtractor, ...extra], relationExtractors: [] })
    : extractor;
  const { ctx } = ex.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return locatedIn(ctx).map((r) => `${r.source.name}→${r.target.name}`);
};

describe('locatedIn', () => {
  it('should link each named region to its parent up to the province', () => {
    expect(links('从江县加榜乡尧贵村发展梯田旅游。').sort()).toEqual(
      ['从江县→黔东南苗族侗族自治州', '加榜乡→从江县', '尧贵村→加榜乡', '黔东南苗族侗族自治州→贵州省'].sort(),
    );
  });

  it('should link a county straight to its province only when the report names the province and not the prefecture', () => {
    expect(links('台江县是贵州省深度贫困县之一。')).toContain('台江县→贵州省');
    expect(links('台江县是黔东南州深度贫困县之一，位于贵州省东部。')).not.toContain('台江县→贵州省');
    expect(links('台江县是深度贫困县之一。')).not.toContain('台江县→贵州省');
  });

  it('should link an unlisted village to the township named before it', () => {
    expect(links('从江县加榜乡党扭村建起了茶园。')).toContain('党扭村→加榜乡');
  });

  it('should link a non-region mention that carries a parent to its region', () => {
    const hospital: EntityExtractor = {
      name: 'test-organizations',
      extract: (ctx) => {
        const start = ctx.normalized.text.indexOf('从江县人民医院');
        const county = ctx.mentions.find((m) => m.name === '从江县')!;
        return [
          {
            type: 'Organization',
            name: '从江县人民医院',
            surface: '从江县人民医院',
            start,
            end: start + 7,
            sentence: 0,
            extractor: 'test',
            parent: county.name,
            parentCode: county.code!,
          },
        ];
      },
    };
    expect(links('从江县人民医院开展远程会诊。', [hospital])).toContain('从江县人民医院→从江县');
  });
});

describe('locatedIn (locative phrases)', () => {
  const site = (name: string): EntityExtractor => ({
    name: 'test-sites',
    extract: (ctx) => {
      const start = ctx.normalized.text.indexOf(name);
      return [{ type: 'Site', name, surface: name, start, end: start + name.length, sentence: 0, extractor: 'test' }];
    },
  });

  it('should put a site where the sentence sets it up, over the county its name holds', () => {
    expect(links('在杭州市萧山区设立从江县驻杭劳务工作站。', [site('从江县驻杭劳务工作站')])).toContain(
      '从江县驻杭劳务工作站→萧山区',
    );
  });

  it('should put a site in the township a sentence opens with', () => {
    expect(links('在从江县加榜乡，萧山区投入资金建设梯田观光基地。', [site('梯田观光基地')])).toContain(
      '梯田观光基地→加榜乡',
    );
  });
});

describe('locatedIn (places after a site, and sites left without one)', () => {
  const site = (name: string): EntityExtractor => ({
    name: 'test-sites',
    extract: (ctx) => {
      const start = ctx.normalized.text.indexOf(name);
      const sentence = ctx.sentences.findIndex((s) => s.start <= start && start < s.end);
      return [{ type: 'Site', name, surface: name, start, end: start + name.length, sentence, extractor: 'test' }];
    },
  });

  it('should put a site where the words after it place it', () => {
    expect(links('从江县发展冷链。萧山区援建的冷链物流中心在加榜乡建成投用。', [site('冷链物流中心')])).toContain(
      '冷链物流中心→加榜乡',
    );
  });

  it('should put a site in the report county only when its sentence names no other place', () => {
    expect(links('从江县加快搬迁。全面完成月亮湾安置点搬迁任务。', [site('月亮湾安置点')])).toContain(
      '月亮湾安置点→从江县',
    );
    expect(links('从江县加快搬迁。萧山区援建的月亮湾车间投产。', [site('月亮湾车间')])).not.toContain(
      '月亮湾车间→从江县',
    );
  });

  it('should put a site in every place of a coordinated 在… clause', () => {
    const found = links('从江县发展养殖。在加榜乡和往洞镇，两地合作建设了香猪养殖示范场。', [site('香猪养殖示范场')]);
    expect(found).toContain('香猪养殖示范场→加榜乡');
    expect(found).toContain('香猪养殖示范场→往洞镇');
  });

  it('should read a place set up with money between 在 and the site', () => {
    expect(links('从江县招商。某公司在加榜乡投资6500万元建设肉牛养殖示范场。', [site('肉牛养殖示范场')])).toContain(
      '肉牛养殖示范场→加榜乡',
    );
  });
});
