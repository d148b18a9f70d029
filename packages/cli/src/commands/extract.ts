/**
 * fupin extract
 *
 * Extracts the graph of report files without storing it: as the FORMAT.md result that the scorer
 * reads (`--json`), as GraphBatch JSON lines for `fupin load` (`--jsonl`), or as a short summary.
 * Output is streamed document by document in input order, so a large corpus never sits in memory
 * and `--jobs N` or `--shard K/N` never change what a document yields.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { listInputFiles, parseShard } from '../run/files.js';
import { defaultJobs, renderInOrder } from '../run/pool.js';
import { oneLine, parseJobs, type BatchReport, printBatchReport } from '../run/report.js';

/**
 * Registers `fupin extract PATH… [--json|--jsonl] [--out FILE] [--jobs N] [--shard K/N]`.
 * @param program - the root command
 * @example fupin extract reports/ --json > result.json
 */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract entities and relations from report files (.txt .html .pdf .docx) or directories')
    .argument('<paths...>', 'files or directories')
    .option('--json', 'print the extraction result (FORMAT.md shape) as JSON')
    .option('--jsonl', 'print one GraphBatch per line (for `fupin load`, e.g. from sharded runs)')
    .option('--out <file>', 'write output to a file instead of stdout')
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)')
    .option('--shard <k/n>', 'process only shard K of N (files assigned round-robin in sorted order)')
    .action(
      async (
        paths: string[],
        opts: { json?: boolean; jsonl?: boolean; out?: string; jobs?: string; shard?: string },
      ) => {
        const jobs = opts.jobs ? parseJobs(opts.jobs) : defaultJobs();
        const listed = await listInputFiles(paths);
        let files = listed.files;
        if (opts.shard) {
          const shard = parseShard(opts.shard);
          files = files.filter((_, i) => i % shard.count === shard.index);
        }
        const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
        const report: BatchReport = {
          files: files.length,
          ok: 0,
          failed: [...listed.skipped],
          entities: 0,
          relations: 0,
        };
        for (const s of listed.skipped) process.stderr.write(`${oneLine(s.message)}\n`);
        const write = (s: string): Promise<void> =>
          new Promise((resolve, reject) => {
            out.write(s, (e) => (e ? reject(e) : resolve()));
          });

        if (opts.json) await write('{"documents":[');
        let first = true;
        // The workers render each document (render.ts); this thread only writes, in input order.
        const mode = opts.json ? 'json' : opts.jsonl ? 'jsonl' : 'summary';
        for await (const outcome of renderInOrder(files, jobs, mode)) {
          if (!outcome.ok) {
            report.failed.push({ file: outcome.file, code: outcome.code, message: outcome.message });
            process.stderr.write(`${outcome.message}\n`);
            continue;
          }
          report.ok++;
          report.entities += outcome.entities;
          report.relations += outcome.relations;
          if (opts.json) {
            await write(`${first ? '' : ','}\n${outcome.parts[0]}`);
            first = false;
          } else for (const part of outcome.parts) await write(part);
        }
        if (opts.json) {
          const errors = report.failed.map((f) => ({ file: f.file, code: f.code, message: f.message }));
          await write(`\n],"errors":${JSON.stringify(errors)}}\n`);
        }
        if (opts.out) await new Promise<void>((resolve) => out.end(resolve));
        printBatchReport(report, opts.json || opts.jsonl ? process.stderr : process.stdout);
        if (report.failed.length > 0) process.exitCode = 1;
      },
    );
}
