import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { regionExtractor } from './regions.js';
import { canonicalProgramName, findPrograms, programExtractor, scoreQuotedProgram } from './programs.js';
import { JiebaSegmenter } from '../segmenter.js';

const extractor = Extractor.create({ entityExtractors: [regionExtractor, programExtractor], relationExtractors: [] });
const programs = (text: string): string[] => {
  const { ctx } = extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) });
  return ctx.mentions.filter((m) => m.type === 'Program').map((m) => m.name);
};
const seg = JiebaSegmenter.shared();

describe('programExtractor', () => {
  it('should take a quoted name followed by a program word, without quotes or suffix', () => {
    expect(programs('从江县创新实施“稻鱼鸭共生”模式，带动农户增收。')).toEqual(['稻鱼鸭共生']);
    expect(programs('2020年，台江县整合资金800万元实施“绣娘回家”项目。')).toEqual(['绣娘回家']);
  });

  it('should take numbered policy formulas and plus formulas', () => {
    expect(programs('威宁县严格落实“四个不摘”要求，扎实推进“1+3+5”工作体系。')).toEqual(['四个不摘', '1+3+5']);
    expect(programs('从江县积极推广“公司+合作社+农户”模式。')).toEqual(['公司+合作社+农户']);
  });

  it('should take a quoted name right after a strong program verb', () => {
    expect(programs('台江县推行“积分超市”，激发内生动力。')).toEqual(['积分超市']);
  });

  it('should let a scope word stand between the verb and the quote, and a figure follow a formula', () => {
    expect(programs('全县实施农村“村村通”硬化路建设。')).toEqual(['村村通']);
    expect(programs('完成危房改造500户、“两改”300户。')).toEqual(['农村危房改造', '两改']);
  });

  it('should take an unquoted plus formula of three items or one called a model', () => {
    expect(programs('积极推广公司+合作社+农户的利益联结方式。')).toEqual(['公司+合作社+农户']);
    expect(programs('采取保底分红+效益分红模式。')).toEqual(['保底分红+效益分红']);
    expect(programs('种植有机高粱+烤烟30万亩。')).toEqual([]);
  });

  it('should take named loans and paired-school programs', () => {
    expect(programs('村民以土地和“惠农贷”入股。')).toEqual(['惠农贷']);
    expect(programs('两地学校结成“手拉手”对子。')).toEqual(['手拉手']);
  });

  it('should take programs listed side by side', () => {
    expect(programs('通过“以训促转”“送岗上门”等方式提升就业技能。')).toEqual(['以训促转', '送岗上门']);
  });

  it('should not take slogans, honours, plan periods or quoted nicknames', () => {
    expect(programs('该村荣获“全国文明村”称号，谋划“十四五”时期发展。')).toEqual([]);
    expect(programs('按照“早谋划、早部署、早落实”的要求，发扬“白+黑”精神。')).toEqual([]);
    expect(programs('村“两委”成员和“第一书记”到户走访。')).toEqual([]);
    expect(programs('他说：“今年的收成很好，日子越过越红火。”')).toEqual([]);
  });

  it('should take unquoted names ending in a program suffix with a sensible left edge', () => {
    expect(programs('台江县全面实施农村饮水安全巩固提升工程。')).toEqual(['农村饮水安全巩固提升工程']);
    expect(programs('各级干部践行一线工作法。')).toEqual(['一线工作法']);
  });

  it('should not take generic or split suffix phrases', () => {
    expect(programs('把脱贫攻坚作为第一民生工程，打赢脱贫攻坚战。')).toEqual([]);
    expect(programs('对所有住房进行动态监测。')).toEqual([]);
    expect(programs('制定《台江县脱贫攻坚行动方案》。')).toEqual([]);
  });

  it('should find national policies without quotes under their canonical name', () => {
    expect(programs('威宁县大力开展易地搬迁，坚持精准扶贫方略。')).toEqual(['易地扶贫搬迁', '精准扶贫']);
  });

  it('should give offsets that cover the name in the normalised text', () => {
    const text = '从江县创新实施“稻鱼鸭共生”模式。';
    const { ctx } = extractor.prepare({ path: 't.txt', text, sha256: sha256Hex(text) });
    const m = ctx.mentions.find((x) => x.type === 'Program');
    expect(m && ctx.normalized.text.slice(m.start, m.end)).toBe('稻鱼鸭共生');
  });

  it('should take quoted multi-clause principles introduced as a working method', () => {
    expect(programs('台江县按照“户有产业、村有集体经济”的思路推进脱贫。')).toEqual(['户有产业、村有集体经济']);
    expect(programs('建立“企业出订单、农户按单生产”机制。')).toEqual(['企业出订单、农户按单生产']);
  });

  it('should take unquoted named mechanisms but not routine ones', () => {
    expect(programs('榕江县健全防止返贫监测和快速帮扶机制。')).toEqual(['防止返贫监测和快速帮扶机制']);
    expect(programs('建立五级包保责任机制，完善劳务协作机制和后续管护机制。')).toEqual(['五级包保责任机制']);
  });

  it('should take national policy terms, but not where they only qualify a noun', () => {
    expect(programs('威宁县抓实控辍保学，深化消费扶贫，推进百企帮百村。')).toEqual([
      '控辍保学',
      '消费扶贫',
      '百企帮百村',
    ]);
    expect(programs('在大连设立消费扶贫专柜30个。')).toEqual([]);
  });

  it('should drop a subject and its verb the walk crossed before a project name', () => {
    expect(programs('台江县建设人畜饮水工程120处。')).toEqual(['人畜饮水工程']);
  });

  it('should take a principle standing alone as the object of 坚持', () => {
    expect(programs('两地坚持“大连所能、威宁所需”，推进协作。')).toEqual(['大连所能、威宁所需']);
  });

  it('should take short formulas listed in one quote after a strong verb', () => {
    expect(programs('威宁县开展“点对点、一站式”劳务输出。')).toEqual(['点对点、一站式']);
  });

  it('should not let a national term swallow the name of a body', () => {
    expect(programs('县消费扶贫办统筹推进。')).toEqual([]);
  });

  it('should take a province pair’s cooperation as a program', () => {
    expect(programs('两省深化鲁渝扶贫协作，推进津甘协作。')).toEqual(['鲁渝扶贫协作', '津甘协作']);
    expect(programs('产品通过“鲁渝协作”电商平台销售。')).toEqual([]);
  });

  it('should not take figures of speech, verbs before a project or region groups', () => {
    expect(programs('把茶产业作为头号工程，建设农村公路提升工程。')).toEqual(['农村公路提升工程']);
    expect(programs('助力三区三州深度贫困地区脱贫。')).toEqual([]);
  });
});

describe('scoreQuotedProgram', () => {
  it('should accept a phrase with a program word after it and reject one with an honour after it', () => {
    expect(scoreQuotedProgram('积分超市', '推行', '模式，')).toBeGreaterThanOrEqual(2);
    expect(scoreQuotedProgram('最美家庭', '评选', '称号')).toBeLessThan(0);
  });
});

describe('canonicalProgramName', () => {
  it('should map national variants and drop quote marks', () => {
    expect(canonicalProgramName('“易地搬迁”')).toBe('易地扶贫搬迁');
    expect(canonicalProgramName('三下沉')).toBe('三下沉');
  });
});

describe('findPrograms', () => {
  it('should not report the same span twice', () => {
    const hits = findPrograms(seg, '深化“东西部扶贫协作”。');
    expect(hits.map((h) => h.name)).toEqual(['东西部扶贫协作']);
  });
});
