// Tests of the JSON API through Hono's app.request() (no socket) over a real EmbeddedStore in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  documentId,
  entityId,
  relationId,
  sha256Hex,
  type Entity,
  type EntityType,
  type GraphBatch,
} from '@fupin/graph-schema';
import { EmbeddedStore } from '@fupin/store';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, MAX_QUERY_STRING } from './api.js';

const TEXT = '宁波市北仑区与威宁县开展结对帮扶，北仑区投入资金3000万元。<b>威宁县</b>实施易地扶贫搬迁。';
const SENTENCE = '宁波市北仑区与威宁县开展结对帮扶，北仑区投入资金3000万元。';

function batch(): GraphBatch {
  const sha = sha256Hex(TEXT);
  const doc = {
    id: documentId(sha),
    path: 'r/beilun.txt',
    sha256: sha,
    title: '北仑区帮扶威宁县',
    date: '2020-05-01',
    chars: TEXT.length,
    text: TEXT,
  };
  const e = (type: EntityType, name: string, code?: string, aliases: string[] = []): Entity => ({
    id: entityId(type, name, code),
    type,
    name,
    aliases,
    ...(code ? { code } : {}),
  });
  const beilun = e('County', '北仑区', '330206000000');
  const weining = e('County', '威宁彝族回族苗族自治县', '520526000000', ['威宁县', '威寧縣']);
  const ningbo = e('Prefecture', '宁波市', '330200000000');
  const program = e('Program', '易地扶贫搬迁');
  const start = TEXT.indexOf(SENTENCE);
  return {
    documents: [doc],
    entities: [beilun, weining, ningbo, program],
    relations: [
      {
        id: relationId('ASSISTS', beilun.id, weining.id),
        type: 'ASSISTS',
        source: beilun.id,
        target: weining.id,
        evidence: [{ documentId: doc.id, sentence: SENTENCE, start, end: start + SENTENCE.length, extractor: 'test' }],
        properties: { fundsWan: 3000 },
      },
      {
        id: relationId('LOCATED_IN', beilun.id, ningbo.id),
        type: 'LOCATED_IN',
        source: beilun.id,
        target: ningbo.id,
        evidence: [],
        properties: {},
      },
      {
        id: relationId('IMPLEMENTS', weining.id, program.id),
        type: 'IMPLEMENTS',
        source: weining.id,
        target: program.id,
        evidence: [],
        properties: {},
      },
    ],
    mentions: [{ entityId: beilun.id, documentId: doc.id, surface: '北仑区', start: 3, end: 6 }],
  };
}

const BEILUN = 'region:330206000000';
const WEINING = 'region:520526000000';
const NINGBO = 'region:330200000000';
let dir: string;
let store: EmbeddedStore;
let api: Hono;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fupin-server-'));
  store = new EmbeddedStore({ dataDir: dir });
  await store.init();
  await store.write(batch());
  api = createApi(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => api.request(path);
const post = (path: string, body: string, type = 'application/json') =>
  api.request(path, { method: 'POST', body, headers: { 'content-type': type } });

async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe('string');
  return body.error.code;
}

describe('createApi', () => {
  it('should report stats with the store kind', async () => {
    const res = await get('/stats');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { store: string; cypher: boolean; nodes: number; relations: number };
    expect(body).toMatchObject({ store: 'embedded', cypher: false, nodes: 4, relations: 3 });
  });

  it('should find an entity by a traditional alias', async () => {
    const res = await get(`/search?q=${encodeURIComponent('威寧')}`);
    expect(res.status).toBe(200);
    const hits = (await res.json()) as { id: string }[];
    expect(hits.map((h) => h.id)).toContain(WEINING);
  });

  it('should filter search by type', async () => {
    const res = await get(`/search?q=${encodeURIComponent('区')}&types=Program`);
    expect(((await res.json()) as unknown[]).length).toBe(0);
  });

  it('should reject a bad search query with 400', async () => {
    expect((await get('/search')).status).toBe(400);
    expect(await errorCode(await get('/search?q=a&types=Planet'))).toBe('HTTP_BAD_REQUEST');
    expect((await get('/search?q=a&limit=0')).status).toBe(400);
    expect((await get('/search?q=a&limit=abc')).status).toBe(400);
  });

  it('should return an entity with its evidence', async () => {
    const res = await get(`/entity/${encodeURIComponent(BEILUN)}`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as {
      entity: { name: string };
      relations: { type: string; evidence: { sentence: string }[] }[];
    };
    expect(d.entity.name).toBe('北仑区');
    const assists = d.relations.find((r) => r.type === 'ASSISTS');
    expect(assists?.evidence[0]?.sentence).toBe(SENTENCE);
  });

  it('should answer 404 for an unknown id', async () => {
    for (const path of ['/entity/', '/neighbours/', '/partners/', '/document/']) {
      const res = await get(`${path}${encodeURIComponent('region:999999000000')}`);
      expect(res.status, path).toBe(404);
      expect(['HTTP_NOT_FOUND', 'QUERY_NOT_FOUND']).toContain(await errorCode(res));
    }
    expect((await get(`/path?from=${encodeURIComponent(BEILUN)}&to=nowhere`)).status).toBe(404);
  });

  it('should return neighbours filtered by relation type', async () => {
    const res = await get(`/neighbours/${encodeURIComponent(BEILUN)}?depth=1&rel=ASSISTS`);
    const sub = (await res.json()) as { nodes: { id: string }[]; edges: { type: string }[] };
    expect(sub.nodes.map((n) => n.id).sort()).toEqual([BEILUN, WEINING].sort());
    expect(sub.edges.every((e) => e.type === 'ASSISTS')).toBe(true);
    expect((await get(`/neighbours/${encodeURIComponent(BEILUN)}?depth=9`)).status).toBe(400);
  });

  it('should list the partners of a region', async () => {
    const res = await get(`/partners/${encodeURIComponent(WEINING)}`);
    const rels = (await res.json()) as { source: { id: string } }[];
    expect(rels.map((r) => r.source.id)).toEqual([BEILUN]);
  });

  it('should find a shortest path', async () => {
    const res = await get(`/path?from=${encodeURIComponent(NINGBO)}&to=${encodeURIComponent(WEINING)}`);
    const p = (await res.json()) as { found: boolean; path: string[] };
    expect(p.found).toBe(true);
    expect(p.path).toEqual([NINGBO, BEILUN, WEINING]);
  });

  it('should return the cooperation subgraph only', async () => {
    const res = await get('/subgraph?cooperation=1');
    const sub = (await res.json()) as { nodes: { type: string }[]; edges: { type: string }[] };
    expect(sub.edges.map((e) => e.type)).toEqual(['ASSISTS']);
    expect(sub.nodes.every((n) => n.type === 'County')).toBe(true);
    expect((await get('/subgraph?cooperation=maybe')).status).toBe(400);
    expect((await get('/subgraph?limit=100000000')).status).toBe(400);
  });

  it('should filter the subgraph by the year of its documents', async () => {
    const in2020 = (await (await get('/subgraph?year=2020')).json()) as { nodes: { id: string }[] };
    expect(in2020.nodes.map((n) => n.id)).toContain(BEILUN);
    const in1999 = (await (await get('/subgraph?year=1999')).json()) as { nodes: unknown[] };
    expect(in1999.nodes).toEqual([]);
    expect((await get('/subgraph?year=20x0')).status).toBe(400);
  });

  it('should return document text verbatim, markup included', async () => {
    const docs = (await (await get('/documents')).json()) as { id: string }[];
    const res = await get(`/document/${encodeURIComponent(docs[0]!.id)}`);
    const doc = (await res.json()) as { text: string; title: string; date: string };
    expect(doc).toMatchObject({ text: TEXT, title: '北仑区帮扶威宁县', date: '2020-05-01' });
  });

  it('should answer 413 for a body over the limit', async () => {
    const res = await post('/ask', JSON.stringify({ question: 'x'.repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe('HTTP_PAYLOAD_TOO_LARGE');
  });

  it('should answer 414 for an overlong query string', async () => {
    const res = await get(`/search?q=${'a'.repeat(MAX_QUERY_STRING + 1)}`);
    expect(res.status).toBe(414);
  });

  it('should reject a malformed ask body with 400', async () => {
    expect((await post('/ask', '{not json')).status).toBe(400);
    expect((await post('/ask', JSON.stringify({ question: '' }))).status).toBe(400);
    expect((await post('/ask', JSON.stringify({ q: '北仑区' }))).status).toBe(400);
  });

  it('should answer a Chinese question', async () => {
    const res = await post('/ask', JSON.stringify({ question: '威宁县的帮扶城市是哪里？' }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('北仑区');
  });

  it('should refuse Cypher on the embedded store', async () => {
    const res = await post('/cypher', JSON.stringify({ query: 'MATCH (n) RETURN n LIMIT 1' }));
    expect(res.status).toBe(404);
  });

  it('should answer unknown routes with a JSON 404', async () => {
    const res = await get('/nope');
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('HTTP_NOT_FOUND');
  });
});
