/**
 * Graph file
 *
 * The embedded store keeps its whole graph in one JSON file (a GraphBatch with a format tag). A crash
 * must never leave half a graph behind, so saving writes a temporary file in the same directory,
 * fsyncs it and renames it over the old one (rename is atomic within a file system). A file that does
 * not parse is reported as STORE_CORRUPT with its path and never overwritten. Two processes writing the
 * same data directory take turns through a lock directory (proper-lockfile); one that cannot get the
 * lock in time gives up with STORE_LOCKED instead of clobbering the other's work.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { GraphBatchSchema, StoreError, type GraphBatch } from '@fupin/graph-schema';

/** Tag and version written into every graph file. */
export const GRAPH_FILE_FORMAT = 'fupin-graph';
export const GRAPH_FILE_VERSION = 1;

const GraphFileSchema = GraphBatchSchema.extend({
  format: z.literal(GRAPH_FILE_FORMAT),
  version: z.literal(GRAPH_FILE_VERSION),
});

/** What identifies one saved state of the file, to notice another process's save. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/**
 * Reads the file's stamp, or null when there is no file yet.
 * @param path - e.g. `.fupin/graph.json`
 */
export async function fileStamp(path: string): Promise<FileStamp | null> {
  try {
    const info = await stat(path);
    return { mtimeMs: info.mtimeMs, size: info.size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError('STORE_UNAVAILABLE', `store.load: cannot stat ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Loads a graph file; a missing file is an empty graph.
 * @param path - e.g. `.fupin/graph.json`
 * @throws StoreError STORE_CORRUPT when the file is not a valid graph file (it is left untouched)
 * @example await loadGraphFile('.fupin/graph.json') // { documents: […], entities: [从江县 …], … }
 */
export async function loadGraphFile(path: string): Promise<GraphBatch | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError('STORE_UNAVAILABLE', `store.load: cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, `not JSON (${(error as Error).message})`, error);
  }
  const parsed = GraphFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
    throw corrupt(path, `not a ${GRAPH_FILE_FORMAT} v${GRAPH_FILE_VERSION} file (${where})`, parsed.error);
  }
  const { format: _format, version: _version, ...batch } = parsed.data;
  return batch;
}

function corrupt(path: string, reason: string, cause: unknown): StoreError {
  return new StoreError(
    'STORE_CORRUPT',
    `store.load: ${path} is ${reason}; expected a graph file written by fupin — move it away or restore a backup (it was not modified)`,
    { cause },
  );
}

/**
 * Saves a graph atomically: temp file in the same directory, fsync, rename over the target.
 * @param path - target file
 * @param batch - the whole graph
 */
export async function saveGraphFile(path: string, batch: GraphBatch): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const body = JSON.stringify({ format: GRAPH_FILE_FORMAT, version: GRAPH_FILE_VERSION, ...batch });
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new StoreError('STORE_WRITE', `store.save: cannot write ${path}: ${(error as Error).message}`, {
      cause: error,
      retriable: true,
    });
  }
  // Make the rename itself durable (POSIX: fsync the directory); not all platforms allow it.
  try {
    const handle = await open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Directory fsync is best effort.
  }
}

/**
 * Runs `action` while holding the data directory's write lock.
 * @param path - the graph file (the lock is `<path>.lock`)
 * @param waitMs - how long to keep trying before giving up
 * @throws StoreError STORE_LOCKED when another process keeps the lock longer than `waitMs`
 */
export async function withWriteLock<T>(path: string, waitMs: number, action: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const lockPath = `${path}.lock`;
  let release: () => Promise<void>;
  // proper-lockfile refreshes the lock while we hold it; if that fails (event loop blocked past `stale`,
  // lock removed by hand) its default is to throw from a timer and kill the process. Record it instead.
  let compromised: Error | null = null;
  try {
    release = await lockfile.lock(path, {
      realpath: false,
      lockfilePath: lockPath,
      stale: 30_000,
      onCompromised: (error) => {
        compromised = error;
      },
      retries: { retries: Math.max(1, Math.ceil(waitMs / 100)), minTimeout: 100, maxTimeout: 100, factor: 1 },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StoreError(
        'STORE_LOCKED',
        `store.write: ${dirname(path)} is locked by another fupin process (${lockPath}); waited ${waitMs} ms — try again when it has finished`,
        { cause: error, retriable: true },
      );
    }
    throw new StoreError('STORE_WRITE', `store.write: cannot lock ${lockPath}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const result = await action();
    if (compromised) {
      throw new StoreError(
        'STORE_LOCKED',
        `store.write: lost the lock on ${dirname(path)} while writing (${(compromised as Error).message}); the file holds one writer's complete graph — check it and write again`,
        { cause: compromised, retriable: true },
      );
    }
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
