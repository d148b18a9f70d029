/**
 * EmbeddedStore
 *
 * The default store: the whole graph in memory (graphology), persisted under the data directory
 * (`--data DIR`, `FUPIN_DATA`, default `./.fupin`) as a snapshot (`graph.json`, graph-file.ts) plus a
 * journal of the writes since (`graph.json.journal`, graph-journal.ts). It needs no server, so
 * `fupin ingest` and `fupin query` work on any machine at once. The graph is loaded lazily on the first
 * call; when another process has written since, only the journal lines it appended are replayed (all is
 * re-read when it wrote a new snapshot). Each write takes the directory's lock and appends one fsynced
 * journal line — cost in proportion to the batch; when the journal has grown past the snapshot, a new
 * snapshot is streamed out and the journal dropped. The list of documents is also kept as a catalogue
 * (document-catalogue.ts), so `documents()` and writes of self-contained batches (every entity and
 * document they refer to is in the batch, as ingest's are) need not load the graph at all: an
 * incremental ingest that changes 1 % of an archive reads and writes about 1 % of it.
 */
import { resolve, join } from 'node:path';
import {
  GraphBatchSchema,
  QueryError,
  parseOrThrow,
  type Document,
  type EntityType,
  type GraphBatch,
  type RelationType,
} from '@fupin/graph-schema';
import type {
  DocumentSummary,
  EntityDetail,
  EntitySummary,
  GraphStats,
  GraphStore,
  RelationView,
  Subgraph,
  SubgraphFilter,
  WriteSummary,
  WriteOptions,
} from '../graph-store.js';
import {
  SEARCH_DEFAULT_LIMIT,
  SEARCH_MAX_LIMIT,
  canonicalBatch,
  compareDocuments,
  compareHits,
  normaliseForSearch,
  type RankedHit,
} from '../query/canonical.js';
import { fileStamp, readSnapshot, withWriteLock, writeSnapshot, type FileStamp } from './graph-file.js';
import {
  appendJournal,
  corruptEntry,
  dropJournal,
  journalPath,
  readJournal,
  writeEntry,
  type JournalEntry,
  type JournalPosition,
} from './graph-journal.js';
import { GraphModel } from './graph-model.js';
import { cataloguePath, metaOf, readCatalogue, writeCatalogue, type Catalogue } from './document-catalogue.js';
import { decodeBatch, encodeBatch } from './stored-batch.js';
import {
  childrenOf,
  codeIndex,
  documentSummaryOf,
  entityDetail,
  filteredSubgraph,
  neighbourhood,
  relationsOf,
  shortestPathOf,
  statsOf,
  summaryOf,
} from './model-queries.js';
import { NameIndex } from './name-index.js';
import { checkDepth, checkTypes } from '../query/validate.js';

/** Options of the embedded store. */
export interface EmbeddedStoreOptions {
  /** Data directory; default `FUPIN_DATA` or `./.fupin`. */
  dataDir?: string;
  /** File name inside the data directory; default `graph.json`. */
  fileName?: string;
  /** How long a write waits for another process's lock before STORE_LOCKED; default 5000 ms. */
  lockWaitMs?: number;
  /**
   * A write through the loaded graph, or `compact({ onlyIfLarge: true })`, writes a new snapshot when
   * the journal exceeds both this many bytes and the snapshot's size; default 64 MB. (Writes made
   * without loading the graph only append: `fupin ingest` and `fupin load` compact at their end.)
   */
  journalLimitBytes?: number;
}

/** Default of `journalLimitBytes`. */
export const JOURNAL_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Resolves the data directory: the option, else `FUPIN_DATA`, else `./.fupin`.
 * @example resolveDataDir({}) // '/home/me/project/.fupin'
 */
export function resolveDataDir(dataDir?: string): string {
  return resolve(dataDir ?? process.env.FUPIN_DATA ?? '.fupin');
}

/**
 * GraphStore on graphology, persisted to one JSON file.
 * @example
 * const store = new EmbeddedStore({ dataDir: '.fupin' });
 * await store.write(batch); // entities 从江县, 苏州市 and ASSISTS 苏州市 → 从江县
 * await store.search('從江'); // [{ name: '从江县', … }]
 */
export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  /** Absolute path of the graph file. */
  readonly path: string;
  /** Absolute path of the journal of writes since the snapshot. */
  readonly journalPath: string;
  private readonly lockWaitMs: number;
  private readonly journalLimitBytes: number;
  private model: GraphModel | null = null;
  /** The snapshot the model was loaded from, its generation, and how far the journal was replayed. */
  private loaded: {
    snapshot: FileStamp | null;
    generation: number;
    journal: JournalPosition;
    journalStamp: FileStamp | null;
  } | null = null;
  /** The documents alone, while the model is not loaded (document-catalogue.ts). */
  private catalogue: Catalogue | null = null;
  private readonly cataloguePath: string;
  private index: { version: number; names: NameIndex; codes: Map<string, string[]> } | null = null;

  constructor(options: EmbeddedStoreOptions = {}) {
    this.path = join(resolveDataDir(options.dataDir), options.fileName ?? 'graph.json');
    this.journalPath = journalPath(this.path);
    this.cataloguePath = cataloguePath(this.path);
    this.lockWaitMs = options.lockWaitMs ?? 5000;
    this.journalLimitBytes = options.journalLimitBytes ?? JOURNAL_LIMIT_BYTES;
  }

  /** Nothing to create up front: the file is read on first use and written on first write. */
  async init(): Promise<void> {}

  async close(): Promise<void> {
    this.forget();
    this.catalogue = null;
  }

  /**
   * Folds the journal into a new snapshot (a smaller, faster-loading store; backups copy one file).
   * @param options - `onlyIfLarge`: only when the journal exceeds `journalLimitBytes` and the snapshot's size
   * @returns whether a snapshot was written
   * @example await store.compact() // .fupin/graph.json holds everything, no graph.json.journal
   */
  async compact(options: { onlyIfLarge?: boolean } = {}): Promise<boolean> {
    if (options.onlyIfLarge) {
      const journal = (await fileStamp(this.journalPath))?.size ?? 0;
      const snapshot = (await fileStamp(this.path))?.size ?? 0;
      if (journal <= Math.max(this.journalLimitBytes, snapshot)) return false;
    }
    return withWriteLock(this.path, this.lockWaitMs, async () => {
      const model = await this.current();
      if (this.loaded!.journal.validBytes === 0) return false;
      await this.snapshot(model);
      return true;
    });
  }

  async documentHashes(): Promise<Map<string, string>> {
    const documents = await this.documentMetas();
    return new Map([...documents].map((document) => [document.path, document.sha256]));
  }

  async write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteSummary> {
    const valid = parseOrThrow(GraphBatchSchema, batch, 'store.write');
    const keep = new Set(valid.documents.map((document) => document.id));
    const replace = (options.replaceDocuments ?? []).filter((id) => !keep.has(id));
    const summary = {
      documents: valid.documents.length,
      entities: valid.entities.length,
      relations: valid.relations.length,
      mentions: valid.mentions.length,
    };
    // A batch that names everything it refers to cannot fail against the store: journal it without
    // loading the graph (ingest's batches are such; the next load merges them).
    if (!this.model && selfContained(valid)) {
      const done = await this.appendUnloaded(() => writeEntry(encodeBatch(valid, () => undefined), replace), (catalogue) => {
        for (const document of valid.documents) catalogue.documents.set(document.id, metaOf(document));
        for (const id of replace) catalogue.documents.delete(id);
      });
      if (done) return summary;
    }
    return this.mutate((model) => {
      // Encoded against the state before the write: that is the state a replay decodes it against.
      const entry = writeEntry(
        encodeBatch(valid, (id) => model.textOf(id)),
        replace,
      );
      const summary = model.write(valid);
      for (const id of replace) model.removeDocument(id);
      return { result: summary, entry };
    });
  }

  async removeDocument(documentId: string): Promise<void> {
    if (!this.model && (await this.freshCatalogue())?.documents.has(documentId)) {
      const done = await this.appendUnloaded(
        () => ({ remove: documentId }),
        (catalogue) => catalogue.documents.delete(documentId),
      );
      if (done) return;
    }
    await this.mutate((model) => ({
      result: undefined,
      entry: model.removeDocument(documentId) ? { remove: documentId } : null,
    }));
  }

  async document(documentId: string): Promise<Document | null> {
    return (await this.current()).documents.get(documentId) ?? null;
  }

  async documents(): Promise<DocumentSummary[]> {
    return [...(await this.documentMetas())].map(documentSummaryOf).sort(compareDocuments);
  }

  async search(text: string, options: { types?: EntityType[]; limit?: number } = {}): Promise<EntitySummary[]> {
    const query = normaliseForSearch(text);
    if (!query) return [];
    const limit = Math.min(Math.max(1, options.limit ?? SEARCH_DEFAULT_LIMIT), SEARCH_MAX_LIMIT);
    const model = await this.current();
    const hits = this.indexes(model).names.find(query, options.types);
    // Rank cheaply on id/degree/name first; build full summaries only for the kept hits.
    const ranked: RankedHit[] = [];
    for (const [id, rank] of hits) {
      const entity = model.graph.getNodeAttributes(id);
      ranked.push({
        rank,
        summary: { id, type: entity.type, name: entity.name, aliases: [], degree: model.graph.degree(id) },
      });
    }
    return ranked
      .sort(compareHits)
      .slice(0, limit)
      .map((hit) => summaryOf(model, hit.summary.id));
  }

  async entity(id: string): Promise<EntityDetail | null> {
    const model = await this.current();
    return entityDetail(model, id, this.indexes(model).codes);
  }

  async neighbours(id: string, depth: number, relationTypes?: RelationType[]): Promise<Subgraph> {
    const model = await this.existing(id, 'neighbours');
    return neighbourhood(model, id, checkDepth(depth), checkTypes(relationTypes));
  }

  async partners(regionId: string): Promise<RelationView[]> {
    const model = await this.existing(regionId, 'partners');
    return relationsOf(model, regionId, ['ASSISTS', 'LABOR_COOPERATION', 'SALES_OUTLET_IN'], 'both');
  }

  async programsOf(regionId: string): Promise<RelationView[]> {
    return relationsOf(await this.existing(regionId, 'programsOf'), regionId, ['IMPLEMENTS'], 'out');
  }

  async companiesIn(regionId: string): Promise<RelationView[]> {
    return relationsOf(await this.existing(regionId, 'companiesIn'), regionId, ['INVESTS_IN'], 'in');
  }

  async industriesOf(regionId: string): Promise<RelationView[]> {
    return relationsOf(await this.existing(regionId, 'industriesOf'), regionId, ['DEVELOPS'], 'out');
  }

  async children(regionId: string): Promise<EntitySummary[]> {
    return childrenOf(await this.existing(regionId, 'children'), regionId);
  }

  async shortestPath(fromId: string, toId: string): Promise<Subgraph | null> {
    await this.existing(fromId, 'shortestPath');
    return shortestPathOf(await this.existing(toId, 'shortestPath'), fromId, toId);
  }

  async subgraph(filter: SubgraphFilter): Promise<Subgraph> {
    return filteredSubgraph(await this.current(), filter);
  }

  async stats(): Promise<GraphStats> {
    return statsOf(await this.current());
  }

  /** Every stored item as one GraphBatch (JSON export, backups). */
  async exportBatch(): Promise<GraphBatch> {
    return canonicalBatch((await this.current()).toBatch());
  }

  /** Every document without its text: from the catalogue when it is current, else from the loaded graph. */
  private async documentMetas(): Promise<Iterable<Omit<Document, 'text'>>> {
    if (!this.model) {
      const catalogue = await this.freshCatalogue();
      if (catalogue) return catalogue.documents.values();
    }
    return (await this.current()).documents.values();
  }

  /** The catalogue if it describes the files as they are now (without loading the graph), else null. */
  private async freshCatalogue(): Promise<Catalogue | null> {
    const snapshot = await fileStamp(this.path);
    const journal = await fileStamp(this.journalPath);
    const fits = (c: Catalogue): boolean => sameStamp(snapshot, c.snapshot) && sameStamp(journal, c.journalStamp);
    if (this.catalogue && fits(this.catalogue)) return this.catalogue;
    if (!snapshot && !journal) {
      this.catalogue = {
        snapshot: null,
        journalStamp: null,
        generation: 0,
        journal: { validBytes: 0, current: false },
        documents: new Map(),
      };
      return this.catalogue;
    }
    const cached = await readCatalogue(this.cataloguePath);
    this.catalogue = cached && fits(cached) ? cached : null;
    return this.catalogue;
  }

  /**
   * Appends a journal entry under the lock without loading the graph, when the catalogue is current.
   * @returns false when it is not (the caller then writes through the loaded model)
   */
  private async appendUnloaded(entry: () => JournalEntry, update: (catalogue: Catalogue) => void): Promise<boolean> {
    return withWriteLock(this.path, this.lockWaitMs, async () => {
      const catalogue = await this.freshCatalogue();
      if (!catalogue || this.model) return false;
      try {
        catalogue.journal = await appendJournal(this.journalPath, catalogue.generation, catalogue.journal, [entry()]);
        catalogue.journalStamp = await fileStamp(this.journalPath);
      } catch (error) {
        this.catalogue = null;
        throw error;
      }
      update(catalogue);
      await writeCatalogue(this.cataloguePath, catalogue);
      return true;
    });
  }

  /** Writes the catalogue of the loaded model (after a load, a write or a snapshot). */
  private async saveCatalogue(): Promise<void> {
    if (!this.model || !this.loaded || (!this.loaded.snapshot && !this.loaded.journalStamp)) return;
    this.catalogue = {
      snapshot: this.loaded.snapshot,
      journalStamp: this.loaded.journalStamp,
      generation: this.loaded.generation,
      journal: { ...this.loaded.journal },
      documents: new Map([...this.model.documents].map(([id, document]) => [id, metaOf(document)])),
    };
    await writeCatalogue(this.cataloguePath, this.catalogue);
  }

  /** The model, loaded on first use and brought up to date when another process wrote since. */
  private async current(): Promise<GraphModel> {
    const snapshot = await fileStamp(this.path);
    const loaded = this.loaded;
    if (this.model && loaded && sameStamp(snapshot, loaded.snapshot)) {
      const journal = await fileStamp(this.journalPath);
      if (sameStamp(journal, loaded.journalStamp)) return this.model;
      if (loaded.journal.current && journal && journal.ino === loaded.journalStamp?.ino) {
        // Another process appended to the same journal: replay only its lines.
        const model = this.model;
        try {
          loaded.journal = await this.replay(model, loaded.generation, loaded.journal.validBytes);
        } catch (error) {
          this.forget();
          throw error;
        }
        loaded.journalStamp = journal;
        this.index = null;
        return model;
      }
    }
    const model = new GraphModel();
    this.forget();
    const journalStamp = await fileStamp(this.journalPath);
    const info = await readSnapshot(this.path, (id) => model.textOf(id), (batch) => model.write(batch, { unique: true }));
    const generation = info?.generation ?? 0;
    const journal = await this.replay(model, generation, 0);
    this.model = model;
    this.loaded = { snapshot, generation, journal, journalStamp };
    await this.saveCatalogue();
    return model;
  }

  /** Applies journal entries from byte `from` to the model. */
  private async replay(model: GraphModel, generation: number, from: number): Promise<JournalPosition> {
    return readJournal(this.journalPath, generation, from, (entry) => {
      if ('remove' in entry) {
        model.removeDocument(entry.remove);
        return;
      }
      const batch = decodeBatch(entry.write, (id) => model.textOf(id));
      if (typeof batch === 'string') throw corruptEntry(this.journalPath, `inconsistent: ${batch}`);
      model.write(batch);
      for (const id of entry.replace ?? []) model.removeDocument(id);
    });
  }

  /**
   * Applies a change under the lock to the freshest state and journals it (unless it changed nothing);
   * writes a new snapshot when the journal has outgrown the old one.
   */
  private async mutate<T>(change: (model: GraphModel) => { result: T; entry: JournalEntry | null }): Promise<T> {
    return withWriteLock(this.path, this.lockWaitMs, async () => {
      const model = await this.current();
      const loaded = this.loaded!;
      try {
        const { result, entry } = change(model);
        if (!entry) return result;
        loaded.journal = await appendJournal(this.journalPath, loaded.generation, loaded.journal, [entry]);
        loaded.journalStamp = await fileStamp(this.journalPath);
        const snapshotBytes = loaded.snapshot?.size ?? 0;
        if (loaded.journal.validBytes > Math.max(this.journalLimitBytes, snapshotBytes)) await this.snapshot(model);
        else await this.saveCatalogue();
        return result;
      } catch (error) {
        // Whatever failed, the files hold the last good state: forget the in-memory one.
        this.forget();
        throw error;
      }
    });
  }

  /** Streams the model out as the next snapshot generation and drops the journal it folds in (under the lock). */
  private async snapshot(model: GraphModel): Promise<void> {
    const generation = (this.loaded?.generation ?? 0) + 1;
    await writeSnapshot(this.path, generation, model.storedBatches());
    await dropJournal(this.journalPath);
    this.loaded = {
      snapshot: await fileStamp(this.path),
      generation,
      journal: { validBytes: 0, current: false },
      journalStamp: null,
    };
    await this.saveCatalogue();
  }

  private forget(): void {
    this.model = null;
    this.loaded = null;
    this.index = null;
  }

  private async existing(id: string, method: string): Promise<GraphModel> {
    const model = await this.current();
    if (!model.graph.hasNode(id)) {
      throw new QueryError('QUERY_NOT_FOUND', `store.${method}: no entity with id ${id}; expected an id from search`);
    }
    return model;
  }

  private indexes(model: GraphModel): { names: NameIndex; codes: Map<string, string[]> } {
    if (!this.index || this.index.version !== model.version) {
      const entries = model.graph.mapNodes((id, entity) => ({
        id,
        type: entity.type,
        name: entity.name,
        aliases: entity.aliases,
      }));
      this.index = { version: model.version, names: new NameIndex(entries), codes: codeIndex(model) };
    }
    return this.index;
  }
}

/** Whether every relation and mention of the batch refers to entities and documents in the batch itself. */
function selfContained(batch: GraphBatch): boolean {
  const entities = new Set(batch.entities.map((entity) => entity.id));
  const documents = new Set(batch.documents.map((document) => document.id));
  return (
    batch.relations.every((relation) => entities.has(relation.source) && entities.has(relation.target)) &&
    batch.mentions.every((mention) => entities.has(mention.entityId) && documents.has(mention.documentId))
  );
}

function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === b || (a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino);
}
