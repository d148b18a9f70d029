import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '@fupin/graph-schema';
import { displayWidth, formatTable, openStore, truncate } from './store-options.js';

describe('openStore', () => {
  it('should open the embedded store on --data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-opts-'));
    const store = await openStore({ data: dir });
    expect(store.kind).toBe('embedded');
    await store.close();
  });

  it('should refuse an unknown store kind with SCHEMA_INVALID', async () => {
    await expect(openStore({ store: 'sqlite' })).rejects.toMatchObject({ code: 'SCHEMA_INVALID' });
    await expect(openStore({ neo4j: 'http://127.0.0.1:7474' })).rejects.toMatchObject({ code: 'SCHEMA_INVALID' });
  });

  it('should take --neo4j as the Neo4j store and report an unreachable server as STORE_UNAVAILABLE', async () => {
    const failure = await openStore({ neo4j: 'bolt://127.0.0.1:1' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});

describe('formatTable', () => {
  it('should align columns by display width (Chinese counts double)', () => {
    expect(displayWidth('从江县')).toBe(6);
    const lines = formatTable(
      ['名称', 'n'],
      [
        ['从江县', '1'],
        ['ab', '22'],
      ],
    ).split('\n');
    expect(lines[0]).toBe('名称    n');
    expect(lines[2]).toBe('从江县  1');
    expect(lines[3]).toBe('ab      22');
  });
});

describe('truncate', () => {
  it('should cut at a display width and mark the cut', () => {
    expect(truncate('吴江区投入帮扶资金', 9)).toBe('吴江区投…');
    expect(truncate('从江县', 6)).toBe('从江县');
  });
});
