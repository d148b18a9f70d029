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
 * incremental ingest that changes 1 % of an archive reads and writes about 1 % of it. This class answers
 * the GraphStore API from the model; store-files.ts keeps the model and the files in step.
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
import type { GraphModel } from './graph-model.js';
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
import { StoreFiles } from './store-files.js';
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
  /** Absolute path of the graph file (the snapshot). */
  readonly path: string;
  /** Absolute path of the journal of writes since the snapshot. */
  readonly journalPath: string;
  private readonly files: StoreFiles;
  /** Search indexes of one model at one version. */
  private index: { model: GraphModel; version: number; names: NameIndex; codes: Map<string, string[]> } | null = null;

  constructor(options: EmbeddedStoreOptions = {}) {
    this.path = join(resolveDataDir(options.dataDir), options.fileName ?? 'graph.json');
    this.files = new StoreFiles(
      this.path,
      options.lockWaitMs ?? 5000,
      options.journalLimitBytes ?? JOURNAL_LIMIT_BYTES,
    );
    this.journalPath = this.files.journalPath;
  }

  /** Nothing to create up front: the file is read on first use and written on first write. */
  async init(): Promise<void> {}

  async close(): Promise<void> {
    this.files.close();
    this.index = null;
  }

  /**
   * Folds the journal into a new snapshot (a smaller, faster-loading store; backups copy one file).
   * @param options - `onlyIfLarge`: only when the journal exceeds `journalLimitBytes` and the snapshot's size
   * @returns whether a snapshot was written
   * @example await store.compact() // .fupin/graph.json holds everything, no graph.json.journal
   */
  async compact(options: { onlyIfLarge?: boolean } = {}): Promise<boolean> {
    return this.files.compact(options);
  }

  async documentHashes(): Promise<Map<string, string>> {
    const documents = await this.files.documentMetas();
    return new Map([...documents].map((document) => [document.path, document.sha256]));
  }

  async write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteSummary> {
    const valid = parseOrThrow(GraphBatchSchema, batch, 'store.write');
    const keep = new Set(valid.documents.map((document) => document.id));
    return this.files.write(
      valid,
      (options.replaceDocuments ?? []).filter((id) => !keep.has(id)),
    );
  }

  async removeDocument(documentId: string): Promise<void> {
    await this.files.removeDocument(documentId);
  }

  async document(documentId: string): Promise<Document | null> {
    return (await this.current()).documents.get(documentId) ?? null;
  }

  async documents(): Promise<DocumentSummary[]> {
    return [...(await this.files.documentMetas())].map(documentSummaryOf).sort(compareDocuments);
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
  private current(): Promise<GraphModel> {
    return this.files.current();
  }

  private async existing(id: string, method: string): Promise<GraphModel> {
    const model = await this.current();
    if (!model.graph.hasNode(id)) {
      throw new QueryError('QUERY_NOT_FOUND', `store.${method}: no entity with id ${id}; expected an id from search`);
    }
    return model;
  }

  private indexes(model: GraphModel): { names: NameIndex; codes: Map<string, string[]> } {
    if (!this.index || this.index.model !== model || this.index.version !== model.version) {
      const entries = model.graph.mapNodes((id, entity) => ({
        id,
        type: entity.type,
        name: entity.name,
        aliases: entity.aliases,
      }));
      this.index = { model, version: model.version, names: new NameIndex(entries), codes: codeIndex(model) };
    }
    return this.index;
  }
}
