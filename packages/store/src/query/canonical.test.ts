import { describe, expect, it } from 'vitest';
import type { Evidence } from '@fupin/graph-schema';
import {
  canonicalAliases,
  mergeEntity,
  mergeProperties,
  normaliseForSearch,
  searchKeys,
  searchRank,
  searchText,
  unionEvidence,
} from './canonical.js';

const evidence = (documentId: string, start: number, extractor = 'a'): Evidence => ({
  documentId,
  sentence: '吴江区帮扶从江县',
  start,
  end: start + 8,
  extractor,
});

describe('normaliseForSearch', () => {
  it('should simplify, trim and lower-case', () => {
    expect(normaliseForSearch(' 從江縣ABC ')).toBe('从江县abc');
  });
});

describe('searchKeys', () => {
  it('should give distinct simplified forms of name and aliases', () => {
    expect(searchKeys('从江县', ['從江縣', '从江', ''])).toEqual(['从江县', '从江']);
    expect(searchText('台江县', ['台江縣'])).toBe('台江县 台江縣');
  });
});

describe('searchRank', () => {
  it('should rank exact, prefix and contains matches', () => {
    expect(searchRank(['从江县', '从江'], '从江')).toBe(0);
    expect(searchRank(['从江县'], '从江')).toBe(1);
    expect(searchRank(['黔东南从江县'], '从江')).toBe(2);
    expect(searchRank(['台江县'], '从江')).toBeNull();
  });
});

describe('unionEvidence', () => {
  it('should keep one copy per document span whatever the extractor', () => {
    const merged = unionEvidence([evidence('doc:a', 0)], [evidence('doc:a', 0, 'b'), evidence('doc:b', 0)]);
    expect(merged.map((item) => `${item.documentId}:${item.extractor}`)).toEqual(['doc:a:a', 'doc:b:a']);
  });
});

describe('mergeEntity', () => {
  it('should keep an older different name as an alias and union aliases in order', () => {
    const stored = {
      id: 'region:522633000000',
      type: 'County' as const,
      name: '从江',
      aliases: ['從江'],
      code: '522633000000',
    };
    const merged = mergeEntity(stored, { id: stored.id, type: 'County', name: '从江县', aliases: ['從江縣', '從江'] });
    expect(merged).toEqual({
      id: stored.id,
      type: 'County',
      name: '从江县',
      aliases: ['從江', '从江', '從江縣'],
      code: '522633000000',
    });
  });
});

describe('canonicalAliases', () => {
  it('should sort aliases by code units whatever order they were merged in', () => {
    expect(canonicalAliases(['從江縣', '从江', '從江'])).toEqual(['从江', '從江', '從江縣']);
  });
});

describe('mergeProperties', () => {
  it('should keep the larger figure per key whatever the order', () => {
    const a = { mu: 5000, people: 30 };
    const b = { mu: 6200, households: 80 };
    expect(mergeProperties(a, b)).toEqual({ mu: 6200, people: 30, households: 80 });
    expect(mergeProperties(b, a)).toEqual(mergeProperties(a, b));
  });
});

describe('mergeEntity order', () => {
  it('should give the same parent whichever write comes first', () => {
    const a = { id: 'Village:新民村', type: 'Village' as const, name: '新民村', aliases: [], parent: '甲镇' };
    const b = { ...a, parent: '乙镇' };
    expect(mergeEntity(mergeEntity(undefined, a), b).parent).toBe(mergeEntity(mergeEntity(undefined, b), a).parent);
  });
});
