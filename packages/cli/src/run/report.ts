/**
 * Batch reports
 *
 * The summary every batch command prints at the end: how many files went through, what was found,
 * and one line per file that failed with its reason, so the user knows exactly what to fix.
 */
import type { Writable } from 'node:stream';

/** A file that could not be processed. */
export interface FailedFile {
  file: string;
  code: string;
  message: string;
}

/** Counts of a batch run. */
export interface BatchReport {
  files: number;
  ok: number;
  skippedUnchanged?: number;
  failed: FailedFile[];
  entities: number;
  relations: number;
}

/**
 * Prints the summary and the failed files.
 * @example printBatchReport({ files: 3, ok: 2, failed: [{ file: 'a.txt', code: 'INPUT_BINARY', message: '…' }], entities: 40, relations: 31 }, process.stderr)
 */
export function printBatchReport(report: BatchReport, out: Writable): void {
  const unchanged = report.skippedUnchanged ? `, ${report.skippedUnchanged} unchanged (skipped)` : '';
  out.write(
    `fupin: ${report.ok}/${report.files} files processed${unchanged}, ${report.entities} entities, ` +
      `${report.relations} relations, ${report.failed.length} failed\n`,
  );
  for (const f of report.failed) out.write(`  failed: ${oneLine(f.file)} [${f.code}] ${oneLine(f.message)}\n`);
}

/**
 * Parses `--jobs`.
 * @example parseJobs('2') // 2
 */
export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new Error(`cli.jobs: invalid --jobs "${value}"; expected an integer from 1 to 256`);
  }
  return n;
}

/**
 * Replaces line breaks and other control characters so a message stays on one line.
 * @example oneLine('text.decode: 从江\n县.txt is empty') // 'text.decode: 从江 县.txt is empty'
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}
