import { describe, expect, it } from 'vitest';
import type { Evidence } from '@fupin/graph-schema';
import {
  citesDocument,
  evidenceCount,
  evidenceOf,
  freezeSentences,
  storedEvidence,
  unionEvidenceRows,
  withoutDocument,
} from './evidence-rows.js';

const TEXT = '宁波市帮扶威宁县发展马铃薯产业。威宁县与宁波市开展劳务协作。';
const texts = new Map([['doc:1', TEXT]]);
const textOf = (id: string): string | undefined => texts.get(id);
const same = (value: string): string => value;

function evidence(documentId: string, start: number, end: number, sentence = TEXT.slice(start, end)): Evidence {
  return { documentId, sentence, start, end, extractor: 'cooperation' };
}

describe('unionEvidenceRows', () => {
  it('should keep the first copy of each span, in order, and give the same Evidence back', () => {
    const first = [evidence('doc:1', 0, 16), evidence('doc:2', 0, 8, '台江县发展茶叶')];
    const rows = unionEvidenceRows([], first, false, textOf, same);
    const merged = unionEvidenceRows(rows, [evidence('doc:1', 0, 16), evidence('doc:1', 16, 30)], false, textOf, same);
    expect(evidenceCount(merged)).toBe(3);
    expect(evidenceOf(merged, textOf)).toEqual([...first, evidence('doc:1', 16, 30)]);
  });

  it('should keep only sentences the text does not give back', () => {
    const rows = unionEvidenceRows(
      [],
      [evidence('doc:1', 0, 16), evidence('doc:1', 0, 5, '另一句话')],
      false,
      textOf,
      same,
    );
    expect(storedEvidence(rows).map((item) => item.sentence)).toEqual([undefined, '另一句话']);
  });
});

describe('withoutDocument', () => {
  it('should drop the rows of one document only', () => {
    const rows = unionEvidenceRows(
      [],
      [evidence('doc:1', 0, 16), evidence('doc:2', 0, 4, '台江县')],
      false,
      textOf,
      same,
    );
    expect(citesDocument(rows, 'doc:2')).toBe(true);
    const left = withoutDocument(rows, 'doc:2');
    expect(citesDocument(left, 'doc:2')).toBe(false);
    expect(evidenceOf(left, textOf)).toEqual([evidence('doc:1', 0, 16)]);
  });
});

describe('freezeSentences', () => {
  it('should keep the sentences as strings once the text is gone', () => {
    const rows = unionEvidenceRows([], [evidence('doc:1', 0, 16)], false, textOf, same);
    freezeSentences(rows, 'doc:1', TEXT);
    expect(evidenceOf(rows, () => undefined)).toEqual([evidence('doc:1', 0, 16)]);
  });
});
