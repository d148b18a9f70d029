/**
 * fupin explorer
 *
 * Wires the page: loads the graph for the current view from the server, runs the layout, connects
 * search, legend filters, side panel, document viewer, path finding, exports, questions and Cypher,
 * and keeps the URL in step. `window.__fupin` exposes the renderer and timings to the browser tests
 * and the first-frame benchmark.
 */
import './style.css';
import type { Evidence } from '@fupin/graph-schema';
import { api, type Stats, type Subgraph } from './api.js';
import { attachAsk, attachCypher } from './ask-panel.js';
import { byId, el } from './dom.js';
import { createDocumentViewer } from './document-viewer.js';
import { createViewGraph, loadPositions, mergeSubgraph, savePositions } from './graph-data.js';
import { currentLang, setLang, t } from './i18n.js';
import { cooperationLayout, runForceAtlas2, type LayoutOutcome, type LayoutRun } from './layout.js';
import { renderLegend } from './legend.js';
import { attachSearch } from './search-box.js';
import { renderPanel } from './side-panel.js';
import { assignCommunities, countInkPixels, exportGexf, exportPng } from './tools.js';
import { readUrlState, writeUrlState, type ViewName } from './url-state.js';
import { createGraphView, initialViewState } from './view.js';
import { ENTITY_TYPE_LIST, RELATION_TYPE_LIST } from './vocabulary.js';

const url = readUrlState(location.search);
const graph = createViewGraph();
const state = initialViewState();
if (url.types) for (const ty of ENTITY_TYPE_LIST) if (!url.types.includes(ty)) state.hiddenTypes.add(ty);
if (url.rels) for (const r of RELATION_TYPE_LIST) if (!url.rels.includes(r)) state.hiddenRelations.add(r);
state.communities = url.communities;
setLang(url.lang, document.body);

const view = createGraphView(byId('graph'), graph, state);
const viewer = createDocumentViewer(document.body);
const panel = byId('panel');
const status = byId('status');
let currentView: ViewName = url.view;
let layoutRun: LayoutRun | undefined;
/** Settles when the running layout ends: camera moves wait for it, or the layout would drift away from them. */
let layoutSettled: Promise<unknown> = Promise.resolve();
const pathEnds: { from?: string; to?: string } = { from: url.from, to: url.to };
const t0 = performance.now();
/** Layout time budget; `?layoutMs=` overrides it (the benchmark gives large graphs longer). */
const layoutBudgetMs = Number(new URLSearchParams(location.search).get('layoutMs')) || 20_000;

/** What the browser tests and the benchmark read. */
const hook = {
  graph,
  view,
  sigma: view.sigma,
  state,
  stats: undefined as Stats | undefined,
  ready: false,
  layout: 'idle' as 'idle' | 'running' | 'done',
  layoutOutcome: undefined as LayoutOutcome | undefined,
  /** Mean movement per layout sample relative to the graph's extent (convergence trace). */
  layoutTrace: [] as number[],
  /** Durations of the last sigma renders, in ms. */
  renderMs: [] as number[],
  timings: {} as { dataLoaded?: number; firstFrame?: number; layoutDone?: number },
  visibleCount: () => view.visible().nodes.length,
  visible: () => view.visible(),
  inkPixels: () => countInkPixels(view.sigma),
};
declare global {
  interface Window {
    __fupin: typeof hook;
  }
}
window.__fupin = hook;

let renderStart = 0;
view.sigma.on('beforeRender', () => {
  renderStart = performance.now();
});
view.sigma.on('afterRender', () => {
  if (hook.timings.firstFrame === undefined && graph.order > 0)
    hook.timings.firstFrame = Math.round(performance.now() - t0);
  hook.renderMs.push(Math.round(performance.now() - renderStart));
  if (hook.renderMs.length > 50) hook.renderMs.shift();
});

function syncUrl(): void {
  const q = writeUrlState({
    view: currentView,
    node: state.selected,
    types: state.hiddenTypes.size ? ENTITY_TYPE_LIST.filter((x) => !state.hiddenTypes.has(x)) : undefined,
    rels: state.hiddenRelations.size ? RELATION_TYPE_LIST.filter((x) => !state.hiddenRelations.has(x)) : undefined,
    from: pathEnds.from,
    to: pathEnds.to,
    lang: currentLang(),
    limit: url.limit,
    communities: state.communities,
    year: url.year,
  });
  history.replaceState(null, '', `${location.pathname}${q}`);
}

function showStatus(extra = ''): void {
  const layout = hook.layout === 'running' ? t('layoutRunning') : hook.layout === 'done' ? t('layoutDone') : '';
  status.textContent = [`${graph.order} ${t('nodes')} · ${graph.size} ${t('edges')}`, layout, extra]
    .filter(Boolean)
    .join(' · ');
}

function refreshAll(): void {
  view.refresh();
  renderLegend(byId('legend-types'), byId('legend-relations'), graph, state, () => {
    view.refresh();
    syncUrl();
  });
  showStatus();
}

function showError(err: unknown): void {
  showStatus(`${t('error')}: ${(err as Error).message}`);
}

async function layout(scope: string | undefined, maxMs?: number): Promise<void> {
  layoutRun?.stop();
  hook.layout = 'running';
  showStatus();
  // Redraws during the layout take CPU from the layout worker (software WebGL above all): keep them
  // to about 5% of the time, judging by how long the last renders took.
  const lastRenders = [...hook.renderMs].sort((a, b) => a - b);
  const medianRender = lastRenders[Math.floor(lastRenders.length / 2)] ?? 50;
  const syncMs = Math.min(10_000, Math.max(1000, 20 * medianRender));
  const run = runForceAtlas2(graph, { maxMs: maxMs ?? layoutBudgetMs, syncMs, trace: hook.layoutTrace });
  layoutRun = run;
  layoutSettled = run.done;
  const outcome = await run.done;
  if (layoutRun !== run) return;
  hook.layoutOutcome = outcome;
  hook.layout = 'done';
  hook.timings.layoutDone = Math.round(performance.now() - t0);
  if (scope) savePositions(scope, graph);
  showStatus();
}

async function loadView(name: ViewName, sub?: Subgraph): Promise<void> {
  currentView = name;
  layoutRun?.stop();
  graph.clear();
  state.selected = undefined;
  state.path = undefined;
  state.cooperationOnly = name === 'cooperation';
  for (const v of ['all', 'cooperation', 'cypher'] as const) byId(`view-${v}`).classList.toggle('active', v === name);
  byId('side-labels').hidden = name !== 'cooperation';
  byId('cypher-section').hidden = name !== 'cypher';
  hook.layout = 'idle';
  showStatus(t('loading'));
  const data =
    sub ??
    (name === 'cooperation'
      ? await api.subgraph({ cooperation: true, limit: url.limit, year: url.year })
      : name === 'all'
        ? await api.subgraph({ limit: url.limit, year: url.year })
        : { nodes: [], edges: [] });
  const cache = name === 'all' ? loadPositions('all') : new Map<string, [number, number]>();
  mergeSubgraph(graph, data, cache);
  // Big graphs: fewer labels and no edges while panning, so the view stays fluid.
  view.sigma.setSetting('labelRenderedSizeThreshold', graph.order > 2000 ? 9 : 2);
  view.sigma.setSetting('hideEdgesOnMove', graph.size > 20_000);
  // Room for the long names of western counties (紫云苗族布依族自治县) right of the last column.
  view.sigma.setSetting('stagePadding', name === 'cooperation' ? 140 : 60);
  hook.timings.dataLoaded = Math.round(performance.now() - t0);
  if (state.communities) assignCommunities(graph);
  refreshAll();
  syncUrl();
  if (name === 'cooperation') {
    cooperationLayout(graph);
    hook.layout = 'done';
    hook.timings.layoutDone = Math.round(performance.now() - t0);
    view.refresh();
    showStatus();
  } else if (cache.size > 0 && graph.everyNode((n) => cache.has(n))) {
    hook.layout = 'done';
    hook.layoutOutcome = { reason: 'skipped', ms: 0, iterations: 0 };
    hook.timings.layoutDone = Math.round(performance.now() - t0);
    showStatus();
  } else void layout(name === 'all' ? 'all' : undefined);
}

async function select(id: string, focus = true): Promise<void> {
  try {
    if (!graph.hasNode(id)) {
      mergeSubgraph(graph, await api.neighbours(id, 1), new Map(), undefined);
      refreshAll();
    }
    state.selected = id;
    state.path = undefined;
    view.refresh();
    syncUrl();
    if (focus)
      void layoutSettled.then(() => (state.selected === id ? view.fit([id, ...graph.neighbors(id)]) : undefined));
    panel.replaceChildren(el('p', { className: 'meta', text: t('loading') }));
    const detail = await api.entity(id);
    if (state.selected !== id) return;
    renderPanel(panel, detail, {
      select: (other) => void select(other),
      openDocument: (docId: string, e?: Evidence) => void viewer.open(docId, e ?? {}).catch(showError),
      expand: (node) => void expand(node),
      pathFrom: (node) => setPathEnd('from', node),
      pathTo: (node) => setPathEnd('to', node),
    });
  } catch (err) {
    showError(err);
  }
}

function clearSelection(): void {
  state.selected = undefined;
  view.refresh();
  panel.replaceChildren(el('p', { className: 'meta', text: t('noSelection') }));
  syncUrl();
}

async function expand(id: string): Promise<void> {
  const added = mergeSubgraph(graph, await api.neighbours(id, 1), new Map(), id);
  refreshAll();
  if (added.length && currentView !== 'cooperation') await layout(undefined, 3000);
}

function setPathEnd(end: 'from' | 'to', id: string): void {
  pathEnds[end] = id;
  void showPath();
}

async function showPath(): Promise<void> {
  const bar = byId('path-bar');
  bar.hidden = !pathEnds.from && !pathEnds.to;
  const nameOf = (id?: string): string => (id && graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : (id ?? '?'));
  byId('path-from').textContent = nameOf(pathEnds.from);
  byId('path-to').textContent = nameOf(pathEnds.to);
  byId('path-status').textContent = '';
  syncUrl();
  if (!pathEnds.from || !pathEnds.to) return;
  try {
    const res = await api.path(pathEnds.from, pathEnds.to);
    if (!res.found) {
      state.path = undefined;
      byId('path-status').textContent = t('pathNone');
      return view.refresh();
    }
    mergeSubgraph(graph, res, new Map(), pathEnds.from);
    const order = res.path ?? res.nodes.map((n) => n.id);
    state.path = { nodes: new Set(order), edges: new Set(res.edges.map((e) => e.id)) };
    state.selected = undefined;
    refreshAll();
    byId('path-status').textContent = order.map((n) => nameOf(n)).join(' → ');
    void layoutSettled.then(() => view.fit(order));
  } catch (err) {
    showError(err);
  }
}

function clearPath(): void {
  pathEnds.from = undefined;
  pathEnds.to = undefined;
  state.path = undefined;
  byId('path-bar').hidden = true;
  view.refresh();
  syncUrl();
}

// Events.
view.sigma.on('clickNode', ({ node }) => void select(node, false));
view.sigma.on('clickStage', () => clearSelection());
view.sigma.on('enterNode', ({ node }) => {
  state.hovered = node;
  view.sigma.refresh({ skipIndexation: true });
});
view.sigma.on('leaveNode', () => {
  state.hovered = undefined;
  view.sigma.refresh({ skipIndexation: true });
});
attachSearch(byId<HTMLInputElement>('search'), byId('suggestions'), (e) => void select(e.id));
byId('view-all').addEventListener('click', () => void loadView('all').catch(showError));
byId('view-cooperation').addEventListener('click', () => void loadView('cooperation').catch(showError));
byId('view-cypher').addEventListener('click', () => void loadView('cypher').catch(showError));
byId('path-clear').addEventListener('click', clearPath);
byId('export-png').addEventListener('click', () => void exportPng(view.sigma).catch(showError));
byId('export-gexf').addEventListener('click', () => exportGexf(graph, view.visible()));
const communities = byId<HTMLInputElement>('communities');
communities.checked = state.communities;
communities.addEventListener('change', () => {
  state.communities = communities.checked;
  if (state.communities) assignCommunities(graph);
  view.refresh();
  syncUrl();
});
byId('lang').addEventListener('click', () => {
  setLang(currentLang() === 'zh' ? 'en' : 'zh', document.body);
  refreshAll();
  syncUrl();
  if (state.selected) void select(state.selected, false);
});
const askActions = { select: (id: string) => void select(id), showGraph: (g: Subgraph) => void loadView('cypher', g) };
attachAsk(byId<HTMLFormElement>('ask-form'), byId<HTMLInputElement>('ask-input'), byId('ask-result'), askActions);
attachCypher(
  byId<HTMLFormElement>('cypher-form'),
  byId<HTMLTextAreaElement>('cypher-input'),
  byId('cypher-result'),
  askActions,
);
document.addEventListener('keydown', (ev) => {
  const target = ev.target as HTMLElement;
  const typing = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA';
  if (ev.key === '/' && !typing) {
    ev.preventDefault();
    byId('search').focus();
  } else if (ev.key === 'Escape') {
    viewer.close();
    clearSelection();
    clearPath();
  }
});

/** Fills the year filter from the documents' dates and reloads the view when it changes. */
async function setUpYears(): Promise<void> {
  const select = byId<HTMLSelectElement>('year');
  const years = [...new Set((await api.documents()).flatMap((d) => (d.date ? [Number(d.date.slice(0, 4))] : [])))];
  years.sort((a, b) => b - a);
  select.replaceChildren(
    el('option', { text: t('allYears'), attrs: { value: '', 'data-i18n': 'allYears' } }),
    ...years.map((y) => el('option', { text: String(y), attrs: { value: String(y) } })),
  );
  select.value = url.year ? String(url.year) : '';
  select.addEventListener('change', () => {
    url.year = select.value ? Number(select.value) : undefined;
    void loadView(currentView === 'cypher' ? 'all' : currentView).catch(showError);
  });
}

async function start(): Promise<void> {
  hook.stats = await api.stats();
  await setUpYears();
  byId('view-cypher').hidden = !hook.stats.cypher;
  await loadView(url.view === 'cypher' && !hook.stats.cypher ? 'all' : url.view);
  if (url.node) await select(url.node);
  if (pathEnds.from || pathEnds.to) await showPath();
  hook.ready = true;
}
start().catch(showError);
