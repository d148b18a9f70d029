/**
 * Neo4j global-setup smoke test
 *
 * Proves that scripts/test/neo4j-global-setup.ts hands tests a working server: the connection arrives
 * both through `inject('neo4j')` and through process.env, and a Chinese name written over Bolt reads
 * back unchanged. Named `.smoke.ts` so the `unit` project (scripts/**\/*.test.ts) does not pick it up;
 * run it with `npx vitest run --config scripts/test/smoke.vitest.config.ts --project neo4j-smoke`.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';

describe('neo4j-global-setup', () => {
  it('should provide the same connection through inject and process.env', () => {
    const conn = inject('neo4j');
    expect(conn.uri).toMatch(/^(bolt|neo4j):\/\//);
    expect(process.env.NEO4J_URI).toBe(conn.uri);
    expect(process.env.NEO4J_USER).toBe(conn.user);
    expect(process.env.NEO4J_PASSWORD).toBe(conn.password);
  });

  it('should connect and round-trip a Chinese name', async () => {
    const { uri, user, password } = inject('neo4j');
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
    try {
      const { records } = await driver.executeQuery('RETURN $name AS name, 1 + 1 AS two', { name: '从江县' });
      expect(records[0]?.get('name')).toBe('从江县');
      expect(records[0]?.get('two').toNumber()).toBe(2);
    } finally {
      await driver.close();
    }
  });
});
