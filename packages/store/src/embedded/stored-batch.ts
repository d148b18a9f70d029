/**
 * Stored batch
 *
 * The compact form in which the embedded store writes a GraphBatch to disk (snapshot lines and journal
 * entries). Most of a graph's bytes are text said twice: every evidence row repeats its sentence and
 * every mention its surface, although both are a slice of the document text the store keeps anyway.
 * So a stored evidence row or mention leaves its text out when the document's text, sliced at its
 * offsets, gives it back (it keeps it when the document has no stored text or the slice differs), and
 * mentions are grouped by document as `[entityId, start, end, surface?]` tuples instead of objects
 * repeating four keys. Decoding restores exactly the GraphBatch that was encoded.
 */
import { z } from 'zod';
import {
  DocumentSchema,
  EntitySchema,
  EvidenceSchema,
  RelationSchema,
  type Evidence,
  type GraphBatch,
  type Mention,
  type Relation,
} from '@fupin/graph-schema';

/** The text of a document by id, where the store has it (batch first, then what is stored). */
export type TextOf = (documentId: string) => string | undefined;

const offset = z.number().int().nonnegative();

/** An evidence row whose `sentence` may be left out (then it is the document text's slice). */
const StoredEvidenceSchema = EvidenceSchema.extend({ sentence: z.string().optional() });

const StoredRelationSchema = RelationSchema.extend({ evidence: z.array(StoredEvidenceSchema) });

/** `[entityId, start, end]`, or with the surface when it is not the document text's slice. */
const StoredMentionSchema = z.union([
  z.tuple([z.string().min(1), offset, offset]),
  z.tuple([z.string().min(1), offset, offset, z.string()]),
]);

/** Mentions of one document: `[documentId, mentions]`. */
const StoredMentionGroupSchema = z.tuple([z.string().min(1), z.array(StoredMentionSchema)]);

/** A GraphBatch in stored form; every part may be absent (a snapshot line holds one kind of item). */
export const StoredBatchSchema = z.object({
  documents: z.array(DocumentSchema).optional(),
  entities: z.array(EntitySchema).optional(),
  relations: z.array(StoredRelationSchema).optional(),
  mentions: z.array(StoredMentionGroupSchema).optional(),
});

export type StoredBatch = z.infer<typeof StoredBatchSchema>;
type StoredEvidence = z.infer<typeof StoredEvidenceSchema>;
type StoredMention = z.infer<typeof StoredMentionSchema>;

/**
 * The text of a stored span: the document text's slice when it equals `text`.
 * @example sliceMatches('台江县与宁波市结对', 0, 3, '台江县') // true
 */
export function sliceMatches(documentText: string | undefined, start: number, end: number, text: string): boolean {
  return documentText !== undefined && end - start === text.length && documentText.startsWith(text, start);
}

/**
 * Encodes evidence rows, leaving out sentences the document text gives back.
 * @example encodeEvidence([{ documentId: 'doc:1', sentence: '苏州市帮扶从江县', start: 0, end: 8, extractor: 'cooperation' }], () => '苏州市帮扶从江县。')
 * // [{ documentId: 'doc:1', start: 0, end: 8, extractor: 'cooperation' }]
 */
export function encodeEvidence(evidence: readonly Evidence[], textOf: TextOf): StoredEvidence[] {
  return evidence.map((item) => {
    if (!sliceMatches(textOf(item.documentId), item.start, item.end, item.sentence)) return item;
    return { documentId: item.documentId, start: item.start, end: item.end, extractor: item.extractor };
  });
}

/**
 * Encodes mentions grouped by document, in the order of their first appearance.
 * @example encodeMentions([{ entityId: 'region:522633000000', documentId: 'doc:1', surface: '从江县', start: 0, end: 3 }], () => '从江县')
 * // [['doc:1', [['region:522633000000', 0, 3]]]]
 */
export function encodeMentions(mentions: Iterable<Mention>, textOf: TextOf): [string, StoredMention[]][] {
  const groups = new Map<string, StoredMention[]>();
  for (const mention of mentions) {
    let group = groups.get(mention.documentId);
    if (!group) {
      group = [];
      groups.set(mention.documentId, group);
    }
    group.push(
      sliceMatches(textOf(mention.documentId), mention.start, mention.end, mention.surface)
        ? [mention.entityId, mention.start, mention.end]
        : [mention.entityId, mention.start, mention.end, mention.surface],
    );
  }
  return [...groups];
}

/**
 * Encodes a whole batch (documents keep their text: the text is what the other parts are sliced from).
 * @param batch - a validated GraphBatch
 * @param storedText - text of documents already in the store, for evidence pointing at them
 * @example encodeBatch({ documents: [台江县报告], entities: [台江县], relations: [], mentions: [台江县@0] }, () => undefined).mentions // [['doc:1', [['region:522630000000', 0, 3]]]]
 */
export function encodeBatch(batch: GraphBatch, storedText: TextOf): StoredBatch {
  const textOf = withBatchTexts(batch.documents, storedText);
  return {
    documents: batch.documents,
    entities: batch.entities,
    relations: batch.relations.map((relation) => ({
      ...relation,
      evidence: encodeEvidence(relation.evidence, textOf),
    })),
    mentions: encodeMentions(batch.mentions, textOf),
  };
}

/**
 * Decodes a stored batch back into the GraphBatch it was encoded from.
 * @param stored - a validated StoredBatch
 * @param storedText - text of documents already in the store when the batch was encoded
 * @returns the GraphBatch, or an error message naming the first item that cannot be restored
 * @example decodeBatch(encodeBatch(batch, () => undefined), () => undefined) // equal to batch (sentences and surfaces sliced back)
 */
export function decodeBatch(stored: StoredBatch, storedText: TextOf): GraphBatch | string {
  const documents = stored.documents ?? [];
  const textOf = withBatchTexts(documents, storedText);
  const relations: Relation[] = [];
  for (const relation of stored.relations ?? []) {
    const evidence: Evidence[] = [];
    for (const item of relation.evidence) {
      const sentence = item.sentence ?? textOf(item.documentId)?.slice(item.start, item.end);
      if (sentence === undefined)
        return `relation ${relation.id} has evidence without sentence in ${item.documentId}, which has no text`;
      evidence.push({
        documentId: item.documentId,
        sentence,
        start: item.start,
        end: item.end,
        extractor: item.extractor,
      });
    }
    relations.push({ ...relation, evidence });
  }
  const mentions: Mention[] = [];
  for (const [documentId, group] of stored.mentions ?? []) {
    const text = textOf(documentId);
    for (const [entityId, start, end, given] of group) {
      const surface = given ?? text?.slice(start, end);
      if (surface === undefined) return `mention of ${entityId} without surface in ${documentId}, which has no text`;
      mentions.push({ entityId, documentId, surface, start, end });
    }
  }
  return { documents, entities: stored.entities ?? [], relations, mentions };
}

function withBatchTexts(documents: readonly { id: string; text?: string }[], storedText: TextOf): TextOf {
  if (documents.length === 0) return storedText;
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  return (id) => (texts.has(id) ? texts.get(id) : storedText(id));
}
