/**
 * Layouts
 *
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker) that stops by itself when the
 * nodes have settled — mean movement per sample below a fraction of the graph's extent — or after a
 * time budget; and the fixed two-column layout of the 东西部协作 view (eastern partners on the left,
 * western regions on the right).
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ViewGraph } from './graph-data.js';
import { isRegion } from './vocabulary.js';

/** How a layout run ended. */
export interface LayoutOutcome {
  reason: 'converged' | 'timeout' | 'stopped' | 'skipped';
  ms: number;
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
  /** Converged when mean movement per sample is below this fraction of the extent. */
  tolerance?: number;
  /** Receives the movement ratio of every sample (for the benchmark). */
  trace?: number[];
}

function extent(graph: ViewGraph): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  return Math.hypot(maxX - minX, maxY - minY) || 1;
}

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

/**
 * Runs ForceAtlas2 in a worker until the layout converges or the time budget ends.
 * @param graph - the view graph; positions are updated in place while it runs
 * @example const run = runForceAtlas2(graph); const { reason } = await run.done; // 'converged'
 */
export function runForceAtlas2(graph: ViewGraph, options: LayoutOptions = {}): LayoutRun {
  const maxMs = options.maxMs ?? 20_000;
  const sampleMs = options.sampleMs ?? 300;
  const tolerance = options.tolerance ?? 0.0015;
  const t0 = performance.now();
  if (graph.order < 2 || graph.size === 0) {
    return { done: Promise.resolve({ reason: 'skipped', ms: 0 }), stop: () => undefined };
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 1000,
    adjustSizes: false,
  };
  const layout = new FA2Layout(graph, { settings });
  let finish: (o: LayoutOutcome) => void = () => undefined;
  const done = new Promise<LayoutOutcome>((r) => (finish = r));
  let timer: ReturnType<typeof setInterval> | undefined;
  const end = (reason: LayoutOutcome['reason']): void => {
    if (timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
    graph.removeListener('eachNodeAttributesUpdated', countIteration);
    layout.kill();
    finish({ reason, ms: Math.round(performance.now() - t0) });
  };

  let previous = new Map<string, [number, number]>();
  graph.forEachNode((n, a) => previous.set(n, [a.x, a.y]));
  let calm = 0;
  let started = false;
  const recent: number[] = [];
  // The supervisor writes each worker iteration's positions with one updateEachNodeAttributes call;
  // counting those turns "movement per sample" (which depends on how many iterations fell inside the
  // sample) into movement per iteration, a much steadier signal.
  let iterations = 0;
  const countIteration = (): void => {
    iterations++;
  };
  graph.on('eachNodeAttributesUpdated', countIteration);
  layout.start();
  timer = setInterval(() => {
    if (performance.now() - t0 > maxMs) return end('timeout');
    let moved = 0;
    const next = new Map<string, [number, number]>();
    graph.forEachNode((n, a) => {
      const p = previous.get(n);
      if (p) moved += Math.hypot(a.x - p[0], a.y - p[1]);
      next.set(n, [a.x, a.y]);
    });
    previous = next;
    // Two calm samples in a row: one alone can be a pause between worker iterations.
    const steps = iterations;
    iterations = 0;
    // Nothing moves until the worker has started and sent its first positions back: not convergence.
    if (steps === 0) return;
    const ratio = moved / steps / graph.order / extent(graph);
    options.trace?.push(Number(ratio.toPrecision(3)));
    if (!started) {
      started = true; // the first sample holds a partial iteration
      return;
    }
    recent.push(ratio);
    if (recent.length > PLATEAU_WINDOW * 2) recent.shift();
    calm = ratio < tolerance ? calm + 1 : 0;
    if (calm >= 2) end('converged');
    else if (plateaued(recent)) end('converged');
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
  for (const [key, nodes] of columns) {
    const [side, level] = key.split(':') as ['east' | 'west', string];
    nodes.sort((p, q) => {
      const a = graph.getNodeAttributes(p);
      const b = graph.getNodeAttributes(q);
      return (a.code ?? '~').localeCompare(b.code ?? '~') || a.label.localeCompare(b.label, 'zh');
    });
    const depth = LEVEL_ORDER.indexOf(level);
    // Higher levels (province, prefecture) further from the middle, counties and below nearer.
    const x = (side === 'east' ? -1 : 1) * (100 + (4 - depth) * 30);
    const spacing = 12;
    nodes.forEach((node, i) => {
      graph.mergeNodeAttributes(node, { x, y: (i - (nodes.length - 1) / 2) * spacing });
    });
  }
}
