/**
 * Neo4j queries
 *
 * The query API in parameterised Cypher. Each function mirrors one in embedded/model-queries.ts and
 * ends in the same canonical order, so the shared suite can compare answers item by item. Search uses
 * the full-text index for Han-only queries (the standard analyser indexes each Han character, so a
 * quoted phrase finds adjacent characters) and filters the hits with CONTAINS on the simplified keys;
 * anything else (Latin, digits, punctuation) scans `searchKeys` with CONTAINS.
 */
import neo4j from 'neo4j-driver';
import {
  COOPERATION_RELATION_TYPES,
  FULLTEXT_INDEX,
  QueryError,
  RELATION_TYPES,
  type EntityType,
  type RelationType,
} from '@fupin/graph-schema';
import type { EntitySummary, RelationView, Subgraph, SubgraphFilter } from '../graph-store.js';
import {
  SHORTEST_PATH_MAX_HOPS,
  SUBGRAPH_DEFAULT_LIMIT,
  compareById,
  compareEdges,
  compareHits,
  compareRelationViews,
  compareSummaries,
  compareText,
  type RankedHit,
} from '../query/canonical.js';
import {
  edgeFromRow,
  edgeProjection,
  relationFromRow,
  relationProjection,
  summaryFromRow,
  summaryProjection,
} from './rows.js';
import type { CypherRunner } from './runner.js';

/**
 * Escapes Lucene query syntax so user text is searched literally (Lucene classic QueryParser specials).
 * @example escapeLucene('从江 (县)') // '从江 \\(县\\)'
 */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-!(){}[\]^"~*?:\\/]|&&|\|\|/g, (match) => `\\${match}`);
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Search by name or alias; see EmbeddedStore.search for the ranking. */
export async function searchEntities(
  runner: CypherRunner,
  query: string,
  types: readonly EntityType[] | undefined,
  limit: number,
): Promise<EntitySummary[]> {
  const source = HAN_ONLY.test(query)
    ? `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n`
    : `MATCH (n:Entity)`;
  const rows = await runner.read(
    `${source}
     WITH n WHERE n:Entity AND ($types IS NULL OR n.type IN $types) AND any(k IN n.searchKeys WHERE k CONTAINS $q)
     WITH n, CASE WHEN $q IN n.searchKeys THEN 0 WHEN any(k IN n.searchKeys WHERE k STARTS WITH $q) THEN 1 ELSE 2 END AS rank,
          COUNT { (n)--(:Entity) } AS degree
     ORDER BY rank, degree DESC, size(n.name), n.name, n.id
     LIMIT $limit
     RETURN rank, ${summaryProjection('n')} AS summary`,
    {
      index: FULLTEXT_INDEX,
      lucene: `"${escapeLucene(query)}"`,
      q: query,
      types: types && types.length > 0 ? [...types] : null,
      limit: neo4j.int(limit),
    },
    'store.search',
  );
  const hits: RankedHit[] = rows.map((row) => ({ rank: row.rank as number, summary: summaryFromRow(row.summary) }));
  return hits.sort(compareHits).map((hit) => hit.summary);
}

/** Summaries of the given ids (unknown ids skipped). */
export async function summariesOf(runner: CypherRunner, ids: readonly string[]): Promise<EntitySummary[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read(
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN ${summaryProjection('n')} AS summary`,
    { ids: [...ids] },
    'store.read',
  );
  return rows.map((row) => summaryFromRow(row.summary));
}

/** Throws QUERY_NOT_FOUND unless the entity exists. */
export async function requireEntity(runner: CypherRunner, id: string, method: string): Promise<void> {
  const rows = await runner.read('MATCH (n:Entity {id: $id}) RETURN n.id AS id', { id }, `store.${method}`);
  if (rows.length === 0) {
    throw new QueryError('QUERY_NOT_FOUND', `store.${method}: no entity with id ${id}; expected an id from search`);
  }
}

/** Relations touching an entity, by type and direction. */
export async function relationsOf(
  runner: CypherRunner,
  id: string,
  types: readonly RelationType[],
  direction: 'in' | 'out' | 'both',
): Promise<RelationView[]> {
  const out = `MATCH (a:Entity {id: $id})-[rel]->(b:Entity) WHERE type(rel) IN $types RETURN ${relationProjection('rel', 'a', 'b')} AS r`;
  const into = `MATCH (a:Entity)-[rel]->(b:Entity {id: $id}) WHERE type(rel) IN $types RETURN ${relationProjection('rel', 'a', 'b')} AS r`;
  const query = direction === 'out' ? out : direction === 'in' ? into : `${out} UNION ${into}`;
  const rows = await runner.read(query, { id, types: [...types] }, 'store.relations');
  const views = new Map<string, RelationView>();
  for (const row of rows) {
    const view = relationFromRow(row.r as Record<string, unknown>);
    views.set(view.id, view);
  }
  return [...views.values()].sort(compareRelationViews);
}

/** The administrative parent: the region with the parentCode, else the LOCATED_IN region (smallest id). */
export async function parentOf(runner: CypherRunner, id: string): Promise<string | undefined> {
  const [row] = await runner.read(
    `MATCH (n:Entity {id: $id})
     OPTIONAL MATCH (p:Region) WHERE n.parentCode IS NOT NULL AND p.code = n.parentCode
     WITH n, collect(p.id) AS byCode
     OPTIONAL MATCH (n)-[:LOCATED_IN]->(q:Region)
     RETURN byCode, collect(q.id) AS located`,
    { id },
    'store.entity',
  );
  const byCode = ((row?.byCode as string[] | undefined) ?? []).sort(compareText);
  const located = ((row?.located as string[] | undefined) ?? []).sort(compareText);
  return byCode[0] ?? located[0];
}

/** Regions whose parentCode is the region's code or that are LOCATED_IN it. */
export async function childrenOf(runner: CypherRunner, id: string): Promise<EntitySummary[]> {
  const rows = await runner.read(
    `MATCH (r:Entity {id: $id})
     CALL {
       WITH r MATCH (c:Region) WHERE r.code IS NOT NULL AND c.parentCode = r.code RETURN c
       UNION
       WITH r MATCH (c:Region)-[:LOCATED_IN]->(r) RETURN c
     }
     WITH c, r WHERE c <> r
     RETURN ${summaryProjection('c')} AS summary`,
    { id },
    'store.children',
  );
  return rows.map((row) => summaryFromRow(row.summary)).sort(compareSummaries);
}

/** Relations of the given types among a set of nodes. */
export async function inducedEdges(runner: CypherRunner, ids: readonly string[], types: readonly RelationType[]) {
  if (ids.length === 0) return [];
  const rows = await runner.read(
    `WITH $ids AS ids
     UNWIND ids AS id
     MATCH (a:Entity {id: id})-[rel]->(b:Entity)
     WHERE type(rel) IN $types AND b.id IN ids
     RETURN ${edgeProjection('rel', 'a', 'b')} AS e`,
    { ids: [...ids], types: [...types] },
    'store.edges',
  );
  return rows.map((row) => edgeFromRow(row.e as Record<string, unknown>)).sort(compareEdges);
}

/** Deepest neighbourhood answered by one variable-length match; deeper ones go level by level. */
const SINGLE_QUERY_MAX_DEPTH = 2;

/**
 * Neighbourhood up to `depth` with the induced relations. Up to depth 2 one query finds the nodes
 * (variable-length match; the relation types are interpolated from the checked vocabulary, as Cypher
 * cannot take them as parameters) and returns summaries and edges together; deeper neighbourhoods
 * expand breadth-first, one query per level, so hub nodes cannot blow up path enumeration.
 */
export async function neighbourhood(
  runner: CypherRunner,
  id: string,
  depth: number,
  types: readonly RelationType[],
): Promise<Subgraph> {
  if (depth <= SINGLE_QUERY_MAX_DEPTH) {
    const reach = depth === 0 ? '' : `OPTIONAL MATCH (start)-[:${types.join('|')}*1..${depth}]-(m:Entity)`;
    const rows = await runner.read(
      `MATCH (start:Entity {id: $id})
       ${reach}
       WITH start, ${depth === 0 ? '[]' : 'collect(DISTINCT m)'} AS found
       WITH [start] + [x IN found WHERE x <> start] AS nodes
       UNWIND nodes AS n
       RETURN ${summaryProjection('n')} AS summary,
         [(n)-[rel]->(b:Entity) WHERE b IN nodes AND type(rel) IN $types | ${edgeProjection('rel', 'n', 'b')}] AS edges`,
      { id, types: [...types] },
      'store.neighbours',
    );
    return {
      nodes: rows.map((row) => summaryFromRow(row.summary)).sort(compareById),
      edges: rows
        .flatMap((row) => row.edges as Record<string, unknown>[])
        .map(edgeFromRow)
        .sort(compareEdges),
    };
  }
  const seen = new Set([id]);
  let frontier = [id];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const rows = await runner.read(
      `UNWIND $frontier AS id
       MATCH (:Entity {id: id})-[rel]-(m:Entity) WHERE type(rel) IN $types
       RETURN DISTINCT m.id AS id`,
      { frontier, types: [...types] },
      'store.neighbours',
    );
    frontier = rows.map((row) => row.id as string).filter((next) => !seen.has(next));
    for (const next of frontier) seen.add(next);
  }
  const ids = [...seen];
  const [nodes, edges] = [await summariesOf(runner, ids), await inducedEdges(runner, ids, types)];
  return { nodes: nodes.sort(compareById), edges };
}

/** Shortest path: Neo4j's allShortestPaths, then the smallest node-id sequence (as the embedded store). */
export async function shortestPathBetween(runner: CypherRunner, from: string, to: string): Promise<Subgraph | null> {
  if (from === to) return { nodes: await summariesOf(runner, [from]), edges: [], path: [from] };
  const rows = await runner.read(
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     MATCH p = allShortestPaths((a)-[:${RELATION_TYPES.join('|')}*..${SHORTEST_PATH_MAX_HOPS}]-(b))
     RETURN [n IN nodes(p) | n.id] AS ids
     LIMIT 10000`,
    { from, to },
    'store.shortestPath',
  );
  if (rows.length === 0) return null;
  const paths = rows.map((row) => row.ids as string[]);
  paths.sort((a, b) => {
    for (let index = 0; index < a.length; index++) {
      const order = compareText(a[index] as string, b[index] as string);
      if (order !== 0) return order;
    }
    return 0;
  });
  const path = paths[0] as string[];
  const edges = [];
  for (let index = 0; index + 1 < path.length; index++) {
    edges.push(...(await inducedEdges(runner, [path[index] as string, path[index + 1] as string], RELATION_TYPES)));
  }
  const byId = new Map((await summariesOf(runner, path)).map((summary) => [summary.id, summary]));
  return {
    nodes: path.map((node) => byId.get(node) as EntitySummary),
    edges: edges.sort(compareEdges),
    path,
  };
}

/** Filtered subgraph: best-connected nodes first, up to the limit, with the relations among them. */
export async function filteredSubgraph(runner: CypherRunner, filter: SubgraphFilter): Promise<Subgraph> {
  let types: RelationType[] = filter.relationTypes?.length ? [...filter.relationTypes] : [...RELATION_TYPES];
  const cooperation: readonly RelationType[] = COOPERATION_RELATION_TYPES;
  if (filter.cooperation) types = types.filter((type) => cooperation.includes(type));
  const rows = await runner.read(
    `MATCH (n:Entity)
     WHERE ($types IS NULL OR n.type IN $types)
       AND (NOT $cooperation OR (n:Region AND EXISTS { (n)-[:${COOPERATION_RELATION_TYPES.join('|')}]-(:Entity) }))
       AND ($year IS NULL OR EXISTS { (n)-[:MENTIONED_IN]->(d:Document) WHERE d.date STARTS WITH $year })
     WITH n, COUNT { (n)--(:Entity) } AS degree
     ORDER BY degree DESC, n.id
     LIMIT $limit
     RETURN n.id AS id`,
    {
      types: filter.types?.length ? [...filter.types] : null,
      cooperation: filter.cooperation === true,
      year: filter.year === undefined ? null : String(filter.year),
      limit: neo4j.int(filter.limit ?? SUBGRAPH_DEFAULT_LIMIT),
    },
    'store.subgraph',
  );
  const ids = rows.map((row) => row.id as string);
  const nodes = await summariesOf(runner, ids);
  return { nodes: nodes.sort(compareById), edges: await inducedEdges(runner, ids, types) };
}
