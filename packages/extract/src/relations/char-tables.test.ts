import { describe, expect, it } from 'vitest';
import { isEasternCode } from '../region-names.js';
import { charTable, isEastern } from './char-tables.js';

describe('charTable', () => {
  it('should mark exactly the characters given', () => {
    const t = charTable('，；:');
    expect(t['，'.charCodeAt(0)]).toBe(1);
    expect(t[':'.charCodeAt(0)]).toBe(1);
    expect(t['。'.charCodeAt(0)]).toBe(0);
  });
});

describe('isEastern', () => {
  it('should answer as isEasternCode for real, short and odd codes', () => {
    const codes = ['330782000000', '522633000000', '110101000000', '460000000000', '45', '4', '', '4)', 'ab1', '3３'];
    for (const code of codes) expect(isEastern(code)).toBe(isEasternCode(code));
    expect(isEastern(undefined)).toBe(false);
    for (let p = 0; p < 100; p++) {
      const code = `${String(p).padStart(2, '0')}0000000000`;
      expect(isEastern(code)).toBe(isEasternCode(code));
    }
  });
});
