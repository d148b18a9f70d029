/**
 * JSON API
 *
 * The routes under `/api`: a thin, validated layer over the GraphStore query API (the same calls the
 * CLI makes), plus `ask` for Chinese questions and read-only Cypher when the store is Neo4j. Every
 * input goes through a zod schema first; every failure leaves as `{ error: { code, message } }`.
 */
import { ask, type GraphStore } from '@fupin/store';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { HttpError, toErrorResponse } from './errors.js';
import {
  AskBodySchema,
  CypherBodySchema,
  IdParamSchema,
  NeighboursQuerySchema,
  PathQuerySchema,
  SearchQuerySchema,
  SubgraphQuerySchema,
} from './schemas.js';

/** A store that can run read-only Cypher (Neo4jStore); the store enforces read-only and the timeout. */
export interface CypherCapableStore extends GraphStore {
  cypher(query: string, params?: Record<string, unknown>): Promise<unknown>;
}

/** Options of {@link createApi}. */
export interface ApiOptions {
  /** Allow `POST /api/cypher` (only honoured when the store has a `cypher` method). Default: store is Neo4j. */
  cypher?: boolean;
  /** Largest accepted request body in bytes (413 above). Default 64 KiB. */
  maxBodyBytes?: number;
}

/** Longest accepted query string, in characters (414 above). */
export const MAX_QUERY_STRING = 2048;

function hasCypher(store: GraphStore): store is CypherCapableStore {
  return typeof (store as Partial<CypherCapableStore>).cypher === 'function';
}

// Parses untrusted input or answers 400 naming the route and the first bad field.
function parse<T extends z.ZodType>(schema: T, value: unknown, owner: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.join('.') || '(root)';
  throw new HttpError(400, 'HTTP_BAD_REQUEST', `server.${owner}: invalid "${where}": ${issue?.message ?? 'invalid'}`);
}

async function jsonBody(c: Context, owner: string): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, 'HTTP_BAD_REQUEST', `server.${owner}: expected a JSON body`);
  }
}

function notFound(owner: string, what: string): HttpError {
  return new HttpError(404, 'HTTP_NOT_FOUND', `server.${owner}: no ${what}`);
}

/**
 * Builds the `/api` routes over a store. Mount with `app.route('/api', createApi(store))`.
 * @param store - an initialised GraphStore (embedded or Neo4j)
 * @param options - cypher switch and body size limit
 * @example
 * const api = createApi(store);
 * await api.request('/search?q=從江'); // 200, [{ name: '从江县', … }]
 */
export function createApi(store: GraphStore, options: ApiOptions = {}): Hono {
  const cypherEnabled = (options.cypher ?? store.kind === 'neo4j') && hasCypher(store);
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const api = new Hono();

  api.onError((err, c) => {
    const { status, body } = toErrorResponse(err);
    if (status === 500) console.error('server: unhandled error', err);
    return c.json(body, status);
  });
  api.notFound((c) => c.json({ error: { code: 'HTTP_NOT_FOUND', message: `server: no route ${c.req.path}` } }, 404));

  api.use('*', async (c, next) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    if (q >= 0 && url.length - q - 1 > MAX_QUERY_STRING) {
      throw new HttpError(414, 'HTTP_URI_TOO_LONG', `server: query string longer than ${MAX_QUERY_STRING} characters`);
    }
    await next();
  });
  api.use(
    '*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) =>
        c.json(
          { error: { code: 'HTTP_PAYLOAD_TOO_LARGE', message: `server: request body larger than ${maxBody} bytes` } },
          413,
        ),
    }),
  );

  api.get('/stats', async (c) => {
    const stats = await store.stats();
    return c.json({ store: store.kind, cypher: cypherEnabled, ...stats });
  });

  api.get('/search', async (c) => {
    const { q, types, limit } = parse(SearchQuerySchema, c.req.query(), 'search');
    return c.json(await store.search(q, { types, limit }));
  });

  api.get('/entity/:id', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param(), 'entity');
    const detail = await store.entity(id);
    if (!detail) throw notFound('entity', `entity "${id}"`);
    return c.json(detail);
  });

  api.get('/neighbours/:id', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param(), 'neighbours');
    const { depth, rel } = parse(NeighboursQuerySchema, c.req.query(), 'neighbours');
    const sub = await store.neighbours(id, depth, rel);
    if (sub.nodes.length === 0) throw notFound('neighbours', `entity "${id}"`);
    return c.json(sub);
  });

  api.get('/partners/:id', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param(), 'partners');
    if (!(await store.entity(id))) throw notFound('partners', `entity "${id}"`);
    return c.json(await store.partners(id));
  });

  api.get('/path', async (c) => {
    const { from, to } = parse(PathQuerySchema, c.req.query(), 'path');
    const sub = await store.shortestPath(from, to);
    if (sub) return c.json({ found: true, ...sub });
    for (const id of [from, to]) if (!(await store.entity(id))) throw notFound('path', `entity "${id}"`);
    return c.json({ found: false, nodes: [], edges: [], path: [] });
  });

  api.get('/subgraph', async (c) => {
    const q = parse(SubgraphQuerySchema, c.req.query(), 'subgraph');
    const sub = await store.subgraph({
      types: q.types,
      relationTypes: q.rel,
      cooperation: q.cooperation,
      year: q.year,
      limit: q.limit,
    });
    return c.json(sub);
  });

  api.get('/documents', async (c) => c.json(await store.documents()));

  api.get('/document/:id', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param(), 'document');
    const doc = await store.document(id);
    if (!doc) throw notFound('document', `document "${id}"`);
    return c.json({ id: doc.id, path: doc.path, title: doc.title, date: doc.date, text: doc.text ?? '' });
  });

  api.post('/ask', async (c) => {
    const { question } = parse(AskBodySchema, await jsonBody(c, 'ask'), 'ask');
    return c.json(await ask(store, question));
  });

  api.post('/cypher', async (c) => {
    if (!cypherEnabled || !hasCypher(store)) {
      throw new HttpError(404, 'HTTP_NOT_FOUND', 'server.cypher: Cypher is only available on a Neo4j store');
    }
    const { query, params } = parse(CypherBodySchema, await jsonBody(c, 'cypher'), 'cypher');
    return c.json(await store.cypher(query, params));
  });

  return api;
}
