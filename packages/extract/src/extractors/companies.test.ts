import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor } from './regions.js';
import { programExtractor } from './programs.js';
import { companyExtractor, dropOverlaps } from './companies.js';

const extractor = Extractor.create({
  entityExtractors: [regionExtractor, programExtractor, companyExtractor],
  relationExtractors: [],
});
const companies = (text: string): string[] => {
  const { ctx } = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return ctx.mentions.filter((m) => m.type === 'Company').map((m) => m.name);
};

describe('companyExtractor', () => {
  it('should take a full company name with its leading place, stopping at the verb', () => {
    expect(companies('从江县通过招商引资，引进浙江省宁波市甬丰农业发展有限公司。')).toEqual([
      '浙江省宁波市甬丰农业发展有限公司',
    ]);
  });

  it('should take groups and state investment companies listed together', () => {
    expect(companies('资金入股黔台集团、台江城投等公司。')).toEqual(['黔台集团', '台江城投']);
  });

  it('should take firms listed after an introducing verb without suffix', () => {
    expect(companies('从杭州市引进恒达鞋业、天成电子等6家企业。')).toEqual(['恒达鞋业', '天成电子']);
  });

  it('should take the national carriers named by short form', () => {
    expect(companies('组织移动、联通、电信三大运营商排查信号弱的村寨。')).toEqual(['中国移动', '中国联通', '中国电信']);
  });

  it('should not take generic cooperatives, companies inside a program or bare suffixes', () => {
    expect(companies('成立农民专业合作社600个，村集体经济股份合作社241个。')).toEqual([]);
    expect(companies('推广“公司+合作社+农户”模式，带动县内企业发展。')).toEqual([]);
    expect(companies('抽调农技人员指导贫困村和合作社。')).toEqual([]);
    expect(companies('台江县南宫镇与杭州市天成食品有限公司签约。')).toEqual(['杭州市天成食品有限公司']);
  });

  it('should take a named department store', () => {
    expect(companies('大连市友谊商场在门店设立威宁县扶贫专柜，大型商场纷纷跟进。')).toEqual(['大连市友谊商场']);
  });

  it('should not take a trade word with a suffix as a firm', () => {
    expect(companies('威宁县引进服饰有限公司1家。')).toEqual([]);
    expect(companies('威宁县引进大连禾丰服饰有限公司。')).toEqual(['大连禾丰服饰有限公司']);
  });

  it('should not take a cooperative named by its model only', () => {
    expect(companies('威宁县组建村社一体合作社40个。')).toEqual([]);
  });
});

describe('dropOverlaps', () => {
  it('should keep the longer of two overlapping hits', () => {
    expect(
      dropOverlaps([
        { start: 0, end: 4 },
        { start: 0, end: 6 },
        { start: 8, end: 9 },
      ]),
    ).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 9 },
    ]);
  });
});
