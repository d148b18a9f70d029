/**
 * Server over Neo4j
 *
 * The API on a real Neo4jStore (the integration globalSetup provides NEO4J_URI / NEO4J_USER /
 * NEO4J_PASSWORD): stats report the Neo4j store with Cypher enabled, read-only Cypher answers rows,
 * and a writing query is refused with 400. The test writes one document of its own and removes it
 * afterwards, so it leaves the database as it found it.
 */
import { documentId, entityId, relationId, sha256Hex, type GraphBatch } from '@fupin/graph-schema';
import { Neo4jStore } from '@fupin/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api.js';

const TEXT = '大连市金州区与威宁县签订劳务协作协议，组织威宁县群众到金州区务工。';
const sha = sha256Hex(TEXT);
const DOC = documentId(sha);
const JINZHOU = entityId('County', '金州区', '210213000000');
const WEINING = entityId('County', '威宁彝族回族苗族自治县', '520526000000');

function batch(): GraphBatch {
  return {
    documents: [
      { id: DOC, path: 'it/jinzhou.txt', sha256: sha, title: '金州区与威宁县劳务协作', chars: TEXT.length, text: TEXT },
    ],
    entities: [
      { id: JINZHOU, type: 'County', name: '金州区', aliases: [], code: '210213000000' },
      { id: WEINING, type: 'County', name: '威宁彝族回族苗族自治县', aliases: ['威宁县'], code: '520526000000' },
    ],
    relations: [
      {
        id: relationId('LABOR_COOPERATION', WEINING, JINZHOU),
        type: 'LABOR_COOPERATION',
        source: WEINING,
        target: JINZHOU,
        evidence: [{ documentId: DOC, sentence: TEXT, start: 0, end: TEXT.length, extractor: 'test' }],
        properties: {},
      },
    ],
    mentions: [{ entityId: JINZHOU, documentId: DOC, surface: '金州区', start: 3, end: 6 }],
  };
}

let store: Neo4jStore;

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

const post = (api: ReturnType<typeof createApi>, body: unknown) =>
  api.request('/cypher', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('createApi on Neo4j', () => {
  it('should report a Neo4j store with Cypher enabled', async () => {
    const body = (await (await createApi(store).request('/stats')).json()) as { store: string; cypher: boolean };
    expect(body).toMatchObject({ store: 'neo4j', cypher: true });
  });

  it('should answer read-only Cypher with rows', async () => {
    const res = await post(createApi(store), {
      query: 'MATCH (w {id: $id})-[:LABOR_COOPERATION]->(e) RETURN e.name AS partner',
      params: { id: WEINING },
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { columns: string[]; rows: { partner: string }[] };
    expect(result.columns).toEqual(['partner']);
    expect(result.rows).toEqual([{ partner: '金州区' }]);
  });

  it('should refuse a writing query with 400', async () => {
    const res = await post(createApi(store), {
      query: "MATCH (n {id: $id}) SET n.name = 'x' RETURN n",
      params: { id: JINZHOU },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('QUERY_WRITE_REFUSED');
  });

  it('should keep Cypher off when the server is told so', async () => {
    const res = await post(createApi(store, { cypher: false }), { query: 'MATCH (n) RETURN count(n) AS n' });
    expect(res.status).toBe(404);
  });
});
