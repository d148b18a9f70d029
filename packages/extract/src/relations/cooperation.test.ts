import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor } from '../extractors/regions.js';
import { cooperation } from './cooperation.js';

const extractor = Extractor.create({ entityExtractors: [regionExtractor], relationExtractors: [] });
const pairs = (text: string, type?: string) => {
  const { ctx } = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return cooperation(ctx)
    .filter((r) => !type || r.type === type)
    .map((r) => `${r.type} ${r.source.name}→${r.target.name}`);
};

describe('cooperation', () => {
  it('should find an eastern district helping the western county of its sentence', () => {
    expect(pairs('2019年，苏州市吴江区帮助台江县培训劳动力2000人次。')).toEqual(['ASSISTS 吴江区→台江县']);
  });

  it('should fall back to the county the report is about when the sentence names none', () => {
    const text = '台江县加快产业发展。台江县建成扶贫车间12个。全年获得宁波市海曙区帮扶资金3000万元。';
    expect(pairs(text, 'ASSISTS')).toEqual(['ASSISTS 海曙区→台江县']);
  });

  it('should pair cities with cities and districts with counties, clause by clause', () => {
    const text = '2016年以来，青岛市对口帮扶安顺市，青岛市崂山区与紫云县结成帮扶对子。';
    expect(pairs(text, 'ASSISTS').sort()).toEqual(['ASSISTS 崂山区→紫云苗族布依族自治县', 'ASSISTS 青岛市→安顺市']);
  });

  it('should not make a place named after a help word into a partner', () => {
    expect(pairs('从江县发展香猪产业。累计帮助从江县农村劳动力到深圳市就业1200人。', 'ASSISTS')).toEqual([]);
  });

  it('should read labour cooperation from the western side to the eastern partner', () => {
    const text = '从江县加榜乡与杭州市萧山区建立劳务协作关系，组织劳务输出300人。';
    expect(pairs(text, 'LABOR_COOPERATION')).toEqual(['LABOR_COOPERATION 加榜乡→萧山区']);
    expect(pairs(text, 'ASSISTS')).toEqual([]);
  });

  it('should find a sales outlet set up in an eastern district', () => {
    const text = '丹寨县发展蓝莓产业。丹寨县在宁波市海曙区设立农特产品展销中心。';
    expect(pairs(text, 'SALES_OUTLET_IN')).toEqual(['SALES_OUTLET_IN 丹寨县→海曙区']);
  });

  it('should give every place of an outlet list its relation', () => {
    const text = '雷山县组织企业在杭州、上海等地设立销售专柜，扩大茶叶销路。';
    expect(pairs(text, 'SALES_OUTLET_IN').sort()).toEqual([
      'SALES_OUTLET_IN 雷山县→上海市',
      'SALES_OUTLET_IN 雷山县→杭州市',
    ]);
  });
});

describe('cooperation (labour and bodies)', () => {
  it('should read labour sent to eastern cities as labour cooperation', () => {
    const text = '丹寨县组织劳动力到宁波市及浙江省其他地区就业3200人。';
    expect(pairs(text, 'LABOR_COOPERATION').sort()).toEqual([
      'LABOR_COOPERATION 丹寨县→宁波市',
      'LABOR_COOPERATION 丹寨县→浙江省',
    ]);
  });

  it('should not read a place the help goes to as a labour destination without a verb of going', () => {
    expect(pairs('宁波市就业局与丹寨县签订协议。', 'LABOR_COOPERATION')).toEqual([]);
  });
});

describe('cooperation (provinces and municipalities)', () => {
  it('should pair a province-level municipality with the province it helps', () => {
    expect(pairs('上海市对口帮扶云南省，两地签订协议。', 'ASSISTS')).toEqual(['ASSISTS 上海市→云南省']);
  });

  it('should take the district, not its municipality, as the partner', () => {
    expect(pairs('上海市闵行区与云南省怒江州开展东西部协作。', 'ASSISTS')).toEqual(['ASSISTS 闵行区→怒江傈僳族自治州']);
  });
});

describe('cooperation (evidence)', () => {
  it('should quote the partner clause and keep the numbers it states', () => {
    const text = '台江县加快发展。苏州市吴江区帮助台江县培训劳动力2000人次，投入资金3000万元。';
    const { ctx } = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
    const r = cooperation(ctx).find((x) => x.type === 'ASSISTS')!;
    expect(text.slice(r.start, r.end)).toBe('苏州市吴江区帮助台江县培训劳动力2000人次');
    expect(r.properties).toEqual({ personTimes: 2000 });
  });
});

describe('cooperation (working in the east, donations)', () => {
  it('should read labour working in an eastern city and a donation from an eastern district', () => {
    const text = '从江县加快发展。全县有3000余名劳动力在杭州务工，萧山区企业向从江县捐赠物资价值500万元。';
    expect(
      pairs(text)
        .filter((p) => !p.startsWith('LOCATED'))
        .sort(),
    ).toEqual(['ASSISTS 萧山区→从江县', 'LABOR_COOPERATION 从江县→杭州市']);
  });
});

describe('cooperation (outlets named first)', () => {
  it('should read an outlet that opened in an eastern district after its name', () => {
    const text = '丹寨县发展蓝莓产业。丹寨县农特产品展销中心落户宁波市海曙区，年销售额800万元。';
    expect(pairs(text, 'SALES_OUTLET_IN')).toEqual(['SALES_OUTLET_IN 丹寨县→海曙区']);
  });
});
