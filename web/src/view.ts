/**
 * The sigma view
 *
 * One sigma renderer over the view graph, with reducers that apply the view state without touching
 * the data: type and relation filters, the cooperation-only view, the selection (node and neighbours
 * stay, the rest fades), a highlighted path, and community colours.
 */
import type { EntityType, RelationType } from '@fupin/graph-schema';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import type { EdgeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './graph-data.js';
import { COMMUNITY_PALETTE, COOPERATION_RELATIONS, MUTED, PATH_COLOR, isRegion } from './vocabulary.js';

/** What the reducers read; change it, then call `view.refresh()`. */
export interface ViewState {
  hiddenTypes: Set<EntityType>;
  hiddenRelations: Set<RelationType>;
  /** 东西部协作: only regions and cooperation links. */
  cooperationOnly: boolean;
  communities: boolean;
  selected?: string;
  hovered?: string;
  path?: { nodes: Set<string>; edges: Set<string> };
}

/** A fresh view state: everything shown, nothing selected. */
export function initialViewState(): ViewState {
  return { hiddenTypes: new Set(), hiddenRelations: new Set(), cooperationOnly: false, communities: false };
}

/** The renderer and the operations the app needs. */
export interface GraphView {
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  refresh(): void;
  /** Centres the camera on a node. */
  focus(node: string): Promise<void>;
  /** Frames a set of nodes (all when empty). */
  fit(nodes?: Iterable<string>): Promise<void>;
  /** Nodes and edges drawn after the reducers. */
  visible(): { nodes: string[]; edges: string[] };
  kill(): void;
}

const CJK_FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Creates the sigma renderer for a graph in a container.
 * @param container - element with a size (sigma fills it)
 * @param graph - the view graph
 * @param state - the view state the reducers read
 * @example const view = createGraphView(el, graph, state); state.selected = 'region:522633000000'; view.refresh();
 */
export function createGraphView(container: HTMLElement, graph: ViewGraph, state: ViewState): GraphView {
  let neighbourhood = new Set<string>();
  let neighbourhoodOf: string | undefined;

  const nodeHidden = (_node: string, a: NodeAttrs): boolean =>
    state.hiddenTypes.has(a.entityType) || (state.cooperationOnly && !isRegion(a.entityType));

  const around = (node: string | undefined): Set<string> => {
    if (node !== neighbourhoodOf) {
      neighbourhoodOf = node;
      neighbourhood = new Set(node && graph.hasNode(node) ? [node, ...graph.neighbors(node)] : []);
    }
    return neighbourhood;
  };

  const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
    labelFont: CJK_FONT,
    labelSize: 13,
    labelWeight: '500',
    labelRenderedSizeThreshold: 2,
    labelDensity: 0.6,
    defaultEdgeType: 'arrow',
    // The curve program is typed for plain attributes; ours are a subtype, so the cast is safe.
    edgeProgramClasses: { curved: EdgeCurvedArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs> },
    zIndex: true,
    stagePadding: 60,
    hideEdgesOnMove: false,
    nodeReducer: (node, a) => {
      const res: Partial<NodeDisplayData> = { ...a };
      if (nodeHidden(node, a)) return { ...res, hidden: true };
      if (state.communities && a.community !== undefined)
        res.color = COMMUNITY_PALETTE[a.community % COMMUNITY_PALETTE.length];
      if (state.path) {
        if (state.path.nodes.has(node)) return { ...res, highlighted: true, forceLabel: true, zIndex: 2 };
        return { ...res, color: MUTED, label: null, zIndex: 0 };
      }
      if (state.selected) {
        const near = around(state.selected);
        if (node === state.selected) return { ...res, highlighted: true, forceLabel: true, zIndex: 3 };
        if (near.has(node)) return { ...res, forceLabel: true, zIndex: 2 };
        return { ...res, color: MUTED, label: null, zIndex: 0 };
      }
      if (node === state.hovered) return { ...res, highlighted: true };
      // The cooperation view is small and is read by its names: label every region.
      if (state.cooperationOnly) return { ...res, forceLabel: true };
      return res;
    },
    edgeReducer: (edge, a) => {
      const res: Partial<EdgeDisplayData> = { ...a };
      const [s, t] = graph.extremities(edge);
      if (
        state.hiddenRelations.has(a.relType) ||
        (state.cooperationOnly && !COOPERATION_RELATIONS.includes(a.relType)) ||
        nodeHidden(s, graph.getNodeAttributes(s)) ||
        nodeHidden(t, graph.getNodeAttributes(t))
      )
        return { ...res, hidden: true };
      if (state.path) {
        if (state.path.edges.has(edge)) return { ...res, color: PATH_COLOR, size: 4, zIndex: 2 };
        return { ...res, color: MUTED, zIndex: 0 };
      }
      if (state.selected) {
        if (s === state.selected || t === state.selected) return { ...res, size: 2.5, zIndex: 2 };
        return { ...res, hidden: true };
      }
      // The cooperation view has few, long links: draw them thicker.
      if (state.cooperationOnly) return { ...res, size: 2.5 };
      return res;
    },
  });

  const camera = sigma.getCamera();

  return {
    sigma,
    refresh: () => {
      neighbourhoodOf = undefined;
      sigma.refresh();
    },
    focus: async (node) => {
      const d = sigma.getNodeDisplayData(node);
      if (!d) return;
      await camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.5) }, { duration: 400 });
    },
    fit: async (nodes) => {
      const list = nodes ? [...nodes] : [];
      if (list.length === 0) return camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (const n of list) {
        const d = sigma.getNodeDisplayData(n);
        if (!d) continue;
        minX = Math.min(minX, d.x);
        maxX = Math.max(maxX, d.x);
        minY = Math.min(minY, d.y);
        maxY = Math.max(maxY, d.y);
      }
      if (minX === Infinity) return;
      const ratio = Math.min(1.2, Math.max(0.2, Math.max(maxX - minX, maxY - minY) * 2));
      await camera.animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400 });
    },
    visible: () => ({
      nodes: graph.filterNodes((n) => sigma.getNodeDisplayData(n)?.hidden === false),
      edges: graph.filterEdges((e) => sigma.getEdgeDisplayData(e)?.hidden === false),
    }),
    kill: () => sigma.kill(),
  };
}
