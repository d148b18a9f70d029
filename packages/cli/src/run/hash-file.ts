/**
 * File hashes
 *
 * SHA-256 of a file's bytes, streamed, so that ingest can tell unchanged files from changed ones
 * without decoding or extracting them (the store keeps the hash of every document by path).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Hex SHA-256 of a file, read as a stream (constant memory for any size).
 * @param path - file path, e.g. `reports/从江县.txt`
 * @example await hashFile('examples/01-congjiang-xiaoshan.txt') // '3f1c…'
 */
export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
