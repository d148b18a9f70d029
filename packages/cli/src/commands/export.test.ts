import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, sampleDataDir } from '../../test/sample-graph.js';
import { registerExport } from './export.js';

describe('registerExport', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await sampleDataDir();
  });

  it('should write a GEXF file and print its path', async () => {
    const out = join(dir, 'out');
    const text = await runCli([registerExport], ['export', '--format', 'gexf', '--out', out, '--data', dir]);
    expect(text.trim()).toBe(join(out, 'fupin-graph.gexf'));
    expect(await readFile(join(out, 'fupin-graph.gexf'), 'utf8')).toContain('从江县');
  });

  it('should write the four CSV files and the import command', async () => {
    const out = join(dir, 'csv');
    const text = await runCli([registerExport], ['export', '--format', 'csv', '--out', out, '--data', dir]);
    expect((await readdir(out)).sort()).toEqual(['documents.csv', 'mentions.csv', 'nodes.csv', 'relationships.csv']);
    expect(text).toContain('neo4j-admin database import full');
  });

  it('should refuse an unknown format with SCHEMA_INVALID', async () => {
    await expect(
      runCli([registerExport], ['export', '--format', 'png', '--out', dir, '--data', dir]),
    ).rejects.toMatchObject({
      code: 'SCHEMA_INVALID',
    });
  });
});
