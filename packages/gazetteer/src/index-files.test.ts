import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '@fupin/graph-schema';
import { buildCompactIndex } from './compact-index.js';
import type { CompactRow } from './compact-index.js';
import { INDEX_FORMAT, packVillageShards, readCompactIndex, VillageShards } from './index-files.js';
import { buildVillageShard } from './village-shard.js';

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
  const rows: CompactRow[] = [
    { code: '520000000000', name: '贵州省', parent: -1, names: [{ name: '贵州省', kind: 0, weak: false }] },
    {
      code: '522636000000',
      name: '丹寨县',
      parent: 0,
      names: [
        { name: '丹寨县', kind: 0, weak: false },
        { name: '丹寨', kind: 2, weak: false },
      ],
    },
  ];
  writeFileSync(join(dir, 'divisions.bin'), buildCompactIndex(rows));
  const villages = [
    { suffix: 101001, name: '排调村村民委员会', parent: 1 },
    { suffix: 101002, name: '羊巫村村民委员会', parent: 1 },
  ];
  const shards = [{ county6: '522636', bytes: buildVillageShard(villages), villages: villages.length }];
  writeFileSync(join(dir, 'villages.bin'), packVillageShards(shards));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ format: INDEX_FORMAT }));
  return dir;
}

describe('readCompactIndex', () => {
  it('should open a built index', () => {
    const index = readCompactIndex(dataDir());
    expect(index.code(index.find('522636000000'))).toBe('522636000000');
    expect(index.candidates('丹寨')).toHaveLength(1);
  });

  it('should refuse an index of another format', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ format: INDEX_FORMAT - 1 }));
    expect(() => readCompactIndex(dir)).toThrow(InputError);
  });

  it('should refuse a damaged index', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'divisions.bin'), Buffer.alloc(64));
    expect(() => readCompactIndex(dir)).toThrow(expect.objectContaining({ code: 'INPUT_UNREADABLE' }));
  });

  it('should name the missing file', () => {
    expect(() => readCompactIndex('/nonexistent/gazetteer')).toThrow(InputError);
  });
});

describe('VillageShards', () => {
  it('should read one county by offset with full 12-digit codes', () => {
    const shards = new VillageShards(dataDir());
    expect(shards.has('522636')).toBe(true);
    expect(shards.villageCount('522636')).toBe(2);
    expect(shards.has('52263x')).toBe(false);
    expect(shards.has('522633')).toBe(false);
    expect(shards.countiesWithPrefix('52')).toEqual(['522636']);
    expect(shards.shard('522636', () => '522636000000')?.village(1)).toEqual({
      code: '522636101002',
      name: '羊巫村村民委员会',
      level: 'Village',
      parentCode: '522636000000',
    });
    expect(shards.read('522636')).toEqual([
      ['522636101001', '排调村村民委员会'],
      ['522636101002', '羊巫村村民委员会'],
    ]);
    expect(shards.read('522633')).toEqual([]);
  });

  it('should refuse a file that is not packed village shards', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'villages.bin'), Buffer.alloc(64));
    expect(() => new VillageShards(dir)).toThrow(expect.objectContaining({ code: 'INPUT_UNREADABLE' }));
  });
});
