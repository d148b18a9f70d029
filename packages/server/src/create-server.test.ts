// Tests of the server shell: static files with single-page fallback, security headers, and a real
// socket on a free port bound to 127.0.0.1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '@fupin/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './create-server.js';

let dir: string;
let store: EmbeddedStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fupin-serve-'));
  mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>扶贫知识图谱</title>');
  writeFileSync(join(dir, 'web', 'assets', 'app.js'), 'console.log(1)');
  store = new EmbeddedStore({ dataDir: join(dir, 'data') });
  await store.init();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createServer', () => {
  it('should serve the web view with security headers', async () => {
    const { app } = createServer({ store, staticDir: join(dir, 'web') });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('扶贫知识图谱');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await app.request('/assets/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('should fall back to index.html for client routes but not for /api', async () => {
    const { app } = createServer({ store, staticDir: join(dir, 'web') });
    expect(await (await app.request('/some/view?node=x')).text()).toContain('扶贫知识图谱');
    const api = await app.request('/api/unknown');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('should not serve files outside the static folder', async () => {
    const { app } = createServer({ store, staticDir: join(dir, 'web') });
    const res = await app.request('/..%2f..%2fdata/graph.json');
    expect(await res.text()).not.toContain('"nodes"');
  });

  it('should listen on 127.0.0.1 and stop', async () => {
    const server = createServer({ store, port: 0 });
    const { url, host, port } = await server.start();
    expect(host).toBe('127.0.0.1');
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const res = await fetch(`${url}api/stats`);
    expect(((await res.json()) as { store: string }).store).toBe('embedded');
    await server.stop();
    await expect(fetch(`${url}api/stats`)).rejects.toThrow();
  });
});
