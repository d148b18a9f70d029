import { describe, expect, it } from 'vitest';
import { divisionAncestors, divisionByCode } from './division-memo.js';
import { ancestorsOf } from './region-names.js';
import type { DivisionRef, GazetteerPort } from './types.js';

const DIVISIONS: DivisionRef[] = [
  { code: '520000000000', name: '贵州省', level: 'Province' },
  { code: '522600000000', name: '黔东南苗族侗族自治州', level: 'Prefecture', parentCode: '520000000000' },
  { code: '522629000000', name: '剑河县', level: 'County', parentCode: '522600000000' },
  { code: '522630000000', name: '台江县', level: 'County', parentCode: '522600000000' },
];

/** A small gazetteer that counts its lookups. */
function countingGazetteer(): { port: GazetteerPort; calls: () => number } {
  let calls = 0;
  const port: GazetteerPort = {
    findAll: () => [],
    byCode(code) {
      calls++;
      return DIVISIONS.find((d) => d.code === code.padEnd(12, '0'));
    },
  };
  return { port, calls: () => calls };
}

describe('divisionByCode', () => {
  it('should return what the gazetteer returns, asking it once per code', () => {
    const { port, calls } = countingGazetteer();
    expect(divisionByCode(port, '522630000000')?.name).toBe('台江县');
    expect(divisionByCode(port, '522630000000')?.name).toBe('台江县');
    expect(divisionByCode(port, '990000000000')).toBeUndefined();
    expect(divisionByCode(port, '990000000000')).toBeUndefined();
    expect(calls()).toBe(2);
  });
});

describe('divisionAncestors', () => {
  it('should return the ancestors ancestorsOf finds, and the same array again', () => {
    const { port, calls } = countingGazetteer();
    const taijiang = DIVISIONS[3]!;
    const chain = divisionAncestors(port, taijiang);
    expect(chain.map((d) => d.name)).toEqual(ancestorsOf(port, taijiang).map((d) => d.name));
    expect(chain.map((d) => d.name)).toEqual(['黔东南苗族侗族自治州', '贵州省']);
    const before = calls();
    expect(divisionAncestors(port, taijiang)).toBe(chain);
    // 剑河县 shares the prefecture and province: no new lookups
    expect(divisionAncestors(port, DIVISIONS[2]!).map((d) => d.name)).toEqual(['黔东南苗族侗族自治州', '贵州省']);
    expect(calls()).toBe(before);
  });
});
