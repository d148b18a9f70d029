/**
 * CLI store commands on Neo4j
 *
 * Runs `fupin cypher`, `fupin query` and `fupin ask` in-process against the real Neo4j of the integration
 * run (connection from the global setup's NEO4J_* variables). The sample graph is merged into whatever
 * the database holds (other suites wipe it), so the queries name the sample's own ids.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '@fupin/store';
import { registerAsk } from '../../src/commands/ask.js';
import { registerCypher } from '../../src/commands/cypher.js';
import { registerQuery } from '../../src/commands/query.js';
import { S, runCli, sampleBatch } from '../sample-graph.js';

const uri = () => process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';

describe('CLI on the Neo4j store', () => {
  beforeAll(async () => {
    const store = new Neo4jStore({ uri: uri() });
    await store.init();
    await store.write(sampleBatch());
    await store.close();
  });

  it('should run read-only Cypher with --param and print a table', async () => {
    const text = await runCli(
      [registerCypher],
      [
        'cypher',
        'MATCH (a)-[:ASSISTS]->(b:County {id: $id}) RETURN DISTINCT a.name AS partner',
        '--param',
        `id=${S.从江县.id}`,
        '--neo4j',
        uri(),
      ],
    );
    expect(text).toContain('partner');
    expect(text).toContain('吴江区');
    expect(text).toContain('1 行');
  });

  it('should print JSON rows with --json', async () => {
    const result = JSON.parse(
      await runCli(
        [registerCypher],
        [
          'cypher',
          'MATCH (n:Village {id: $id}) RETURN n.name AS name',
          '--param',
          `id=${S.岜沙村.id}`,
          '--json',
          '--neo4j',
          uri(),
        ],
      ),
    );
    expect(result).toEqual({ columns: ['name'], rows: [{ name: '岜沙村' }] });
  });

  it('should refuse a write clause with QUERY_WRITE_REFUSED', async () => {
    await expect(
      runCli([registerCypher], ['cypher', 'MATCH (n) DETACH DELETE n', '--neo4j', uri()]),
    ).rejects.toMatchObject({ code: 'QUERY_WRITE_REFUSED' });
  });

  it('should answer query and ask from Neo4j', async () => {
    const hits = JSON.parse(await runCli([registerQuery], ['query', 'search', '從江', '--json', '--store', 'neo4j']));
    expect(hits[0]?.id).toBe(S.从江县.id);
    const answer = await runCli([registerAsk], ['ask', '谁帮扶了从江县', '--store', 'neo4j']);
    expect(answer.split('\n')[0]).toBe('帮扶从江县的：吴江区');
  });
});
