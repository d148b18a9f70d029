/**
 * @fupin/store
 *
 * The GraphStore interface, its two implementations (EmbeddedStore on graphology, Neo4jStore on a real
 * Neo4j), Chinese question templates and graph exports. Re-exports only.
 */
export * from './graph-store.js';
export * from './query/canonical.js';
export * from './query/validate.js';
export * from './embedded/embedded-store.js';
export * from './neo4j/connection.js';
export * from './neo4j/neo4j-store.js';
export { findWriteClause, plainValue, type CypherResult } from './neo4j/read-only-cypher.js';
export { escapeLucene } from './neo4j/neo4j-queries.js';
export * from './query/ask.js';
export { ASK_TEMPLATES, type AskAnswer, type AskTemplate } from './query/ask-templates.js';
export * from './export/export-graph.js';
export * from './export/neo4j-csv.js';
