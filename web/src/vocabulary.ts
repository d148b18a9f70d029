/**
 * Display vocabulary
 *
 * Colours, labels and the east/west split used by the view. Type names are checked against
 * @fupin/graph-schema at compile time (`satisfies Record<EntityType, …>`), so a type added there
 * fails the web build until it has a colour and a label here; the schema package itself is not
 * bundled (it carries zod and node:crypto).
 */
import type { EntityType, RelationType } from '@fupin/graph-schema';

/** Node colour per entity type (regions in blues/greens by level, the rest in warm colours). */
export const TYPE_COLORS = {
  Province: '#1f3b73',
  Prefecture: '#2f6db5',
  County: '#3a9bd9',
  Township: '#5fb8a8',
  Village: '#9ccc65',
  Program: '#e4572e',
  Company: '#8e44ad',
  Organization: '#7f8c8d',
  Industry: '#f3a712',
  Site: '#c0392b',
} as const satisfies Record<EntityType, string>;

/** Every entity type in legend order. */
export const ENTITY_TYPE_LIST = Object.keys(TYPE_COLORS) as EntityType[];

/** Edge colour per relation type. */
export const RELATION_COLORS = {
  LOCATED_IN: '#c7ccd6',
  ASSISTS: '#d62728',
  LABOR_COOPERATION: '#ff7f0e',
  SALES_OUTLET_IN: '#bcbd22',
  IMPLEMENTS: '#e4572e',
  INVESTS_IN: '#8e44ad',
  PARTNERS_WITH: '#17becf',
  DEVELOPS: '#f3a712',
  PART_OF: '#9467bd',
} as const satisfies Record<RelationType, string>;

/** Every relation type in legend order. */
export const RELATION_TYPE_LIST = Object.keys(RELATION_COLORS) as RelationType[];

/** The east-west cooperation relations (东西部协作). */
export const COOPERATION_RELATIONS: readonly RelationType[] = ['ASSISTS', 'LABOR_COOPERATION', 'SALES_OUTLET_IN'];

const REGION_TYPES: ReadonlySet<EntityType> = new Set(['Province', 'Prefecture', 'County', 'Township', 'Village']);

/**
 * Tells whether a type is an administrative region.
 * @example isRegion('County') // true (从江县)
 */
export function isRegion(type: EntityType): boolean {
  return REGION_TYPES.has(type);
}

/** Province code prefixes of the eastern provinces (北京 天津 河北 辽宁 上海 江苏 浙江 福建 山东 广东 海南). */
const EASTERN_PROVINCES = new Set(['11', '12', '13', '21', '31', '32', '33', '35', '37', '44', '46']);

/**
 * Tells whether a division code lies in an eastern province; undefined when there is no code.
 * @example isEasternCode('320500000000') // true (苏州市)
 * @example isEasternCode('522633000000') // false (从江县)
 */
export function isEasternCode(code: string | undefined): boolean | undefined {
  if (!code || code.length < 2) return undefined;
  return EASTERN_PROVINCES.has(code.slice(0, 2));
}

/** Colours for communities (Louvain), cycled. */
export const COMMUNITY_PALETTE = [
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
  '#a6761d',
  '#1f78b4',
  '#b2df8a',
  '#fb9a99',
  '#cab2d6',
  '#ff7f00',
  '#6a3d9a',
  '#b15928',
];

/** Grey for nodes and edges pushed to the background by a selection or a path. */
export const MUTED = '#e3e5ea';
/** Highlight colour of a path. */
export const PATH_COLOR = '#ff2d55';
