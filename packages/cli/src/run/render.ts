/**
 * Rendering an outcome where it was extracted
 *
 * `fupin extract` prints every document's graph as text (FORMAT.md JSON, GraphBatch JSON lines or a
 * summary line). Turning a graph into that text costs about as much as copying it between threads, so
 * the worker that extracted a file renders it too and hands the main thread a string: the main thread
 * then only writes, and the rendering runs on every core instead of one. `fupin ingest`, which needs
 * the objects, keeps asking for the batch.
 */
import { toExtractionResult } from '@fupin/extract';
import type { FileOutcome } from './extract-file.js';
import { splitBatch } from './large-file.js';

/** What `fupin extract` prints per document. */
export type RenderMode = 'json' | 'jsonl' | 'summary';

/** Most entities, evidence items and mentions per `--jsonl` line. */
export const JSONL_MAX_ITEMS = 50_000;

/** An extracted file as text to print, with the figures of the batch report; or why it failed. */
export type RenderedOutcome =
  | { ok: true; file: string; chars: number; entities: number; relations: number; parts: string[] }
  | (FileOutcome & { ok: false });

/**
 * Renders one outcome into the parts to write in order: `json` — the document object of the FORMAT.md
 * result (one part, no separator); `jsonl` — GraphBatch lines, each ending in a newline (a huge graph
 * spans several parts, see splitBatch, so no single string grows past what V8 allows);
 * `summary` — `file: N entities, M relations` and a newline.
 * @param outcome - what extractFile returned
 * @param mode - output form
 * @example renderOutcome(await extractFile('从江县.txt'), 'summary').parts // ['从江县.txt: 12 entities, 9 relations\n']
 */
export function renderOutcome(outcome: FileOutcome, mode: RenderMode): RenderedOutcome {
  if (!outcome.ok) return outcome;
  const { file, chars, batch } = outcome;
  const parts: string[] = [];
  if (mode === 'json') parts.push(JSON.stringify(toExtractionResult([{ path: file, batch }]).documents[0]));
  else if (mode === 'jsonl')
    for (const part of splitBatch(batch, JSONL_MAX_ITEMS)) parts.push(`${JSON.stringify(part)}\n`);
  else parts.push(`${file}: ${batch.entities.length} entities, ${batch.relations.length} relations\n`);
  return { ok: true, file, chars, entities: batch.entities.length, relations: batch.relations.length, parts };
}
