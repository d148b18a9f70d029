/**
 * fupin ingest
 *
 * Extracts report files and merges their graph into a store (embedded by default, or Neo4j). Files
 * whose bytes the store already holds under the same path are skipped; a changed file replaces its
 * old document (mentions and evidence) once its new graph is written. Batches are written in chunks,
 * so a run that stops half-way keeps what it wrote and the next run picks up the rest; re-running on
 * the same files changes nothing.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { documentId, type GraphBatch } from '@fupin/graph-schema';
import type { GraphStore } from '@fupin/store';
import { addStoreOptions, withStore, type StoreCliOptions } from './store-options.js';
import { listInputFiles } from '../run/files.js';
import { hashFile } from '../run/hash-file.js';
import { defaultJobs, extractInOrder } from '../run/pool.js';
import { parseJobs, printBatchReport, type BatchReport } from '../run/report.js';

/** Documents per store write: large enough to amortise a save, small enough to bound memory. */
const CHUNK_DOCUMENTS = 200;

interface IngestOptions extends StoreCliOptions {
  jobs?: string;
  force?: boolean;
  progress?: boolean;
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
      .option('--no-progress', 'no progress bar'),
  ).action(async (paths: string[], opts: IngestOptions) => {
    const report = await withStore(opts, (store) => ingestPaths(store, paths, opts));
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
  opts: { jobs?: string; force?: boolean; progress?: boolean } = {},
): Promise<BatchReport> {
  const jobs = opts.jobs ? parseJobs(opts.jobs) : defaultJobs();
  const listed = await listInputFiles(paths);
  const report: BatchReport = {
    files: listed.files.length,
    ok: 0,
    skippedUnchanged: 0,
    failed: [...listed.skipped],
    entities: 0,
    relations: 0,
  };
  for (const s of listed.skipped) process.stderr.write(`${s.message}\n`);

  // Which files changed since the last ingest (by path and bytes).
  const stored = opts.force ? new Map<string, string>() : await store.documentHashes();
  const toExtract: string[] = [];
  const replaces = new Map<string, string>(); // path → old document id
  for (const file of listed.files) {
    let hash: string;
    try {
      hash = await hashFile(file);
    } catch (error) {
      const message = `ingest: ${file}: ${error instanceof Error ? error.message : String(error)}`;
      report.failed.push({ file, code: 'INPUT_UNREADABLE', message });
      process.stderr.write(`${message}\n`);
      continue;
    }
    const old = stored.get(file);
    if (old === hash) {
      report.skippedUnchanged!++;
      continue;
    }
    if (old !== undefined) replaces.set(file, documentId(old));
    toExtract.push(file);
  }

  const bar =
    opts.progress !== false && process.stderr.isTTY && toExtract.length > 0
      ? new SingleBar(
          { format: 'ingest [{bar}] {value}/{total} files | {entities} entities | {relations} relations', hideCursor: true },
          Presets.shades_classic,
        )
      : undefined;
  bar?.start(toExtract.length, 0, { entities: 0, relations: 0 });

  let chunk: GraphBatch[] = [];
  let chunkFiles: string[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    await store.write({
      documents: chunk.flatMap((b) => b.documents),
      entities: chunk.flatMap((b) => b.entities),
      relations: chunk.flatMap((b) => b.relations),
      mentions: chunk.flatMap((b) => b.mentions),
    });
    // Old versions of changed files go only after their new graph is safely stored.
    for (const file of chunkFiles) {
      const oldId = replaces.get(file);
      const newId = chunk.find((b) => b.documents[0]?.path === file)?.documents[0]?.id;
      if (oldId && oldId !== newId) await store.removeDocument(oldId);
    }
    chunk = [];
    chunkFiles = [];
  };

  for await (const outcome of extractInOrder(toExtract, jobs)) {
    if (!outcome.ok) {
      report.failed.push({ file: outcome.file, code: outcome.code, message: outcome.message });
      if (!bar) process.stderr.write(`${outcome.message}\n`);
    } else {
      report.ok++;
      report.entities += outcome.batch.entities.length;
      report.relations += outcome.batch.relations.length;
      chunk.push(outcome.batch);
      chunkFiles.push(outcome.file);
      if (chunk.length >= CHUNK_DOCUMENTS) await flush();
    }
    bar?.increment(1, { entities: report.entities, relations: report.relations });
  }
  await flush();
  bar?.stop();
  return report;
}
