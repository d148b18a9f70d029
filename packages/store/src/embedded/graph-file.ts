/**
 * Graph file
 *
 * The embedded store's snapshot: the whole graph as JSON lines — a header line (format, version,
 * generation), one line per stored batch of documents, entities, relations or mentions (compact form,
 * stored-batch.ts), and an end line counting them, so a cut-short file is noticed. It is written as a
 * stream (never one giant string) to a temporary file in the same directory, fsynced and renamed over
 * the old one (rename is atomic within a file system), so a crash never leaves half a graph behind;
 * it is read as a stream too, each line validated on its own. Writes between snapshots go to the
 * journal (graph-journal.ts). A file that does not parse is reported as STORE_CORRUPT with its path and
 * never overwritten; files of the previous format (one JSON object, version 1) still load. Two processes
 * writing the same data directory take turns through a lock directory (proper-lockfile); one that
 * cannot get the lock in time gives up with STORE_LOCKED instead of clobbering the other's work.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { GraphBatchSchema, StoreError, type GraphBatch } from '@fupin/graph-schema';
import { StoredBatchSchema, decodeBatch, encodeBatch, type StoredBatch, type TextOf } from './stored-batch.js';

/** Tag and version written into every graph file. */
export const GRAPH_FILE_FORMAT = 'fupin-graph';
export const GRAPH_FILE_VERSION = 2;

/** What identifies one saved state of the file, to notice another process's save. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

/**
 * Reads the file's stamp, or null when there is no file yet.
 * @param path - e.g. `.fupin/graph.json`
 */
export async function fileStamp(path: string): Promise<FileStamp | null> {
  try {
    const info = await stat(path);
    return { mtimeMs: Math.floor(info.mtimeMs), size: info.size, ino: info.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError('STORE_UNAVAILABLE', `store.load: cannot stat ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** What a snapshot's first line says. */
const SnapshotHeaderSchema = z.object({
  format: z.literal(GRAPH_FILE_FORMAT),
  version: z.literal(GRAPH_FILE_VERSION),
  generation: z.number().int().nonnegative(),
});

/** What a snapshot's last line says: how many batch lines come before it. */
const SnapshotEndSchema = z.object({ end: z.literal(true), lines: z.number().int().nonnegative() });

/** A snapshot line: a stored batch (the `end` line aside). */
const SnapshotLineSchema = StoredBatchSchema.strict();

/** What reading a snapshot found. */
export interface SnapshotInfo {
  /** Journal generation the snapshot closes (0 for files of the previous format). */
  generation: number;
}

/**
 * Streams a snapshot into `apply`, one decoded batch per line, validating each line.
 * @param path - e.g. `.fupin/graph.json`
 * @param textOf - text of the documents applied so far (stored evidence and mentions are sliced from it)
 * @param apply - receives the batches in file order
 * @returns the header's generation, or null when there is no file
 * @throws StoreError STORE_CORRUPT when the file is not a complete graph file (it is left untouched)
 * @example await readSnapshot('.fupin/graph.json', (id) => model.textOf(id), (batch) => model.write(batch)) // { generation: 3 }
 */
export async function readSnapshot(
  path: string,
  textOf: TextOf,
  apply: (batch: GraphBatch) => void,
): Promise<SnapshotInfo | null> {
  const head = await readHead(path);
  if (head === null) return null;
  if (!head.startsWith(`{"format":"${GRAPH_FILE_FORMAT}","version":${GRAPH_FILE_VERSION},`)) {
    apply(await readLegacy(path));
    return { generation: 0 };
  }
  let header: SnapshotInfo | null = null;
  let lines = 0;
  let ended = false;
  const { complete } = await readLines(path, 0, (line, lineNo) => {
    const json = parseLine(path, line, lineNo);
    if (!header) {
      header = checked(path, SnapshotHeaderSchema, json, lineNo);
      return;
    }
    if (ended) throw corrupt(path, `has data after its end line (line ${lineNo})`, null);
    if (json !== null && typeof json === 'object' && 'end' in json) {
      const end = checked(path, SnapshotEndSchema, json, lineNo);
      if (end.lines !== lines) throw corrupt(path, `cut short (${lines} of ${end.lines} lines)`, null);
      ended = true;
      return;
    }
    lines++;
    const decoded = decodeBatch(checked(path, SnapshotLineSchema, json, lineNo), textOf);
    if (typeof decoded === 'string') throw corrupt(path, `inconsistent at line ${lineNo}: ${decoded}`, null);
    apply(decoded);
  });
  if (!header || !ended || !complete) throw corrupt(path, 'cut short (no end line)', null);
  return header;
}

/**
 * Loads a whole graph file as one GraphBatch (export, tests); a missing file is an empty graph.
 * @param path - e.g. `.fupin/graph.json`
 * @throws StoreError STORE_CORRUPT when the file is not a valid graph file (it is left untouched)
 * @example await loadGraphFile('.fupin/graph.json') // { documents: […], entities: [从江县 …], … }
 */
export async function loadGraphFile(path: string): Promise<GraphBatch | null> {
  const whole: GraphBatch = { documents: [], entities: [], relations: [], mentions: [] };
  const texts = new Map<string, string | undefined>();
  const info = await readSnapshot(
    path,
    (id) => texts.get(id),
    (batch) => {
      for (const document of batch.documents) texts.set(document.id, document.text);
      for (const key of ['documents', 'entities', 'relations', 'mentions'] as const) {
        for (const item of batch[key]) (whole[key] as unknown[]).push(item);
      }
    },
  );
  return info ? whole : null;
}

/** The previous format: the whole graph as one JSON object (version 1); read whole, as it was written. */
async function readLegacy(path: string): Promise<GraphBatch> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unavailable(path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, `not JSON (${(error as Error).message})`, error);
  }
  const parsed = LegacyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
    throw corrupt(path, `not a ${GRAPH_FILE_FORMAT} file (${where})`, parsed.error);
  }
  const { format: _format, version: _version, ...batch } = parsed.data;
  return batch;
}

const LegacyFileSchema = GraphBatchSchema.extend({
  format: z.literal(GRAPH_FILE_FORMAT),
  version: z.literal(1),
});

/** The first bytes of a file (up to 256), or null when it does not exist. */
async function readHead(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unavailable(path, error);
  }
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Calls `onLine` for every complete line (ending in `\n`) of a file from byte `from`.
 * @returns the byte offset after the last complete line, and whether the file ended there (no partial line)
 * @example await readLines('.fupin/graph.json.journal', 0, (line) => rows.push(JSON.parse(line))) // { validBytes: 5120, complete: true }
 */
export async function readLines(
  path: string,
  from: number,
  onLine: (line: string, lineNo: number, endOffset: number) => void,
): Promise<{ validBytes: number; complete: boolean }> {
  // Bytes of a line not yet ended, kept as the chunks they came in (one concat when the line ends).
  let carry: Buffer[] = [];
  let offset = from; // file offset of the first carried byte (or of the next chunk)
  let lineNo = 0;
  try {
    for await (const chunk of createReadStream(path, {
      start: from,
      highWaterMark: 1 << 20,
    }) as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        lineNo++;
        let line: string;
        if (carry.length > 0) {
          carry.push(chunk.subarray(start, nl));
          const whole = Buffer.concat(carry);
          carry = [];
          line = whole.toString('utf8');
          offset += whole.length + 1;
        } else {
          line = chunk.toString('utf8', start, nl);
          offset += nl - start + 1;
        }
        onLine(line, lineNo, offset);
        start = nl + 1;
      }
      if (start < chunk.length) carry.push(chunk.subarray(start));
    }
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw unavailable(path, error);
  }
  return { validBytes: offset, complete: carry.length === 0 };
}

/** JSON of one line, or STORE_CORRUPT naming the file and line. * @example parseLine('.fupin/graph.json', '{"entities":[]}', 2) // { entities: [] }
 */
export function parseLine(path: string, line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw corrupt(path, `not JSON at line ${lineNo} (${(error as Error).message})`, error);
  }
}

/** `json` validated by `schema`, or STORE_CORRUPT naming the file, line and field. * @example checked('.fupin/graph.json', StoredBatchSchema, { entities: [台江县] }, 2) // { entities: [台江县] }
 */
export function checked<T>(path: string, schema: z.ZodType<T>, json: unknown, lineNo: number): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
  throw corrupt(path, `not a ${GRAPH_FILE_FORMAT} file at line ${lineNo} (${where})`, parsed.error);
}

/** The STORE_CORRUPT error for a file: says which, why, and that it was not modified. * @example throw corrupt('.fupin/graph.json', 'cut short (no end line)', null) // STORE_CORRUPT naming the file
 */
export function corrupt(path: string, reason: string, cause: unknown): StoreError {
  return new StoreError(
    'STORE_CORRUPT',
    `store.load: ${path} is ${reason}; expected a graph file written by fupin — move it away or restore a backup (it was not modified)`,
    { cause },
  );
}

function unavailable(path: string, error: unknown): StoreError {
  return new StoreError('STORE_UNAVAILABLE', `store.load: cannot read ${path}: ${(error as Error).message}`, {
    cause: error,
  });
}

/**
 * Writes a snapshot atomically: streamed to a temp file in the same directory, fsync, rename over the target.
 * @param path - target file
 * @param generation - the journal generation this snapshot closes
 * @param batches - the graph as stored batches (documents first, then entities, relations, mentions)
 * @example await writeSnapshot('.fupin/graph.json', 4, model.storedBatches()) // entities 台江县, 宁波市 … one line per batch
 */
export async function writeSnapshot(path: string, generation: number, batches: Iterable<StoredBatch>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      let pending: string[] = [];
      let pendingChars = 0;
      const flush = async (): Promise<void> => {
        if (pending.length === 0) return;
        await handle.write(pending.join(''), null, 'utf8');
        pending = [];
        pendingChars = 0;
      };
      const line = async (value: unknown): Promise<void> => {
        const text = `${JSON.stringify(value)}\n`;
        pending.push(text);
        pendingChars += text.length;
        if (pendingChars >= 1 << 20) await flush();
      };
      await line({ format: GRAPH_FILE_FORMAT, version: GRAPH_FILE_VERSION, generation });
      let lines = 0;
      for (const batch of batches) {
        await line(batch);
        lines++;
      }
      await line({ end: true, lines });
      await flush();
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
  await syncDirectory(dir);
}

/**
 * Saves a whole GraphBatch as a snapshot (generation 0), atomically.
 * @param path - target file
 * @param batch - the whole graph
 * @example await saveGraphFile('.fupin/graph.json', { documents: [], entities: [从江县], relations: [], mentions: [] })
 */
export async function saveGraphFile(path: string, batch: GraphBatch): Promise<void> {
  await writeSnapshot(path, 0, [encodeBatch(batch, () => undefined)]);
}

/** Makes a rename or a new file durable (POSIX: fsync the directory); best effort, not all platforms allow it. * @example await syncDirectory('.fupin')
 */
export async function syncDirectory(dir: string): Promise<void> {
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
