/**
 * Read a file's bytes
 *
 * The one place that turns a path into bytes for every loader (plain text and the document formats):
 * a missing path, a directory, a permission problem or a file over the size limit becomes an InputError
 * naming the file and the caller, so a batch can report it and go on. The reads are synchronous on
 * purpose: reports are small and batches run one file after another per worker thread, where each
 * asynchronous step (stat, open, fstat, read, close) would be a round trip through libuv's thread pool
 * that leaves the extracting thread idle.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '@fupin/graph-schema';

/**
 * Reads a regular file whole.
 * @param path - file path
 * @param owner - `package.method` for messages, e.g. `text.loadDocument`
 * @param maxBytes - refuse larger files with INPUT_TOO_LARGE
 * @throws InputError INPUT_UNREADABLE (missing, not a regular file, no permission) or INPUT_TOO_LARGE
 * @example await readFileBytes('reports/从江县.txt', 'text.readTextFile') // Uint8Array
 */
export async function readFileBytes(path: string, owner: string, maxBytes?: number): Promise<Uint8Array> {
  try {
    const info = statSync(path);
    if (!info.isFile()) {
      throw new InputError('INPUT_UNREADABLE', path, `${owner}: ${path} is not a regular file; expected a file`);
    }
    if (maxBytes !== undefined && info.size > maxBytes) {
      throw new InputError(
        'INPUT_TOO_LARGE',
        path,
        `${owner}: ${path} has ${info.size} bytes; expected at most ${maxBytes}`,
      );
    }
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `${owner}: cannot read ${path} (${reason}); expected a readable file`,
      {
        cause: error,
      },
    );
  }
}
