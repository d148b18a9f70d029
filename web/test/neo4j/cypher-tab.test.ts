// Browser tests of the read-only Cypher tab: the explorer served over a real Neo4jStore (the Neo4j of
// the `integration` project's global setup), driven in Debian's chromium. The tab shows a query's rows,
// draws the nodes it returns, refuses writes without touching the database, and shows returned
// document text as text. These tests wipe the database, like the store's integration tests.
import neo4j from 'neo4j-driver';
import { Neo4jStore } from '@fupin/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, shot, startHarness, type Harness } from '../harness.js';
import { ids, testBatch } from '../test-graph.js';

const connection = () => ({
  uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? 'fupin-test-pw',
});

const WIPE = 'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';

/**
 * Runs one statement in an auto-commit transaction of its own (setup and checks, never through the app);
 * `CALL { … } IN TRANSACTIONS` is allowed only there.
 */
async function run(query: string): Promise<Record<string, unknown>[]> {
  const { uri, user, password } = connection();
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const session = driver.session();
  try {
    const result = await session.run(query);
    return result.records.map((r) => r.toObject() as Record<string, unknown>);
  } finally {
    await session.close();
    await driver.close();
  }
}

let h: Harness;

beforeAll(async () => {
  await run(WIPE);
  const store = new Neo4jStore(connection());
  await store.init();
  h = await startHarness(testBatch(), { store });
});
// Leave the database empty, as the other integration files expect to find it.
afterAll(async () => {
  await h?.close();
  await run(WIPE);
});

/** Opens the Cypher tab, runs a query and waits for its answer (rows or an error). */
async function runInTab(query: string): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(h);
  const { page } = opened;
  await page.click('[data-testid=view-cypher]');
  await page.fill('[data-testid=cypher-input]', query);
  await page.click('[data-testid=cypher-run]');
  await page.waitForFunction(() => {
    const out = document.querySelector('[data-testid=cypher-result]');
    return !!out && out.childElementCount > 0;
  });
  return opened;
}

describe('web explorer Cypher tab on Neo4j', () => {
  it('should show the rows of a query and draw the nodes it returns', async () => {
    const { page, errors } = await runInTab(
      "MATCH (a)-[r:ASSISTS]->(c:County {name: '从江县'}) RETURN a, r, c, a.name AS partner",
    );
    expect(await page.isVisible('[data-testid=view-cypher]')).toBe(true);
    const table = await page.textContent('[data-testid=cypher-result]');
    expect(table).toContain('partner');
    expect(table).toContain('吴中区');
    await page.waitForFunction((id) => window.__fupin.graph.hasNode(id), ids.congjiang);
    const nodes = await page.evaluate(() => window.__fupin.graph.nodes());
    expect(nodes).toEqual(expect.arrayContaining([ids.congjiang, ids.wuzhong]));
    expect(nodes).not.toContain(ids.taijiang);
    expect(errors).toEqual([]);
    await shot(page, 'explorer-cypher');
  });

  it('should refuse a write and leave the database unchanged', async () => {
    const before = await run('MATCH (n) RETURN count(n) AS n');
    const { page } = await runInTab("CREATE (x:County {name: '写入测试县'}) RETURN x");
    await page.waitForSelector('[data-testid=cypher-error]');
    expect(await page.textContent('[data-testid=cypher-error]')).toMatch(/\[[A-Z_]+\]/);
    const after = await run('MATCH (n) RETURN count(n) AS n');
    expect(String(after[0]!.n)).toBe(String(before[0]!.n));
    expect(await run("MATCH (x {name: '写入测试县'}) RETURN x")).toEqual([]);
  });

  it('should show markup inside returned document text as text', async () => {
    const { page, dialogs } = await runInTab(
      "MATCH (d:Document) WHERE d.text CONTAINS '<script>' RETURN d.text AS text",
    );
    const out = page.locator('[data-testid=cypher-result]');
    expect(await out.textContent()).toContain('<script>alert(1)</script>');
    expect(await out.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
