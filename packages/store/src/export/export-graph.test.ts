import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBatchSchema } from '@fupin/graph-schema';
import { E, fixtureBatchA, fixtureBatchB } from '../../test/fixtures/cooperation-graph.js';
import { EmbeddedStore } from '../embedded/embedded-store.js';
import { exportGraph } from './export-graph.js';

describe('exportGraph', () => {
  let dir: string;
  let store: EmbeddedStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fupin-export-'));
    store = new EmbeddedStore({ dataDir: join(dir, 'data') });
    await store.write(fixtureBatchA());
    await store.write(fixtureBatchB());
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should write GEXF that graphology-gexf reads back with labels and edges', async () => {
    const [path] = await exportGraph(store, 'gexf', join(dir, 'gexf'));
    const graph = parseGexf(MultiDirectedGraph, await readFile(path as string, 'utf8'));
    expect(graph.order).toBe(19);
    expect(graph.size).toBe(19);
    expect(graph.getNodeAttribute(E.从江县.id, 'label')).toBe('从江县');
    expect(graph.getNodeAttribute(E.从江县.id, 'type')).toBe('County');
  });

  it('should write GraphML that graphology-graphml parses, escaping XML', async () => {
    const [path] = await exportGraph(store, 'graphml', join(dir, 'graphml'));
    const graph = parseGraphml(MultiDirectedGraph, await readFile(path as string, 'utf8'));
    expect(graph.order).toBe(19);
    expect(graph.size).toBe(19);
    expect(graph.getNodeAttribute(E.台江县.id, 'label')).toBe('台江县');
    expect(graph.getNodeAttribute(E.台江县.id, 'aliases')).toBe('台江縣');
  });

  it('should write JSON that validates as a GraphBatch and loads into a new store unchanged', async () => {
    const [path] = await exportGraph(store, 'json', join(dir, 'json'));
    const batch = GraphBatchSchema.parse(JSON.parse(await readFile(path as string, 'utf8')));
    const copy = new EmbeddedStore({ dataDir: join(dir, 'copy') });
    await copy.write(batch);
    expect(await copy.stats()).toEqual(await store.stats());
  });

  it('should write neo4j-admin import CSV with typed headers and one line per item', async () => {
    const paths = await exportGraph(store, 'csv', join(dir, 'csv'));
    expect(paths.map((path) => basename(path)).sort()).toEqual([
      'documents.csv',
      'mentions.csv',
      'nodes.csv',
      'relationships.csv',
    ]);
    const nodes = (await readFile(join(dir, 'csv', 'nodes.csv'), 'utf8')).trimEnd().split('\n');
    expect(nodes[0]).toBe(
      'id:ID,name,aliases:string[],code,parentCode,parent,type,searchKeys:string[],searchText,:LABEL',
    );
    expect(nodes).toHaveLength(20);
    expect(nodes.find((line) => line.startsWith(`"${E.从江县.id}"`))).toContain('"Entity;County;Region"');
    const relationships = (await readFile(join(dir, 'csv', 'relationships.csv'), 'utf8')).trimEnd().split('\n');
    expect(relationships[0]).toBe(':START_ID,:END_ID,:TYPE,id,evidence:string[],evidenceKeys:string[],p_funds:double');
    expect(relationships).toHaveLength(20);
  });

  it('should refuse an unknown format with SCHEMA_INVALID', async () => {
    await expect(exportGraph(store, 'xlsx' as 'csv', join(dir, 'bad'))).rejects.toMatchObject({
      code: 'SCHEMA_INVALID',
    });
  });
});
