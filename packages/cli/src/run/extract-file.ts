/**
 * Extract one file
 *
 * The unit of work of every batch command: read a file (any supported format), extract its graph,
 * and return either the batch or the error as a value, so one bad file never stops the others.
 * Used in-process for `--jobs 1` and inside each worker thread otherwise. Plain-text files above
 * `FUPIN_LARGE_FILE_BYTES` (1 MiB) are streamed and extracted piece by piece (see large-file.ts).
 */
import { statSync } from 'node:fs';
import type { GraphBatch } from '@fupin/graph-schema';
import { FupinError, InputError } from '@fupin/graph-schema';
import { Extractor } from '@fupin/extract';
import { documentFormat, loadDocument } from '@fupin/text';
import { hashFile } from './hash-file.js';
import { oneLine } from './report.js';
import { largeFileLimits, PieceMerger, readTextPieces, shiftBatch, sniffEncoding } from './large-file.js';

/** Outcome of extracting one file: the graph or the reason it failed. */
export type FileOutcome =
  | { ok: true; file: string; batch: GraphBatch; chars: number }
  | { ok: false; file: string; code: string; message: string };

let extractor: Extractor | undefined;

/** Loads the extractor once per thread (segmenter and gazetteer are the expensive parts). */
export function sharedExtractor(): Extractor {
  extractor ??= Extractor.create();
  return extractor;
}

/**
 * Reads and extracts one file.
 * @param file - path to a .txt/.html/.pdf/.docx report
 * @example await extractFile('examples/从江县.txt') // { ok: true, batch: { documents: [...], ... } }
 */
export async function extractFile(file: string): Promise<FileOutcome> {
  try {
    const { largeFileBytes, pieceChars } = largeFileLimits();
    const size = fileSize(file);
    if (documentFormat(file) === 'txt' && size > largeFileBytes) return await extractLargeText(file, pieceChars);
    const doc = await loadDocument(file);
    // Titles of web pages and Word files come from their markup; a plain-text title is guessed by the extractor.
    const batch = sharedExtractor().extract({
      path: file,
      text: doc.text,
      sha256: doc.sha256,
      ...(doc.format !== 'txt' && doc.title ? { title: doc.title } : {}),
      ...(doc.date ? { date: doc.date } : {}),
    });
    return { ok: true, file, batch, chars: doc.text.length };
  } catch (error) {
    return failure(file, error);
  }
}

/**
 * Turns any error into a failed outcome: FupinErrors keep their code; anything else is EXTRACT_FAILED.
 * The message is one line (a file name or driver message with line breaks would split the report).
 * @example failure('从江县.txt', new Error('boom')) // { ok: false, code: 'EXTRACT_FAILED', message: 'extract: 从江县.txt: boom' }
 */
export function failure(file: string, error: unknown): FileOutcome & { ok: false } {
  if (error instanceof FupinError) return { ok: false, file, code: error.code, message: oneLine(error.message) };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, file, code: 'EXTRACT_FAILED', message: oneLine(`extract: ${file}: ${message}`) };
}

/** Size of a regular file (synchronous: one stat, no thread-pool round trip; see @fupin/text readFileBytes). */
function fileSize(file: string): number {
  try {
    const info = statSync(file);
    if (!info.isFile()) {
      throw new InputError(
        'INPUT_UNREADABLE',
        file,
        `extract.file: ${file} is not a regular file; expected a document`,
      );
    }
    return info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      'INPUT_UNREADABLE',
      file,
      `extract.file: cannot read ${file} (${reason}); expected a readable file`,
      {
        cause: error,
      },
    );
  }
}

/** Streams a large plain-text file: hash pass, then decoded pieces extracted one at a time. */
async function extractLargeText(file: string, pieceChars: number): Promise<FileOutcome> {
  let sha256: string;
  let encoding: string;
  try {
    sha256 = await hashFile(file);
    encoding = await sniffEncoding(file);
  } catch (error) {
    if (error instanceof FupinError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      'INPUT_UNREADABLE',
      file,
      `extract.file: cannot read ${file} (${reason}); expected a readable file`,
      {
        cause: error,
      },
    );
  }
  const merger = new PieceMerger();
  let chars = 0;
  for await (const piece of readTextPieces(file, encoding, pieceChars)) {
    const batch = sharedExtractor().extract({ path: file, text: piece.text, sha256 });
    merger.add(shiftBatch(batch, piece.offset));
    chars = piece.offset + piece.text.length;
  }
  return { ok: true, file, batch: merger.result(chars), chars };
}
