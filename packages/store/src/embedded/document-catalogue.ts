/**
 * Document catalogue
 *
 * `fupin ingest` first asks which files the store already holds (path and hash of every document), and
 * a re-ingest of an archive with few changes should not have to load the whole graph to find out. The
 * catalogue is that list, kept beside the snapshot (`graph.json.documents`) together with the stamps of
 * the snapshot and journal it describes and the journal position it was taken at. It is only a cache:
 * it is trusted when both stamps still match, and otherwise ignored (the graph is then loaded and the
 * catalogue written again). So it needs no fsync, only an atomic rename.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { DocumentSchema, type Document } from '@fupin/graph-schema';
import type { FileStamp } from './graph-file.js';
import type { JournalPosition } from './graph-journal.js';

/** A document without its text. */
export type DocumentMeta = Omit<Document, 'text'>;

/** What the catalogue says, and which files it says it of. */
export interface Catalogue {
  snapshot: FileStamp | null;
  journalStamp: FileStamp | null;
  generation: number;
  journal: JournalPosition;
  documents: Map<string, DocumentMeta>;
}

const StampSchema = z.object({ mtimeMs: z.number(), size: z.number(), ino: z.number() }).nullable();

const CatalogueFileSchema = z.object({
  format: z.literal('fupin-documents'),
  version: z.literal(1),
  snapshot: StampSchema,
  journalStamp: StampSchema,
  generation: z.number().int().nonnegative(),
  journal: z.object({ validBytes: z.number().int().nonnegative(), current: z.boolean() }),
  documents: z.array(DocumentSchema.omit({ text: true })),
});

/** The catalogue file of a snapshot path. * @example cataloguePath('.fupin/graph.json') // '.fupin/graph.json.documents'
 */
export function cataloguePath(snapshotPath: string): string {
  return `${snapshotPath}.documents`;
}

/**
 * Reads the catalogue; null when it is missing, unreadable or not a catalogue (it is only a cache).
 * @param path - e.g. `.fupin/graph.json.documents`
 * @example (await readCatalogue('.fupin/graph.json.documents'))?.documents.get('doc:1') // { id: 'doc:1', path: '威宁县/2023.txt', … }
 */
export async function readCatalogue(path: string): Promise<Catalogue | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
  const parsed = CatalogueFileSchema.safeParse(json);
  if (!parsed.success) return null;
  const { snapshot, journalStamp, generation, journal, documents } = parsed.data;
  return { snapshot, journalStamp, generation, journal, documents: new Map(documents.map((d) => [d.id, d])) };
}

/**
 * Writes the catalogue (temp file + rename; a failure only costs the next reader a full load).
 * @param path - e.g. `.fupin/graph.json.documents`
 * @example await writeCatalogue('.fupin/graph.json.documents', { …, documents: new Map([['doc:1', { id: 'doc:1', path: '台江县.txt', … }]]) })
 */
export async function writeCatalogue(path: string, catalogue: Catalogue): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const body = JSON.stringify({
    format: 'fupin-documents',
    version: 1,
    snapshot: catalogue.snapshot,
    journalStamp: catalogue.journalStamp,
    generation: catalogue.generation,
    journal: catalogue.journal,
    documents: [...catalogue.documents.values()],
  });
  try {
    await writeFile(temp, body, 'utf8');
    await rename(temp, path);
  } catch {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * A document's catalogue entry (everything but the text).
 * @example metaOf({ id: 'doc:1', path: '台江县.txt', sha256, chars: 9, text: '台江县发展茶叶产业。' }) // { id: 'doc:1', path: '台江县.txt', sha256, chars: 9 }
 */
export function metaOf(document: Document): DocumentMeta {
  const { text: _text, ...meta } = document;
  return meta;
}
