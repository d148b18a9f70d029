/**
 * @fupin/graph-schema
 *
 * zod schemas, inferred types, errors and Neo4j constraints shared by every package. Re-exports only.
 */
export * from './vocabulary.js';
export * from './errors.js';
export * from './graph.js';
export * from './extraction-result.js';
export * from './neo4j.js';
export * from './query-results.js';
