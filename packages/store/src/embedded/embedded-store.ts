/**
 * EmbeddedStore
 *
 * The default store: the whole graph in memory (graphology), persisted under the data directory
 * (`--data DIR`, `FUPIN_DATA`, default `./.fupin`) as a snapshot (`graph.json`, graph-file.ts) plus a
 * journal of the writes since (`graph.json.journal`, graph-journal.ts). It needs no server, so
 * `fupin ingest` and `fupin query` work on any machine at once. The graph is loaded lazily on the first
 * call; when another process has written since, only the journal lines it appended are replayed (all is
 * re-read when it wrote a new snapshot). Each write takes the directory's lock, merges into the freshest
 * state and appends one fsynced journal line — cost in proportion to the batch — and when the journal
 * has grown past the snapshot, a new snapshot is streamed out and the journal dropped.
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
   * A new snapshot is written when the journal exceeds both this many bytes and the snapshot's size;
   * default 64 MB (0: after every write).
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
  private index: { version: number; names: NameIndex; codes: Map<string, string[]> } | null = null;

  constructor(options: EmbeddedStoreOptions = {}) {
    this.path = join(resolveDataDir(options.dataDir), options.fileName ?? 'graph.json');
    this.journalPath = journalPath(this.path);
    this.lockWaitMs = options.lockWaitMs ?? 5000;
    this.journalLimitBytes = options.journalLimitBytes ?? JOURNAL_LIMIT_BYTES;
  }

  /** Nothing to create up front: the file is read on first use and written on first write. */
  async init(): Promise<void> {}

  async close(): Promise<void> {
    this.model = null;
    this.loaded = null;
    this.index = null;
  }

  /**
   * Folds the journal into a new snapshot now (a smaller, faster-loading store; backups copy one file).
   * @example await store.compact() // .fupin/graph.json holds everything, no graph.json.journal
   */
  async compact(): Promise<void> {
    await withWriteLock(this.path, this.lockWaitMs, async () => {
      const model = await this.current();
      if (this.loaded!.journal.validBytes > 0) await this.snapshot(model);
    });
  }

  async documentHashes(): Promise<Map<string, string>> {
    const model = await this.current();
    return new Map([...model.documents.values()].map((document) => [document.path, document.sha256]));
  }

  async write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteSummary> {
    const valid = parseOrThrow(GraphBatchSchema, batch, 'store.write');
    const keep = new Set(valid.documents.map((document) => document.id));
    const replace = (options.replaceDocuments ?? []).filter((id) => !keep.has(id));
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
    await this.mutate((model) => ({
      result: undefined,
      entry: model.removeDocument(documentId) ? { remove: documentId } : null,
    }));
  }

  async document(documentId: string): Promise<Document | null> {
    return (await this.current()).documents.get(documentId) ?? null;
  }

  async documents(): Promise<DocumentSummary[]> {
    return [...(await this.current()).documents.values()].map(documentSummaryOf).sort(compareDocuments);
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
    const info = await readSnapshot(this.path, (id) => model.textOf(id), (batch) => model.write(batch));
    const generation = info?.generation ?? 0;
    const journal = await this.replay(model, generation, 0);
    this.model = model;
    this.loaded = { snapshot, generation, journal, journalStamp };
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

function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === b || (a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino);
}
