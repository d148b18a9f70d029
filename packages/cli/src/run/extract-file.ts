/**
 * Extract one file
 *
 * The unit of work of every batch command: read a file (any supported format), extract its graph,
 * and return either the batch or the error as a value, so one bad file never stops the others.
 * Used in-process for `--jobs 1` and inside each worker thread otherwise.
 */
import type { GraphBatch } from '@fupin/graph-schema';
import { FupinError, InputError } from '@fupin/graph-schema';
import { Extractor } from '@fupin/extract';
import { loadDocument } from '@fupin/text';

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
    const doc = await loadDocument(file);
    const batch = sharedExtractor().extract({
      path: file,
      text: doc.text,
      sha256: doc.sha256,
      ...(doc.title ? { title: doc.title } : {}),
      ...(doc.date ? { date: doc.date } : {}),
    });
    return { ok: true, file, batch, chars: doc.text.length };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, file, code: error.code, message: error.message };
    if (error instanceof FupinError) return { ok: false, file, code: error.code, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, file, code: 'EXTRACT_FAILED', message: `extract: ${file}: ${message}` };
  }
}
