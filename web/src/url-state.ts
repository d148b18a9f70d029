/**
 * URL state
 *
 * The part of the view a link should carry: selected node, view, hidden types and relations, path
 * ends, language. Read once at start and written with `history.replaceState` on every change, so a
 * copied address reopens the same view.
 */
import type { EntityType, RelationType } from '@fupin/graph-schema';
import type { Lang } from './i18n.js';
import { ENTITY_TYPE_LIST, RELATION_TYPE_LIST } from './vocabulary.js';

/** Which view is open. */
export type ViewName = 'all' | 'cooperation' | 'cypher';

/** The shareable state. */
export interface UrlState {
  view: ViewName;
  node?: string;
  /** Visible entity types; undefined = all. */
  types?: EntityType[];
  /** Visible relation types; undefined = all. */
  rels?: RelationType[];
  from?: string;
  to?: string;
  lang: Lang;
  /** Largest number of nodes to load. */
  limit?: number;
  communities: boolean;
  /** Only entities mentioned in documents of this year. */
  year?: number;
}

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined {
  if (value === null) return undefined;
  return value.split(',').filter((x): x is T => (allowed as readonly string[]).includes(x));
}

/**
 * Reads the state from a query string.
 * @example readUrlState('?node=region%3A522633000000&view=cooperation') // { view: 'cooperation', node: 'region:522633000000', … }
 */
export function readUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  const limit = Number(p.get('limit'));
  return {
    view: view === 'cooperation' || view === 'cypher' ? view : 'all',
    node: p.get('node') ?? undefined,
    types: list(p.get('types'), ENTITY_TYPE_LIST),
    rels: list(p.get('rels'), RELATION_TYPE_LIST),
    from: p.get('from') ?? undefined,
    to: p.get('to') ?? undefined,
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    limit: Number.isInteger(limit) && limit > 0 ? limit : undefined,
    communities: p.get('communities') === '1',
    year: /^\d{4}$/.test(p.get('year') ?? '') ? Number(p.get('year')) : undefined,
  };
}

/**
 * Writes the state to a query string (defaults left out, so plain views have plain addresses).
 * @example writeUrlState({ view: 'all', node: 'Program:春风行动', lang: 'zh', communities: false }) // '?node=Program%3A春风行动'
 */
export function writeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.node) p.set('node', s.node);
  if (s.view !== 'all') p.set('view', s.view);
  if (s.types && s.types.length < ENTITY_TYPE_LIST.length) p.set('types', s.types.join(','));
  if (s.rels && s.rels.length < RELATION_TYPE_LIST.length) p.set('rels', s.rels.join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.lang !== 'zh') p.set('lang', s.lang);
  if (s.limit) p.set('limit', String(s.limit));
  if (s.communities) p.set('communities', '1');
  if (s.year) p.set('year', String(s.year));
  const q = p.toString();
  return q ? `?${q}` : '';
}
