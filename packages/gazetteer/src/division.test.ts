import { describe, expect, it } from 'vitest';
import { isWithin, levelOfCode, padCode, parentCandidates } from './division.js';

describe('division codes', () => {
  it('should pad source codes to 12 digits', () => {
    expect(padCode('522630101')).toBe('522630101000');
    expect(padCode('52')).toBe('520000000000');
  });

  it('should read the level from the code', () => {
    expect(levelOfCode('520000000000')).toBe('Province');
    expect(levelOfCode('522600000000')).toBe('Prefecture');
    expect(levelOfCode('522630000000')).toBe('County');
    expect(levelOfCode('522630101000')).toBe('Township');
    expect(levelOfCode('522630101202')).toBe('Village');
  });

  it('should list parent candidates nearest first', () => {
    expect(parentCandidates('522630101202')).toEqual(['522630101000', '522630000000', '522600000000', '520000000000']);
    expect(parentCandidates('520000000000')).toEqual([]);
  });

  it('should tell containment by code prefix', () => {
    expect(isWithin('522630101202', '522600000000')).toBe(true);
    expect(isWithin('522630101202', '522633000000')).toBe(false);
    expect(isWithin('522630000000', '522630000000')).toBe(false);
  });
});
