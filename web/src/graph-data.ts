/**
 * Graph data for the view
 *
 * Builds and grows the graphology graph that sigma draws from the API's subgraphs: node colour by
 * type, size by degree, Chinese labels, arrowed edges coloured by relation. Initial positions are
 * seeded from a hash of the node id and cached positions are restored from localStorage, so the same
 * data lays out the same way on every reload.
 */
import Graph from 'graphology';
import type { EntitySummary, Subgraph, SubgraphEdge } from './api.js';
import { RELATION_COLORS, TYPE_COLORS, isEasternCode } from './vocabulary.js';
import type { EntityType, RelationType } from '@fupin/graph-schema';

/** Node attributes in the view graph (`type` is left to sigma: it names the node program). */
export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  entityType: EntityType;
  code?: string;
  aliases: string[];
  east?: boolean;
  community?: number;
}

/** Edge attributes (`type` is sigma's edge program, the relation is in `relType`). */
export interface EdgeAttrs {
  /** `curved` when two relations join the same pair of nodes, so neither hides the other. */
  type: 'arrow' | 'curved';
  curvature?: number;
  relType: RelationType;
  color: string;
  size: number;
  evidenceCount: number;
}

/** The graph the view draws. */
export type ViewGraph = Graph<NodeAttrs, EdgeAttrs>;

/** A new, empty view graph (directed, parallel edges allowed for different relation types). */
export function createViewGraph(): ViewGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ type: 'directed', multi: true, allowSelfLoops: false });
}

/**
 * 32-bit FNV-1a hash of a string, for seeded positions.
 * @example hashString('region:522633000000') // a stable unsigned integer
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A stable starting position for a node: a point in a disc whose radius grows with the graph.
 * @param id - node id
 * @param n - number of nodes in the graph
 * @example seededPosition('Program:春风行动', 100) // { x, y } the same on every call
 */
export function seededPosition(id: string, n: number): { x: number; y: number } {
  const h = hashString(id);
  const a = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const r = Math.sqrt((h >>> 16) / 0x10000) * Math.sqrt(Math.max(n, 1)) * 10;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

function nodeAttrs(n: EntitySummary, pos: { x: number; y: number }): NodeAttrs {
  return {
    ...pos,
    size: 4,
    color: TYPE_COLORS[n.type],
    label: n.name,
    entityType: n.type,
    code: n.code,
    aliases: n.aliases,
    east: isEasternCode(n.code),
  };
}

function edgeAttrs(e: SubgraphEdge): EdgeAttrs {
  return { type: 'arrow', relType: e.type, color: RELATION_COLORS[e.type], size: 1.2, evidenceCount: e.evidenceCount };
}

/**
 * Adds a subgraph's nodes and edges to the graph (existing ones are updated, not duplicated).
 * New nodes start at a cached position, else next to `near` (an existing node), else at a seeded one.
 * @returns ids of nodes that were not in the graph before
 * @example mergeSubgraph(graph, await api.neighbours('region:522633000000'), cache, 'region:522633000000')
 */
export function mergeSubgraph(
  graph: ViewGraph,
  sub: Subgraph,
  cache: ReadonlyMap<string, [number, number]> = new Map(),
  near?: string,
): string[] {
  const added: string[] = [];
  const total = graph.order + sub.nodes.length;
  const anchor = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : undefined;
  for (const n of sub.nodes) {
    if (graph.hasNode(n.id)) continue;
    const cached = cache.get(n.id);
    let pos: { x: number; y: number };
    if (cached) pos = { x: cached[0], y: cached[1] };
    else if (anchor) {
      const s = seededPosition(n.id, 1);
      pos = { x: anchor.x + s.x, y: anchor.y + s.y };
    } else pos = seededPosition(n.id, total);
    graph.addNode(n.id, nodeAttrs(n, pos));
    added.push(n.id);
  }
  for (const e of sub.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
    graph.mergeEdgeWithKey(e.id, e.source, e.target, edgeAttrs(e));
  }
  curveParallelEdges(graph, sub.edges);
  resizeByDegree(graph);
  return added;
}

/**
 * Curves edges that share their pair of nodes (ASSISTS 吴中区 → 从江县 and SALES_OUTLET_IN 从江县 → 吴中区):
 * each gets its own curvature, and opposite directions bow to opposite sides.
 * @param edges - the edges just merged (only their pairs are looked at)
 */
export function curveParallelEdges(graph: ViewGraph, edges: readonly { source: string; target: string }[]): void {
  const seen = new Set<string>();
  for (const { source, target } of edges) {
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    if (seen.has(key) || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    seen.add(key);
    const forward = graph.directedEdges(source, target);
    const backward = graph.directedEdges(target, source);
    if (forward.length + backward.length < 2) continue;
    for (const list of [forward, backward])
      list.forEach((edge, i) => graph.mergeEdgeAttributes(edge, { type: 'curved', curvature: 0.12 * (i + 1) }));
  }
}

/** Sizes nodes by their degree in the drawn graph (square root, so hubs do not swamp the view). */
export function resizeByDegree(graph: ViewGraph): void {
  graph.forEachNode((node) => {
    graph.setNodeAttribute(node, 'size', Math.min(4 + 2 * Math.sqrt(graph.degree(node)), 24));
  });
}

const CACHE_PREFIX = 'fupin:layout:v1:';

/**
 * Reads cached positions for a view scope from localStorage (empty when absent or unreadable).
 * @example loadPositions('all') // Map { 'region:522633000000' => [12.5, -3.1], … }
 */
export function loadPositions(scope: string): Map<string, [number, number]> {
  try {
    const raw = localStorage.getItem(CACHE_PREFIX + scope);
    if (!raw) return new Map();
    const obj = JSON.parse(raw) as Record<string, [number, number]>;
    return new Map(Object.entries(obj).filter(([, v]) => Array.isArray(v) && v.length === 2));
  } catch {
    return new Map();
  }
}

/** Saves the graph's positions for a scope; a full localStorage is ignored (the cache is only a speed-up). */
export function savePositions(scope: string, graph: ViewGraph): void {
  const obj: Record<string, [number, number]> = {};
  graph.forEachNode((node, a) => {
    obj[node] = [Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100];
  });
  try {
    localStorage.setItem(CACHE_PREFIX + scope, JSON.stringify(obj));
  } catch {
    // Quota exceeded: the layout is recomputed next time, which is correct, only slower.
  }
}
