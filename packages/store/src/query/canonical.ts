/**
 * Canonical answers
 *
 * Both stores must give the SAME answer to the same query, so everything that decides an answer's
 * shape without being a store's business lives here: how search keys are derived from names and
 * aliases, how search hits are ranked, how evidence is keyed and deduplicated, how entity fields merge
 * on re-write, and the sort orders of every list the query API returns. The shared integration suite
 * compares the two stores' answers item by item; these functions are why that comparison can pass.
 */
import { toSimplified } from '@fupin/text';
import type { Entity, Evidence, GraphBatch, Mention } from '@fupin/graph-schema';
import type { DocumentSummary, EntitySummary, RelationView, SubgraphEdge } from '../graph-store.js';

/** Default and maximum number of search hits. */
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 1000;
/** Longest path `shortestPath` looks for (hops), on both stores. */
export const SHORTEST_PATH_MAX_HOPS = 8;
/** Deepest neighbourhood `neighbours` expands. */
export const NEIGHBOURS_MAX_DEPTH = 4;
/** Default node cap of `subgraph`. */
export const SUBGRAPH_DEFAULT_LIMIT = 2000;

/**
 * Normalises text for matching: traditional → simplified, trimmed, Latin lower-cased.
 * @param text - a name, alias or query
 * @example normaliseForSearch(' 從江縣 ') // '从江县'
 */
export function normaliseForSearch(text: string): string {
  return toSimplified(text.trim()).toLowerCase();
}

/**
 * The distinct normalised forms of a name and its aliases: what search matches against.
 * @param name - canonical name
 * @param aliases - surface aliases (any script)
 * @example searchKeys('从江县', ['從江', '从江']) // ['从江县', '从江']
 */
export function searchKeys(name: string, aliases: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const form of [name, ...aliases]) {
    const key = normaliseForSearch(form);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * The text the Neo4j full-text index covers: name, aliases and their simplified forms, space-joined.
 * @example searchText('从江县', ['從江']) // '从江县 從江 从江'
 */
export function searchText(name: string, aliases: readonly string[]): string {
  return [...new Set([name, ...aliases, ...searchKeys(name, aliases)])].join(' ');
}

/**
 * Rank of an entity for a query: 0 exact, 1 prefix, 2 contains, null no match.
 * @param keys - the entity's search keys
 * @param query - the normalised query
 * @example searchRank(['从江县', '从江'], '从江') // 0
 */
export function searchRank(keys: readonly string[], query: string): 0 | 1 | 2 | null {
  let rank: 0 | 1 | 2 | null = null;
  for (const key of keys) {
    if (key === query) return 0;
    if (key.startsWith(query)) rank = 1;
    else if (rank === null && key.includes(query)) rank = 2;
  }
  return rank;
}

/** Compares strings by UTF-16 code units, as Neo4j's ORDER BY does. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A ranked search hit, before the rank is dropped. */
export interface RankedHit {
  rank: number;
  summary: EntitySummary;
}

/**
 * Orders search hits: rank, then more connected first, then shorter name, then name, then id.
 * @example [...hits].sort(compareHits) // 从江县 (exact) before 从江县农业公司 (prefix)
 */
export function compareHits(a: RankedHit, b: RankedHit): number {
  return (
    a.rank - b.rank ||
    b.summary.degree - a.summary.degree ||
    a.summary.name.length - b.summary.name.length ||
    compareText(a.summary.name, b.summary.name) ||
    compareText(a.summary.id, b.summary.id)
  );
}

/**
 * Orders entity summaries for lists: coded regions by code, then the rest by name, then id.
 * @example sorted children of 从江县: 丙妹镇 (code …101) before 贯洞镇 (code …102)
 */
export function compareSummaries(a: EntitySummary, b: EntitySummary): number {
  if (a.code && b.code) return compareText(a.code, b.code) || compareText(a.id, b.id);
  if (a.code) return -1;
  if (b.code) return 1;
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** Orders relation views by type, source name, target name, id. */
export function compareRelationViews(a: RelationView, b: RelationView): number {
  return (
    compareText(a.type, b.type) ||
    compareText(a.source.name, b.source.name) ||
    compareText(a.target.name, b.target.name) ||
    compareText(a.id, b.id)
  );
}

/** Orders subgraph edges by id. */
export function compareEdges(a: SubgraphEdge, b: SubgraphEdge): number {
  return compareText(a.id, b.id);
}

/** Orders nodes by id (subgraphs). */
export function compareById(a: { id: string }, b: { id: string }): number {
  return compareText(a.id, b.id);
}

/** Orders documents by path, then id. */
export function compareDocuments(a: DocumentSummary, b: DocumentSummary): number {
  return compareText(a.path, b.path) || compareText(a.id, b.id);
}

/**
 * Identity of a piece of evidence: the same span of the same document is the same evidence,
 * whichever extractor found it.
 * @example evidenceKey({ documentId: 'doc:1', start: 3, end: 20, … }) // 'doc:1|3|20'
 */
export function evidenceKey(evidence: Pick<Evidence, 'documentId' | 'start' | 'end'>): string {
  return `${evidence.documentId}|${evidence.start}|${evidence.end}`;
}

/** Identity of a mention: entity, document and span. */
export function mentionKey(mention: Pick<Mention, 'entityId' | 'documentId' | 'start' | 'end'>): string {
  return `${mention.entityId}|${mention.documentId}|${mention.start}|${mention.end}`;
}

/**
 * Unions evidence lists, keeping the first copy of each span, in order.
 * @param existing - evidence already stored
 * @param incoming - evidence being written
 */
export function unionEvidence(existing: readonly Evidence[], incoming: readonly Evidence[]): Evidence[] {
  const seen = new Set(existing.map(evidenceKey));
  const out = [...existing];
  for (const item of incoming) {
    const key = evidenceKey(item);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/**
 * Aliases in canonical order (code units), so answers do not depend on the order documents were loaded.
 * @example canonicalAliases(['從江縣', '从江']) // ['从江', '從江縣']
 */
export function canonicalAliases(aliases: readonly string[]): string[] {
  return [...aliases].sort(compareText);
}

/**
 * A GraphBatch in canonical order: items by id (mentions by document, span, entity), evidence by span,
 * aliases sorted. Exports use it, so the same graph loaded in any order exports byte for byte alike.
 * @example canonicalBatch(await store.exportBatch()).entities[0].id // 'Company:…' before 'region:…'
 */
export function canonicalBatch(batch: GraphBatch): GraphBatch {
  return {
    documents: [...batch.documents].sort(compareById),
    entities: batch.entities
      .map((entity) => ({ ...entity, aliases: canonicalAliases(entity.aliases) }))
      .sort(compareById),
    relations: batch.relations
      .map((relation) => ({ ...relation, evidence: [...relation.evidence].sort(compareEvidence) }))
      .sort(compareById),
    mentions: [...batch.mentions].sort(
      (a, b) =>
        compareText(a.documentId, b.documentId) ||
        a.start - b.start ||
        a.end - b.end ||
        compareText(a.entityId, b.entityId),
    ),
  };
}

/** Orders evidence by document, then span. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return compareText(a.documentId, b.documentId) || a.start - b.start || a.end - b.end;
}

/**
 * Merges a re-written entity into the stored one, the same whatever order documents arrive in (so
 * shards load in any order to the same graph): a different name is kept as an alias, aliases are
 * unioned, and where two writes give different code/parent values the smaller one (by code point
 * order) wins — a commutative rule the Neo4j MERGE statement applies too.
 * @param stored - the entity already in the store, if any
 * @param incoming - the entity being written
 * @example mergeEntity({ name: '从江', aliases: [] …}, { name: '从江县', aliases: ['從江縣'] …}).aliases // ['从江', '從江縣']
 */
export function mergeEntity(stored: Entity | undefined, incoming: Entity): Entity {
  const base = stored ? [...stored.aliases, ...(stored.name !== incoming.name ? [stored.name] : [])] : [];
  const aliases: string[] = [];
  for (const alias of [...base, ...incoming.aliases]) {
    if (alias !== incoming.name && !aliases.includes(alias)) aliases.push(alias);
  }
  const merged: Entity = { id: incoming.id, type: incoming.type, name: incoming.name, aliases };
  const code = smaller(incoming.code, stored?.code);
  const parentCode = smaller(incoming.parentCode, stored?.parentCode);
  const parent = smaller(incoming.parent, stored?.parent);
  if (code !== undefined) merged.code = code;
  if (parentCode !== undefined) merged.parentCode = parentCode;
  if (parent !== undefined) merged.parent = parent;
  return merged;
}

/** The defined one of two optional strings, or the smaller of two (commutative and associative). */
function smaller(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareText(a, b) <= 0 ? a : b;
}

/**
 * Merges the numbers two writes state for one relation: per key the larger value. Progress reports
 * restate cumulative figures (people trained, funds) that grow over time, so the largest is the most
 * recent; each evidence sentence still shows its own figure. Being a maximum, the result does not
 * depend on the order documents are written in.
 * @example mergeProperties({ mu: 5000 }, { mu: 6200, households: 80 }) // { mu: 6200, households: 80 }
 */
export function mergeProperties(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> {
  const merged: Record<string, number> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prior = merged[key];
    if (prior === undefined || value > prior) merged[key] = value;
  }
  return merged;
}

/**
 * Merges the entities, relations and mentions of one batch that share an id, so each store writes
 * each item once (Neo4j's UNWIND MERGE and the embedded map then see one row per key).
 * @param items - rows with an `id`
 * @param merge - how two rows with the same id combine
 */
export function mergeById<T extends { id: string }>(items: readonly T[], merge: (a: T, b: T) => T): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const prior = byId.get(item.id);
    byId.set(item.id, prior ? merge(prior, item) : item);
  }
  return [...byId.values()];
}
