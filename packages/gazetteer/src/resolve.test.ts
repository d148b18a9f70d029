import { describe, expect, it } from 'vitest';
import type { NameHit } from './division.js';
import { contextScore, rankHits } from './resolve.js';

// Two real townships named 城关镇-like duplicates are modelled with real county codes of 黔东南州 and 江苏.
const hit = (
  code: string,
  level: NameHit['division']['level'],
  aliasKind: NameHit['aliasKind'] = 'official',
): NameHit => ({
  division: { code, name: '某镇', level },
  aliasKind,
});

describe('contextScore', () => {
  it('should score a division inside a context county above one in the same province', () => {
    expect(contextScore('522630101000', ['522630000000'])).toBeGreaterThan(
      contextScore('522633101000', ['522630000000']),
    );
    expect(contextScore('522633101000', ['522630000000'])).toBeGreaterThan(
      contextScore('320506101000', ['522630000000']),
    );
  });

  it('should give the maximum to a division named in context', () => {
    expect(contextScore('522630000000', ['522630000000'])).toBe(100);
  });
});

describe('rankHits', () => {
  it('should prefer the candidate under a context county', () => {
    const ranked = rankHits([hit('320506101000', 'Township'), hit('522630101000', 'Township')], ['522630000000']);
    expect(ranked[0]?.hit.division.code).toBe('522630101000');
  });

  it('should prefer official names and higher levels without context', () => {
    const ranked = rankHits(
      [
        hit('522630000000', 'County', 'stem'),
        hit('520100000000', 'Prefecture', 'stem'),
        hit('522630101000', 'Township'),
      ],
      [],
    );
    expect(ranked.map((r) => r.hit.division.code)).toEqual(['522630101000', '520100000000', '522630000000']);
  });
});
