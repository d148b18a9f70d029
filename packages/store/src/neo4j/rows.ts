/**
 * Rows read back from Neo4j
 *
 * Cypher map projections for summaries and relations, and the zod schemas that check what comes back
 * before it becomes an EntitySummary or a RelationView (a database edited by hand or by another tool
 * must not slip malformed data into the API). Missing properties arrive as null and are dropped, so the
 * shapes equal the embedded store's.
 */
import { z } from 'zod';
import {
  DivisionCodeSchema,
  DocumentSchema,
  EntityTypeSchema,
  EvidenceSchema,
  RelationTypeSchema,
  parseOrThrow,
  type Evidence,
} from '@fupin/graph-schema';
import type { DocumentSummary, EntitySummary, RelationView, SubgraphEdge } from '../graph-store.js';
import { canonicalAliases, compareEvidence } from '../query/canonical.js';
import { PROPERTY_PREFIX } from './neo4j-writes.js';

/**
 * Cypher map projection of an entity summary for node variable `v`.
 * @example `MATCH (n:Entity) RETURN ${summaryProjection('n')} AS s`
 */
export function summaryProjection(v: string): string {
  return `${v} {.id, .type, .name, .aliases, .code, .parent, degree: COUNT { (${v})--(:Entity) }}`;
}

/** Cypher projection of a relation `rel` from `a` to `b` (summaries of both ends). */
export function relationProjection(rel: string, a: string, b: string): string {
  return `{id: ${rel}.id, type: type(${rel}), properties: properties(${rel}), evidence: ${rel}.evidence,
    source: ${summaryProjection(a)}, target: ${summaryProjection(b)}}`;
}

/** Cypher projection of a subgraph edge. */
export function edgeProjection(rel: string, a: string, b: string): string {
  return `{id: ${rel}.id, type: type(${rel}), source: ${a}.id, target: ${b}.id, evidenceCount: size(coalesce(${rel}.evidence, [])), properties: properties(${rel})}`;
}

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

const SummaryRowSchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  name: z.string(),
  aliases: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  code: nullable(DivisionCodeSchema),
  parent: nullable(z.string()),
  degree: z.number().int(),
});

/**
 * Checks a summary row and drops absent optional fields.
 * @example summaryFromRow({ id: 'region:522633000000', type: 'County', name: '从江县', aliases: [], code: null, parent: null, degree: 3 })
 */
export function summaryFromRow(row: unknown): EntitySummary {
  const parsed = parseOrThrow(SummaryRowSchema, row, 'store.neo4j.read');
  const summary: EntitySummary = {
    id: parsed.id,
    type: parsed.type,
    name: parsed.name,
    aliases: canonicalAliases(parsed.aliases),
    degree: parsed.degree,
  };
  if (parsed.code !== undefined) summary.code = parsed.code;
  if (parsed.parent !== undefined) summary.parent = parsed.parent;
  return summary;
}

/** Relation properties without the store's own fields, prefix removed. */
export function propertiesFromRow(properties: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    if (key.startsWith(PROPERTY_PREFIX) && typeof value === 'number') out[key.slice(PROPERTY_PREFIX.length)] = value;
  }
  return out;
}

/** Parses the JSON evidence list of a relation, in canonical order. */
export function evidenceFromRow(evidence: unknown): Evidence[] {
  const items = parseOrThrow(z.array(z.string()).nullish(), evidence, 'store.neo4j.read') ?? [];
  return items.map((item) => parseOrThrow(EvidenceSchema, JSON.parse(item), 'store.neo4j.read')).sort(compareEvidence);
}

const RelationRowSchema = z.object({ id: z.string(), type: RelationTypeSchema });

/** Builds a RelationView from a relationProjection row. */
export function relationFromRow(row: Record<string, unknown>): RelationView {
  const head = parseOrThrow(RelationRowSchema, row, 'store.neo4j.read');
  return {
    id: head.id,
    type: head.type,
    source: summaryFromRow(row.source),
    target: summaryFromRow(row.target),
    evidence: evidenceFromRow(row.evidence),
    properties: propertiesFromRow(row.properties),
  };
}

const EdgeRowSchema = z.object({
  id: z.string(),
  type: RelationTypeSchema,
  source: z.string(),
  target: z.string(),
  evidenceCount: z.number().int(),
});

/** Builds a SubgraphEdge from an edgeProjection row. */
export function edgeFromRow(row: Record<string, unknown>): SubgraphEdge {
  return { ...parseOrThrow(EdgeRowSchema, row, 'store.neo4j.read'), properties: propertiesFromRow(row.properties) };
}

/** Cypher projection of a document (with or without its text). */
export function documentProjection(v: string, withText: boolean): string {
  return `${v} {.id, .path, .sha256, .title, .date, .chars${withText ? ', .text' : ''}}`;
}

/** Checks a document row and drops absent optional fields. */
export function documentFromRow(row: unknown): DocumentSummary & { text?: string } {
  const cleaned = Object.fromEntries(
    Object.entries(row as Record<string, unknown>).filter(([, value]) => value !== null),
  );
  return parseOrThrow(DocumentSchema, cleaned, 'store.neo4j.read');
}
