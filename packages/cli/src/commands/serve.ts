/**
 * fupin serve
 *
 * Opens the store the options select (embedded by default, or Neo4j), starts the HTTP server with the
 * JSON API and the built web explorer, and prints the URL to open. Binds to 127.0.0.1 unless `--host`
 * says otherwise; Ctrl-C stops the server and closes the store.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOrThrow } from '@fupin/graph-schema';
import { createServer } from '@fupin/server';
import { addStoreOptions, openStore, printLine, type StoreCliOptions } from './store-options.js';

/** Where the built web view sits relative to this file (packages/cli/dist/commands → web/dist). */
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

/** Validated serve options. */
export const ServeOptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(5173),
  host: z.string().min(1).max(255).default('127.0.0.1'),
  web: z.string().min(1).optional(),
});

/**
 * Registers `fupin serve [--port 5173] [--host 127.0.0.1] [--data DIR] [--store embedded|neo4j] [--neo4j URI]`.
 * @param program - the root command
 * @example fupin serve --port 8080 // 扶贫知识图谱: http://127.0.0.1:8080/
 */
export function registerServe(program: Command): void {
  addStoreOptions(
    program
      .command('serve')
      .description('serve the web explorer and the JSON API (浏览器查看图谱)')
      .option('--port <n>', 'port (0 = any free port)', '5173')
      .option('--host <host>', 'interface to bind (default 127.0.0.1: this machine only)', '127.0.0.1')
      .option('--web <dir>', 'built web view to serve (default: web/dist of this checkout)'),
  ).action(async (options: StoreCliOptions & { port?: string; host?: string; web?: string }) => {
    const valid = parseOrThrow(
      ServeOptionsSchema,
      { port: options.port, host: options.host, web: options.web },
      'cli.serve',
    );
    const staticDir = valid.web ?? DEFAULT_WEB_DIR;
    if (!existsSync(staticDir)) {
      process.stderr.write(
        `fupin serve: no built web view at ${staticDir} (run \`pnpm build\`); serving the API only\n`,
      );
    }
    const store = await openStore(options);
    const server = createServer({ store, staticDir, host: valid.host, port: valid.port });
    let url: string;
    try {
      ({ url } = await server.start());
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    printLine(`fupin: explorer at ${url} (store: ${store.kind}; Ctrl-C to stop)`);
    const shutdown = (): void => {
      void server
        .stop()
        .finally(() => store.close())
        .finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
}
