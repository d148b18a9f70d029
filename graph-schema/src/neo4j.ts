/**
 * Neo4j schema
 *
 * Constraints and indexes derived from the vocabulary: every entity node carries the `Entity` label
 * and its type label (regions also `Region`), ids are unique per label, and one full-text index
 * covers names and aliases for search. Statements are idempotent (`IF NOT EXISTS`).
 */
import { ENTITY_TYPES } from './vocabulary.js';

/** Node labels the store writes besides the entity type labels. */
export const NEO4J_LABELS = { entity: 'Entity', region: 'Region', document: 'Document' } as const;

/** Name of the full-text index over `name` and `searchText` (aliases joined). */
export const FULLTEXT_INDEX = 'entity_names';

/**
 * Cypher statements that create the constraints and indexes. Run once per database; safe to repeat.
 * @example neo4jSchemaStatements()[0] // 'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE'
 */
export function neo4jSchemaStatements(): string[] {
  const perType = ENTITY_TYPES.map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  return [
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE',
    ...perType,
    'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
    'CREATE INDEX region_code IF NOT EXISTS FOR (n:Region) ON (n.code)',
    'CREATE INDEX document_sha IF NOT EXISTS FOR (n:Document) ON (n.sha256)',
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchText]`,
  ];
}
