/**
 * Browser test harness
 *
 * Starts the real fupin server (createServer) on a free port over a real EmbeddedStore in a temp dir
 * loaded with the test graph, and drives Debian's chromium with playwright-core. Screenshots go to
 * test-artifacts/ at the repository root.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type FupinServer } from '@fupin/server';
import { EmbeddedStore, type GraphStore } from '@fupin/store';
import type { GraphBatch } from '@fupin/graph-schema';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
/** The built web view. */
export const WEB_DIST = resolve(here, '..', 'dist');
/** Where screenshots are written. */
export const ARTIFACTS = resolve(here, '..', '..', 'test-artifacts');

/** Chromium flags for a quiet, sandbox-free headless run (no network beyond the test server). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** A running server over a temp store, and a browser. */
export interface Harness {
  url: string;
  browser: Browser;
  store: GraphStore;
  close(): Promise<void>;
}

/**
 * Starts store, server and browser for a batch. The store is a fresh EmbeddedStore in a temp dir
 * unless `options.store` gives another (an empty, initialised store, e.g. a Neo4jStore).
 * @example const h = await startHarness(testBatch()); const page = await openPage(h);
 */
export async function startHarness(batch: GraphBatch, options: { store?: GraphStore } = {}): Promise<Harness> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`web e2e: ${WEB_DIST}/index.html is missing; expected a built web view (run \`pnpm build\`)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'fupin-e2e-'));
  const store = options.store ?? new EmbeddedStore({ dataDir: dir });
  if (!options.store) await store.init();
  await store.write(batch);
  const server: FupinServer = createServer({ store, staticDir: WEB_DIST, port: 0 });
  const { url } = await server.start();
  // scripts/test/chromium-global-setup.ts checks the browser and provides its path and flags.
  const provided = inject('chromium' as never) as { executablePath: string; args: string[] } | undefined;
  const browser = await chromium.launch({
    executablePath: provided?.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: provided?.args ?? CHROMIUM_ARGS,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    browser,
    store,
    async close() {
      await browser.close();
      await server.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a fresh page (own localStorage) at a path and waits until the graph is loaded and laid out. */
export async function openPage(h: Harness, path = '/'): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  // One page at a time: the previous test's page is closed so idle renderers do not pile up.
  for (const open of h.browser.contexts()) await open.close();
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(new URL(path, h.url).href);
  await page.waitForFunction(() => window.__fupin?.ready === true && window.__fupin.layout === 'done', null, {
    timeout: 60_000,
  });
  return { page, errors, dialogs };
}

/** Saves a screenshot under test-artifacts/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
