import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor } from './regions.js';
import { industryExtractor } from './industries.js';
import { siteExtractor } from './sites.js';

const extractor = Extractor.create({
  entityExtractors: [regionExtractor, siteExtractor, industryExtractor],
  relationExtractors: [],
});
const industries = (text: string): string[] => {
  const { ctx } = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return ctx.mentions.filter((m) => m.type === 'Industry').map((m) => m.name);
};

describe('industryExtractor', () => {
  it('should take the product before a farm quantity', () => {
    expect(industries('全县种植刺梨12万亩、猕猴桃3.5万亩，肉牛存栏8万头。')).toEqual(['刺梨', '猕猴桃', '肉牛']);
  });

  it('should take the product after a land quantity', () => {
    expect(industries('从江县的5万亩百香果进入采摘期。')).toEqual(['百香果']);
  });

  it('should take a product named in parentheses', () => {
    expect(industries('种植蔬菜（含辣椒）20万亩。').sort()).toEqual(['蔬菜', '辣椒'].sort());
  });

  it('should take the items of a list closed by 等产业', () => {
    expect(industries('台江县重点发展油茶、香猪和稻田养鱼等特色产业。')).toEqual(['油茶', '香猪', '稻田养鱼']);
  });

  it('should take the products of 发展X产业 but not a description of industries', () => {
    expect(industries('大力发展蓝莓产业，做强茶叶、油茶产业。')).toEqual(['蓝莓', '茶叶', '油茶']);
    expect(industries('发展了一批见效快、附加值高的特色产业，发展坝区产业。')).toEqual([]);
  });

  it('should take the leading products of a township and products before their base', () => {
    expect(industries('南宫镇主打蓝莓和食用菌。')).toEqual(['蓝莓', '食用菌']);
    expect(industries('建成白茶基地2200亩、精品水果基地1200亩。')).toEqual(['白茶', '精品水果']);
  });

  it('should drop a leading place from a product', () => {
    expect(industries('从江县加快发展。发展从江香猪、椪柑等特色产业。')).toContain('椪柑');
    expect(industries('从江县加快发展。发展从江香猪、椪柑等特色产业。')).not.toContain('从江香猪');
  });

  it('should take a designated leading industry', () => {
    expect(industries('确立蓝莓为全县主导产业。')).toEqual(['蓝莓']);
  });

  it('should take the product of a production base and of a growing verb', () => {
    expect(industries('台江县南宫镇茶叶基地一角')).toEqual(['茶叶']);
    expect(industries('村民们忙着种植魔芋。')).toEqual(['魔芋']);
  });

  it('should not take collective words, places or quantities of other things', () => {
    expect(industries('累计销售农产品13万吨，调减低效农作物2万亩。')).toEqual([]);
    expect(industries('台江县建档立卡贫困户3000户，其中搬迁1200户。')).toEqual([]);
    expect(industries('其中从江县总计种植5000亩。')).toEqual([]);
  });

  it('should take every product listed after a growing verb', () => {
    expect(industries('威宁县种植苦荞、燕麦和蔬菜，带动农户增收。')).toEqual(['苦荞', '燕麦', '蔬菜']);
    expect(industries('台江县大力发展黄牛、半细毛羊养殖。')).toEqual(['黄牛', '半细毛羊']);
  });

  it('should take sectors a township develops, but not its collective economy', () => {
    expect(industries('加榜乡发展乡村旅游和民宿经济。')).toEqual(['乡村旅游', '民宿经济']);
    expect(industries('加榜乡发展壮大村集体经济。')).toEqual([]);
  });

  it('should not take a measure word as part of the product', () => {
    expect(industries('黄牛饲养量达到2万头。')).toEqual(['黄牛']);
  });

  it('should not read descriptions or lists of rooms as products', () => {
    expect(industries('发展了一批周期短、见效快的产业。')).toEqual([]);
    expect(industries('门诊设有接种室、留观室和资料室。')).toEqual([]);
  });

  it('should find a known product again where villages or a growing word stand in its clause', () => {
    const text = '榕江县大力发展百香果产业。八开镇高排村、摆底村的百香果收入逐年增加。百香果口感很好。';
    expect(industries(text)).toEqual(['百香果', '百香果']);
  });

  it('should not take farmland or greenhouses as products', () => {
    expect(industries('建成高标准农田5万亩、冷凉蔬菜基地2万亩。')).toEqual(['冷凉蔬菜']);
  });

  it('should not keep the aspect particle of the verb before a list', () => {
    expect(industries('全县形成了苦荞、草畜、小杂粮三大主导产业。')).toEqual(['苦荞', '草畜', '小杂粮']);
  });

  it('should not find a known product again inside a cooperative’s name', () => {
    const text = '榕江县大力发展百香果产业。高排村、摆底村成立百香果专业合作社。';
    expect(industries(text)).toEqual(['百香果']);
  });

  it('should take the first item of a list led by an adverbial verb (立足, 依托)', () => {
    expect(industries('台江县立足茶叶、桑蚕、油茶三大特色产业。')).toEqual(['茶叶', '桑蚕', '油茶']);
  });

  it('should read a tea garden as its product', () => {
    expect(industries('全县茶园面积达到15万亩。')).toEqual(['茶叶']);
  });

  it('should find a known product again inside the name of a base that breeds it', () => {
    const text = '榕江县大力发展香羊产业。在八开镇，北仑区投资建设香羊保种繁育场。';
    expect(industries(text)).toEqual(['香羊', '香羊']);
  });
});
