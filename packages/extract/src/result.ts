/**
 * Extraction result (FORMAT.md)
 *
 * Turns per-document GraphBatches into the JSON shape `fupin extract --json` prints and
 * shared/eval/score.mjs scores: per document, entities by canonical name with the surface forms the
 * text uses (traditional ones included) and relations by endpoint names with one evidence quote each.
 */
import { basename, extname } from 'node:path';
import {
  ExtractionResultSchema,
  type ExtractionResult,
  type GraphBatch,
  type ResultDocument,
  type ResultEntity,
  type ResultRelation,
} from '@fupin/graph-schema';

/**
 * Builds the FORMAT.md result of documents already extracted.
 * @param docs - each document's path and its batch (from `Extractor.extract`, or a merged batch)
 * @param errors - files that failed, reported alongside
 * @example toExtractionResult([{ path: 'reports/从江.txt', batch }]).documents[0].entities[0] // { type: 'County', name: '从江县', aliases: ['從江縣'], parent: '黔东南苗族侗族自治州', code: '522633000000' }
 */
export function toExtractionResult(
  docs: readonly { path: string; batch: GraphBatch }[],
  errors?: { file: string; code: string; message: string }[],
): ExtractionResult {
  const documents = docs.map(({ path, batch }) => resultDocument(path, batch));
  return ExtractionResultSchema.parse(errors?.length ? { documents, errors } : { documents });
}

function resultDocument(path: string, batch: GraphBatch): ResultDocument {
  const file = basename(path);
  const doc = batch.documents.find((d) => d.path === path) ?? batch.documents[0];
  const docId = doc?.id;
  const single = batch.documents.length <= 1;
  const inDoc = (documentId: string): boolean => single || documentId === docId;

  const relations = batch.relations.filter((r) => r.evidence.some((e) => inDoc(e.documentId)));
  const wanted = new Set<string>();
  const surfaces = new Map<string, string[]>();
  for (const m of batch.mentions) {
    if (!inDoc(m.documentId)) continue;
    wanted.add(m.entityId);
    const list = surfaces.get(m.entityId) ?? [];
    if (!list.includes(m.surface)) list.push(m.surface);
    surfaces.set(m.entityId, list);
  }
  for (const r of relations) {
    wanted.add(r.source);
    wanted.add(r.target);
  }
  const entities = batch.entities.filter((e) => single || wanted.has(e.id));
  const names = new Map(batch.entities.map((e) => [e.id, e.name]));

  const resultEntities: ResultEntity[] = entities.map((e) => {
    const aliases: string[] = [];
    for (const a of [...(surfaces.get(e.id) ?? []), ...e.aliases])
      if (a && a !== e.name && !aliases.includes(a)) aliases.push(a);
    const out: ResultEntity = { type: e.type, name: e.name, aliases };
    if (e.parent) out.parent = e.parent;
    if (e.code) out.code = e.code;
    return out;
  });
  const resultRelations: ResultRelation[] = [];
  for (const r of relations) {
    const ev = r.evidence.find((e) => inDoc(e.documentId));
    const source = names.get(r.source);
    const target = names.get(r.target);
    if (!ev || !source || !target) continue;
    const out: ResultRelation = {
      type: r.type,
      source,
      target,
      evidence: ev.sentence,
      offsets: { start: ev.start, end: ev.end },
    };
    if (Object.keys(r.properties).length) out.properties = r.properties;
    resultRelations.push(out);
  }
  const result: ResultDocument = {
    id: basename(file, extname(file)),
    file,
    entities: resultEntities,
    relations: resultRelations,
  };
  if (doc?.title) result.title = doc.title;
  if (doc?.date) result.date = doc.date;
  return result;
}
