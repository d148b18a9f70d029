/**
 * Graph model
 *
 * zod schemas, and the types inferred from them, for what the pipeline produces and the stores keep:
 * documents, entities, relations with their evidence, mentions, and the GraphBatch that carries them
 * from extraction to a store. Ids are stable (derived from content, not from counters) so that
 * ingesting the same file twice, or shards in any order, merges into the same graph.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EntityTypeSchema, RelationTypeSchema, type EntityType, type RelationType } from './vocabulary.js';

/** A 12-digit official division code (GB/T 2260 + statistical codes, padded with zeros). */
export const DivisionCodeSchema = z.string().regex(/^\d{12}$/, 'expected a 12-digit division code');

/**
 * Where a statement was found: the sentence as it stands in the ORIGINAL text (traditional script
 * stays traditional) and its character offsets (UTF-16 code units, end exclusive) into that text.
 */
export const EvidenceSchema = z.object({
  documentId: z.string().min(1),
  sentence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  extractor: z.string().min(1),
});

/** A source document. `text` is the extracted original text, kept so the view can show evidence in context. */
export const DocumentSchema = z.object({
  id: z.string().min(1),
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().optional(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  chars: z.number().int().nonnegative(),
  text: z.string().optional(),
});

/** An entity: one canonical thing (a county, a program, a company…) however many times it is named. */
export const EntitySchema = z.object({
  id: z.string().min(1),
  type: EntityTypeSchema,
  name: z.string().min(1),
  aliases: z.array(z.string()),
  code: DivisionCodeSchema.optional(),
  parentCode: DivisionCodeSchema.optional(),
  /** Canonical name of the administrative parent, where known. */
  parent: z.string().optional(),
});

/** Numbers a relation's evidence states (funds in 万元, people trained, jobs…), by property name. */
export const RelationPropertiesSchema = z.record(z.string(), z.number());

/** A directed relation between two entities, with every piece of evidence that supports it. */
export const RelationSchema = z.object({
  id: z.string().min(1),
  type: RelationTypeSchema,
  source: z.string().min(1),
  target: z.string().min(1),
  evidence: z.array(EvidenceSchema),
  properties: RelationPropertiesSchema,
});

/** One place where a document names an entity (the MENTIONED_IN edge, with its span in the original text). */
export const MentionSchema = z.object({
  entityId: z.string().min(1),
  documentId: z.string().min(1),
  surface: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** What extraction hands to a store: everything found in a set of documents. */
export const GraphBatchSchema = z.object({
  documents: z.array(DocumentSchema),
  entities: z.array(EntitySchema),
  relations: z.array(RelationSchema),
  mentions: z.array(MentionSchema),
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type Document = z.infer<typeof DocumentSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type GraphBatch = z.infer<typeof GraphBatchSchema>;

/**
 * Stable entity id: the division code where there is one, else type and canonical name.
 * @param type - entity type
 * @param name - canonical simplified name
 * @param code - official 12-digit code, if known
 * @example entityId('County', '从江县', '522633000000') // 'region:522633000000'
 * @example entityId('Program', '春风行动') // 'Program:春风行动'
 */
export function entityId(type: EntityType, name: string, code?: string): string {
  return code ? `region:${code}` : `${type}:${name}`;
}

/**
 * Stable relation id from its type and endpoints, so the same statement from two documents merges.
 * @example relationId('ASSISTS', 'region:440105000000', 'region:522725000000')
 */
export function relationId(type: RelationType, source: string, target: string): string {
  return `${type}|${source}|${target}`;
}

/**
 * Stable document id from the content hash: the same file under two paths is one document.
 * @param sha256 - hex digest of the file's bytes
 */
export function documentId(sha256: string): string {
  return `doc:${sha256.slice(0, 16)}`;
}

/** Hex SHA-256 of bytes or a string (UTF-8). */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An empty GraphBatch. */
export function emptyBatch(): GraphBatch {
  return { documents: [], entities: [], relations: [], mentions: [] };
}
