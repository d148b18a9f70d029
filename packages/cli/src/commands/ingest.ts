/**
 * fupin ingest
 *
 * Extracts report files and merges their graph into a store (embedded by default, or Neo4j). Files
 * whose bytes the store already holds under the same path are skipped; a changed file replaces its
 * old document (mentions and evidence) once its new graph is written. Batches are written in chunks,
 * so a run that stops half-way keeps what it wrote and the next run picks up the rest; re-running on
 * the same files changes nothing. A Neo4j write is many transactions, so a chunk's documents are first
 * written with a placeholder hash and get their real hash only when everything else of theirs is
 * stored: a run cut off in between leaves files that the next run extracts again, never half-stored
 * files it would skip. Retriable store failures (server gone, data directory locked) are retried with
 * backoff; when they last, ingest stops with a message saying how far it got and how to resume.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { StoreError, documentId, type Document, type GraphBatch } from '@fupin/graph-schema';
import { EmbeddedStore, type GraphStore } from '@fupin/store';
import { addStoreOptions, withStore, type StoreCliOptions } from './store-options.js';
import { listInputFiles } from '../run/files.js';
import { hashFile } from '../run/hash-file.js';
import { defaultJobs, extractInOrder } from '../run/pool.js';
import { oneLine, parseJobs, printBatchReport, type BatchReport } from '../run/report.js';
import { DEFAULT_RETRY, parseRetries, withRetry, type GaveUp, type RetryPolicy } from '../run/retry.js';

/** Documents per store write: large enough to amortise a save, small enough to bound memory. */
const CHUNK_DOCUMENTS = 200;

/**
 * Hash a document carries while its graph is being written (all zeros is no file's SHA-256 in practice):
 * `documents()` then shows the file as not yet ingested, so an interrupted run is resumed, not skipped.
 */
export const PENDING_SHA256 = '0'.repeat(64);

interface IngestOptions extends StoreCliOptions {
  jobs?: string;
  force?: boolean;
  progress?: boolean;
  retries?: string;
  chunk?: string;
}

/**
 * Registers `fupin ingest PATH… [--jobs N] [--force] [--data DIR | --store neo4j --neo4j URI]`.
 * @example fupin ingest examples/   # → .fupin/graph.json
 */
export function registerIngest(program: Command): void {
  addStoreOptions(
    program
      .command('ingest')
      .description('extract report files or directories and merge their graph into the store')
      .argument('<paths...>', 'files or directories (.txt .html .pdf .docx)')
      .option('-j, --jobs <n>', 'worker threads (default: number of cores)')
      .option('--force', 're-extract files even when unchanged')
      .option('--no-progress', 'no progress bar')
      .option('--chunk <n>', `documents per store write (default ${CHUNK_DOCUMENTS})`)
      .option('--retries <n>', 'retries of a failed store write, with backoff 1 s, 2 s, 4 s, 8 s … (default 4)'),
  ).action(async (paths: string[], opts: IngestOptions) => {
    const retry = opts.retries ? parseRetries(opts.retries) : DEFAULT_RETRY;
    const report = await withStore(opts, (store) => ingestPaths(store, paths, { ...opts, retry }));
    printBatchReport(report, process.stdout);
    if (report.failed.length > 0) process.exitCode = 1;
  });
}

/**
 * Ingests files into an open store and returns the batch report.
 * @param store - an initialised GraphStore
 * @param paths - files or directories
 * @example const report = await ingestPaths(store, ['examples'], { jobs: '1' })
 */
export async function ingestPaths(
  store: GraphStore,
  paths: string[],
  opts: { jobs?: string; force?: boolean; progress?: boolean; retry?: RetryPolicy; chunk?: string } = {},
): Promise<BatchReport> {
  const jobs = opts.jobs ? parseJobs(opts.jobs) : defaultJobs();
  const chunkDocuments = opts.chunk ? parseChunk(opts.chunk) : CHUNK_DOCUMENTS;
  const policy = opts.retry ?? DEFAULT_RETRY;
  let stored = 0; // files whose graph is completely stored in this run
  let total = 0;
  const retrying = <T>(what: string, work: () => Promise<T>): Promise<T> =>
    withRetry(
      work,
      policy,
      (error, attempt, delayMs) =>
        process.stderr.write(
          `${oneLine(`ingest: ${what} failed (${error.message}); retry ${attempt}/${policy.attempts - 1} in ${delayMs / 1000} s`)}\n`,
        ),
      (gaveUp) => gaveUpError(gaveUp, stored, total),
    );
  const listed = await listInputFiles(paths);
  const report: BatchReport = {
    files: listed.files.length,
    ok: 0,
    skippedUnchanged: 0,
    failed: [...listed.skipped],
    entities: 0,
    relations: 0,
  };
  for (const s of listed.skipped) process.stderr.write(`${oneLine(s.message)}\n`);

  // What the store holds per path: a file is done when a document of that path has its hash; any other
  // document of the path (an older version, or one left by an interrupted run) goes once the file is done.
  const byPath = new Map<string, Pick<Document, 'id' | 'sha256'>[]>();
  for (const d of await retrying('reading stored documents', () => store.documents())) {
    byPath.set(d.path, [...(byPath.get(d.path) ?? []), { id: d.id, sha256: d.sha256 }]);
  }
  const removeStale = async (file: string, keep: string): Promise<void> => {
    for (const old of byPath.get(file) ?? []) {
      if (old.id !== keep) await retrying(`removing the old version of ${file}`, () => store.removeDocument(old.id));
    }
  };
  const toExtract: string[] = [];
  for (const file of listed.files) {
    let hash: string;
    try {
      hash = await hashFile(file);
    } catch (error) {
      const message = oneLine(
        `ingest: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`,
      );
      report.failed.push({ file, code: 'INPUT_UNREADABLE', message });
      process.stderr.write(`${message}\n`);
      continue;
    }
    if (!opts.force && byPath.get(file)?.some((d) => d.sha256 === hash)) {
      report.skippedUnchanged!++;
      await removeStale(file, documentId(hash));
      continue;
    }
    toExtract.push(file);
  }
  total = toExtract.length;

  const bar =
    opts.progress !== false && process.stderr.isTTY && toExtract.length > 0
      ? new SingleBar(
          {
            format: 'ingest [{bar}] {value}/{total} files | {entities} entities | {relations} relations',
            hideCursor: true,
          },
          Presets.shades_classic,
        )
      : undefined;
  bar?.start(toExtract.length, 0, { entities: 0, relations: 0 });

  let chunk: GraphBatch[] = [];
  let chunkFiles: string[] = [];
  // One embedded write is one atomic journal append; a Neo4j write is many transactions (see the banner).
  const atomicWrites = store instanceof EmbeddedStore;
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const documents = chunk.flatMap((b) => b.documents);
    const graph = {
      entities: chunk.flatMap((b) => b.entities),
      relations: chunk.flatMap((b) => b.relations),
      mentions: chunk.flatMap((b) => b.mentions),
    };
    const what = `writing ${chunkFiles.length} files from ${chunkFiles[0]}`;
    if (atomicWrites) {
      // Old versions of the chunk's changed files go in the same save as their new graph.
      const stale = documents.flatMap((d) => (byPath.get(d.path) ?? []).filter((o) => o.id !== d.id).map((o) => o.id));
      await retrying(what, () => store.write({ documents, ...graph }, { replaceDocuments: stale }));
      for (const d of documents) byPath.set(d.path, [{ id: d.id, sha256: d.sha256 }]);
    } else {
      const pending = documents.map(({ text: _text, ...d }) => ({ ...d, sha256: PENDING_SHA256 }));
      await retrying(what, () => store.write({ documents: pending, ...graph }));
      await retrying(what, () => store.write({ documents, entities: [], relations: [], mentions: [] }));
    }
    stored += chunkFiles.length;
    // Old versions of changed files go only after their new graph is safely stored.
    for (const batch of chunk) {
      const doc = batch.documents[0];
      if (doc) await removeStale(doc.path, doc.id);
    }
    chunk = [];
    chunkFiles = [];
  };

  for await (const outcome of extractInOrder(toExtract, jobs)) {
    if (!outcome.ok) {
      report.failed.push({ file: outcome.file, code: outcome.code, message: outcome.message });
      if (!bar) process.stderr.write(`${oneLine(outcome.message)}\n`);
    } else {
      report.ok++;
      report.entities += outcome.batch.entities.length;
      report.relations += outcome.batch.relations.length;
      chunk.push(outcome.batch);
      chunkFiles.push(outcome.file);
      if (chunk.length >= chunkDocuments) await flush();
    }
    bar?.increment(1, { entities: report.entities, relations: report.relations });
  }
  await flush();
  bar?.stop();
  // Embedded writes only appended to the journal; fold it into the snapshot once it has outgrown it.
  if (store instanceof EmbeddedStore)
    await retrying('compacting the store', () => store.compact({ onlyIfLarge: true }));
  return report;
}

/** The error ingest stops with when the store stayed unavailable: what failed, how far it got, how to resume. */
function gaveUpError(gaveUp: GaveUp, stored: number, total: number): StoreError {
  const seconds = Math.round(gaveUp.elapsedMs / 1000);
  return new StoreError(
    gaveUp.error.code,
    `ingest: gave up after ${gaveUp.attempts} attempts over ${seconds} s: ${gaveUp.error.message}. ` +
      `${stored} of ${total} files were stored completely; run the same command again to resume ` +
      `(stored files are skipped, the rest are extracted and written again)`,
    { cause: gaveUp.error, retriable: true },
  );
}

function parseChunk(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new Error(`cli.chunk: invalid --chunk "${value}"; expected an integer from 1 to 100000`);
  }
  return n;
}
