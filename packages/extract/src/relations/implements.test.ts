import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { ENTITY_EXTRACTORS } from '../extractors/index.js';
import { implementsRelations, subjectRegions } from './implements.js';

const extractor = Extractor.create({ entityExtractors: ENTITY_EXTRACTORS, relationExtractors: [] });
const prepare = (text: string) => extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) }).ctx;
const pairs = (text: string): string[] =>
  implementsRelations(prepare(text)).map((r) => `${r.source.name}→${r.target.name}`);

describe('implementsRelations', () => {
  it('should link a program to the region that is the subject of its sentence', () => {
    expect(pairs('从江县创新实施“稻鱼鸭共生”模式，带动农户增收。')).toEqual(['从江县→稻鱼鸭共生']);
  });

  it('should prefer the clause-initial subject over a region named in passing', () => {
    const text = '台江县加快发展。今年以来，南宫镇以台江县和杭州市建立的协作关系为契机，推行“订单种植”模式。';
    expect(pairs(text)).toContain('南宫镇→订单种植');
    expect(pairs(text)).not.toContain('杭州市→订单种植');
  });

  it('should take the deepest place of a clause-initial chain as the subject', () => {
    const text = '台江县加快发展。台江县施洞镇依托龙头企业，推行“订单种植”模式。';
    expect(pairs(text)).toEqual(['施洞镇→订单种植']);
  });

  it('should give coordinated regions the program together', () => {
    const text = '威宁县发展产业。在迤那镇和牛棚镇联合打造“万亩苹果产业带”。';
    expect(pairs(text).sort()).toEqual(['牛棚镇→万亩苹果产业带', '迤那镇→万亩苹果产业带']);
  });

  it('should let an eastern region implement in a report about it, but not in a report about its partner', () => {
    expect(pairs('北仑区深化协作。北仑区实施“山海协作”工程。')).toEqual(['北仑区→山海协作']);
    expect(pairs('从江县加快发展。从江县建成车间8个。北仑区帮助从江县实施“订单农业”项目。')).toEqual([
      '从江县→订单农业',
    ]);
  });

  it('should fall back to the region the document is about', () => {
    const text = '从江县脱贫攻坚成效显著。从江县建成安置点8个。全县严格落实“四个不摘”要求。';
    expect(pairs(text)).toEqual(['从江县→四个不摘']);
  });

  it('should keep the funds stated in the program clause', () => {
    const ctx = prepare('台江县整合资金1.2亿元实施“美丽乡村”项目。');
    expect(implementsRelations(ctx)[0]?.properties).toEqual({ fundsWanYuan: 12000 });
  });

  it('should let the eastern partner implement what it is the subject of', () => {
    const text =
      '榕江县与宁波市北仑区开展东西部扶贫协作。北仑区组织区内学校开展“云课堂”活动。榕江县推行“积分超市”模式。';
    const got = pairs(text);
    expect(got).toContain('北仑区→云课堂');
    expect(got).not.toContain('榕江县→云课堂');
    expect(got).toContain('榕江县→积分超市');
    expect(got).not.toContain('北仑区→积分超市');
    expect(got).toEqual(expect.arrayContaining(['榕江县→东西部扶贫协作', '北仑区→东西部扶贫协作']));
  });

  it('should give a program of both sides (两地) to both partners', () => {
    const text = '榕江县与宁波市北仑区开展东西部扶贫协作。两地联合实施“榕货进甬”行动。';
    expect(pairs(text)).toEqual(expect.arrayContaining(['榕江县→榕货进甬', '北仑区→榕货进甬']));
  });

  it('should give every program of a sentence headed by 两地 to both partners', () => {
    const text = '榕江县与宁波市北仑区开展东西部扶贫协作。两地坚持“北仑所能、榕江所需”，推行“北仑企业+榕江基地”模式。';
    expect(pairs(text)).toEqual(expect.arrayContaining(['榕江县→北仑企业+榕江基地', '北仑区→北仑企业+榕江基地']));
  });

  it('should carry the eastern subject into a later clause that has none', () => {
    const text = '榕江县与宁波市北仑区开展东西部扶贫协作。北仑区发动企业捐资，组织教师开展“云课堂”教学。';
    expect(pairs(text)).toContain('北仑区→云课堂');
    expect(pairs(text)).not.toContain('榕江县→云课堂');
  });

  it('should not take a place inside a body’s name as the eastern actor', () => {
    const text = '榕江县与宁波市北仑区开展东西部扶贫协作。北仑区人民医院与榕江县人民医院开展“组团式”帮扶。';
    expect(pairs(text)).not.toContain('北仑区→组团式');
  });
});

describe('subjectRegions', () => {
  it('should not take a region inside an excluded span', () => {
    const ctx = prepare('从江县加快发展。引进杭州市某某有限公司。');
    const s = ctx.sentences[1]!;
    const at = s.start + s.text.indexOf('某某');
    const own = { start: s.start + 2, end: at + 6 };
    expect(subjectRegions(ctx, 1, at, [own]).map((r) => r.name)).toEqual(['从江县']);
  });
});
