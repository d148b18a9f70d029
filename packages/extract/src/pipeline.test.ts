import { describe, expect, it } from 'vitest';
import { ExtractionResultSchema, GraphBatchSchema, SchemaError, sha256Hex } from '@fupin/graph-schema';
import { Extractor } from './pipeline.js';
import { toExtractionResult } from './result.js';

const extractor = Extractor.create();
const input = (text: string, path = 'reports/test.txt') => ({ path, text, sha256: sha256Hex(text) });

const REPORT = [
  '山海携手结硕果——台江县东西部扶贫协作纪实',
  '',
  '2019年以来，苏州市吴江区帮助台江县培训劳动力2000人次，台江县在吴江区设立农特产品展销中心。',
  '台江县施洞镇旧州村发展稻田养鱼，台江县与吴江区开展劳务协作，组织劳务输出1200人。',
].join('\n');

describe('Extractor', () => {
  it('should produce a valid GraphBatch with relations, evidence and mentions', () => {
    const batch = extractor.extract(input(REPORT));
    expect(() => GraphBatchSchema.parse(batch)).not.toThrow();
    const names = new Map(batch.entities.map((e) => [e.id, e.name]));
    const rels = batch.relations.map((r) => `${r.type} ${names.get(r.source)}→${names.get(r.target)}`);
    expect(rels).toContain('ASSISTS 吴江区→台江县');
    expect(rels).toContain('SALES_OUTLET_IN 台江县→吴江区');
    expect(rels).toContain('LABOR_COOPERATION 台江县→吴江区');
    expect(rels).toContain('LOCATED_IN 旧州村→施洞镇');
    expect(batch.documents[0]).toMatchObject({
      path: 'reports/test.txt',
      title: '山海携手结硕果——台江县东西部扶贫协作纪实',
    });
  });

  it('should quote evidence and mentions from the original traditional text with original offsets', () => {
    const text = '蘇州市吳江區幫助台江縣培訓勞動力2000人次。';
    const batch = extractor.extract(input(text));
    const assists = batch.relations.find((r) => r.type === 'ASSISTS')!;
    const ev = assists.evidence[0]!;
    expect(ev.sentence).toBe(text);
    expect(text.slice(ev.start, ev.end)).toBe(ev.sentence);
    for (const m of batch.mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(batch.mentions.map((m) => m.surface)).toContain('吳江區');
  });

  it('should give the same ids for the same content under two paths', () => {
    const a = extractor.extract(input(REPORT, 'a.txt'));
    const b = extractor.extract(input(REPORT, 'b/c.txt'));
    expect(a.documents[0]!.id).toBe(b.documents[0]!.id);
    expect(a.relations.map((r) => r.id)).toEqual(b.relations.map((r) => r.id));
  });

  it('should reject input without a sha256 hex digest with a SchemaError', () => {
    expect(() => extractor.extract({ path: 'x.txt', text: '台江县', sha256: 'nope' })).toThrow(SchemaError);
  });
});

describe('toExtractionResult', () => {
  it('should print the FORMAT.md shape with traditional surfaces as aliases', () => {
    const text = '蘇州市吳江區幫助台江縣培訓勞動力2000人次。台江县发展稻田养鱼。';
    const result = toExtractionResult([{ path: 'dir/r1.txt', batch: extractor.extract(input(text, 'dir/r1.txt')) }]);
    expect(() => ExtractionResultSchema.parse(result)).not.toThrow();
    const doc = result.documents[0]!;
    expect(doc).toMatchObject({ id: 'r1', file: 'r1.txt' });
    expect(doc.entities.find((e) => e.name === '台江县')).toMatchObject({
      type: 'County',
      parent: '黔东南苗族侗族自治州',
    });
    expect(doc.entities.find((e) => e.name === '台江县')!.aliases).toContain('台江縣');
    const assists = doc.relations.find((r) => r.type === 'ASSISTS')!;
    expect(assists).toMatchObject({ source: '吴江区', target: '台江县' });
    expect(text.slice(assists.offsets!.start, assists.offsets!.end)).toBe(assists.evidence);
  });
});
