import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor } from './regions.js';
import { siteExtractor } from './sites.js';
import { programExtractor } from './programs.js';

const extractor = Extractor.create({
  entityExtractors: [regionExtractor, programExtractor, siteExtractor],
  relationExtractors: [],
});
const sites = (text: string): string[] => {
  const { ctx } = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return ctx.mentions.filter((m) => m.type === 'Site').map((m) => m.name);
};

describe('siteExtractor', () => {
  it('should take a resettlement site named by its place', () => {
    expect(sites('威宁县五里岗街道移民安置点一角')).toEqual(['威宁县五里岗街道移民安置点']);
  });

  it('should give each listed site the shared suffix', () => {
    expect(sites('全面完成丰泽、幸福等5个安置点搬迁入住任务。')).toEqual(['丰泽安置点', '幸福安置点']);
  });

  it('should take a production base that names its place', () => {
    expect(sites('台江县南宫镇茶叶基地一角')).toEqual(['台江县南宫镇茶叶基地']);
  });

  it('should take a base named by what it breeds, and a named sales centre', () => {
    expect(sites('思明区援建的马铃薯良种繁育基地带动农户。')).toEqual(['马铃薯良种繁育基地']);
    expect(sites('从江县加快发展。在杭州市建成从江农特产品展销中心。')).toEqual(['从江农特产品展销中心']);
  });

  it('should not take generic sites', () => {
    expect(sites('在县城集中安置点建成扶贫车间15家，猕猴桃基地喜获丰收。')).toEqual([]);
    expect(sites('规划建设安置点15个。')).toEqual([]);
  });

  it('should not start a site name with the end of a date', () => {
    expect(sites('2022年榕江县三江口景区接待游客10万人次。')).toEqual(['榕江县三江口景区']);
  });

  it('should not take graded or generic bases, or phrases joined by a verb of becoming', () => {
    expect(sites('台江县建成高标准茶园3个、辣椒标准化种植基地2个。')).toEqual([]);
    expect(sites('从江县推动传统村落变景区。')).toEqual([]);
  });

  it('should take a product base named by what is done there', () => {
    expect(sites('在平略镇建成生猪养殖示范场。')).toEqual(['生猪养殖示范场']);
  });

  it('should keep a word that opens a place name though it is also a function word', () => {
    expect(sites('2020年建成将军山红色旅游景区。')).toEqual(['将军山红色旅游景区']);
  });

  it('should take a resettlement area that holds a national program after its place, not the bare program', () => {
    expect(sites('在南屏易地扶贫搬迁安置区建成扶贫车间5个。')).toEqual(['南屏易地扶贫搬迁安置区']);
    expect(sites('全县最大的易地扶贫搬迁安置点安置群众800户。')).toEqual([]);
  });

  it('should take a demonstration park named by its place', () => {
    expect(sites('打造威宁县苹果产业示范园区。')).toEqual(['威宁县苹果产业示范园区']);
  });
});
