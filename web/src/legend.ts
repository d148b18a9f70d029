/**
 * Legend and filters
 *
 * The colour legend doubles as the filter: one checkbox per entity type and per relation type, with
 * the number of each in the loaded graph. Unchecking hides those nodes or edges through the view
 * state; nothing is removed from the graph.
 */
import type { EntityType, RelationType } from '@fupin/graph-schema';
import { el } from './dom.js';
import type { ViewGraph } from './graph-data.js';
import { relationLabel, typeLabel } from './i18n.js';
import type { ViewState } from './view.js';
import { ENTITY_TYPE_LIST, RELATION_COLORS, RELATION_TYPE_LIST, TYPE_COLORS } from './vocabulary.js';

function row(
  testid: string,
  color: string,
  label: string,
  count: number,
  checked: boolean,
  onToggle: (on: boolean) => void,
): HTMLElement {
  const box = el('input', { testid, attrs: { type: 'checkbox' } });
  box.checked = checked;
  box.addEventListener('change', () => onToggle(box.checked));
  const swatch = el('span', { className: 'swatch' });
  swatch.style.background = color;
  const item = el('label', { className: count ? 'legend-row' : 'legend-row empty' }, [
    box,
    swatch,
    el('span', { className: 'name', text: label }),
    el('span', { className: 'count', text: String(count) }),
  ]);
  return item;
}

/**
 * Renders the type and relation legends with their filter checkboxes.
 * @param onChange - called after the state changed (refresh the view, update the URL)
 * @example renderLegend(typesEl, relsEl, graph, state, () => { view.refresh(); syncUrl(); }) // 县级 12 · 帮扶 5
 */
export function renderLegend(
  typesHost: HTMLElement,
  relationsHost: HTMLElement,
  graph: ViewGraph,
  state: ViewState,
  onChange: () => void,
): void {
  const typeCounts = new Map<EntityType, number>();
  graph.forEachNode((_, a) => typeCounts.set(a.entityType, (typeCounts.get(a.entityType) ?? 0) + 1));
  const relCounts = new Map<RelationType, number>();
  graph.forEachEdge((_, a) => relCounts.set(a.relType, (relCounts.get(a.relType) ?? 0) + 1));

  typesHost.replaceChildren(
    ...ENTITY_TYPE_LIST.map((type) =>
      row(
        `type-filter-${type}`,
        TYPE_COLORS[type],
        typeLabel(type),
        typeCounts.get(type) ?? 0,
        !state.hiddenTypes.has(type),
        (on) => {
          if (on) state.hiddenTypes.delete(type);
          else state.hiddenTypes.add(type);
          onChange();
        },
      ),
    ),
  );
  relationsHost.replaceChildren(
    ...RELATION_TYPE_LIST.map((type) =>
      row(
        `rel-filter-${type}`,
        RELATION_COLORS[type],
        relationLabel(type),
        relCounts.get(type) ?? 0,
        !state.hiddenRelations.has(type),
        (on) => {
          if (on) state.hiddenRelations.delete(type);
          else state.hiddenRelations.add(type);
          onChange();
        },
      ),
    ),
  );
}
