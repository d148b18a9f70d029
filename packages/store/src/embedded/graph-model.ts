/**
 * Embedded graph model
 *
 * The in-memory state of the EmbeddedStore: a graphology MultiDirectedGraph (nodes keyed by entity id,
 * edges keyed by relation id, so two relation types between the same pair coexist), the documents with
 * their text, and the mentions indexed by document and by entity. Writing merges exactly as the Neo4j
 * store's MERGE statements do (rules in query/canonical.ts); removing a document takes its mentions and
 * evidence and then whatever they alone kept alive. Persistence and locking live in graph-file.ts.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  StoreError,
  type Document,
  type Entity,
  type Evidence,
  type GraphBatch,
  type Mention,
  type RelationType,
} from '@fupin/graph-schema';
import type { WriteSummary } from '../graph-store.js';
import { mergeEntity, mergeProperties } from '../query/canonical.js';
import { DocumentMentions, mentionSpanKey } from './document-mentions.js';
import {
  citesDocument,
  evidenceOf,
  freezeSentences,
  storedEvidence,
  unionEvidenceRows,
  withoutDocument,
  type EvidenceRows,
} from './evidence-rows.js';
import { sliceMatches, type StoredBatch } from './stored-batch.js';

/** Items per snapshot line: small enough to stream, large enough to keep lines few. */
const LINE_ITEMS = { documents: 64, entities: 2000, relations: 1000, mentionDocuments: 64 };

/** Attributes of a relation edge (endpoints and id are the edge's own). */
export interface RelationAttributes {
  type: RelationType;
  /** Evidence in compact rows (evidence-rows.ts); `evidenceOf` gives the Evidence objects. */
  evidence: EvidenceRows;
  properties: Record<string, number>;
}

/** The graphology graph type the embedded store keeps. */
export type EntityGraph = MultiDirectedGraph<Entity, RelationAttributes>;

/** Documents, entities, relations and mentions in memory, with the indexes queries need. */
export class GraphModel {
  readonly graph: EntityGraph = new MultiDirectedGraph<Entity, RelationAttributes>();
  readonly documents = new Map<string, Document>();
  /** Mentions by document id. */
  readonly mentionsByDocument = new Map<string, DocumentMentions>();
  /** One string instance per id and extractor name, shared by every row that repeats it. */
  private readonly interned = new Map<string, string>();
  /** For each entity, how many mentions each document has of it. */
  readonly mentionCounts = new Map<string, Map<string, number>>();
  /** Bumped on every change, so derived indexes know when to rebuild. */
  version = 0;

  /**
   * Builds a model from a GraphBatch (a loaded file).
   * @param batch - a validated GraphBatch
   */
  static fromBatch(batch: GraphBatch): GraphModel {
    const model = new GraphModel();
    model.write(batch);
    return model;
  }

  /**
   * Merges a batch: documents replaced by id, entities merged, relations merged with evidence
   * unioned, mentions deduplicated by span. All references are checked before anything changes.
   * @param batch - a validated GraphBatch
   * @example model.write({ documents: [], entities: [从江县, 苏州市], relations: [ASSISTS 苏州市→从江县], mentions: [] })
   */
  write(batch: GraphBatch, options: { unique?: boolean } = {}): WriteSummary {
    // `unique`: the batch is a snapshot line, written from a model, so its rows are already deduplicated.
    const unique = options.unique === true;
    this.checkReferences(batch);
    for (const document of batch.documents) {
      const id = this.intern(document.id);
      const old = this.documents.get(id);
      // Surfaces are sliced from the text: keep them as strings if the text changes.
      if (old && old.text !== document.text) {
        this.mentionsByDocument.get(id)?.freezeSurfaces(old.text);
        this.graph.forEachEdge((_edge, attributes) => freezeSentences(attributes.evidence, id, old.text));
      }
      this.documents.set(id, document);
    }
    for (const entity of batch.entities) {
      if (this.graph.hasNode(entity.id)) {
        this.graph.replaceNodeAttributes(entity.id, mergeEntity(this.graph.getNodeAttributes(entity.id), entity));
      } else {
        this.graph.addNode(entity.id, mergeEntity(undefined, entity));
      }
    }
    for (const relation of batch.relations) {
      if (this.graph.hasEdge(relation.id)) {
        const stored = this.graph.getEdgeAttributes(relation.id);
        this.graph.replaceEdgeAttributes(relation.id, {
          type: relation.type,
          evidence: this.unionEvidence(stored.evidence, relation.evidence),
          properties: mergeProperties(stored.properties, relation.properties),
        });
      } else {
        this.graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, {
          type: relation.type,
          evidence: this.unionEvidence([], relation.evidence, unique),
          properties: { ...relation.properties },
        });
      }
    }
    const seen = unique ? null : new Map<string, Set<string>>();
    for (const mention of batch.mentions) this.addMention(mention, seen);
    this.version++;
    return {
      documents: batch.documents.length,
      entities: batch.entities.length,
      relations: batch.relations.length,
      mentions: batch.mentions.length,
    };
  }

  /**
   * Removes a document, its mentions and its evidence; relations that lose their last evidence go,
   * then entities it touched that are left with no mentions and no relations.
   * @param documentId - e.g. `doc:3f2a…`
   * @returns whether the document existed
   */
  removeDocument(documentId: string): boolean {
    const existed = this.documents.delete(documentId);
    const touched = new Set<string>();
    const mentions = this.mentionsByDocument.get(documentId);
    if (mentions) {
      for (const entityId of mentions.entities()) {
        touched.add(entityId);
        const counts = this.mentionCounts.get(entityId);
        counts?.delete(documentId);
        if (counts && counts.size === 0) this.mentionCounts.delete(entityId);
      }
      this.mentionsByDocument.delete(documentId);
    }
    const dropped: string[] = [];
    this.graph.forEachEdge((edge, attributes, source, target) => {
      if (!citesDocument(attributes.evidence, documentId)) return;
      const evidence = withoutDocument(attributes.evidence, documentId);
      if (evidence.length === 0) {
        dropped.push(edge);
        touched.add(source);
        touched.add(target);
      } else {
        attributes.evidence = evidence;
      }
    });
    for (const edge of dropped) this.graph.dropEdge(edge);
    for (const id of touched) {
      if (this.graph.hasNode(id) && !this.mentionCounts.has(id) && this.graph.degree(id) === 0) {
        this.graph.dropNode(id);
      }
    }
    this.version++;
    return existed || touched.size > 0;
  }

  /** Every stored item as one GraphBatch (what the file holds and `export --format json` prints). */
  toBatch(): GraphBatch {
    const entities = this.graph.mapNodes((_id, attributes) => attributes);
    const textOf = (id: string): string | undefined => this.textOf(id);
    const relations = this.graph.mapEdges((id, attributes, source, target) => ({
      id,
      type: attributes.type,
      source,
      target,
      evidence: evidenceOf(attributes.evidence, textOf),
      properties: attributes.properties,
    }));
    const mentions: Mention[] = [];
    for (const [documentId, table] of this.mentionsByDocument) {
      for (const mention of table.rows(documentId, this.textOf(documentId))) mentions.push(mention);
    }
    return { documents: [...this.documents.values()], entities, relations, mentions };
  }

  /** The stored text of a document, if any (what evidence sentences and mention surfaces are sliced from). */
  textOf(documentId: string): string | undefined {
    return this.documents.get(documentId)?.text;
  }

  /**
   * The whole model as stored batches of one kind of item each, in the order a load must apply them
   * (documents, entities, relations, mentions): what a snapshot holds, one line per batch.
   */
  *storedBatches(): Generator<StoredBatch> {
    yield* chunked(this.documents.values(), LINE_ITEMS.documents, (documents) => ({ documents }));
    yield* chunked(this.graph.nodeEntries(), LINE_ITEMS.entities, (nodes) => ({
      entities: nodes.map((node) => node.attributes),
    }));
    yield* chunked(this.graph.edgeEntries(), LINE_ITEMS.relations, (edges) => ({
      relations: edges.map(({ edge, attributes, source, target }) => ({
        id: edge,
        type: attributes.type,
        source,
        target,
        evidence: storedEvidence(attributes.evidence),
        properties: attributes.properties,
      })),
    }));
    yield* chunked(this.mentionsByDocument.entries(), LINE_ITEMS.mentionDocuments, (groups) => ({
      mentions: groups.map(
        ([documentId, table]) => [documentId, table.stored()] as [string, ReturnType<DocumentMentions['stored']>],
      ),
    }));
  }

  /** Number of mentions (spans) stored. */
  mentionTotal(): number {
    let total = 0;
    for (const table of this.mentionsByDocument.values()) total += table.size;
    return total;
  }

  /**
   * Adds a mention unless its document already has it (same span and entity).
   * @param seen - identity keys per document, built on first use within one write and then dropped
   */
  private addMention(incoming: Mention, seen: Map<string, Set<string>> | null): void {
    const documentId = this.intern(incoming.documentId);
    let table = this.mentionsByDocument.get(documentId);
    if (!table) {
      table = new DocumentMentions();
      this.mentionsByDocument.set(documentId, table);
    }
    if (seen) {
      let keys = seen.get(documentId);
      if (!keys) {
        keys = table.keys();
        seen.set(documentId, keys);
      }
      const key = mentionSpanKey(incoming.start, incoming.end, incoming.entityId);
      if (keys.has(key)) return;
      keys.add(key);
    }
    const entityId = this.intern(incoming.entityId);
    const text = this.documents.get(documentId)?.text;
    table.add(
      entityId,
      incoming.start,
      incoming.end,
      sliceMatches(text, incoming.start, incoming.end, incoming.surface) ? undefined : incoming.surface,
    );
    let counts = this.mentionCounts.get(entityId);
    if (!counts) {
      counts = new Map();
      this.mentionCounts.set(entityId, counts);
    }
    counts.set(documentId, (counts.get(documentId) ?? 0) + 1);
  }

  private unionEvidence(rows: EvidenceRows, incoming: readonly Evidence[], unique = false): EvidenceRows {
    return unionEvidenceRows(
      rows,
      incoming,
      unique,
      (id) => this.textOf(id),
      (value) => this.intern(value),
    );
  }

  private intern(value: string): string {
    const known = this.interned.get(value);
    if (known !== undefined) return known;
    this.interned.set(value, value);
    return value;
  }

  private checkReferences(batch: GraphBatch): void {
    const entityIds = new Set(batch.entities.map((entity) => entity.id));
    const documentIds = new Set(batch.documents.map((document) => document.id));
    const hasEntity = (id: string): boolean => entityIds.has(id) || this.graph.hasNode(id);
    for (const relation of batch.relations) {
      for (const end of [relation.source, relation.target]) {
        if (!hasEntity(end)) {
          throw new StoreError(
            'STORE_WRITE',
            `store.write: relation ${relation.id} refers to unknown entity ${end}; expected it in the batch or the store`,
          );
        }
      }
    }
    for (const mention of batch.mentions) {
      if (!hasEntity(mention.entityId)) {
        throw new StoreError(
          'STORE_WRITE',
          `store.write: mention of unknown entity ${mention.entityId}; expected it in the batch or the store`,
        );
      }
      if (!documentIds.has(mention.documentId) && !this.documents.has(mention.documentId)) {
        throw new StoreError(
          'STORE_WRITE',
          `store.write: mention in unknown document ${mention.documentId}; expected it in the batch or the store`,
        );
      }
    }
  }
}

/** Yields `make(items)` for every `size` consecutive items. */
function* chunked<T, R>(items: Iterable<T>, size: number, make: (items: T[]) => R): Generator<R> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield make(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield make(chunk);
}
