/**
 * Hostile requests against the API on a real Neo4j
 *
 * `/api/cypher` must never change the graph or reach outside it, whatever the query hides: writes
 * behind comment or string tricks that fool a keyword check, odd casing, CALL subqueries, write
 * procedures and LOAD CSV. The read-only session is the real guard (the keyword check is only a fast,
 * friendly first answer), so these queries are built to slip past string matching. Search input full
 * of regex, Lucene and Cypher syntax is text, oversized input is refused, unknown ids are 404, and a
 * query that runs too long is cancelled. The test adds one document of its own and removes it after.
 */
import { documentId, entityId, sha256Hex, type GraphBatch } from '@fupin/graph-schema';
import { Neo4jStore } from '@fupin/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api.js';

const TEXT = '青岛市（崂山区）与“从江县”结对，项目名称含有特殊符号[A-Z].*?';
const sha = sha256Hex(TEXT);
const DOC = documentId(sha);
const ODD = entityId('Program', '崂山(从江)*协作[一期]');

function batch(): GraphBatch {
  return {
    documents: [{ id: DOC, path: 'it/hostile.txt', sha256: sha, chars: TEXT.length, text: TEXT }],
    entities: [{ id: ODD, type: 'Program', name: '崂山(从江)*协作[一期]', aliases: ['从江\'协作"项目'] }],
    relations: [],
    mentions: [{ entityId: ODD, documentId: DOC, surface: '从江县', start: 12, end: 15 }],
  };
}

let store: Neo4jStore;
const api = () => createApi(store, { cypher: true });
const cypher = (query: string, params: Record<string, unknown> = {}) =>
  api().request('/cypher', {
    method: 'POST',
    body: JSON.stringify({ query, params }),
    headers: { 'content-type': 'application/json' },
  });
const errorCode = async (res: Response): Promise<string> =>
  ((await res.json()) as { error: { code: string } }).error.code;
const sneakyCount = async (): Promise<number> => {
  const result = await store.cypher('MATCH (n:Sneaky) RETURN count(n) AS c');
  return result.rows[0]!.c as number;
};

beforeAll(async () => {
  store = new Neo4jStore({
    uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'fupin-test-pw',
  });
  await store.init();
  await store.write(batch());
});
afterAll(async () => {
  await store?.removeDocument(DOC);
  await store?.close();
});

describe('POST /api/cypher with hidden writes', () => {
  it.each([
    ['a write after a string holding //', "WITH '//' AS a CREATE (:Sneaky {v: 1}) RETURN a"],
    ['a CALL subquery after a string holding /*', "WITH '/*' AS a CALL { CREATE (:Sneaky) } RETURN a, '*/' AS b"],
    ['a write procedure', "CALL db.createLabel('Sneaky')"],
    ['a write procedure after a string holding //', "WITH '//' AS a CALL db.createLabel('Sneaky') RETURN a"],
    ['odd casing around a comment', 'mAtCh (n:Sneaky) /* 只读 */ DeTaCh DeLeTe n'],
    ['a MERGE split over lines', 'MATCH (n)\nWITH n LIMIT 1\nmerge\n(:Sneaky {v: 2})'],
    ['FOREACH with SET', 'MATCH (n:Program) FOREACH (x IN [1] | SET n.hacked = true)'],
  ])('should refuse %s with 400 and leave the graph unchanged', async (_name, query) => {
    const res = await cypher(query);
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('QUERY_WRITE_REFUSED');
    expect(await sneakyCount()).toBe(0);
    const hacked = await store.cypher('MATCH (n) WHERE n.hacked IS NOT NULL RETURN count(n) AS c');
    expect(hacked.rows[0]!.c).toBe(0);
  });

  it.each([
    ['LOAD CSV', "LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row"],
    ['load csv in lower case', "load csv from 'file:///etc/hostname' as row return row"],
    ['LOAD CSV after a string holding //', "WITH '//' AS a LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row"],
    [
      'LOAD CSV after a string holding /*',
      "WITH '/*' AS a LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row, '*/' AS b",
    ],
  ])('should refuse %s: no file on the server is read', async (_name, query) => {
    const res = await cypher(query);
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('QUERY_WRITE_REFUSED');
  });

  it('should pass values as parameters, never as query text', async () => {
    const res = await cypher('MATCH (n {id: $id}) RETURN n.name AS name', { id: ODD });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rows: unknown[] }).rows).toEqual([{ name: '崂山(从江)*协作[一期]' }]);
  });

  it('should cancel a query that runs past the timeout with 504 QUERY_TIMEOUT', async () => {
    const res = await cypher('UNWIND range(1, 100000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS c');
    expect(res.status).toBe(504);
    expect(await errorCode(res)).toBe('QUERY_TIMEOUT');
  }, 60_000);
});

describe('GET /api/search with query syntax in the input', () => {
  it.each([
    '.*',
    '(',
    '[A-',
    '\\',
    "'",
    '"',
    '"})',
    "'}) RETURN 1 //",
    'a~',
    '*',
    '?',
    'OR',
    'AND NOT',
    '&&',
    '||',
    '/',
    '^$',
    '${x}',
  ])('should treat %j as text and answer 200', async (q) => {
    const res = await api().request(`/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const hits = (await res.json()) as { name: string }[];
    expect(Array.isArray(hits)).toBe(true);
  });

  it('should find a name that itself holds regex and Lucene syntax, literally', async () => {
    for (const q of ['(从江)*', '协作[一期]', "从江'协作"]) {
      const res = await api().request(`/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const hits = (await res.json()) as { id: string }[];
      expect(hits.map((h) => h.id)).toContain(ODD);
    }
  });
});

describe('oversized and unknown input', () => {
  it('should answer 413 for a Cypher body over the limit', async () => {
    const res = await cypher(`RETURN '${'从'.repeat(40_000)}' AS x`);
    expect(res.status).toBe(413);
  });

  it('should refuse an overlong search string', async () => {
    const res = await api().request(`/search?q=${encodeURIComponent('江'.repeat(5000))}`);
    expect([400, 413, 414]).toContain(res.status);
  });

  it.each(['/entity/', '/neighbours/', '/partners/', '/document/'])(
    'should answer 404 for an unknown id at %s',
    async (route) => {
      const res = await api().request(`${route}${encodeURIComponent("Program:不存在'}) RETURN 1")}`);
      expect(res.status).toBe(404);
    },
  );
});
