/**
 * fupin load
 *
 * Merges GraphBatch JSON lines (from `fupin extract --jsonl`, typically one file per shard or machine)
 * into a store. Stores merge by stable ids, so shards load in any order, twice or more, and give the
 * graph of one unsharded ingest. Every line is validated; a bad line is reported with its file and
 * line number and the rest still load.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { GraphBatchSchema, type GraphBatch } from '@fupin/graph-schema';
import { EmbeddedStore, type GraphStore } from '@fupin/store';
import { addStoreOptions, withStore, type StoreCliOptions } from './store-options.js';
import { oneLine, printBatchReport, type BatchReport } from '../run/report.js';
import { DEFAULT_RETRY, withRetry } from '../run/retry.js';

/** Batches per store write. */
const CHUNK = 200;

/**
 * Registers `fupin load FILE.jsonl… [store options]`.
 * @example fupin extract corpus --shard 1/2 --jsonl --out s1.jsonl && fupin load s1.jsonl s2.jsonl
 */
export function registerLoad(program: Command): void {
  addStoreOptions(
    program
      .command('load')
      .description('merge GraphBatch JSON lines (fupin extract --jsonl) into the store, idempotently')
      .argument('<files...>', 'JSONL files, one GraphBatch per line'),
  ).action(async (files: string[], opts: StoreCliOptions) => {
    const report = await withStore(opts, (store) => loadBatches(store, files));
    printBatchReport(report, process.stdout);
    if (report.failed.length > 0) process.exitCode = 1;
  });
}

/**
 * Loads JSONL batch files into an open store.
 * @param store - an initialised store
 * @param files - JSONL files
 * @example await loadBatches(store, ['shard-1.jsonl'])
 */
export async function loadBatches(store: GraphStore, files: string[]): Promise<BatchReport> {
  const report: BatchReport = { files: 0, ok: 0, failed: [], entities: 0, relations: 0 };
  let chunk: GraphBatch[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const batch = {
      documents: chunk.flatMap((b) => b.documents),
      entities: chunk.flatMap((b) => b.entities),
      relations: chunk.flatMap((b) => b.relations),
      mentions: chunk.flatMap((b) => b.mentions),
    };
    // Loading merges by id, so a retried or repeated write changes nothing; re-running load resumes.
    await withRetry(
      () => store.write(batch),
      DEFAULT_RETRY,
      (error, attempt, delayMs) =>
        process.stderr.write(
          `${oneLine(`load: write failed (${error.message}); retry ${attempt} in ${delayMs / 1000} s`)}\n`,
        ),
    );
    chunk = [];
  };
  for (const file of files) {
    let lineNo = 0;
    try {
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        lineNo++;
        if (line.trim() === '') continue;
        report.files++;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          report.failed.push({
            file: `${file}:${lineNo}`,
            code: 'SCHEMA_INVALID',
            message: `load: ${file}:${lineNo}: not JSON`,
          });
          continue;
        }
        const result = GraphBatchSchema.safeParse(parsed);
        if (!result.success) {
          const issue = result.error.issues[0];
          report.failed.push({
            file: `${file}:${lineNo}`,
            code: 'SCHEMA_INVALID',
            message: `load: ${file}:${lineNo}: invalid GraphBatch at ${issue?.path.join('.') ?? '(root)'}: ${issue?.message ?? ''}`,
          });
          continue;
        }
        report.ok++;
        report.entities += result.data.entities.length;
        report.relations += result.data.relations.length;
        chunk.push(result.data);
        if (chunk.length >= CHUNK) await flush();
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      report.failed.push({ file, code: 'INPUT_UNREADABLE', message: `load: ${file}: ${reason}` });
    }
  }
  await flush();
  // Embedded writes only appended to the journal; fold it into the snapshot once it has outgrown it.
  if (store instanceof EmbeddedStore) await store.compact({ onlyIfLarge: true });
  return report;
}
