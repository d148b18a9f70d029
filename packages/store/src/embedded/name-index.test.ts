import { describe, expect, it } from 'vitest';
import { NameIndex } from './name-index.js';

describe('NameIndex', () => {
  const index = new NameIndex([
    { id: 'c1', type: 'County', name: '从江县', aliases: ['從江'] },
    { id: 'c2', type: 'County', name: '台江县', aliases: [] },
    { id: 'p1', type: 'Program', name: '从江山货进城', aliases: [] },
    { id: 't1', type: 'Township', name: '黔东南从江镇', aliases: [] },
  ]);

  it('should find exact, prefix and substring hits with their best rank', () => {
    expect(index.find('从江')).toEqual(
      new Map([
        ['c1', 0],
        ['p1', 1],
        ['t1', 2],
      ]),
    );
    expect(index.find('江县')).toEqual(
      new Map([
        ['c1', 2],
        ['c2', 2],
      ]),
    );
  });

  it('should filter by type and never match across key boundaries', () => {
    expect([...index.find('从江', ['County']).keys()]).toEqual(['c1']);
    expect(index.find('县台')).toEqual(new Map());
    expect(index.find('')).toEqual(new Map());
  });
});
