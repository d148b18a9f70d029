/**
 * Query results
 *
 * The JSON shapes the query API answers with (GraphStore in @fupin/store, the HTTP API in @fupin/server):
 * defined once here so the web view, which reaches the server over HTTP and imports only this package,
 * reads the very types the stores produce.
 */
import type { Document } from './graph.js';
import type { Evidence } from './graph.js';
import type { EntityType, RelationType } from './vocabulary.js';

/** An entity as queries return it: enough to draw and label a node. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  code?: string;
  parent?: string;
  /** Number of relations (not mentions) touching the entity. */
  degree: number;
}

/** A relation with both endpoints resolved and its evidence. */
export interface RelationView {
  id: string;
  type: RelationType;
  source: EntitySummary;
  target: EntitySummary;
  evidence: Evidence[];
  properties: Record<string, number>;
}

/** A document without its text (lists and panels). */
export type DocumentSummary = Omit<Document, 'text'>;

/** Everything the view's side panel shows for one entity. */
export interface EntityDetail {
  entity: EntitySummary;
  /** Administrative ancestors, nearest first (regions only). */
  parentChain: EntitySummary[];
  relations: RelationView[];
  documents: DocumentSummary[];
}

/** An edge of a subgraph (evidence counted, not carried, to keep payloads small). */
export interface SubgraphEdge {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  evidenceCount: number;
  properties: Record<string, number>;
}

/** Nodes and edges for the web view; `path` lists node ids in order when the subgraph is a path. */
export interface Subgraph {
  nodes: EntitySummary[];
  edges: SubgraphEdge[];
  path?: string[];
}

/** Node and relation counts by type. */
export interface GraphStats {
  documents: number;
  nodes: number;
  relations: number;
  mentions: number;
  nodesByType: Partial<Record<EntityType, number>>;
  relationsByType: Partial<Record<RelationType, number>>;
}
