import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { ENTITY_EXTRACTORS } from '../extractors/index.js';
import { developsRelations } from './develops.js';

const extractor = Extractor.create({ entityExtractors: ENTITY_EXTRACTORS, relationExtractors: [] });
const prepare = (text: string) => extractor.prepare({ path: 'test.txt', text, sha256: sha256Hex(text) }).ctx;

describe('developsRelations', () => {
  it('should link each listed product to the subject region with its own area', () => {
    const rels = developsRelations(prepare('台江县发展产业。全县种植油茶5万亩、蓝莓2万亩。'));
    expect(rels.map((r) => `${r.source.name}→${r.target.name} ${JSON.stringify(r.properties)}`)).toEqual([
      '台江县→油茶 {"mu":50000}',
      '台江县→蓝莓 {"mu":20000}',
    ]);
  });

  it('should take the township of a production base caption', () => {
    const rels = developsRelations(prepare('台江县发展茶产业。\n\n台江县南宫镇茶叶基地一角'));
    expect(rels.map((r) => `${r.source.name}→${r.target.name}`)).toContain('南宫镇→茶叶');
  });

  it('should not take the county inside a cooperative’s name as the grower', () => {
    const text = '榕江县加快发展。宁波市某村与高排村结对后，帮助成立榕江县高排百香果专业合作社，建成蓝莓基地800亩。';
    const got = developsRelations(prepare(text)).map((r) => `${r.source.name}→${r.target.name}`);
    expect(got).toContain('高排村→蓝莓');
    expect(got).not.toContain('榕江县→蓝莓');
  });

  it('should leave the lead verb of a list out of the first product', () => {
    const got = developsRelations(prepare('榕江县加快发展。沿江布局蔬菜、水果等产业。')).map((r) => r.target.name);
    expect(got).toEqual(['蔬菜', '水果']);
  });
});
