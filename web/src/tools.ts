/**
 * View tools
 *
 * Louvain community colouring (graphology-communities-louvain with a seeded random source, so the
 * same graph gets the same colours), and exports of the current view: PNG through
 * @sigma/export-image (it redraws every layer onto one canvas) and GEXF through graphology-gexf.
 */
import { downloadAsPNG, drawOnCanvas } from '@sigma/export-image';
import { write as writeGexf } from 'graphology-gexf/browser';
import louvain from 'graphology-communities-louvain';
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './graph-data.js';

/**
 * A small seeded random generator (mulberry32), so community detection is repeatable.
 * @example const rng = seededRandom(42); rng(); // same sequence every time
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes each node's Louvain community into its `community` attribute.
 * @returns the number of communities
 * @example assignCommunities(graph) // 苏州-从江 cluster and 杭州-台江 cluster → 2
 */
export function assignCommunities(graph: ViewGraph): number {
  if (graph.size === 0) return 0;
  const result = louvain.detailed(graph, { rng: seededRandom(2020), getEdgeWeight: null });
  graph.forEachNode((n) => graph.setNodeAttribute(n, 'community', result.communities[n]));
  return result.count;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the current view as a PNG on a white background. */
export function exportPng(sigma: Sigma<NodeAttrs, EdgeAttrs>): Promise<void> {
  return downloadAsPNG(sigma as unknown as Sigma, { fileName: 'fupin-graph', backgroundColor: '#ffffff' });
}

/**
 * Downloads the nodes and edges currently shown as GEXF (Gephi), with type, code and relation attributes.
 * @param visible - ids drawn after filters
 */
export function exportGexf(graph: ViewGraph, visible: { nodes: string[]; edges: string[] }): void {
  const sub = graph.nullCopy();
  for (const n of visible.nodes) sub.addNode(n, graph.getNodeAttributes(n));
  for (const e of visible.edges) {
    const [s, t] = graph.extremities(e);
    if (sub.hasNode(s) && sub.hasNode(t)) sub.addEdgeWithKey(e, s, t, graph.getEdgeAttributes(e));
  }
  const xml = writeGexf(sub, {
    formatNode: (_key, a) => ({
      label: a.label,
      attributes: { entityType: a.entityType, code: a.code ?? '', aliases: a.aliases.join('|') },
      viz: { color: a.color, x: a.x, y: a.y, size: a.size },
    }),
    formatEdge: (_key, a) => ({ attributes: { relation: a.relType, evidence: a.evidenceCount } }),
  });
  download(new Blob([xml], { type: 'application/xml' }), 'fupin-graph.gexf');
}

/**
 * Counts pixels that are not background in a fresh rendering of the view (the browser tests use it
 * to check that something was drawn).
 */
export async function countInkPixels(sigma: Sigma<NodeAttrs, EdgeAttrs>): Promise<number> {
  const canvas = await drawOnCanvas(sigma as unknown as Sigma, { backgroundColor: '#ffffff' });
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) ink++;
  return ink;
}
