/**
 * Questions and Cypher
 *
 * The question box (`POST /api/ask`, the Chinese questions of `fupin ask`) and, on a Neo4j store, the
 * read-only Cypher tab (`POST /api/cypher`). Results show as text and a table; anything in them that
 * looks like an entity or a relation can be drawn in the graph.
 */
import type { EntityType, RelationType } from '@fupin/graph-schema';
import { api, ApiError, type EntitySummary, type Subgraph } from './api.js';
import { el } from './dom.js';
import { relationLabel, t, typeLabel } from './i18n.js';
import { ENTITY_TYPE_LIST, RELATION_TYPE_LIST } from './vocabulary.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asEntity(v: Record<string, unknown>): EntitySummary | undefined {
  const props = isObj(v.properties) ? { ...v.properties, ...v } : v;
  const type = (props.type ??
    (Array.isArray(v.labels) ? v.labels.find((l) => ENTITY_TYPE_LIST.includes(l as EntityType)) : undefined)) as
    EntityType | undefined;
  if (typeof props.id !== 'string' || typeof props.name !== 'string' || !type || !ENTITY_TYPE_LIST.includes(type))
    return undefined;
  return {
    id: props.id,
    name: props.name,
    type,
    aliases: Array.isArray(props.aliases) ? (props.aliases as string[]) : [],
    code: typeof props.code === 'string' ? props.code : undefined,
    degree: 0,
  };
}

/**
 * Collects entity-like objects (`{id, name, type}`) and relation-like objects (`{source, target, type}`)
 * anywhere in a JSON result, so an answer or a Cypher result can be drawn.
 * @example graphFromResult({ rows: [{ c: { id: 'region:…', name: '从江县', type: 'County' } }] }).nodes.length // 1
 */
export function graphFromResult(result: unknown): Subgraph {
  const nodes = new Map<string, EntitySummary>();
  const edges = new Map<string, Subgraph['edges'][number]>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    if (!isObj(v)) return;
    const e = asEntity(v);
    if (e) nodes.set(e.id, e);
    const src = isObj(v.source) ? asEntity(v.source) : undefined;
    const dst = isObj(v.target) ? asEntity(v.target) : undefined;
    const rel = v.type as RelationType;
    if (src && dst && RELATION_TYPE_LIST.includes(rel)) {
      const id = typeof v.id === 'string' ? v.id : `${rel}|${src.id}|${dst.id}`;
      edges.set(id, { id, type: rel, source: src.id, target: dst.id, evidenceCount: 0, properties: {} });
    }
    // A Cypher relationship (`{ _type, id }`): its id is `TYPE|source|target` (graph-schema relationId).
    const cypherRel = v._type as RelationType;
    if (RELATION_TYPE_LIST.includes(cypherRel) && typeof v.id === 'string') {
      const [type, source, target] = v.id.split('|');
      if (type === cypherRel && source && target)
        edges.set(v.id, { id: v.id, type: cypherRel, source, target, evidenceCount: 0, properties: {} });
    }
    for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(result, 0);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function table(rows: unknown[]): HTMLTableElement {
  const cols = [...new Set(rows.flatMap((r) => (isObj(r) ? Object.keys(r) : ['value'])))].slice(0, 12);
  const cell = (v: unknown): string => {
    if (isObj(v) && typeof v.name === 'string') return v.name;
    if (isObj(v) && typeof v._type === 'string') return v._type;
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  return el('table', { className: 'result-table', testid: 'result-table' }, [
    el('thead', {}, [
      el(
        'tr',
        {},
        cols.map((c) => el('th', { text: c })),
      ),
    ]),
    el(
      'tbody',
      {},
      rows.slice(0, 500).map((r) =>
        el(
          'tr',
          {},
          cols.map((c) => el('td', { text: cell(isObj(r) ? r[c] : r) })),
        ),
      ),
    ),
  ]);
}

function rowsOf(result: unknown): unknown[] | undefined {
  if (Array.isArray(result)) return result;
  if (isObj(result))
    for (const k of ['rows', 'records', 'results', 'items', 'answer']) if (Array.isArray(result[k])) return result[k];
  return undefined;
}

/** Relations with evidence inside an answer (`fupin ask` answers are lists of relation views). */
function evidenceRelations(
  result: unknown,
): { type: RelationType; source: string; target: string; sentence?: string }[] {
  const found: { type: RelationType; source: string; target: string; sentence?: string }[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    if (!isObj(v)) return;
    const src = isObj(v.source) ? asEntity(v.source) : undefined;
    const dst = isObj(v.target) ? asEntity(v.target) : undefined;
    if (src && dst && RELATION_TYPE_LIST.includes(v.type as RelationType) && Array.isArray(v.evidence)) {
      const first = v.evidence[0] as { sentence?: unknown } | undefined;
      const sentence = typeof first?.sentence === 'string' ? first.sentence : undefined;
      found.push({ type: v.type as RelationType, source: src.name, target: dst.name, sentence });
      return;
    }
    for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(result, 0);
  return found;
}

/**
 * Renders any JSON result: its answer text, relations with their evidence sentence (questions), a
 * table (Cypher `{ columns, rows }`), and chips for the entities it names.
 */
function renderResult(out: HTMLElement, result: unknown, onEntity: (id: string) => void): Subgraph {
  const g = graphFromResult(result);
  const parts: HTMLElement[] = [];
  const answer = isObj(result)
    ? [result.text, result.answer, result.summary].find((x) => typeof x === 'string')
    : typeof result === 'string'
      ? result
      : undefined;
  if (typeof answer === 'string') parts.push(el('p', { className: 'answer', text: answer, testid: 'answer-text' }));
  const relations = evidenceRelations(result);
  if (relations.length)
    parts.push(
      el(
        'ul',
        { className: 'answer-relations' },
        relations
          .slice(0, 100)
          .map((r) =>
            el('li', { testid: 'answer-relation' }, [
              el('span', { text: `${r.source} —${relationLabel(r.type)}→ ${r.target}` }),
              r.sentence ? el('blockquote', { className: 'evidence', text: r.sentence }) : null,
            ]),
          ),
      ),
    );
  else {
    const rows = rowsOf(result);
    if (rows?.length) parts.push(table(rows));
  }
  if (g.nodes.length)
    parts.push(
      el(
        'div',
        { className: 'chips' },
        g.nodes.slice(0, 60).map((n) =>
          el('button', {
            className: 'chip',
            text: `${n.name} · ${typeLabel(n.type)}`,
            testid: 'answer-entity',
            attrs: { 'data-id': n.id },
            onClick: () => onEntity(n.id),
          }),
        ),
      ),
    );
  if (!parts.length) parts.push(el('pre', { text: JSON.stringify(result, null, 2) }));
  out.replaceChildren(...parts);
  return g;
}

/** What the question and Cypher boxes call back. */
export interface AskActions {
  select(id: string): void;
  showGraph(sub: Subgraph): void;
}

/**
 * Wires the question box.
 * @example attachAsk(form, input, out, actions) // 台江县有哪些帮扶城市？ → answer + chips
 */
export function attachAsk(form: HTMLFormElement, input: HTMLInputElement, out: HTMLElement, actions: AskActions): void {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    out.replaceChildren(el('p', { className: 'meta', text: t('loading') }));
    try {
      renderResult(out, await api.ask(q), actions.select);
    } catch (err) {
      out.replaceChildren(
        el('p', { className: 'error', testid: 'ask-error', text: `${t('error')}: ${(err as Error).message}` }),
      );
    }
  });
}

/**
 * Wires the read-only Cypher tab: results as a table, and as a graph when they contain nodes.
 * @example attachCypher(form, textarea, out, actions) // MATCH (c:County {name:'从江县'})--(x) RETURN c, x
 */
export function attachCypher(
  form: HTMLFormElement,
  textarea: HTMLTextAreaElement,
  out: HTMLElement,
  actions: AskActions,
): void {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const q = textarea.value.trim();
    if (!q) return;
    try {
      const g = renderResult(out, await api.cypher(q), actions.select);
      if (g.nodes.length) actions.showGraph(g);
    } catch (err) {
      const code = err instanceof ApiError ? ` [${err.code}]` : '';
      out.replaceChildren(
        el('p', { className: 'error', testid: 'cypher-error', text: `${(err as Error).message}${code}` }),
      );
    }
  });
}
