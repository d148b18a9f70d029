import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor } from './regions.js';
import { organizationExtractor } from './organizations.js';

const extractor = Extractor.create({
  entityExtractors: [regionExtractor, organizationExtractor],
  relationExtractors: [],
});
const organizations = (text: string): string[] => {
  const { ctx } = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return ctx.mentions.filter((m) => m.type === 'Organization').map((m) => m.name);
};

describe('organizationExtractor', () => {
  it('should take bodies led by a place or a level word', () => {
    expect(organizations('威宁县乡村振兴局局长介绍。')).toEqual(['威宁县乡村振兴局']);
    expect(organizations('在县人民医院、县中医医院开通绿色通道。')).toEqual(['县人民医院', '县中医医院']);
  });

  it('should take universities and national bodies', () => {
    expect(organizations('两名学生被浙江大学录取，案例上报国务院扶贫办。')).toEqual(['浙江大学', '国务院扶贫办']);
  });

  it('should keep 和 and ordinals inside a body name', () => {
    expect(organizations('北仑区人力资源和社会保障局在从江县设立工作站。')).toEqual(['北仑区人力资源和社会保障局']);
    expect(organizations('宁波市第一医院与从江县人民医院签约。')).toEqual(['宁波市第一医院', '从江县人民医院']);
  });

  it('should not take sales outlets or look-alike words', () => {
    expect(organizations('在杭州市设立农特产品展销中心3个，构建发展新格局。')).toEqual([]);
  });

  it('should keep a field ending in a verb inside a body name', () => {
    expect(organizations('威宁县扶贫开发领导小组办公室统筹推进。')).toEqual(['威宁县扶贫开发领导小组办公室']);
  });

  it('should join a body and its named unit', () => {
    expect(organizations('省扶贫办贫困监测中心发布报告。')).toEqual(['省扶贫办贫困监测中心']);
  });

  it('should not take verbs ending in a body suffix or generic units', () => {
    expect(organizations('挂牌督办，统一部署，举办招聘会。')).toEqual([]);
    expect(organizations('规划建设学校25所、卫生院3所。')).toEqual([]);
    expect(organizations('由村建中心、派出所组成检查组。')).toEqual([]);
  });

  it('should not start a name with the end of a date or a preposition', () => {
    expect(organizations('3月12日榕江县融媒体中心发布消息。')).toEqual(['榕江县融媒体中心']);
    expect(organizations('2023年经就业服务站介绍，部分村民外出务工。')).toEqual([]);
  });

  it('should leave a help verb and its helper out of the helped body', () => {
    expect(organizations('青岛市医疗队帮扶威宁县人民医院开展手术。')).toEqual(['威宁县人民医院']);
  });

  it('should not take hospital grades or services for people from a place', () => {
    expect(organizations('台江县人民医院成功创建二级甲等医院。')).toEqual(['台江县人民医院']);
    expect(organizations('在大连设立台江籍务工人员服务站。')).toEqual([]);
  });

  it('should take bureaus named by a two-field abbreviation', () => {
    expect(organizations('大连市甘井子区卫健局选派医生到威宁县中医院。')).toEqual([
      '大连市甘井子区卫健局',
      '威宁县中医院',
    ]);
    expect(organizations('甘井子区发改局牵头对接。')).toEqual(['甘井子区发改局']);
  });

  it('should not take a generic service centre without a place', () => {
    expect(organizations('电子商务公共服务中心实现乡镇全覆盖。')).toEqual([]);
  });

  it('should not take a set of bodies or a generic clinical unit', () => {
    expect(organizations('选派医生到威宁县各乡镇卫生院坐诊，建立远程教学中心。')).toEqual([]);
  });

  it('should keep an affiliated hospital with its university', () => {
    expect(organizations('浙江大学医学院附属第二医院与威宁县人民医院签约。')).toEqual([
      '浙江大学医学院附属第二医院',
      '威宁县人民医院',
    ]);
  });
});
