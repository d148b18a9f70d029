/**
 * Fuzzing the whole extractor with fast-check
 *
 * Whatever text a file decodes to — CJK, traditional script, astral characters, lone surrogates, control
 * characters, stray markup — `Extractor.extract` must not throw, must return a batch that validates
 * against graph-schema, and every evidence and mention must quote the original text exactly at offsets
 * inside it. The texts mix arbitrary Unicode with fragments of report language written for this test
 * (places and partner cities that no seed report names), so the extractors actually fire.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphBatchSchema, sha256Hex } from '@fupin/graph-schema';
import { Extractor } from './pipeline.js';

const FRAGMENTS = [
  '贵州省黔东南州从江县',
  '臺江縣',
  '威宁县',
  '榕江县古州镇',
  '雷山县西江镇控拜村',
  '苏州市',
  '杭州市',
  '宁波市',
  '大连市',
  '青岛市',
  '深圳市南山区',
  '对口帮扶',
  '東西部扶貧協作',
  '与',
  '和',
  '结对',
  '投入帮扶资金',
  '1200万元',
  '三千萬元',
  '建设茶叶基地',
  '发展食用菌产业',
  '组织劳动力赴',
  '就业',
  '有限公司',
  '合作社',
  '“春风行动”',
  '项目',
  '，',
  '。',
  '；',
  '！',
  '\n',
  '\r\n',
  '\n\n',
  '\u3000',
  ' ',
  '\u0000',
  '\u0007',
  '\ud800',
  '\udc00',
  '𫖮',
  '😀',
  '<p>',
  '&nbsp;',
  '（一）',
  '——',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((a) => a.join('')) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 60 })
      .map((a) => a.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

const extractor = Extractor.create();

describe('Extractor.extract properties', () => {
  it('should never throw and always give a valid batch quoting the original at its offsets', () => {
    let relations = 0;
    let mentions = 0;
    fc.assert(
      fc.property(text, (original) => {
        const batch = extractor.extract({ path: '台江县/报道.txt', text: original, sha256: sha256Hex(original) });
        expect(() => GraphBatchSchema.parse(batch)).not.toThrow();
        expect(batch.documents).toHaveLength(1);
        const documentId = batch.documents[0]!.id;
        const entityIds = new Set(batch.entities.map((e) => e.id));
        for (const relation of batch.relations) {
          expect(entityIds.has(relation.source) && entityIds.has(relation.target)).toBe(true);
          for (const e of relation.evidence) {
            expect(e.documentId).toBe(documentId);
            expect(0 <= e.start && e.start <= e.end && e.end <= original.length).toBe(true);
            expect(original.slice(e.start, e.end)).toBe(e.sentence);
          }
        }
        relations += batch.relations.length;
        mentions += batch.mentions.length;
        for (const m of batch.mentions) {
          expect(entityIds.has(m.entityId)).toBe(true);
          expect(0 <= m.start && m.start < m.end && m.end <= original.length).toBe(true);
          expect(original.slice(m.start, m.end)).toBe(m.surface);
        }
      }),
      { numRuns: 200 },
    );
    // The generated texts do reach the extractors (the checks above are not vacuous).
    expect(relations).toBeGreaterThan(50);
    expect(mentions).toBeGreaterThan(200);
  }, 120_000);
});
