/**
 * Read-only Cypher
 *
 * `fupin cypher "MATCH …"` lets users ask what the query API does not. The guarantee that it cannot
 * change the graph comes from Neo4j itself: the query runs in a READ session, where the server refuses
 * any write. A keyword check before sending only gives a clearer message for the obvious cases (it
 * ignores string literals, comments and back-quoted names, so `WHERE n.name = 'SET'` still runs).
 * Results are converted to plain JSON values: nodes to their properties plus labels, relationships to
 * their properties plus type, paths to lists of nodes, temporal and spatial values to strings.
 */
import neo4j from 'neo4j-driver';
import { QueryError } from '@fupin/graph-schema';
import type { CypherParams, CypherRunner } from './runner.js';

/** What a Cypher query returned: column names and rows of plain values. */
export interface CypherResult {
  columns: string[];
  rows: Record<string, unknown>[];
}

const WRITE_CLAUSE =
  /(?<![.\w$])(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|GRANT|DENY|REVOKE|ALTER)(?![\w$])/i;

/**
 * Finds an obvious write clause outside literals and comments, or null.
 * @param query - Cypher text
 * @example findWriteClause("MATCH (n {name: '从江县'}) SET n.x = 1") // 'SET'
 * @example findWriteClause("MATCH (n) WHERE n.name = 'SET' RETURN n") // null
 */
export function findWriteClause(query: string): string | null {
  // One left-to-right pass: a comment marker inside a string ('//', '/*') belongs to the string and a
  // quote inside a comment to the comment. (Stripping comments first let `WITH '//' AS a LOAD CSV …`
  // through, and LOAD CSV is not refused by a read session.)
  const stripped = query.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, ' ');
  const match = WRITE_CLAUSE.exec(stripped);
  return match ? (match[1] as string).toUpperCase().replace(/\s+/g, ' ') : null;
}

/**
 * Runs a user's Cypher in a read session with a server-side timeout.
 * @param runner - the store's runner
 * @param query - Cypher, e.g. `MATCH (a:Region)-[:ASSISTS]->(b:Region {name: $name}) RETURN a.name`
 * @param params - parameters, e.g. `{ name: '从江县' }`
 * @param timeoutMs - transaction timeout
 * @throws QueryError QUERY_WRITE_REFUSED for write clauses, QUERY_TIMEOUT, QUERY_INVALID
 */
export async function runReadOnlyCypher(
  runner: CypherRunner,
  query: string,
  params: CypherParams,
  timeoutMs: number,
): Promise<CypherResult> {
  if (!query.trim())
    throw new QueryError('QUERY_INVALID', 'store.cypher: empty query; expected a Cypher MATCH … RETURN …');
  const clause = findWriteClause(query);
  if (clause) {
    throw new QueryError(
      'QUERY_WRITE_REFUSED',
      `store.cypher: ${clause} writes to the graph; expected a read-only query (fupin cypher never changes data)`,
    );
  }
  const { columns, rows } = await runner.readWithColumns(query, params, 'store.cypher', timeoutMs);
  return { columns, rows: rows.map((row) => plainValue(row) as Record<string, unknown>) };
}

/**
 * Converts driver values (nodes, relationships, paths, temporals) to plain JSON values.
 * @example plainValue(node) // { _labels: ['Entity', 'County', 'Region'], id: 'region:522633000000', name: '从江县', … }
 */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plainValue);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (value instanceof neo4j.types.Node) {
    return { _labels: value.labels, ...(plainValue(value.properties) as object) };
  }
  if (value instanceof neo4j.types.Relationship) {
    return { _type: value.type, ...(plainValue(value.properties) as object) };
  }
  if (value instanceof neo4j.types.Path) {
    return [plainValue(value.start), ...value.segments.map((segment) => plainValue(segment.end))];
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  ) {
    return String(value);
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, plainValue(item)]),
    );
  }
  return value;
}
