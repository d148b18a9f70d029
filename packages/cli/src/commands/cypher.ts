/**
 * fupin cypher
 *
 * Free-form read-only Cypher on the Neo4j store: `fupin cypher "MATCH (a)-[:ASSISTS]->(b {name: $name})
 * RETURN a.name" --param name=从江县`. The query runs in a read session with a timeout, so it can never
 * change the graph; a write clause is refused with a clear message. Results print as a table or JSON.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { QueryError, parseOrThrow } from '@fupin/graph-schema';
import { Neo4jStore, type CypherResult } from '@fupin/store';
import {
  addStoreOptions,
  formatTable,
  printJson,
  printLine,
  withStore,
  type StoreCliOptions,
} from './store-options.js';

/**
 * Parses `--param k=v` values: JSON where the value is JSON (numbers, booleans, lists), else a string.
 * @param params - e.g. `['name=从江县', 'limit=5']`
 * @example parseParams(['name=从江县', 'limit=5']) // { name: '从江县', limit: 5 }
 */
export function parseParams(params: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const param of params) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/su.exec(param);
    if (!match) {
      throw new QueryError(
        'QUERY_INVALID',
        `cli.cypher: --param ${param}; expected name=value, e.g. --param name=从江县`,
      );
    }
    const [, key, raw] = match as unknown as [string, string, string];
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: keep the text.
    }
    out[key] = value;
  }
  return out;
}

/** Formats a Cypher result as a table; nested values as compact JSON. */
export function formatCypherResult(result: CypherResult): string {
  if (result.rows.length === 0) return '（无结果）';
  const cell = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  const table = formatTable(
    result.columns,
    result.rows.map((row) => result.columns.map((column) => cell(row[column]))),
  );
  return `${table}\n\n${result.rows.length} 行`;
}

/**
 * Registers `fupin cypher "<query>" [--param k=v]… [--timeout ms] [--json]` (Neo4j store only).
 * @param program - the root command
 * @example fupin cypher "MATCH (n:County) RETURN n.name LIMIT 5" --store neo4j
 */
export function registerCypher(program: Command): void {
  addStoreOptions(
    program
      .command('cypher')
      .description('run a read-only Cypher query on the Neo4j store (只读 Cypher 查询)')
      .argument('<query>', 'Cypher, e.g. "MATCH (n:County) RETURN n.name LIMIT 5"'),
  )
    .option(
      '--param <k=v>',
      'query parameter (repeatable), e.g. --param name=从江县',
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--timeout <ms>', 'transaction timeout in milliseconds', '10000')
    .option('--json', 'print JSON')
    .action(async (query: string, options: StoreCliOptions & { param: string[]; timeout: string; json?: boolean }) => {
      const params = parseParams(options.param);
      const timeoutMs = parseOrThrow(
        z.coerce.number().int().min(1).max(3_600_000),
        options.timeout,
        'cli.cypher --timeout',
      );
      const result = await withStore({ ...options, store: options.store ?? 'neo4j' }, async (store) => {
        if (!(store instanceof Neo4jStore)) {
          throw new QueryError(
            'QUERY_UNSUPPORTED',
            'cli.cypher: Cypher needs the Neo4j store; expected --store neo4j or --neo4j URI',
          );
        }
        return store.cypher(query, params, { timeoutMs });
      });
      if (options.json) printJson(result);
      else printLine(formatCypherResult(result));
    });
}
