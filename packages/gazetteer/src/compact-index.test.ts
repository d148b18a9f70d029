import { describe, expect, it } from 'vitest';
import { buildCompactIndex, CompactIndex, computeParents, fnv1a, prefixSlot } from './compact-index.js';
import type { CompactRow } from './compact-index.js';

const codes = ['520000000000', '522600000000', '522630000000', '522630101000', '522633000000', '530000000000'];
const parents = computeParents(codes);
const rows: CompactRow[] = [
  {
    code: codes[0]!,
    name: '贵州省',
    parent: parents[0]!,
    names: [
      { name: '贵州省', kind: 0, weak: false },
      { name: '贵州', kind: 2, weak: false },
    ],
  },
  {
    code: codes[1]!,
    name: '黔东南苗族侗族自治州',
    parent: parents[1]!,
    names: [
      { name: '黔东南苗族侗族自治州', kind: 0, weak: false },
      { name: '黔东南州', kind: 1, weak: false },
      { name: '黔东南', kind: 2, weak: false },
    ],
  },
  {
    code: codes[2]!,
    name: '台江县',
    parent: parents[2]!,
    names: [
      { name: '台江县', kind: 0, weak: false },
      { name: '台江', kind: 2, weak: false },
    ],
  },
  {
    code: codes[3]!,
    name: '施洞镇',
    parent: parents[3]!,
    names: [
      { name: '施洞镇', kind: 0, weak: false },
      { name: '施洞乡', kind: 3, weak: false },
    ],
  },
  {
    code: codes[4]!,
    name: '从江县',
    parent: parents[4]!,
    names: [
      { name: '从江县', kind: 0, weak: false },
      { name: '台江', kind: 2, weak: true },
    ],
  },
  { code: codes[5]!, name: '云南省', parent: parents[5]!, names: [{ name: '云南省', kind: 0, weak: false }] },
];
const index = new CompactIndex(buildCompactIndex(rows));

describe('computeParents', () => {
  it('should attach each row to the nearest earlier ancestor by code prefix', () => {
    expect(parents).toEqual([-1, 0, 1, 2, 1, -1]);
  });

  it('should attach a county under a placeholder prefecture to its province', () => {
    expect(computeParents(['110000000000', '110105000000', '110105001000'])).toEqual([-1, 0, 1]);
  });
});

describe('CompactIndex', () => {
  it('should give codes, names and parents of rows', () => {
    const row = index.find('522630101000');
    expect(index.code(row)).toBe('522630101000');
    expect(index.name(row)).toBe('施洞镇');
    expect(index.name(index.parent(row))).toBe('台江县');
    expect(index.find('522699000000')).toBe(-1);
  });

  it('should give all packed candidates of a name', () => {
    // row * 8 + kind * 2 + weak
    expect(index.candidates('台江').sort((a, b) => a - b)).toEqual([2 * 8 + 2 * 2, 4 * 8 + 2 * 2 + 1]);
    expect(index.candidates('施洞乡')).toEqual([3 * 8 + 3 * 2]);
    expect(index.candidates('丹寨')).toEqual([]);
  });

  it('should find the longest name at a position', () => {
    expect(index.longestAt('黔东南州台江县', 0)?.length).toBe(4);
    expect(index.longestAt('黔东南州台江县', 4)?.length).toBe(3);
    expect(index.longestAt('台江发展', 0)?.length).toBe(2);
    expect(index.longestAt('发展', 0)).toBeUndefined();
  });

  it('should give the longest length without allocating and leave the name for its candidates', () => {
    expect(index.longestLength('在台江县', 1)).toBe(3);
    expect(index.packedOf(index.found)).toEqual([2 * 8]);
    expect(index.longestLength('在台江发展', 1)).toBe(2);
    expect(index.stemsOnly(index.found)).toBe(true);
    expect(index.longestLength('黔东南州', 0)).toBe(4);
    expect(index.stemsOnly(index.found)).toBe(false);
    expect(index.longestLength('发展台江', 0)).toBe(0);
    expect(index.longestLength('台', 0)).toBe(0);
  });

  it('should skip only positions where no name can start', () => {
    const text = '我们到台江县和黔东南州';
    expect(index.nextCandidate(text, 0)).toBe(3);
    expect(index.nextCandidate(text, 4)).toBe(7);
    expect(index.nextCandidate(text, 8)).toBe(text.length);
    for (let i = 0; i < text.length; i += 1) {
      if (index.longestLength(text, i) > 0) expect(index.nextCandidate(text, i)).toBe(i);
    }
  });

  it('should remember whether a name has stem candidates only', () => {
    index.longestLength('台江', 0);
    const k = index.found;
    expect(index.stemsOnly(k)).toBe(true);
    expect(index.stemsOnly(k)).toBe(true);
    index.longestLength('台江县', 0);
    expect(index.stemsOnly(index.found)).toBe(false);
  });

  it('should reject a buffer that is not an index', () => {
    expect(() => new CompactIndex(Buffer.alloc(64))).toThrow(RangeError);
  });
});

describe('prefixSlot', () => {
  it('should spread prefixes sharing their second character over the table', () => {
    // 台江, 从江, 丹江, …: same second character; the old low-bit hash sent them all to one slot.
    const slots = new Set(
      [...'台从丹镇漓乌沅珠'].map((c) => prefixSlot(((c.charCodeAt(0) << 16) | 0x6c5f) >>> 0, 1024)),
    );
    expect(slots.size).toBeGreaterThanOrEqual(6);
    for (const s of slots) expect(s).toBeLessThan(1024);
  });
});

describe('fnv1a', () => {
  it('should hash a substring like the whole string', () => {
    expect(fnv1a('在台江县', 1, 4)).toBe(fnv1a('台江县'));
  });
});
