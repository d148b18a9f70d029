import { describe, expect, it } from 'vitest';
import type { Division, NameHit } from './division.js';
import { NameIndex, scanNames } from './name-index.js';

const county: Division = { code: '522630000000', name: '台江县', level: 'County', parentCode: '522600000000' };
const prefecture: Division = { code: '520100000000', name: '贵阳市', level: 'Prefecture', parentCode: '520000000000' };

function index(): NameIndex<NameHit> {
  const i = new NameIndex<NameHit>((h) => h);
  i.add('台江县', { division: county, aliasKind: 'official' });
  i.add('台江', { division: county, aliasKind: 'stem' });
  i.add('贵阳市', { division: prefecture, aliasKind: 'official' });
  i.add('贵阳', { division: prefecture, aliasKind: 'stem' });
  return i;
}

describe('NameIndex', () => {
  it('should keep every candidate of a name', () => {
    const i = index();
    i.add('台江', { division: { ...county, code: '350103000000' }, aliasKind: 'stem' });
    expect(i.get('台江').map((h) => h.division.code)).toEqual(['522630000000', '350103000000']);
    expect(i.get('台江镇')).toEqual([]);
  });

  it('should find the longest name at a position', () => {
    expect(index().longestAt('台江县城', 0)?.length).toBe(3);
    expect(index().longestAt('去台江', 1)?.length).toBe(2);
  });
});

describe('scanNames', () => {
  it('should report non-overlapping longest matches left to right', () => {
    const ms = scanNames('贵阳市干部到台江县走访，台江发展很快', [index()]);
    expect(ms.map((m) => [m.surface, m.start, m.end, m.hits[0]?.aliasKind])).toEqual([
      ['贵阳市', 0, 3, 'official'],
      ['台江县', 6, 9, 'official'],
      ['台江', 12, 14, 'stem'],
    ]);
  });

  it('should skip a stem that runs into a division suffix', () => {
    // 贵阳区 is not a division: the text names something the list lacks, so 贵阳 is not reported.
    expect(scanNames('贵阳区', [index()])).toEqual([]);
  });

  it('should merge candidates of equal length from several indexes', () => {
    const other = new NameIndex<NameHit>((h) => h);
    other.add('台江县', { division: { ...county, code: '999999000000' }, aliasKind: 'official' });
    const [m] = scanNames('台江县', [index(), other]);
    expect(m?.hits).toHaveLength(2);
  });
});
