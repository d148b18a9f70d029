/**
 * Graph exports
 *
 * `fupin export --format graphml|gexf|json|csv --out DIR` writes the whole graph for other tools:
 * GEXF for Gephi (written by graphology-gexf from a graphology graph), GraphML for yEd, Cytoscape and
 * networkx (graphology-graphml only parses, so the small writer here emits GraphML 1.0 that its parser
 * reads back), JSON as a GraphBatch (re-ingestible), CSV for `neo4j-admin database import`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { z } from 'zod';
import { parseOrThrow, type GraphBatch } from '@fupin/graph-schema';
import type { GraphStore } from '../graph-store.js';
import { neo4jImportCsv } from './neo4j-csv.js';

/** Export formats. */
export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'csv'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Flat node attributes shared by GEXF and GraphML. */
interface FlatNode {
  label: string;
  type: string;
  aliases: string;
  code: string;
  parentCode: string;
  parent: string;
  mentions: number;
}

/** Flat edge attributes shared by GEXF and GraphML. */
interface FlatEdge {
  label: string;
  type: string;
  evidenceCount: number;
  evidence: string;
  properties: string;
}

/**
 * Builds a graphology graph with flat (primitive) attributes from a batch.
 * @example toFlatGraph(batch).getNodeAttribute('region:522633000000', 'label') // '从江县'
 */
export function toFlatGraph(batch: GraphBatch): MultiDirectedGraph<FlatNode, FlatEdge> {
  const graph = new MultiDirectedGraph<FlatNode, FlatEdge>();
  const mentions = new Map<string, number>();
  for (const mention of batch.mentions) mentions.set(mention.entityId, (mentions.get(mention.entityId) ?? 0) + 1);
  for (const entity of batch.entities) {
    graph.addNode(entity.id, {
      label: entity.name,
      type: entity.type,
      aliases: entity.aliases.join('|'),
      code: entity.code ?? '',
      parentCode: entity.parentCode ?? '',
      parent: entity.parent ?? '',
      mentions: mentions.get(entity.id) ?? 0,
    });
  }
  for (const relation of batch.relations) {
    graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, {
      label: relation.type,
      type: relation.type,
      evidenceCount: relation.evidence.length,
      evidence: relation.evidence.map((item) => item.sentence).join(' | '),
      properties: JSON.stringify(relation.properties),
    });
  }
  return graph;
}

const xml = (text: string | number): string =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

/**
 * Writes GraphML 1.0 with typed keys for the flat attributes.
 * @example toGraphml(batch) // '<?xml version="1.0" …<node id="region:522633000000"><data key="label">从江县</data>…'
 */
export function toGraphml(batch: GraphBatch): string {
  const graph = toFlatGraph(batch);
  const nodeKeys: [keyof FlatNode, string][] = [
    ['label', 'string'],
    ['type', 'string'],
    ['aliases', 'string'],
    ['code', 'string'],
    ['parentCode', 'string'],
    ['parent', 'string'],
    ['mentions', 'int'],
  ];
  const edgeKeys: [keyof FlatEdge, string][] = [
    ['label', 'string'],
    ['type', 'string'],
    ['evidenceCount', 'int'],
    ['evidence', 'string'],
    ['properties', 'string'],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map(([key, type]) => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="${type}"/>`),
    ...edgeKeys.map(([key, type]) => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="${type}"/>`),
    '  <graph id="fupin" edgedefault="directed">',
  ];
  graph.forEachNode((id, attributes) => {
    const data = nodeKeys.map(([key]) => `<data key="n_${key}">${xml(attributes[key])}</data>`).join('');
    lines.push(`    <node id="${xml(id)}">${data}</node>`);
  });
  graph.forEachEdge((id, attributes, source, target) => {
    const data = edgeKeys.map(([key]) => `<data key="e_${key}">${xml(attributes[key])}</data>`).join('');
    lines.push(`    <edge id="${xml(id)}" source="${xml(source)}" target="${xml(target)}">${data}</edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/**
 * Writes GEXF 1.3 for Gephi (labels, typed attributes).
 * @example toGexf(batch).includes('label="从江县"') // true
 */
export function toGexf(batch: GraphBatch): string {
  return writeGexf(toFlatGraph(batch), {
    version: '1.3',
    formatNode: (_key, { label, ...attributes }) => ({ label, attributes }),
    formatEdge: (_key, { label, ...attributes }) => ({ label, attributes }),
  });
}

/**
 * Exports the whole graph of a store.
 * @param store - any GraphStore
 * @param format - graphml | gexf | json | csv
 * @param outDir - created if missing
 * @returns the absolute paths written
 * @example await exportGraph(store, 'gexf', 'out') // ['/…/out/fupin-graph.gexf']
 */
export async function exportGraph(store: GraphStore, format: ExportFormat, outDir: string): Promise<string[]> {
  const valid = parseOrThrow(ExportFormatSchema, format, 'store.exportGraph');
  const batch = await store.exportBatch();
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const files: Record<string, string> =
    valid === 'json'
      ? { 'fupin-graph.json': `${JSON.stringify(batch, null, 2)}\n` }
      : valid === 'gexf'
        ? { 'fupin-graph.gexf': toGexf(batch) }
        : valid === 'graphml'
          ? { 'fupin-graph.graphml': toGraphml(batch) }
          : neo4jImportCsv(batch);
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, content, 'utf8');
    written.push(path);
  }
  return written;
}
