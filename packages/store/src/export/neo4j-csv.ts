/**
 * Neo4j import CSV
 *
 * Writes a GraphBatch as the CSV files `neo4j-admin database import full` reads (header format from the
 * Neo4j Operations Manual, "Import": `id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed columns
 * such as `aliases:string[]`). Columns and labels are exactly the Neo4jStore's model (Entity + type
 * label + Region, evidence as JSON strings with their keys, MENTIONED_IN with span lists), so an
 * imported database is one the Neo4jStore can query at once. Arrays use the default `;` delimiter:
 * JSON evidence escapes `;` as `\u003b`, and a `;` inside a name or alias becomes `；`.
 */
import { isRegionType, type GraphBatch } from '@fupin/graph-schema';
import { evidenceKey, searchKeys, searchText } from '../query/canonical.js';

/** The CSV files and their contents, by file name. */
export type CsvFiles = Record<string, string>;

/**
 * Quotes one CSV field (RFC 4180: double quotes, inner quotes doubled).
 * @example csvField('从江县"东"') // '"从江县""东"""'
 */
export function csvField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  return `"${value.replace(/"/g, '""')}"`;
}

function csvArray(values: readonly (string | number)[]): string {
  return csvField(
    values.map((value) => (typeof value === 'number' ? String(value) : value.replace(/;/g, '；'))).join(';'),
  );
}

function row(fields: string[]): string {
  return `${fields.join(',')}\n`;
}

/**
 * Builds nodes.csv, documents.csv, relationships.csv and mentions.csv.
 * @param batch - the whole graph
 * @example neo4jImportCsv(batch)['nodes.csv'].split('\n')[0] // 'id:ID,name,aliases:string[],code,parentCode,parent,type,searchKeys:string[],searchText,:LABEL'
 */
export function neo4jImportCsv(batch: GraphBatch): CsvFiles {
  let nodes = row([
    'id:ID',
    'name',
    'aliases:string[]',
    'code',
    'parentCode',
    'parent',
    'type',
    'searchKeys:string[]',
    'searchText',
    ':LABEL',
  ]);
  for (const entity of batch.entities) {
    const labels = ['Entity', entity.type, ...(isRegionType(entity.type) ? ['Region'] : [])].join(';');
    nodes += row([
      csvField(entity.id),
      csvField(entity.name),
      csvArray(entity.aliases),
      csvField(entity.code),
      csvField(entity.parentCode),
      csvField(entity.parent),
      csvField(entity.type),
      csvArray(searchKeys(entity.name, entity.aliases)),
      csvField(searchText(entity.name, entity.aliases)),
      csvField(labels),
    ]);
  }

  let documents = row(['id:ID', 'path', 'sha256', 'title', 'date', 'chars:long', ':LABEL']);
  for (const document of batch.documents) {
    documents += row([
      csvField(document.id),
      csvField(document.path),
      csvField(document.sha256),
      csvField(document.title),
      csvField(document.date),
      csvField(document.chars),
      csvField('Document'),
    ]);
  }

  const propertyKeys = [...new Set(batch.relations.flatMap((relation) => Object.keys(relation.properties)))].sort();
  let relationships = row([
    ':START_ID',
    ':END_ID',
    ':TYPE',
    'id',
    'evidence:string[]',
    'evidenceKeys:string[]',
    ...propertyKeys.map((key) => `p_${key}:double`),
  ]);
  for (const relation of batch.relations) {
    relationships += row([
      csvField(relation.source),
      csvField(relation.target),
      csvField(relation.type),
      csvField(relation.id),
      csvField(relation.evidence.map((item) => JSON.stringify(item).replace(/;/g, '\\u003b')).join(';')),
      csvArray(relation.evidence.map(evidenceKey)),
      ...propertyKeys.map((key) => csvField(relation.properties[key])),
    ]);
  }

  const byPair = new Map<
    string,
    { entityId: string; documentId: string; spans: { start: number; end: number; surface: string }[] }
  >();
  for (const mention of batch.mentions) {
    const pair = `${mention.entityId}\u0000${mention.documentId}`;
    const entry = byPair.get(pair) ?? { entityId: mention.entityId, documentId: mention.documentId, spans: [] };
    entry.spans.push(mention);
    byPair.set(pair, entry);
  }
  let mentions = row([
    ':START_ID',
    ':END_ID',
    ':TYPE',
    'keys:string[]',
    'starts:long[]',
    'ends:long[]',
    'surfaces:string[]',
  ]);
  for (const entry of byPair.values()) {
    mentions += row([
      csvField(entry.entityId),
      csvField(entry.documentId),
      csvField('MENTIONED_IN'),
      csvArray(entry.spans.map((span) => `${span.start}|${span.end}`)),
      csvArray(entry.spans.map((span) => span.start)),
      csvArray(entry.spans.map((span) => span.end)),
      csvArray(entry.spans.map((span) => span.surface)),
    ]);
  }
  return {
    'nodes.csv': nodes,
    'documents.csv': documents,
    'relationships.csv': relationships,
    'mentions.csv': mentions,
  };
}

/**
 * The neo4j-admin command that imports the files (into a stopped, empty database).
 * @example neo4jImportCommand('out') // 'neo4j-admin database import full --nodes=out/nodes.csv …'
 */
export function neo4jImportCommand(dir: string): string {
  return (
    `neo4j-admin database import full --nodes=${dir}/nodes.csv --nodes=${dir}/documents.csv ` +
    `--relationships=${dir}/relationships.csv --relationships=${dir}/mentions.csv --overwrite-destination neo4j`
  );
}
