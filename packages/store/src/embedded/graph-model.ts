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
import { mentionKey, mergeEntity, mergeProperties, unionEvidence } from '../query/canonical.js';

/** Attributes of a relation edge (endpoints and id are the edge's own). */
export interface RelationAttributes {
  type: RelationType;
  evidence: Evidence[];
  properties: Record<string, number>;
}

/** The graphology graph type the embedded store keeps. */
export type EntityGraph = MultiDirectedGraph<Entity, RelationAttributes>;

/** Documents, entities, relations and mentions in memory, with the indexes queries need. */
export class GraphModel {
  readonly graph: EntityGraph = new MultiDirectedGraph<Entity, RelationAttributes>();
  readonly documents = new Map<string, Document>();
  /** Mentions by document id, then by mention key. */
  readonly mentionsByDocument = new Map<string, Map<string, Mention>>();
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
  write(batch: GraphBatch): WriteSummary {
    this.checkReferences(batch);
    for (const document of batch.documents) this.documents.set(document.id, document);
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
          evidence: unionEvidence(stored.evidence, relation.evidence),
          properties: mergeProperties(stored.properties, relation.properties),
        });
      } else {
        this.graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, {
          type: relation.type,
          evidence: unionEvidence([], relation.evidence),
          properties: { ...relation.properties },
        });
      }
    }
    for (const mention of batch.mentions) this.addMention(mention);
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
      for (const mention of mentions.values()) {
        touched.add(mention.entityId);
        const counts = this.mentionCounts.get(mention.entityId);
        counts?.delete(documentId);
        if (counts && counts.size === 0) this.mentionCounts.delete(mention.entityId);
      }
      this.mentionsByDocument.delete(documentId);
    }
    const dropped: string[] = [];
    this.graph.forEachEdge((edge, attributes, source, target) => {
      if (!attributes.evidence.some((item) => item.documentId === documentId)) return;
      const evidence = attributes.evidence.filter((item) => item.documentId !== documentId);
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
    const relations = this.graph.mapEdges((id, attributes, source, target) => ({
      id,
      type: attributes.type,
      source,
      target,
      evidence: attributes.evidence,
      properties: attributes.properties,
    }));
    const mentions: Mention[] = [];
    for (const byKey of this.mentionsByDocument.values()) mentions.push(...byKey.values());
    return { documents: [...this.documents.values()], entities, relations, mentions };
  }

  /** Number of mentions (spans) stored. */
  mentionTotal(): number {
    let total = 0;
    for (const byKey of this.mentionsByDocument.values()) total += byKey.size;
    return total;
  }

  private addMention(mention: Mention): void {
    let byKey = this.mentionsByDocument.get(mention.documentId);
    if (!byKey) {
      byKey = new Map();
      this.mentionsByDocument.set(mention.documentId, byKey);
    }
    const key = mentionKey(mention);
    if (byKey.has(key)) return;
    byKey.set(key, mention);
    let counts = this.mentionCounts.get(mention.entityId);
    if (!counts) {
      counts = new Map();
      this.mentionCounts.set(mention.entityId, counts);
    }
    counts.set(mention.documentId, (counts.get(mention.documentId) ?? 0) + 1);
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
