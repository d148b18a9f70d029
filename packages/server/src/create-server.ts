/**
 * The fupin HTTP server
 *
 * Puts the JSON API under `/api`, serves the built web explorer (`web/dist`) with a single-page
 * fallback to `index.html`, adds security headers, and binds to 127.0.0.1 unless told otherwise.
 * Hono was chosen over Fastify because its `app.request()` lets the API tests run without a socket
 * and it has body-limit and secure-headers middleware built in.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { GraphStore } from '@fupin/store';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { createApi } from './api.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** An initialised store; the server does not close it. */
  store: GraphStore;
  /** Folder with the built web view (`web/dist`); omitted or missing → only the API is served. */
  staticDir?: string;
  /** Interface to bind. Default 127.0.0.1 (local only). */
  host?: string;
  /** Port; 0 picks a free one. Default 5173. */
  port?: number;
  /** Enable `POST /api/cypher` (Neo4j stores only). Default: on when the store is Neo4j. */
  cypher?: boolean;
  /** Largest request body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
}

/** A created server: the Hono app (usable without a socket) and start/stop. */
export interface FupinServer {
  readonly app: Hono;
  /** Starts listening; resolves with the URL to open. */
  start(): Promise<{ url: string; host: string; port: number }>;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}

/** Content-Security-Policy: only our own origin; the layout worker is started from a blob URL. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Creates the HTTP server for the explorer over a store.
 * @param options - store, static folder, host, port, cypher switch
 * @example
 * const server = createServer({ store, staticDir: 'web/dist', port: 5173 });
 * const { url } = await server.start(); // http://127.0.0.1:5173/ → 搜索「从江县」
 */
export function createServer(options: ServerOptions): FupinServer {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 5173;
  const app = new Hono();

  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, xContentTypeOptions: true, referrerPolicy: 'no-referrer' }));
  app.route('/api', createApi(options.store, { cypher: options.cypher, maxBodyBytes: options.maxBodyBytes }));
  // A mounted app's notFound does not apply under app.route(): unknown /api paths must not reach the SPA fallback.
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'HTTP_NOT_FOUND', message: `server: no route ${c.req.path}` } }, 404),
  );

  const staticDir = options.staticDir ? resolve(options.staticDir) : undefined;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    app.use('*', serveStatic({ root: staticDir }));
    // Single-page fallback: any other GET outside /api gets the app shell (URL state lives in the query).
    app.get('*', serveStatic({ root: staticDir, path: 'index.html' }));
  } else {
    app.get('/', (c) =>
      c.text('fupin: the web view is not built (run `pnpm build`); the API is under /api/stats', 200),
    );
  }
  app.notFound((c) => c.json({ error: { code: 'HTTP_NOT_FOUND', message: `server: no route ${c.req.path}` } }, 404));

  let server: ServerType | undefined;

  return {
    app,
    start() {
      return new Promise((resolveStart, reject) => {
        const s = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
          const shownHost = info.address.includes(':') ? `[${info.address}]` : info.address;
          resolveStart({ url: `http://${shownHost}:${info.port}/`, host: info.address, port: info.port });
        });
        s.once('error', reject);
        server = s;
      });
    },
    stop() {
      return new Promise((resolveStop, reject) => {
        if (!server) return resolveStop();
        const s = server;
        server = undefined;
        if ('closeAllConnections' in s) s.closeAllConnections();
        s.close((err) => (err ? reject(err) : resolveStop()));
      });
    },
  };
}
