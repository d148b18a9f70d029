/**
 * fupin normalize
 *
 * Prints the normalised text of report files, exactly what the extractors match against: simplified
 * characters, half-width digits, no spaces inside Chinese, wrapped lines joined. Useful to see why a name
 * was or was not found. Reads .txt/.md, .html/.htm, .pdf and .docx (`loadDocument`). A file that cannot be
 * read is reported on stderr and the others still print.
 */
import type { Command } from 'commander';
import { FupinError } from '@fupin/graph-schema';
import { loadDocument, normalize } from '@fupin/text';

/** Where the command writes; stdout/stderr by default, replaceable in tests. */
export interface NormalizeIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/**
 * Normalises each file in turn and writes its text; returns the number of files that failed.
 * @param files - paths of documents (.txt .md .html .htm .pdf .docx)
 * @param io - output streams
 * @example
 * await normalizeFiles(['reports/從江縣.txt'], { stdout: process.stdout, stderr: process.stderr }) // prints 从江县…
 */
export async function normalizeFiles(files: string[], io: NormalizeIo): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      const { text } = await loadDocument(file);
      const n = normalize(text);
      io.stdout.write(n.text.endsWith('\n') ? n.text : `${n.text}\n`);
    } catch (error) {
      failed++;
      const reason = error instanceof FupinError ? `${error.code}: ${error.message}` : String(error);
      io.stderr.write(`normalize: ${file}: ${reason}\n`);
    }
  }
  return failed;
}

/**
 * Registers `fupin normalize FILE…`: prints the normalised text of each file, one after another; a bad file
 * prints one line `normalize: <file>: <reason>` on stderr, the rest continue, and the exit status is 1.
 * @param program - the root command
 * @param io - output streams (tests pass their own)
 * @example fupin normalize reports/從江縣.txt   # prints 从江县…
 */
export function registerNormalize(program: Command, io: NormalizeIo = process): void {
  program
    .command('normalize')
    .description('print the normalised text of report files (simplified, half-width, wrapped lines joined)')
    .argument('<files...>', 'documents (.txt .md .html .htm .pdf .docx)')
    .action(async (files: string[]) => {
      const failed = await normalizeFiles(files, io);
      if (failed > 0) process.exitCode = 1;
    });
}
