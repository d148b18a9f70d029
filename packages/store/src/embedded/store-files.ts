/**
 * Store files
 *
 * The persistence half of the EmbeddedStore: which model is current, and how a change reaches the data
 * directory. It loads the snapshot and replays the journal (only the new lines when another process
 * appended), journals each change under the directory's lock, writes a new snapshot when the journal
 * has outgrown the old one, and keeps the document catalogue, so that listing documents and writing
 * self-contained batches (as ingest does) need not load the graph at all.
 */
import type { Document, GraphBatch } from '@fupin/graph-schema';
import type { WriteSummary } from '../graph-store.js';
import { cataloguePath, metaOf, readCatalogue, writeCatalogue, type Catalogue } from './document-catalogue.js';
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

/**
 * The snapshot, journal and catalogue of one data directory, and the model loaded from them.
 * @example const files = new StoreFiles('.fupin/graph.json', 5000, 64 * 1024 * 1024); await files.write(台江县批次, [])
 */
export class StoreFiles {
  /** Absolute path of the journal of writes since the snapshot. */
  readonly journalPath: string;
  private readonly cataloguePath: string;
  /** The loaded model (null until a call needs the graph). */
  model: GraphModel | null = null;
  /** The snapshot the model was loaded from, its generation, and how far the journal was replayed. */
  private loaded: {
    snapshot: FileStamp | null;
    generation: number;
    journal: JournalPosition;
    journalStamp: FileStamp | null;
  } | null = null;
  /** The documents alone, while the model is not loaded (document-catalogue.ts). */
  private catalogue: Catalogue | null = null;

  /**
   * @param path - the snapshot, e.g. `.fupin/graph.json`
   * @param lockWaitMs - how long a write waits for another process's lock
   * @param journalLimitBytes - journal size (and at least the snapshot's) that calls for a new snapshot
   */
  constructor(
    readonly path: string,
    private readonly lockWaitMs: number,
    private readonly journalLimitBytes: number,
  ) {
    this.journalPath = journalPath(path);
    this.cataloguePath = cataloguePath(path);
  }

  /** Drops everything held in memory. */
  close(): void {
    this.forget();
    this.catalogue = null;
  }

  /**
   * Folds the journal into a new snapshot (a smaller, faster-loading store; backups copy one file).
   * @param options - `onlyIfLarge`: only when the journal exceeds `journalLimitBytes` and the snapshot's size
   * @returns whether a snapshot was written
   * @example await files.compact() // .fupin/graph.json holds everything, no graph.json.journal
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

  /**
   * Writes a validated batch, then removes the `replace` documents, as one journal entry.
   * @example await files.write(台江县批次, ['doc:3f2a…']) // { documents: 1, entities: 12, … }
   */
  async write(valid: GraphBatch, replace: readonly string[]): Promise<WriteSummary> {
    const summary = {
      documents: valid.documents.length,
      entities: valid.entities.length,
      relations: valid.relations.length,
      mentions: valid.mentions.length,
    };
    // A batch that names everything it refers to cannot fail against the store: journal it without
    // loading the graph (ingest's batches are such; the next load merges them).
    if (!this.model && selfContained(valid)) {
      const done = await this.appendUnloaded(
        () =>
          writeEntry(
            encodeBatch(valid, () => undefined),
            replace,
          ),
        (catalogue) => {
          for (const document of valid.documents) catalogue.documents.set(document.id, metaOf(document));
          for (const id of replace) catalogue.documents.delete(id);
        },
      );
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

  /**
   * Removes a document (journalled only when it changes something).
   * @example await files.removeDocument('doc:3f2a…')
   */
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

  /** Every document without its text: from the catalogue when it is current, else from the loaded graph. */
  async documentMetas(): Promise<Iterable<Omit<Document, 'text'>>> {
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
  async current(): Promise<GraphModel> {
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
        return model;
      }
    }
    const model = new GraphModel();
    this.forget();
    const journalStamp = await fileStamp(this.journalPath);
    const info = await readSnapshot(
      this.path,
      (id) => model.textOf(id),
      (batch) => model.write(batch, { unique: true }),
    );
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
