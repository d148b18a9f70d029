/**
 * GraphStore interface
 *
 * The one contract both stores (EmbeddedStore on graphology, Neo4jStore on a real Neo4j) fulfil:
 * idempotent writes of GraphBatches, document replacement for incremental ingest, and the typed query
 * API that the CLI, the HTTP server and `fupin ask` use. The shared test suite runs against both.
 */
import type {
  Document,
  DocumentSummary,
  Entity,
  EntityDetail,
  EntitySummary,
  EntityType,
  GraphBatch,
  GraphStats,
  RelationType,
  RelationView,
  Subgraph,
} from '@fupin/graph-schema';

export type {
  DocumentSummary,
  EntityDetail,
  EntitySummary,
  GraphStats,
  RelationView,
  Subgraph,
  SubgraphEdge,
} from '@fupin/graph-schema';

/** Filters for `subgraph`. */
export interface SubgraphFilter {
  types?: EntityType[];
  relationTypes?: RelationType[];
  /** Keep only regions and the ASSISTS / LABOR_COOPERATION / SALES_OUTLET_IN links between them. */
  cooperation?: boolean;
  /** Keep only entities mentioned in documents dated in this year. */
  year?: number;
  limit?: number;
}

/** What a write did. */
export interface WriteSummary {
  documents: number;
  entities: number;
  relations: number;
  mentions: number;
}

/** Options of `GraphStore.write`. */
export interface WriteOptions {
  /** Document ids to remove after the batch is written (ids the batch itself holds are kept). */
  replaceDocuments?: readonly string[];
}

/** The storage and query contract both stores implement. */
export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /** Opens the store (creates schema/constraints; loads the file lazily). */
  init(): Promise<void>;
  close(): Promise<void>;
  /** sha256 of every stored document, by path (for skipping unchanged files). */
  documentHashes(): Promise<Map<string, string>>;
  /**
   * Merges a batch: entities by id, relations by id with evidence unioned, never duplicated.
   * `replaceDocuments` lists old versions of changed files to remove once the batch is stored, in the
   * same save (embedded) so an incremental ingest pays one write, not one per changed file.
   */
  write(batch: GraphBatch, options?: WriteOptions): Promise<WriteSummary>;
  /** Removes a document, its mentions and its evidence; entities and relations left with none go too. */
  removeDocument(documentId: string): Promise<void>;
  document(documentId: string): Promise<Document | null>;
  documents(): Promise<DocumentSummary[]>;

  /** Names and aliases containing `text` (simplified or traditional); exact matches first. */
  search(text: string, options?: { types?: EntityType[]; limit?: number }): Promise<EntitySummary[]>;
  entity(id: string): Promise<EntityDetail | null>;
  neighbours(id: string, depth: number, relationTypes?: RelationType[]): Promise<Subgraph>;
  /** East-west links (ASSISTS, LABOR_COOPERATION, SALES_OUTLET_IN) in both directions. */
  partners(regionId: string): Promise<RelationView[]>;
  programsOf(regionId: string): Promise<RelationView[]>;
  companiesIn(regionId: string): Promise<RelationView[]>;
  industriesOf(regionId: string): Promise<RelationView[]>;
  /** Regions whose parent is this region (administrative tree), from LOCATED_IN and codes. */
  children(regionId: string): Promise<EntitySummary[]>;
  /** Shortest undirected path over relations; null when unconnected. */
  shortestPath(fromId: string, toId: string): Promise<Subgraph | null>;
  subgraph(filter: SubgraphFilter): Promise<Subgraph>;
  stats(): Promise<GraphStats>;
  /** Every stored document, entity, relation and mention as one GraphBatch (JSON export, backups). */
  exportBatch(): Promise<GraphBatch>;
}

export type { Entity };
