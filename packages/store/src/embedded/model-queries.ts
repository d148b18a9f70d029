/**
 * Embedded queries
 *
 * The query API answered from the in-memory GraphModel. Every answer follows the orders and rules in
 * query/canonical.ts so that it equals, item for item, what the Neo4j store returns: neighbourhoods
 * are breadth-first and undirected with the induced relations between the nodes found; the shortest
 * path is the one whose node ids are lexicographically smallest among all shortest paths (Neo4j's
 * `allShortestPaths` gives the candidates there); subgraphs keep the best-connected nodes.
 */
import {
  COOPERATION_RELATION_TYPES,
  RELATION_TYPES,
  isRegionType,
  type Document,
  type RelationType,
} from '@fupin/graph-schema';
import type {
  DocumentSummary,
  EntityDetail,
  EntitySummary,
  GraphStats,
  RelationView,
  Subgraph,
  SubgraphEdge,
  SubgraphFilter,
} from '../graph-store.js';
import {
  SHORTEST_PATH_MAX_HOPS,
  canonicalAliases,
  SUBGRAPH_DEFAULT_LIMIT,
  compareById,
  compareDocuments,
  compareEdges,
  compareEvidence,
  compareRelationViews,
  compareSummaries,
  compareText,
} from '../query/canonical.js';
import { evidenceCount, evidenceOf } from './evidence-rows.js';
import type { GraphModel } from './graph-model.js';

/**
 * The summary of one entity (assumes it exists).
 * @param model - the graph
 * @param id - entity id, e.g. `region:522633000000`
 */
export function summaryOf(model: GraphModel, id: string): EntitySummary {
  const entity = model.graph.getNodeAttributes(id);
  const summary: EntitySummary = {
    id,
    type: entity.type,
    name: entity.name,
    aliases: canonicalAliases(entity.aliases),
    degree: model.graph.degree(id),
  };
  if (entity.code !== undefined) summary.code = entity.code;
  if (entity.parent !== undefined) summary.parent = entity.parent;
  return summary;
}

/** A relation with both endpoints summarised and its evidence in canonical order. */
export function relationViewOf(model: GraphModel, edge: string): RelationView {
  const attributes = model.graph.getEdgeAttributes(edge);
  return {
    id: edge,
    type: attributes.type,
    source: summaryOf(model, model.graph.source(edge)),
    target: summaryOf(model, model.graph.target(edge)),
    evidence: evidenceOf(attributes.evidence, (id) => model.textOf(id)).sort(compareEvidence),
    properties: { ...attributes.properties },
  };
}

/** A document without its text. */
export function documentSummaryOf(document: Document): DocumentSummary {
  const { text: _text, ...summary } = document;
  return summary;
}

/**
 * Relations touching an entity, optionally only some types and one direction.
 * @param direction - `out` (entity is source), `in` (entity is target) or `both`
 */
export function relationsOf(
  model: GraphModel,
  id: string,
  types: readonly RelationType[],
  direction: 'in' | 'out' | 'both',
): RelationView[] {
  const wanted = new Set(types);
  const edges =
    direction === 'out'
      ? model.graph.outEdges(id)
      : direction === 'in'
        ? model.graph.inEdges(id)
        : model.graph.edges(id);
  return [...new Set(edges)]
    .filter((edge) => wanted.has(model.graph.getEdgeAttribute(edge, 'type')))
    .map((edge) => relationViewOf(model, edge))
    .sort(compareRelationViews);
}

/** The administrative parent: the region with the entity's parentCode, else its LOCATED_IN region. */
function parentOf(model: GraphModel, id: string, codes: Map<string, string[]>): string | undefined {
  const entity = model.graph.getNodeAttributes(id);
  const byCode = entity.parentCode ? codes.get(entity.parentCode) : undefined;
  if (byCode && byCode.length > 0) return [...byCode].sort(compareText)[0];
  const targets = model.graph
    .outEdges(id)
    .filter((edge) => model.graph.getEdgeAttribute(edge, 'type') === 'LOCATED_IN')
    .map((edge) => model.graph.target(edge))
    .filter((target) => isRegionType(model.graph.getNodeAttribute(target, 'type')))
    .sort(compareText);
  return targets[0];
}

/** Map from division code to the region ids carrying it. */
export function codeIndex(model: GraphModel): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  model.graph.forEachNode((id, entity) => {
    if (!entity.code) return;
    const ids = codes.get(entity.code);
    if (ids) ids.push(id);
    else codes.set(entity.code, [id]);
  });
  return codes;
}

/** Everything the side panel shows for an entity; null when unknown. */
export function entityDetail(model: GraphModel, id: string, codes: Map<string, string[]>): EntityDetail | null {
  if (!model.graph.hasNode(id)) return null;
  const parentChain: EntitySummary[] = [];
  const seen = new Set([id]);
  for (let current = parentOf(model, id, codes); current && !seen.has(current);) {
    seen.add(current);
    parentChain.push(summaryOf(model, current));
    current = parentOf(model, current, codes);
  }
  const documents = [...(model.mentionCounts.get(id)?.keys() ?? [])]
    .map((documentId) => model.documents.get(documentId))
    .filter((document): document is Document => document !== undefined)
    .map(documentSummaryOf)
    .sort(compareDocuments);
  return {
    entity: summaryOf(model, id),
    parentChain,
    relations: relationsOf(model, id, RELATION_TYPES, 'both'),
    documents,
  };
}

/** Regions whose parentCode is this region's code or that are LOCATED_IN it. */
export function childrenOf(model: GraphModel, id: string): EntitySummary[] {
  const code = model.graph.getNodeAttribute(id, 'code');
  const children = new Set<string>();
  if (code) {
    model.graph.forEachNode((child, entity) => {
      if (entity.parentCode === code && isRegionType(entity.type) && child !== id) children.add(child);
    });
  }
  for (const edge of model.graph.inEdges(id)) {
    const child = model.graph.source(edge);
    if (
      model.graph.getEdgeAttribute(edge, 'type') === 'LOCATED_IN' &&
      isRegionType(model.graph.getNodeAttribute(child, 'type'))
    ) {
      children.add(child);
    }
  }
  children.delete(id);
  return [...children].map((child) => summaryOf(model, child)).sort(compareSummaries);
}

/** Relations (of the given types) among a set of nodes, as subgraph edges. */
export function inducedEdges(
  model: GraphModel,
  nodes: ReadonlySet<string>,
  types: readonly RelationType[],
): SubgraphEdge[] {
  const wanted = new Set(types);
  const edges: SubgraphEdge[] = [];
  for (const node of nodes) {
    for (const edge of model.graph.outEdges(node)) {
      const attributes = model.graph.getEdgeAttributes(edge);
      const target = model.graph.target(edge);
      if (!wanted.has(attributes.type) || !nodes.has(target)) continue;
      edges.push({
        id: edge,
        type: attributes.type,
        source: node,
        target,
        evidenceCount: evidenceCount(attributes.evidence),
        properties: { ...attributes.properties },
      });
    }
  }
  return edges.sort(compareEdges);
}

/** Undirected neighbours of a node over relations of the given types. */
function adjacent(model: GraphModel, node: string, wanted: ReadonlySet<RelationType>): string[] {
  const out: string[] = [];
  model.graph.forEachEdge(node, (_edge, attributes, source, target) => {
    if (wanted.has(attributes.type)) out.push(source === node ? target : source);
  });
  return out;
}

/** Breadth-first neighbourhood up to `depth`, with the induced relations. */
export function neighbourhood(model: GraphModel, id: string, depth: number, types: readonly RelationType[]): Subgraph {
  const wanted = new Set(types);
  const seen = new Set([id]);
  let frontier = [id];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of adjacent(model, node, wanted)) {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return {
    nodes: [...seen].map((node) => summaryOf(model, node)).sort(compareById),
    edges: inducedEdges(model, seen, types),
  };
}

/**
 * Shortest undirected path (≤ SHORTEST_PATH_MAX_HOPS); among equally short paths the one whose node ids
 * compare smallest, so both stores agree. Null when unconnected.
 *
 * Bidirectional breadth-first search (the smaller frontier grows one full level at a time) finds the
 * length d = rs + rt where the two balls first touch. Every shortest path crosses the layer
 * M = {v : ds(v) = rs, dt(v) = rt}; the source half of the shortest-path DAG is traced back from M, the
 * target half follows dt downwards, and the path is chosen greedily by smallest id on that DAG.
 */
export function shortestPathOf(model: GraphModel, from: string, to: string): Subgraph | null {
  const wanted = new Set<RelationType>(RELATION_TYPES);
  const ds = new Map([[from, 0]]);
  const dt = new Map([[to, 0]]);
  let sourceFrontier = [from];
  let targetFrontier = [to];
  let rs = 0;
  let rt = 0;
  let met = from === to;
  while (!met && sourceFrontier.length > 0 && targetFrontier.length > 0 && rs + rt < SHORTEST_PATH_MAX_HOPS) {
    const fromSource = sourceFrontier.length <= targetFrontier.length;
    const [own, other, frontier] = fromSource ? [ds, dt, sourceFrontier] : [dt, ds, targetFrontier];
    const level = (fromSource ? rs : rt) + 1;
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of adjacent(model, node, wanted)) {
        if (own.has(neighbour)) continue;
        own.set(neighbour, level);
        next.push(neighbour);
        if (other.has(neighbour)) met = true;
      }
    }
    if (fromSource) [sourceFrontier, rs] = [next, level];
    else [targetFrontier, rt] = [next, level];
  }
  if (!met) return null;
  // Source half of the shortest-path DAG, layer by layer back from the meeting layer.
  const layers: Set<string>[] = [];
  layers[rs] = new Set([...ds].filter(([node, d]) => d === rs && dt.get(node) === rt).map(([node]) => node));
  for (let k = rs - 1; k >= 0; k--) {
    const layer = new Set<string>();
    for (const node of layers[k + 1] as Set<string>) {
      for (const neighbour of adjacent(model, node, wanted)) if (ds.get(neighbour) === k) layer.add(neighbour);
    }
    layers[k] = layer;
  }
  const path = [from];
  const smallest = (candidates: string[]) => candidates.sort(compareText)[0] as string;
  for (let k = 0; k < rs; k++) {
    const layer = layers[k + 1] as Set<string>;
    path.push(smallest(adjacent(model, path[k] as string, wanted).filter((node) => layer.has(node))));
  }
  for (let left = rt; left > 0; left--) {
    path.push(
      smallest(adjacent(model, path[path.length - 1] as string, wanted).filter((node) => dt.get(node) === left - 1)),
    );
  }
  const edges: SubgraphEdge[] = [];
  for (let index = 0; index + 1 < path.length; index++) {
    const pair = new Set([path[index] as string, path[index + 1] as string]);
    edges.push(...inducedEdges(model, pair, RELATION_TYPES));
  }
  return { nodes: path.map((node) => summaryOf(model, node)), edges: edges.sort(compareEdges), path };
}

/** Filtered subgraph for the web view: best-connected nodes first, up to the limit. */
export function filteredSubgraph(model: GraphModel, filter: SubgraphFilter): Subgraph {
  const cooperation = new Set<RelationType>(COOPERATION_RELATION_TYPES);
  let types: RelationType[] = filter.relationTypes?.length ? [...filter.relationTypes] : [...RELATION_TYPES];
  if (filter.cooperation) types = types.filter((type) => cooperation.has(type));
  const entityTypes = filter.types?.length ? new Set(filter.types) : null;
  const yearDocuments = filter.year === undefined ? null : documentsOfYear(model, filter.year);
  // Endpoints of cooperation relations, found in one pass over the edges.
  const linked = new Set<string>();
  if (filter.cooperation) {
    model.graph.forEachEdge((_edge, attributes, source, target) => {
      if (!cooperation.has(attributes.type)) return;
      linked.add(source);
      linked.add(target);
    });
  }
  const candidates: { id: string; degree: number }[] = [];
  model.graph.forEachNode((id, entity) => {
    if (entityTypes && !entityTypes.has(entity.type)) return;
    if (filter.cooperation && (!isRegionType(entity.type) || !linked.has(id))) return;
    if (yearDocuments) {
      const mentionedIn = model.mentionCounts.get(id);
      if (!mentionedIn || ![...mentionedIn.keys()].some((documentId) => yearDocuments.has(documentId))) return;
    }
    candidates.push({ id, degree: model.graph.degree(id) });
  });
  const limit = filter.limit ?? SUBGRAPH_DEFAULT_LIMIT;
  const kept = new Set(
    topByDegree(candidates, limit)
      .sort((a, b) => b.degree - a.degree || compareText(a.id, b.id))
      .slice(0, limit)
      .map((candidate) => candidate.id),
  );
  return {
    nodes: [...kept].map((id) => summaryOf(model, id)).sort(compareById),
    edges: inducedEdges(model, kept, types),
  };
}

/**
 * The candidates whose degree is at least the `limit`-th largest (ties kept), without sorting them all:
 * degrees are small integers, so a count per degree finds the cut-off in one pass.
 */
function topByDegree<T extends { degree: number }>(candidates: T[], limit: number): T[] {
  if (candidates.length <= limit) return candidates;
  const counts = new Map<number, number>();
  for (const candidate of candidates) counts.set(candidate.degree, (counts.get(candidate.degree) ?? 0) + 1);
  let cutoff = 0;
  let taken = 0;
  for (const degree of [...counts.keys()].sort((a, b) => b - a)) {
    cutoff = degree;
    taken += counts.get(degree) as number;
    if (taken >= limit) break;
  }
  return candidates.filter((candidate) => candidate.degree >= cutoff);
}

function documentsOfYear(model: GraphModel, year: number): Set<string> {
  const ids = new Set<string>();
  for (const document of model.documents.values()) {
    if (document.date?.startsWith(String(year))) ids.add(document.id);
  }
  return ids;
}

/** Node and relation counts by type. */
export function statsOf(model: GraphModel): GraphStats {
  const nodesByType: GraphStats['nodesByType'] = {};
  const relationsByType: GraphStats['relationsByType'] = {};
  model.graph.forEachNode((_id, entity) => {
    nodesByType[entity.type] = (nodesByType[entity.type] ?? 0) + 1;
  });
  model.graph.forEachEdge((_edge, attributes) => {
    relationsByType[attributes.type] = (relationsByType[attributes.type] ?? 0) + 1;
  });
  return {
    documents: model.documents.size,
    nodes: model.graph.order,
    relations: model.graph.size,
    mentions: model.mentionTotal(),
    nodesByType,
    relationsByType,
  };
}
