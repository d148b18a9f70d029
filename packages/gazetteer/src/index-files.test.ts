import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '@fupin/graph-schema';
import { INDEX_FORMAT, parseAliases, readDivisions, VillageShards } from './index-files.js';

function dataDir(divisions: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
  writeFileSync(join(dir, 'divisions.tsv'), divisions);
  const villages = '101001\t排调村村民委员会\n101002\t羊巫村村民委员会\n';
  writeFileSync(join(dir, 'villages.tsv'), villages);
  writeFileSync(join(dir, 'villages-index.json'), JSON.stringify({ '522636': [0, Buffer.byteLength(villages), 2] }));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ format: INDEX_FORMAT }));
  return dir;
}

describe('readDivisions', () => {
  it('should visit each row with its fields', () => {
    const rows: string[] = [];
    readDivisions(dataDir('52\t贵州省\t\tt贵州\n522636\t丹寨县\t\tt丹寨\n'), (code, name, weak, aliases) =>
      rows.push(`${code}|${name}|${weak}|${aliases}`),
    );
    expect(rows).toEqual(['52|贵州省|false|t贵州', '522636|丹寨县|false|t丹寨']);
  });

  it('should reject a malformed row with an InputError', () => {
    expect(() => readDivisions(dataDir('52 贵州省\n'), () => undefined)).toThrow(InputError);
  });

  it('should refuse an index of another format', () => {
    const dir = dataDir('52\t贵州省\t\t\n');
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ format: INDEX_FORMAT - 1 }));
    expect(() => readDivisions(dir, () => undefined)).toThrow(InputError);
  });

  it('should name the missing file', () => {
    expect(() => readDivisions('/nonexistent/gazetteer', () => undefined)).toThrow(
      expect.objectContaining({ code: 'INPUT_UNREADABLE' }),
    );
  });
});

describe('parseAliases', () => {
  it('should decode kinds and weak flags', () => {
    expect(parseAliases('s黔东南州|t黔东南|T城关|v黔西县')).toEqual([
      { alias: '黔东南州', kind: 'short', weak: false, variant: false },
      { alias: '黔东南', kind: 'stem', weak: false, variant: false },
      { alias: '城关', kind: 'stem', weak: true, variant: false },
      { alias: '黔西县', kind: 'short', weak: false, variant: true },
    ]);
  });
});

describe('VillageShards', () => {
  it('should read one county by offset with full 12-digit codes', () => {
    const shards = new VillageShards(dataDir('52\t贵州省\t\t\n'));
    expect(shards.has('522636')).toBe(true);
    expect(shards.read('522636')).toEqual([
      ['522636101001', '排调村村民委员会'],
      ['522636101002', '羊巫村村民委员会'],
    ]);
    expect(shards.read('522633')).toEqual([]);
  });
});
