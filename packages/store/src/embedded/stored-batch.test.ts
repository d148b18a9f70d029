import { describe, expect, it } from 'vitest';
import type { GraphBatch } from '@fupin/graph-schema';
import { fixtureBatchA, fixtureBatchB } from '../../test/fixtures/cooperation-graph.js';
import { StoredBatchSchema, decodeBatch, encodeBatch, sliceMatches } from './stored-batch.js';

const none = (): undefined => undefined;

describe('encodeBatch', () => {
  it('should leave out sentences and surfaces that the document text gives back', () => {
    const stored = encodeBatch(fixtureBatchA(), none);
    const evidence = stored.relations!.flatMap((relation) => relation.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((item) => item.sentence === undefined)).toBe(true);
    expect(stored.mentions!.flatMap(([, group]) => group).every((tuple) => tuple.length === 3)).toBe(true);
  });

  it('should keep them when the document has no stored text', () => {
    const batch = fixtureBatchA();
    const withoutText: GraphBatch = { ...batch, documents: batch.documents.map(({ text: _text, ...d }) => d) };
    const stored = encodeBatch(withoutText, none);
    expect(stored.relations!.flatMap((r) => r.evidence).every((item) => typeof item.sentence === 'string')).toBe(true);
    expect(stored.mentions!.flatMap(([, group]) => group).every((tuple) => tuple.length === 4)).toBe(true);
    expect(decodeBatch(StoredBatchSchema.parse(JSON.parse(JSON.stringify(stored))), none)).toEqual(withoutText);
  });

  it('should keep a sentence that differs from the text at its offsets', () => {
    const batch = fixtureBatchA();
    const relation = batch.relations[0]!;
    relation.evidence[0] = { ...relation.evidence[0]!, sentence: '台江县与宁波市结对帮扶' };
    const stored = encodeBatch(batch, none);
    expect(stored.relations![0]!.evidence[0]!.sentence).toBe('台江县与宁波市结对帮扶');
    expect(decodeBatch(stored, none)).toEqual(batch);
  });

  it('should slice evidence of documents already stored from their stored text', () => {
    const a = fixtureBatchA();
    const texts = new Map(a.documents.map((d) => [d.id, d.text]));
    const relationsOnly: GraphBatch = {
      documents: [],
      entities: a.entities,
      relations: a.relations,
      mentions: a.mentions,
    };
    const stored = encodeBatch(relationsOnly, (id) => texts.get(id));
    expect(stored.relations!.flatMap((r) => r.evidence).every((item) => item.sentence === undefined)).toBe(true);
    expect(decodeBatch(stored, (id) => texts.get(id))).toEqual(relationsOnly);
  });
});

describe('decodeBatch', () => {
  it('should restore exactly the batch that was encoded, through JSON', () => {
    for (const batch of [fixtureBatchA(), fixtureBatchB()]) {
      const json = JSON.parse(JSON.stringify(encodeBatch(batch, none)));
      expect(decodeBatch(StoredBatchSchema.parse(json), none)).toEqual(batch);
    }
  });

  it('should name the item when a left-out sentence has no text to come from', () => {
    const stored = encodeBatch(fixtureBatchA(), none);
    const failure = decodeBatch({ ...stored, documents: [] }, none);
    expect(typeof failure).toBe('string');
  });
});

describe('sliceMatches', () => {
  it('should compare the text at the offsets only', () => {
    expect(sliceMatches('威宁县与宁波市开展劳务协作', 4, 7, '宁波市')).toBe(true);
    expect(sliceMatches('威宁县与宁波市开展劳务协作', 3, 6, '宁波市')).toBe(false);
    expect(sliceMatches(undefined, 0, 3, '威宁县')).toBe(false);
  });
});
