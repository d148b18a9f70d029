#!/usr/bin/env node
/**
 * Benchmark: web explorer first frame and layout convergence
 *
 * Generates a graph of 20k nodes / 60k edges (regions in an administrative tree, programs, companies,
 * industries, sites, organisations, with evidence), writes it to a real EmbeddedStore in a temp dir,
 * serves it with the real fupin server, loads the explorer in headless Debian chromium and prints the
 * time to the first rendered frame and to layout convergence (as measured inside the page, from
 * navigation start; the page's own timings are in window.__fupin.timings). Not a test: figures only.
 *
 * Usage: node scripts/bench/web-first-frame.mjs [--nodes 20000] [--edges 60000] [--layout-ms 60000]
 * Needs: `pnpm build` (web/dist, packages/*\/dist) and /usr/bin/chromium.
 */
/* global window -- page functions run in the browser */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { EmbeddedStore } from '@fupin/store';
import { documentId, entityId, relationId, sha256Hex } from '@fupin/graph-schema';

import { createServer } from '@fupin/server';
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '20000' },
    edges: { type: 'string', default: '60000' },
    'layout-ms': { type: 'string', default: '60000' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const N = Number(values.nodes);
const E = Number(values.edges);

/** Deterministic random numbers (mulberry32) so every run benchmarks the same graph. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic graph with the project's vocabulary and realistic proportions. */
function generate(n, e) {
  const rand = rng(7);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const docs = [];
  for (let i = 0; i < 100; i++) {
    const text = `第${i}号协作简报。某区与某县开展结对帮扶，投入资金${100 + i}万元。`;
    const sha = sha256Hex(text);
    docs.push({
      id: documentId(sha),
      path: `bench/${i}.txt`,
      sha256: sha,
      title: `第${i}号协作简报`,
      chars: text.length,
      text,
    });
  }
  const entities = [];
  const byType = new Map();
  const add = (type, name, code) => {
    const ent = { id: entityId(type, name, code), type, name, aliases: [], ...(code ? { code } : {}) };
    entities.push(ent);
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(ent);
    return ent;
  };
  // Regions: 2 eastern + 2 western provinces, 12 prefectures, 120 counties, townships, villages.
  const provinces = ['32', '33', '52', '53'].map((p) => add('Province', `省${p}`, `${p}0000000000`));
  const prefectures = [];
  for (let i = 0; i < 12; i++)
    prefectures.push(
      add('Prefecture', `市${i}`, `${provinces[i % 4].code.slice(0, 2)}${String(i + 1).padStart(2, '0')}00000000`),
    );
  const counties = [];
  for (let i = 0; i < 120; i++) {
    const pref = prefectures[i % 12];
    counties.push(
      add('County', `县${i}`, `${pref.code.slice(0, 4)}${String(Math.floor(i / 12) + 1).padStart(2, '0')}000000`),
    );
  }
  const regionBudget = Math.floor(n * 0.6);
  const townships = [];
  let v = 0;
  while (entities.length < regionBudget) {
    const county = counties[townships.length % counties.length];
    townships.push(add('Township', `${county.name}镇${townships.length}`));
    for (let k = 0; k < 6 && entities.length < regionBudget; k++) add('Village', `村${v++}`);
  }
  const rest = [
    ['Program', 0.1],
    ['Company', 0.12],
    ['Industry', 0.04],
    ['Site', 0.07],
    ['Organization', 0.07],
  ];
  for (const [type, share] of rest) for (let i = 0, m = Math.floor(n * share); i < m; i++) add(type, `${type}${i}`);
  while (entities.length < n) add('Company', `企业${entities.length}`);

  const relations = new Map();
  const link = (type, s, t) => {
    if (s.id === t.id) return;
    const id = relationId(type, s.id, t.id);
    if (relations.has(id)) return;
    const doc = pick(docs);
    const sentence = doc.text.split('。')[1] + '。';
    const start = doc.text.indexOf(sentence);
    relations.set(id, {
      id,
      type,
      source: s.id,
      target: t.id,
      evidence: [{ documentId: doc.id, sentence, start, end: start + sentence.length, extractor: 'bench' }],
      properties: {},
    });
  };
  for (const p of prefectures) link('LOCATED_IN', p, provinces[Number(p.code.slice(2, 4) - 1) % 4]);
  for (const c of counties)
    link(
      'LOCATED_IN',
      c,
      prefectures.find((p) => p.code.slice(0, 4) === c.code.slice(0, 4)),
    );
  townships.forEach((t, i) => link('LOCATED_IN', t, counties[i % counties.length]));
  for (const vil of byType.get('Village') ?? []) link('LOCATED_IN', vil, pick(townships));
  const east = counties.filter((c) => ['32', '33'].includes(c.code.slice(0, 2)));
  const west = counties.filter((c) => ['52', '53'].includes(c.code.slice(0, 2)));
  const regions = [...counties, ...townships, ...(byType.get('Village') ?? [])];
  const plans = [
    ['ASSISTS', () => pick(east), () => pick(west)],
    ['LABOR_COOPERATION', () => pick(west), () => pick(east)],
    ['SALES_OUTLET_IN', () => pick(west), () => pick(east)],
    ['IMPLEMENTS', () => pick(regions), () => pick(byType.get('Program'))],
    ['INVESTS_IN', () => pick(byType.get('Company')), () => pick(regions)],
    ['DEVELOPS', () => pick(regions), () => pick(byType.get('Industry'))],
    ['PART_OF', () => pick(byType.get('Program')), () => pick(byType.get('Program'))],
    ['PARTNERS_WITH', () => pick(byType.get('Company')), () => pick(byType.get('Organization'))],
    ['LOCATED_IN', () => pick(byType.get('Site')), () => pick(regions)],
  ];
  let guard = 0;
  while (relations.size < e && guard++ < e * 5) {
    const [type, s, t] = pick(plans);
    link(type, s(), t());
  }
  return { documents: docs, entities, relations: [...relations.values()], mentions: [] };
}

if (!existsSync(join(WEB_DIST, 'index.html'))) {
  console.error('web-first-frame: web/dist is missing; run `pnpm build` first');
  process.exit(2);
}

const t0 = performance.now();
const batch = generate(N, E);
const tGen = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'fupin-bench-web-'));
const store = new EmbeddedStore({ dataDir: dir });
await store.init();
await store.write(batch);
const stats = await store.stats();
const tWrite = performance.now();
const server = createServer({ store, staticDir: WEB_DIST, port: 0 });
const { url } = await server.start();
// The API alone: how long the store takes to answer the view's subgraph request, and its size.
const tApi = performance.now();
const apiBody = await (await fetch(`${url}api/subgraph?limit=${N}`)).text();
const api = { subgraphMs: Math.round(performance.now() - tApi), subgraphMB: Number((apiBody.length / 1e6).toFixed(1)) };
const browser = await chromium.launch({
  executablePath: values.chromium,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  const target = `${url}?limit=${N}&layoutMs=${values['layout-ms']}`;
  await page.goto(target);
  await page.waitForFunction(() => window.__fupin?.timings?.firstFrame !== undefined, null, { timeout: 120_000 });
  await page.waitForFunction(() => window.__fupin?.layout === 'done', null, {
    timeout: Number(values['layout-ms']) + 60_000,
  });
  const m = await page.evaluate(() => ({
    timings: window.__fupin.timings,
    outcome: window.__fupin.layoutOutcome,
    trace: window.__fupin.layoutTrace,
    renderMs: window.__fupin.renderMs,
    drawn: window.__fupin.sigma.getGraph().order,
    edges: window.__fupin.sigma.getGraph().size,
    navStart: performance.timeOrigin,
  }));
  // Second load: positions come from the localStorage cache, so no layout runs.
  await page.reload();
  await page.waitForFunction(() => window.__fupin?.layout === 'done', null, { timeout: 120_000 });
  const cached = await page.evaluate(() => ({
    timings: window.__fupin.timings,
    outcome: window.__fupin.layoutOutcome,
  }));
  const out = {
    graph: { nodes: stats.nodes, relations: stats.relations, drawnNodes: m.drawn, drawnEdges: m.edges },
    setupMs: { generate: Math.round(tGen - t0), storeWrite: Math.round(tWrite - tGen) },
    api,
    firstLoadMs: {
      dataLoaded: m.timings.dataLoaded,
      firstFrame: m.timings.firstFrame,
      layoutDone: m.timings.layoutDone,
    },
    layout: m.outcome,
    layoutTrace: m.trace,
    renderMs: m.renderMs,
    reloadMs: {
      dataLoaded: cached.timings.dataLoaded,
      firstFrame: cached.timings.firstFrame,
      layoutDone: cached.timings.layoutDone,
      layout: cached.outcome?.reason,
    },
  };
  console.log(JSON.stringify(out, null, 2));
  console.log(
    `web-first-frame: ${m.drawn} nodes / ${m.edges} edges — first frame ${m.timings.firstFrame} ms, ` +
      `layout ${m.outcome?.reason} at ${m.timings.layoutDone} ms (FA2 ${m.outcome?.ms} ms); ` +
      `reload with cached layout: first frame ${cached.timings.firstFrame} ms`,
  );
} finally {
  await browser.close();
  await server.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
