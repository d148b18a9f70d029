/**
 * API client
 *
 * Typed fetch calls to the fupin server's `/api`. The web view never imports the store: it takes the
 * JSON shapes of the query API from @fupin/graph-schema (types only), and turns error bodies
 * `{ error: { code, message } }` into an ApiError it can show.
 */
import type {
  DocumentSummary,
  EntityDetail,
  EntitySummary,
  GraphStats,
  RelationView,
  Subgraph,
  SubgraphEdge,
} from '@fupin/graph-schema';

export type { DocumentSummary, EntityDetail, EntitySummary, RelationView, Subgraph, SubgraphEdge };

/** `/api/stats`. */
export interface Stats extends GraphStats {
  store: 'embedded' | 'neo4j';
  cypher: boolean;
}

/** `/api/document/:id`. */
export interface DocumentText {
  id: string;
  path: string;
  title?: string;
  date?: string;
  text: string;
}

/** A failed API call, with the server's error code. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'HTTP_ERROR', err?.message ?? `api: ${path} answered ${res.status}`);
  }
  return body as T;
}

function qs(params: Record<string, string | number | boolean | undefined | readonly string[]>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === false) continue;
    if (Array.isArray(v)) {
      if (v.length) u.set(k, v.join(','));
    } else u.set(k, v === true ? '1' : String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

/** The server's endpoints, one function each. */
export const api = {
  stats: () => call<Stats>('/api/stats'),
  search: (q: string, limit = 10) => call<EntitySummary[]>(`/api/search${qs({ q, limit })}`),
  entity: (id: string) => call<EntityDetail>(`/api/entity/${enc(id)}`),
  neighbours: (id: string, depth = 1) => call<Subgraph>(`/api/neighbours/${enc(id)}${qs({ depth })}`),
  path: (from: string, to: string) => call<Subgraph & { found: boolean }>(`/api/path${qs({ from, to })}`),
  subgraph: (f: {
    types?: readonly string[];
    rel?: readonly string[];
    cooperation?: boolean;
    limit?: number;
    year?: number;
  }) =>
    call<Subgraph>(
      `/api/subgraph${qs({ types: f.types, rel: f.rel, cooperation: f.cooperation, limit: f.limit, year: f.year })}`,
    ),
  documents: () => call<DocumentSummary[]>('/api/documents'),
  document: (id: string) => call<DocumentText>(`/api/document/${enc(id)}`),
  ask: (question: string) =>
    call<unknown>('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    }),
  cypher: (query: string) =>
    call<unknown>('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, params: {} }),
    }),
};
