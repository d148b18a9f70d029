/**
 * Layouts
 *
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker) that stops by itself when the
 * nodes have settled — mean movement per sample below a fraction of the graph's extent — or after a
 * time budget; and the fixed two-column layout of the 东西部协作 view (eastern partners on the left,
 * western regions on the right).
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ViewGraph } from './graph-data.js';
import { isRegion } from './vocabulary.js';

/** How a layout run ended. */
export interface LayoutOutcome {
  reason: 'converged' | 'timeout' | 'stopped' | 'skipped';
  ms: number;
  /** ForceAtlas2 iterations the worker ran. */
  iterations: number;
}

/** A running layout that can be stopped early. */
export interface LayoutRun {
  done: Promise<LayoutOutcome>;
  stop(): void;
}

/** Options of {@link runForceAtlas2}. */
export interface LayoutOptions {
  /** Stop after this many milliseconds even if still moving. */
  maxMs?: number;
  /** Sampling interval for the convergence test. */
  sampleMs?: number;
  /** Converged when movement per iteration falls below this fraction of its peak. */
  tolerance?: number;
  /** How often a detached layout (large graph) redraws the view; default 1 s. */
  syncMs?: number;
  /** Receives the movement ratio of every sample (for the benchmark). */
  trace?: number[];
}

function extent(graph: Graph): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x as number);
    maxX = Math.max(maxX, a.x as number);
    minY = Math.min(minY, a.y as number);
    maxY = Math.max(maxY, a.y as number);
  });
  return Math.hypot(maxX - minX, maxY - minY) || 1;
}

/** Iterations before convergence is even considered (the first ones only untangle the seeded start). */
const MIN_ITERATIONS = 30;

/** Samples compared by the plateau test (two windows of this many). */
const PLATEAU_WINDOW = 8;

/**
 * Tells whether movement has stopped falling: the last window's mean movement is no lower than 97%
 * of the window before's. ForceAtlas2 never comes to a full stop on large graphs (nodes keep swinging
 * around their place), so "no longer improving" is the practical convergence test.
 * @example plateaued([0.1, 0.08, …16 samples]) // false while still shrinking
 */
export function plateaued(samples: readonly number[]): boolean {
  if (samples.length < PLATEAU_WINDOW * 2) return false;
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const before = mean(samples.slice(0, PLATEAU_WINDOW));
  const last = mean(samples.slice(PLATEAU_WINDOW));
  return last >= before * 0.97;
}

/** Above this many nodes the layout runs on a detached copy and the view is updated once per sample. */
export const DETACHED_LAYOUT_ABOVE = 1000;

// The graph the worker moves: the view graph itself (small graphs, smooth animation), or a bare copy
// (large graphs) so that sigma does not redraw tens of thousands of nodes after every iteration — each
// worker iteration waits for the main thread, so redraws would throttle the layout itself.
function layoutTarget(graph: ViewGraph): { target: Graph; detached: boolean } {
  if (graph.order <= DETACHED_LAYOUT_ABOVE) return { target: graph, detached: false };
  const copy = new Graph({ type: 'directed', multi: true, allowSelfLoops: false });
  graph.forEachNode((n, a) => copy.addNode(n, { x: a.x, y: a.y, size: a.size }));
  graph.forEachEdge((e, _a, s, t) => copy.addEdgeWithKey(e, s, t));
  return { target: copy, detached: true };
}

/** Largest graph that gets the overlap-removing finishing pass (it runs on the main thread). */
const UNTANGLE_MAX_NODES = 2000;

// ForceAtlas2's intended finishing pass: a few iterations with adjustSizes, which keeps nodes from
// overlapping (a county's leaves otherwise pile up under its label). Cheap on small graphs only.
function untangle(graph: ViewGraph, settings: ReturnType<typeof forceAtlas2.inferSettings>): void {
  if (graph.order > UNTANGLE_MAX_NODES) return;
  forceAtlas2.assign(graph, { iterations: 60, settings: { ...settings, adjustSizes: true } });
}

/**
 * Runs ForceAtlas2 in a worker until the layout converges or the time budget ends.
 * @param graph - the view graph; positions are updated in place while it runs
 * @example const run = runForceAtlas2(graph); const { reason } = await run.done; // 'converged'
 */
export function runForceAtlas2(graph: ViewGraph, options: LayoutOptions = {}): LayoutRun {
  const maxMs = options.maxMs ?? 20_000;
  const sampleMs = options.sampleMs ?? 300;
  const syncMs = options.syncMs ?? 1000;
  const tolerance = options.tolerance ?? 0.12;
  const t0 = performance.now();
  if (graph.order < 2 || graph.size === 0) {
    return { done: Promise.resolve({ reason: 'skipped', ms: 0, iterations: 0 }), stop: () => undefined };
  }
  const { target, detached } = layoutTarget(graph);
  const settings = {
    ...forceAtlas2.inferSettings(target),
    barnesHutOptimize: target.order > 1000,
    // adjustSizes damps every move (it is meant as a finishing pass), so the layout would barely unfold.
    adjustSizes: false,
  };
  const layout = new FA2Layout(target, { settings });
  let lastSync = performance.now();
  const sync = (force = false): void => {
    // A big graph is redrawn only now and then while the layout runs: with software WebGL a redraw of
    // 20k nodes costs the worker more than ten iterations (benchmark: 4 vs 59 iterations a minute).
    if (!detached || (!force && performance.now() - lastSync < syncMs)) return;
    lastSync = performance.now();
    graph.updateEachNodeAttributes((n, a) => {
      if (target.hasNode(n)) {
        a.x = target.getNodeAttribute(n, 'x') as number;
        a.y = target.getNodeAttribute(n, 'y') as number;
      }
      return a;
    });
  };
  let finish: (o: LayoutOutcome) => void = () => undefined;
  const done = new Promise<LayoutOutcome>((r) => (finish = r));
  let timer: ReturnType<typeof setInterval> | undefined;
  const end = (reason: LayoutOutcome['reason']): void => {
    if (timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
    target.removeListener('eachNodeAttributesUpdated', countIteration);
    layout.kill();
    if (reason !== 'stopped') {
      sync(true);
      untangle(graph, settings);
    }
    finish({ reason, ms: Math.round(performance.now() - t0), iterations: total + iterations });
  };

  let previous = new Map<string, [number, number]>();
  target.forEachNode((n, a) => previous.set(n, [a.x as number, a.y as number]));
  let calm = 0;
  let started = false;
  const recent: number[] = [];
  // The supervisor writes each worker iteration's positions with one updateEachNodeAttributes call;
  // counting those turns "movement per sample" (which depends on how many iterations fell inside the
  // sample) into movement per iteration, a much steadier signal.
  let iterations = 0;
  let total = 0;
  let peak = 0;
  const countIteration = (): void => {
    iterations++;
  };
  target.on('eachNodeAttributesUpdated', countIteration);
  layout.start();
  timer = setInterval(() => {
    if (performance.now() - t0 > maxMs) return end('timeout');
    const steps = iterations;
    // Nothing moves until the worker has started and sent its first positions back: not convergence.
    if (steps === 0) return;
    total += steps;
    iterations = 0;
    let moved = 0;
    const next = new Map<string, [number, number]>();
    target.forEachNode((n, a) => {
      const p = previous.get(n);
      if (p) moved += Math.hypot((a.x as number) - p[0], (a.y as number) - p[1]);
      next.set(n, [a.x as number, a.y as number]);
    });
    previous = next;
    sync();
    const ratio = moved / steps / target.order / extent(target);
    options.trace?.push(Number(ratio.toPrecision(3)));
    if (!started) {
      started = true; // the first sample holds a partial iteration
      return;
    }
    recent.push(ratio);
    if (recent.length > PLATEAU_WINDOW * 2) recent.shift();
    peak = Math.max(peak, ratio);
    if (total < MIN_ITERATIONS) return;
    // Calm: movement down to a fraction of its peak (scale-free, whatever the forces' settings) or
    // below an absolute floor, two samples in a row; or movement that has stopped falling.
    calm = ratio < peak * tolerance || ratio < 1e-4 ? calm + 1 : 0;
    if (calm >= 2 || plateaued(recent)) end('converged');
  }, sampleMs);
  return { done, stop: () => end('stopped') };
}

const LEVEL_ORDER = ['Province', 'Prefecture', 'County', 'Township', 'Village'];

/**
 * Decides each node's side in the cooperation view: the division code's province where known, else
 * the direction of ASSISTS (the assisting side is eastern), else western.
 * @example sideOf(graph, 'region:320506000000') // 'east' (吴中区)
 */
export function sideOf(graph: ViewGraph, node: string): 'east' | 'west' {
  const a = graph.getNodeAttributes(node);
  if (a.east !== undefined) return a.east ? 'east' : 'west';
  if (graph.someOutEdge(node, (_, e) => e.relType === 'ASSISTS')) return 'east';
  return 'west';
}

/**
 * Places regions in two columns, eastern partners left and western regions right, grouped by level
 * (higher levels further out) and sorted by code then name; non-regions are hidden in this view.
 * @example cooperationLayout(graph) // 苏州市 at x < 0, 从江县 at x > 0
 */
export function cooperationLayout(graph: ViewGraph): void {
  const columns = new Map<string, string[]>();
  graph.forEachNode((node, a) => {
    if (!isRegion(a.entityType)) return;
    const key = `${sideOf(graph, node)}:${a.entityType}`;
    const list = columns.get(key) ?? [];
    list.push(node);
    columns.set(key, list);
  });
  const byCode = (p: string, q: string): number => {
    const a = graph.getNodeAttributes(p);
    const b = graph.getNodeAttributes(q);
    return (a.code ?? '~').localeCompare(b.code ?? '~') || a.label.localeCompare(b.label, 'zh');
  };
  // Western columns first, by code; then each eastern node goes to the mean height of its western
  // partners (the barycentre heuristic), so pairs sit face to face and links cross as little as possible.
  const rank = new Map<string, number>();
  const keys = [...columns.keys()].sort((a, b) =>
    a.startsWith('west') === b.startsWith('west') ? 0 : a.startsWith('west') ? -1 : 1,
  );
  for (const key of keys) {
    const nodes = columns.get(key)!;
    const [side, level] = key.split(':') as ['east' | 'west', string];
    if (side === 'west') nodes.sort(byCode);
    else {
      const centre = (n: string): number => {
        const ranks = graph.neighbors(n).flatMap((m) => (rank.has(m) ? [rank.get(m)!] : []));
        return ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : Infinity;
      };
      const c = new Map(nodes.map((n) => [n, centre(n)]));
      nodes.sort((p, q) => c.get(p)! - c.get(q)! || byCode(p, q));
    }
    const depth = LEVEL_ORDER.indexOf(level);
    // Higher levels (province, prefecture) further from the middle, counties and below nearer.
    const x = (side === 'east' ? -1 : 1) * (100 + (4 - depth) * 45);
    // Columns as tall as the two sides are wide apart, so a handful of pairs still reads clearly.
    const spacing = Math.max(12, 400 / Math.max(nodes.length, 2));
    nodes.forEach((node, i) => {
      const r = i / Math.max(nodes.length - 1, 1);
      rank.set(node, r);
      // sigma's y axis points up: the first node goes on top.
      graph.mergeNodeAttributes(node, { x, y: -(i - (nodes.length - 1) / 2) * spacing });
    });
  }
}
