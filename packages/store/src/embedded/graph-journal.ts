/**
 * Graph journal
 *
 * Saving the whole graph on every write made an ingest quadratic (a 50 MB corpus saved a growing
 * 300 MB file dozens of times). Instead, each write of the embedded store appends one line to a journal
 * beside the snapshot (`graph.json.journal`) and fsyncs it: cost in proportion to the batch, not to the
 * graph. A load reads the snapshot and replays the journal; when the journal outgrows the snapshot, the
 * store writes a new snapshot and deletes the journal (amortised: every byte is rewritten a bounded
 * number of times). The journal's header names the snapshot generation it extends, so a journal left
 * behind by a crash between writing the new snapshot and deleting the journal is recognised as
 * already folded in and ignored. A crash in the middle of an append leaves a partial last line: it is
 * ignored on load and cut off before the next append, so the journal holds whole writes only.
 */
import { open, truncate, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { StoreError } from '@fupin/graph-schema';
import { checked, corrupt, parseLine, readLines, syncDirectory } from './graph-file.js';
import { StoredBatchSchema, type StoredBatch } from './stored-batch.js';

/** Tag and version of the journal's header line. */
export const JOURNAL_FORMAT = 'fupin-journal';
export const JOURNAL_VERSION = 1;

const JournalHeaderSchema = z.object({
  format: z.literal(JOURNAL_FORMAT),
  version: z.literal(JOURNAL_VERSION),
  generation: z.number().int().nonnegative(),
});

/** One journal entry: a write (with the documents it replaces) or a document removal. */
export const JournalEntrySchema = z.union([
  z.object({ write: StoredBatchSchema.strict(), replace: z.array(z.string().min(1)).optional() }).strict(),
  z.object({ remove: z.string().min(1) }).strict(),
]);

export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Where reading a journal got to. */
export interface JournalPosition {
  /** Bytes of whole lines read (the next read or append starts here). */
  validBytes: number;
  /** Whether the journal belongs to the snapshot (false: missing, or left over from an older generation). */
  current: boolean;
}

/**
 * Replays the journal's entries from byte `from` (0: from the header) into `apply`.
 * @param path - e.g. `.fupin/graph.json.journal`
 * @param generation - the snapshot's generation; a journal of another generation is ignored
 * @param from - 0, or the `validBytes` of an earlier read of the same journal
 * @throws StoreError STORE_CORRUPT when a whole line is not a valid entry
 * @example await readJournal('.fupin/graph.json.journal', 3, 0, (entry) => replay(entry)) // { validBytes: 20480, current: true }
 */
export async function readJournal(
  path: string,
  generation: number,
  from: number,
  apply: (entry: JournalEntry) => void,
): Promise<JournalPosition> {
  let current = from > 0;
  let stale = false;
  let result;
  try {
    result = await readLines(path, from, (line, lineNo) => {
      if (stale) return;
      const json = parseLine(path, line, lineNo);
      if (from === 0 && lineNo === 1) {
        const header = checked(path, JournalHeaderSchema, json, lineNo);
        stale = header.generation !== generation;
        current = !stale;
        return;
      }
      apply(checked(path, JournalEntrySchema, json, lineNo) as JournalEntry);
    });
  } catch (error) {
    if (error instanceof StoreError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      return { validBytes: 0, current: false };
    }
    throw error;
  }
  if (stale) return { validBytes: 0, current: false };
  return { validBytes: result.validBytes, current };
}

/**
 * Appends entries durably (write + fsync). A journal that is missing, stale or only a torn header is
 * started afresh with a header; a torn last line is cut off first.
 * @param path - the journal
 * @param generation - the snapshot's generation
 * @param position - what the last read or append returned
 * @param entries - entries to append
 * @returns the new position (after the appended lines)
 * @example await appendJournal('.fupin/graph.json.journal', 3, position, [{ remove: 'doc:3f2a…' }])
 */
export async function appendJournal(
  path: string,
  generation: number,
  position: JournalPosition,
  entries: readonly JournalEntry[],
): Promise<JournalPosition> {
  const fresh = !position.current || position.validBytes === 0;
  const lines: string[] = [];
  if (fresh) lines.push(`${JSON.stringify({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION, generation })}\n`);
  for (const entry of entries) lines.push(`${JSON.stringify(entry)}\n`);
  const body = Buffer.from(lines.join(''), 'utf8');
  const start = fresh ? 0 : position.validBytes;
  try {
    const handle = await open(path, fresh ? 'w' : 'r+');
    try {
      if (!fresh) await handle.truncate(start);
      await handle.write(body, 0, body.length, start);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new StoreError('STORE_WRITE', `store.write: cannot append to ${path}: ${(error as Error).message}`, {
      cause: error,
      retriable: true,
    });
  }
  if (fresh) await syncDirectory(dirname(path));
  return { validBytes: start + body.length, current: true };
}

/**
 * Deletes the journal once a snapshot holds its entries (a missing journal is fine).
 * @param path - the journal
 * @example await dropJournal('.fupin/graph.json.journal')
 */
export async function dropJournal(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    // Cannot delete: empty it instead; a stale header would be ignored anyway.
    await truncate(path, 0).catch(() => undefined);
  }
  await syncDirectory(dirname(path));
}

/** The journal of a snapshot path. * @example journalPath('.fupin/graph.json') // '.fupin/graph.json.journal'
 */
export function journalPath(snapshotPath: string): string {
  return `${snapshotPath}.journal`;
}

/** A write entry. * @example writeEntry({ documents: [威宁县报告] }, ['doc:3f2a…']) // { write: { documents: [威宁县报告] }, replace: ['doc:3f2a…'] }
 */
export function writeEntry(batch: StoredBatch, replace: readonly string[]): JournalEntry {
  return replace.length > 0 ? { write: batch, replace: [...replace] } : { write: batch };
}

/** Guards against an entry that cannot be replayed: corrupt naming the journal. * @example throw corruptEntry('.fupin/graph.json.journal', 'inconsistent: …') // STORE_CORRUPT naming the journal
 */
export function corruptEntry(path: string, reason: string): StoreError {
  return corrupt(path, reason, null);
}
