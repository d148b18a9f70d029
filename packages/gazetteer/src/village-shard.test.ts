import { describe, expect, it } from 'vitest';
import { shortForms } from './aliases.js';
import type { NameHit } from './division.js';
import { NameIndex } from './name-index.js';
import { buildVillageShard, VillageShard } from './village-shard.js';
import type { ShardVillage } from './village-shard.js';

// Invented villages of a county 522633 (从江县), in code order; parent rows 7 and 8 stand for townships.
const villages: ShardVillage[] = [
  { suffix: 101201, name: '高增村村民委员会', parent: 7 },
  { suffix: 101202, name: '小黄村委会', parent: 7 },
  { suffix: 101203, name: '岜扒社区居民委员会', parent: 7 },
  { suffix: 102201, name: '高增村村民委员会', parent: 8 },
  { suffix: 102202, name: '新村村民委员会', parent: 8 },
  { suffix: 102203, name: '浪洞牧委会', parent: 8 },
];
const parentCode = (row: number): string => (row === 7 ? '522633101000' : '522633102000');
const shard = (): VillageShard => new VillageShard('522633', buildVillageShard(villages), parentCode);

// The Map-based index the shards replace, built as Gazetteer.loadCounty built it.
function reference(): NameIndex<NameHit> {
  const index = new NameIndex<NameHit>((h) => h);
  for (const v of villages) {
    const division = {
      code: `522633${v.suffix}`,
      name: v.name,
      level: 'Village' as const,
      parentCode: parentCode(v.parent),
    };
    index.add(v.name, { division, aliasKind: 'official' });
    for (const f of shortForms(v.name, 'Village')) {
      index.add(
        f.alias,
        f.kind === 'stem' ? { division, aliasKind: 'stem', weak: true } : { division, aliasKind: f.kind },
      );
    }
  }
  return index;
}

describe('VillageShard', () => {
  it('should give the same candidates as the Map-based index for every name', () => {
    const s = shard();
    const ref = reference();
    for (const v of villages) {
      for (const name of [v.name, ...shortForms(v.name, 'Village').map((f) => f.alias)]) {
        expect(s.get(name)).toEqual(ref.get(name));
      }
    }
    expect(s.get('高增村')).toHaveLength(2);
    expect(s.get('加榜村')).toEqual([]);
  });

  it('should find the same longest name as the Map-based index at every position', () => {
    const s = shard();
    const ref = reference();
    const text = '从江县高增村和小黄村、岜扒社区、浪洞社区、新村村民委员会与高增的群众';
    for (let i = 0; i < text.length; i += 1) {
      const want = ref.longestAt(text, i);
      const length = s.longestLength(text, i);
      expect(length).toBe(want?.length ?? 0);
      if (want) {
        expect(s.hitsOf(s.found)).toEqual(want.hits);
        expect(s.stemsOnly(s.found)).toBe(want.hits.every((h) => h.aliasKind === 'stem'));
      }
    }
  });

  it('should make each village and hit once and give the same objects again', () => {
    const s = shard();
    const [first] = s.get('小黄村');
    expect(s.get('小黄村')[0]).toBe(first);
    expect(s.village(s.find(101202))).toBe(first?.division);
    expect(first?.division).toEqual({
      code: '522633101202',
      name: '小黄村委会',
      level: 'Village',
      parentCode: '522633101000',
    });
  });

  it('should find villages by code and tell their parent rows', () => {
    const s = shard();
    expect(s.size).toBe(6);
    expect(s.find(102203)).toBe(5);
    expect(s.find(102204)).toBe(-1);
    expect(s.parentRow(5)).toBe(8);
  });

  it('should never reject a prefix its names start with', () => {
    const s = shard();
    for (const name of ['高增', '小黄', '岜扒', '新村', '浪洞']) {
      const key = ((name.charCodeAt(0) << 16) | name.charCodeAt(1)) >>> 0;
      expect(s.mayStartWith(Math.imul(key, 0x9e_37_79_b1))).toBe(true);
    }
  });
});
