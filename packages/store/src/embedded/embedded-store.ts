/**
 * EmbeddedStore
 *
 * The default store: the whole graph in memory (graphology), persisted to one JSON file under the data
 * directory (`--data DIR`, `FUPIN_DATA`, default `./.fupin`). It needs no server, so `fupin ingest`
 * and `fupin query` work on any machine at once. The file is loaded lazily on the first call and
 * re-read whenever another process has saved it since; each write takes the directory's lock, merges
 * into the freshest state and saves atomically, so two processes never lose each other's work.
 */
import { resolve, join } from 'node:path';
import {
  GraphBatchSchema,
  QueryError,
  emptyBatch,
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
import { fileStamp, loadGraphFile, saveGraphFile, withWriteLock, type FileStamp } from './graph-file.js';
import { GraphModel } from './graph-model.js';
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
}

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
  private readonly lockWaitMs: number;
  private model: GraphModel | null = null;
  private stamp: FileStamp | null = null;
  private index: { version: number; names: NameIndex; codes: Map<string, string[]> } | null = null;

  constructor(options: EmbeddedStoreOptions = {}) {
    this.path = join(resolveDataDir(options.dataDir), options.fileName ?? 'graph.json');
    this.lockWaitMs = options.lockWaitMs ?? 5000;
  }

  /** Nothing to create up front: the file is read on first use and written on first write. */
  async init(): Promise<void> {}

  async close(): Promise<void> {
    this.model = null;
    this.index = null;
  }

  async documentHashes(): Promise<Map<string, string>> {
    const model = await this.current();
    return new Map([...model.documents.values()].map((document) => [document.path, document.sha256]));
  }

  async write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteSummary> {
    const valid = parseOrThrow(GraphBatchSchema, batch, 'store.write');
    const keep = new Set(valid.documents.map((document) => document.id));
    return this.mutate((model) => {
      const summary = model.write(valid);
      for (const id of options.replaceDocuments ?? []) if (!keep.has(id)) model.removeDocument(id);
      return summary;
    });
  }

  async removeDocument(documentId: string): Promise<void> {
    await this.mutate(
      (model) => model.removeDocument(documentId),
      (changed) => changed,
    );
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

  /** The model, loaded on first use and reloaded when another process saved the file since. */
  private async current(): Promise<GraphModel> {
    const stamp = await fileStamp(this.path);
    if (this.model && sameStamp(stamp, this.stamp)) return this.model;
    const batch = stamp ? await loadGraphFile(this.path) : null;
    this.model = GraphModel.fromBatch(batch ?? emptyBatch());
    this.stamp = stamp;
    this.index = null;
    return this.model;
  }

  /** Applies a change under the lock to the freshest state and saves it (unless `save` says nothing changed). */
  private async mutate<T>(change: (model: GraphModel) => T, save: (result: T) => boolean = () => true): Promise<T> {
    return withWriteLock(this.path, this.lockWaitMs, async () => {
      const model = await this.current();
      try {
        const result = change(model);
        if (!save(result)) return result;
        await saveGraphFile(this.path, model.toBatch());
        this.stamp = await fileStamp(this.path);
        return result;
      } catch (error) {
        // Whatever failed, the file holds the last good state: forget the in-memory one.
        this.model = null;
        throw error;
      }
    });
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
  return a === b || (a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size);
}
