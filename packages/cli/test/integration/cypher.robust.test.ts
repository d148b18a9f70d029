/**
 * `fupin cypher` with hostile queries (built CLI, real Neo4j of the integration run)
 *
 * The command must never change the graph: writes that a keyword check cannot see (behind a string
 * holding `//`, in a CALL subquery, a write procedure) are refused by the read-only session with one
 * `fupin: …` line and exit status 2; parameter values are data, never query text; a query that runs
 * too long is cancelled by `--timeout`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '@fupin/store';
import { fupin, ROOT, type Run } from '../robust-fixtures.js';

const env = (): NodeJS.ProcessEnv => ({
  NEO4J_URI: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
  NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? 'fupin-test-pw',
});
const cypher = (...args: string[]): Run => fupin(['cypher', ...args, '--store', 'neo4j'], ROOT, env());

let store: Neo4jStore;
beforeAll(async () => {
  store = new Neo4jStore({ uri: env().NEO4J_URI!, user: env().NEO4J_USER!, password: env().NEO4J_PASSWORD! });
  await store.init();
});
afterAll(async () => {
  await store?.close();
});

const sneaky = async (): Promise<number> =>
  (await store.cypher('MATCH (n:Sneaky) RETURN count(n) AS c')).rows[0]!.c as number;

describe('fupin cypher', () => {
  it.each([
    "WITH '//' AS a CREATE (:Sneaky {v: 1}) RETURN a",
    "WITH '/*' AS a CALL { CREATE (:Sneaky) } RETURN a, '*/' AS b",
    "WITH '//' AS a CALL db.createLabel('Sneaky') RETURN a",
    'mAtCh (n) /* 只读 */ WITH n LIMIT 1 mErGe (:Sneaky)',
  ])('should refuse %j on one line, exit 2 and change nothing', async (query) => {
    const run = cypher(query);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fupin: /);
    expect(await sneaky()).toBe(0);
  });

  it('should pass a value full of Cypher syntax as data', () => {
    const run = cypher(
      'RETURN $name AS name, size($name) AS n',
      '--param',
      "name=从江县' }) MATCH (x) DETACH DELETE x //",
      '--json',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).rows).toEqual([
      { name: "从江县' }) MATCH (x) DETACH DELETE x //", n: "从江县' }) MATCH (x) DETACH DELETE x //".length },
    ]);
  });

  it('should cancel a long query at --timeout with one line', () => {
    const run = cypher(
      'UNWIND range(1, 100000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS c',
      '--timeout',
      '500',
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
