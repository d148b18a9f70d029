/**
 * Neo4j writes
 *
 * Batched, idempotent writes: each kind of item goes in `UNWIND $rows AS r MERGE …` statements of a
 * few thousand rows, one transaction per chunk (Neo4j docs, "Performance recommendations": batch with
 * UNWIND instead of one statement per item). Labels cannot be parameters, so entities are grouped by
 * type and written with one statement per label, and relations with one per relation type — both
 * taken from the vocabulary, never from input. The merge rules (aliases, evidence, mentions) are the
 * ones in query/canonical.ts, written in Cypher so two writers never lose each other's updates:
 * each statement first writes a `_lock` property on the node or relationship it merges (Neo4j takes
 * the write lock there, so a concurrent transaction waits and then reads the committed lists) and
 * removes it again before commit.
 */
import {
  ENTITY_TYPES,
  RELATION_TYPES,
  StoreError,
  isRegionType,
  type EntityType,
  type GraphBatch,
  type RelationType,
} from '@fupin/graph-schema';
import type { WriteSummary } from '../graph-store.js';
import { evidenceKey, mergeById, mergeEntity, mergeProperties, searchKeys, unionEvidence } from '../query/canonical.js';
import type { CypherRunner } from './runner.js';

/** Prefix of relation properties that carry numbers from the evidence (`p_funds`). */
export const PROPERTY_PREFIX = 'p_';

const ALL_TYPE_LABELS = [...ENTITY_TYPES, 'Region'].join(':');

function entityStatement(type: EntityType): string {
  const labels = isRegionType(type) ? `${type}:Region` : type;
  return `UNWIND $rows AS r
MERGE (n:Entity {id: r.id})
SET n._lock = true
WITH n, r
WITH n, r, coalesce(n.searchKeys, []) AS oldKeys,
  CASE WHEN n.name IS NULL THEN [] ELSE coalesce(n.aliases, []) + CASE WHEN n.name <> r.name THEN [n.name] ELSE [] END END AS base
REMOVE n:${ALL_TYPE_LABELS}
SET n:${labels}, n.type = r.type, n.name = r.name,
  n.aliases = reduce(acc = [], a IN base + r.aliases | CASE WHEN a = r.name OR a IN acc THEN acc ELSE acc + a END),
  n.code = ${smallerOf('r.code', 'n.code')}, n.parentCode = ${smallerOf('r.parentCode', 'n.parentCode')},
  n.parent = ${smallerOf('r.parent', 'n.parent')},
  n.searchKeys = oldKeys + [k IN r.searchKeys WHERE NOT k IN oldKeys]
WITH n
SET n.searchText = reduce(s = n.name, x IN n.aliases + n.searchKeys | s + ' ' + x)
REMOVE n._lock`;
}

/** Cypher for canonical.ts's `smaller`: the defined one of two values, else the smaller (order-independent). */
function smallerOf(incoming: string, stored: string): string {
  return `CASE WHEN ${incoming} IS NULL THEN ${stored} WHEN ${stored} IS NULL OR ${incoming} < ${stored} THEN ${incoming} ELSE ${stored} END`;
}

function relationStatement(type: RelationType): string {
  return `UNWIND $rows AS r
MATCH (a:Entity {id: r.source}), (b:Entity {id: r.target})
MERGE (a)-[rel:${type}]->(b)
SET rel._lock = true
WITH rel, r
WITH rel, r, coalesce(rel.evidenceKeys, []) AS oldKeys
WITH rel, r, oldKeys, [i IN range(0, size(r.evidenceKeys) - 1) WHERE NOT r.evidenceKeys[i] IN oldKeys] AS fresh
SET rel.id = r.id,
  rel.evidenceKeys = oldKeys + [i IN fresh | r.evidenceKeys[i]],
  rel.evidence = coalesce(rel.evidence, []) + [i IN fresh | r.evidence[i]]
WITH rel, r
// Numbers merge per key by maximum (canonical.ts mergeProperties), so load order never matters;
// dynamic property keys need Neo4j 5.26's SET n[key].
FOREACH (k IN keys(r.properties) |
  SET rel[k] = CASE WHEN rel[k] IS NULL OR rel[k] < r.properties[k] THEN r.properties[k] ELSE rel[k] END)
REMOVE rel._lock`;
}

const DOCUMENT_STATEMENT = `UNWIND $rows AS r
MERGE (d:Document {id: r.id})
SET d.path = r.path, d.sha256 = r.sha256, d.title = r.title, d.date = r.date, d.chars = r.chars, d.text = r.text`;

const MENTION_STATEMENT = `UNWIND $rows AS r
MATCH (e:Entity {id: r.entityId}), (d:Document {id: r.documentId})
MERGE (e)-[m:MENTIONED_IN]->(d)
SET m._lock = true
WITH m, r
WITH m, r, coalesce(m.keys, []) AS old
WITH m, r, old, [i IN range(0, size(r.keys) - 1) WHERE NOT r.keys[i] IN old] AS fresh
SET m.keys = old + [i IN fresh | r.keys[i]],
  m.starts = coalesce(m.starts, []) + [i IN fresh | r.starts[i]],
  m.ends = coalesce(m.ends, []) + [i IN fresh | r.ends[i]],
  m.surfaces = coalesce(m.surfaces, []) + [i IN fresh | r.surfaces[i]]
REMOVE m._lock`;

/** Most document characters sent in one transaction (keeps messages and transaction state small). */
const DOCUMENT_CHARS_PER_TRANSACTION = 4_000_000;

/**
 * Splits document rows into chunks of at most `rows` rows and about `chars` characters of text.
 * @example chunkByText([{ text: '从江县…' }], 2000, 4_000_000) // [[{ text: '从江县…' }]]
 */
export function chunkByText<T extends { text: string | null }>(
  items: readonly T[],
  rows: number,
  chars: number,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const length = item.text?.length ?? 0;
    if (current.length > 0 && (current.length >= rows || size + length > chars)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Writes a validated batch: documents, entities, relations, then mentions.
 * @param runner - the store's runner
 * @param batch - a GraphBatch already parsed by zod
 * @param batchSize - rows per transaction
 * @example await writeBatch(runner, { entities: [从江县, 苏州市], relations: [ASSISTS 苏州市→从江县], … }, 2000)
 */
export async function writeBatch(runner: CypherRunner, batch: GraphBatch, batchSize: number): Promise<WriteSummary> {
  await checkReferences(runner, batch);
  const documents = batch.documents.map((document) => ({
    id: document.id,
    path: document.path,
    sha256: document.sha256,
    title: document.title ?? null,
    date: document.date ?? null,
    chars: document.chars,
    text: document.text ?? null,
  }));
  // Documents carry their full text: cap each transaction by characters as well as by rows.
  for (const chunk of chunkByText(documents, batchSize, DOCUMENT_CHARS_PER_TRANSACTION)) {
    await runner.writeRows(DOCUMENT_STATEMENT, chunk, chunk.length, 'store.write');
  }

  const entities = mergeById(batch.entities, (a, b) => mergeEntity(a, b));
  for (const type of ENTITY_TYPES) {
    const rows = entities
      .filter((entity) => entity.type === type)
      .map((entity) => ({
        id: entity.id,
        type: entity.type,
        name: entity.name,
        aliases: entity.aliases,
        code: entity.code ?? null,
        parentCode: entity.parentCode ?? null,
        parent: entity.parent ?? null,
        searchKeys: searchKeys(entity.name, entity.aliases),
      }));
    if (rows.length > 0) await runner.writeRows(entityStatement(type), rows, batchSize, 'store.write');
  }

  const relations = mergeById(batch.relations, (a, b) => ({
    ...b,
    evidence: unionEvidence(a.evidence, b.evidence),
    properties: mergeProperties(a.properties, b.properties),
  }));
  for (const type of RELATION_TYPES) {
    const rows = relations
      .filter((relation) => relation.type === type)
      .map((relation) => {
        const evidence = unionEvidence([], relation.evidence);
        return {
          id: relation.id,
          source: relation.source,
          target: relation.target,
          evidenceKeys: evidence.map(evidenceKey),
          evidence: evidence.map((item) => JSON.stringify(item)),
          properties: Object.fromEntries(
            Object.entries(relation.properties).map(([key, value]) => [PROPERTY_PREFIX + key, value]),
          ),
        };
      });
    if (rows.length > 0) await runner.writeRows(relationStatement(type), rows, batchSize, 'store.write');
  }

  const byPair = new Map<
    string,
    { entityId: string; documentId: string; keys: string[]; starts: number[]; ends: number[]; surfaces: string[] }
  >();
  for (const mention of batch.mentions) {
    const pair = `${mention.entityId}\u0000${mention.documentId}`;
    let row = byPair.get(pair);
    if (!row) {
      row = {
        entityId: mention.entityId,
        documentId: mention.documentId,
        keys: [],
        starts: [],
        ends: [],
        surfaces: [],
      };
      byPair.set(pair, row);
    }
    const key = `${mention.start}|${mention.end}`;
    if (row.keys.includes(key)) continue;
    row.keys.push(key);
    row.starts.push(mention.start);
    row.ends.push(mention.end);
    row.surfaces.push(mention.surface);
  }
  await runner.writeRows(MENTION_STATEMENT, [...byPair.values()], batchSize, 'store.write');

  return {
    documents: batch.documents.length,
    entities: batch.entities.length,
    relations: batch.relations.length,
    mentions: batch.mentions.length,
  };
}

/** Refuses a batch whose relations or mentions point at entities or documents that exist nowhere. */
async function checkReferences(runner: CypherRunner, batch: GraphBatch): Promise<void> {
  const inBatch = new Set(batch.entities.map((entity) => entity.id));
  const documentsInBatch = new Set(batch.documents.map((document) => document.id));
  const entityIds = new Set<string>();
  for (const relation of batch.relations) {
    for (const end of [relation.source, relation.target]) if (!inBatch.has(end)) entityIds.add(end);
  }
  for (const mention of batch.mentions) if (!inBatch.has(mention.entityId)) entityIds.add(mention.entityId);
  const documentIds = new Set(
    batch.mentions.map((mention) => mention.documentId).filter((id) => !documentsInBatch.has(id)),
  );
  if (entityIds.size === 0 && documentIds.size === 0) return;
  const [row] = await runner.read(
    `RETURN [id IN $entityIds WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS entities,
            [id IN $documentIds WHERE NOT EXISTS { MATCH (:Document {id: id}) }] AS documents`,
    { entityIds: [...entityIds], documentIds: [...documentIds] },
    'store.write',
  );
  const missingEntity = (row?.entities as string[] | undefined)?.[0];
  if (missingEntity) {
    throw new StoreError(
      'STORE_WRITE',
      `store.write: the batch refers to unknown entity ${missingEntity}; expected it in the batch or the store`,
    );
  }
  const missingDocument = (row?.documents as string[] | undefined)?.[0];
  if (missingDocument) {
    throw new StoreError(
      'STORE_WRITE',
      `store.write: mention in unknown document ${missingDocument}; expected it in the batch or the store`,
    );
  }
}

/**
 * Removes a document, its mentions and its evidence; relations left without evidence go, then the
 * entities it touched that have neither mentions nor relations. One transaction.
 * @param documentId - e.g. `doc:3f2a…`
 */
export async function removeDocumentFrom(runner: CypherRunner, documentId: string): Promise<void> {
  await runner.write('store.removeDocument', async (tx) => {
    const mentioned = await tx.run(
      `MATCH (e:Entity)-[m:MENTIONED_IN]->(:Document {id: $id})
       DELETE m
       RETURN collect(DISTINCT e.id) AS touched`,
      { id: documentId },
    );
    const evidence = await tx.run(
      `MATCH (a:Entity)-[rel]->(b:Entity)
       WHERE any(k IN coalesce(rel.evidenceKeys, []) WHERE k STARTS WITH $prefix)
       SET rel._lock = true
       WITH a, b, rel
       WITH a, b, rel, [i IN range(0, size(rel.evidenceKeys) - 1) WHERE NOT rel.evidenceKeys[i] STARTS WITH $prefix] AS keep
       SET rel.evidence = [i IN keep | rel.evidence[i]], rel.evidenceKeys = [i IN keep | rel.evidenceKeys[i]]
       REMOVE rel._lock
       WITH a, b, rel, size(keep) = 0 AS empty
       FOREACH (_ IN CASE WHEN empty THEN [1] ELSE [] END | DELETE rel)
       WITH a, b, empty WHERE empty
       RETURN collect(a.id) + collect(b.id) AS touched`,
      { prefix: `${documentId}|` },
    );
    const touched = [
      ...((mentioned.records[0]?.get('touched') as string[] | undefined) ?? []),
      ...((evidence.records[0]?.get('touched') as string[] | undefined) ?? []),
    ];
    await tx.run('MATCH (d:Document {id: $id}) DETACH DELETE d', { id: documentId });
    await tx.run(
      `UNWIND $ids AS id
       MATCH (n:Entity {id: id})
       WHERE COUNT { (n)--() } = 0
       DELETE n`,
      { ids: [...new Set(touched)] },
    );
  });
}
