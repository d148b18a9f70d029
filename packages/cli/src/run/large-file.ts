/**
 * Large text files
 *
 * A plain-text archive can be one file of hundreds of megabytes (a whole year of a county's bulletins
 * pasted together). Reading it whole would hold the bytes, the decoded string and the extractor's
 * working copies at once, and the extractor's cost grows faster than linearly with document length
 * (measured on this machine: 100 k characters 1.9 s, 400 k characters 25 s of CPU). So a plain-text file
 * above a size threshold is streamed: hashed in one pass (the Document id derives from the bytes),
 * decoded in a second pass with the encoding sniffed from its head, cut at paragraph boundaries into
 * pieces of a few tens of thousands of characters, and each piece extracted on its own with its offsets
 * shifted so evidence and mentions still point into the original text. The Document keeps no text
 * (the view cannot hold it anyway); everything else is as for a small file.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Entity, Evidence, GraphBatch, Mention, Relation } from '@fupin/graph-schema';
import { decodeBytes } from '@fupin/text';

/** Files larger than this many bytes are streamed in pieces (env FUPIN_LARGE_FILE_BYTES overrides). */
export const LARGE_FILE_BYTES = 1024 * 1024;

/**
 * Most characters per piece (env FUPIN_PIECE_CHARS overrides); pieces end at a paragraph break. Measured
 * extraction throughput peaks at 20–50 k characters per document (~65 k chars per CPU-second here).
 */
export const PIECE_CHARS = 32 * 1024;

/** Bytes read to sniff the encoding (even, so a UTF-16 head is never cut in half). */
const SNIFF_BYTES = 64 * 1024;

/** Size limits in force, from the environment (worker threads share it) or the defaults. */
export function largeFileLimits(env: NodeJS.ProcessEnv = process.env): { largeFileBytes: number; pieceChars: number } {
  const read = (value: string | undefined, fallback: number, min: number): number => {
    const n = Number(value);
    return value !== undefined && Number.isInteger(n) && n >= min ? n : fallback;
  };
  return {
    largeFileBytes: read(env.FUPIN_LARGE_FILE_BYTES, LARGE_FILE_BYTES, 1),
    pieceChars: read(env.FUPIN_PIECE_CHARS, PIECE_CHARS, 256),
  };
}

/** One piece of a large file: its text and where it starts in the whole decoded text (UTF-16 units). */
export interface TextPiece {
  text: string;
  offset: number;
}

/**
 * Detects a file's encoding from its first 64 KB with the same rules as `decodeBytes` (BOM, strict
 * UTF-8, then chardet); binary and blank heads are refused with the same InputErrors.
 * @param path - file path
 * @example await sniffEncoding('档案/从江县2020全年.txt') // 'GB18030'
 */
export async function sniffEncoding(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return decodeBytes(head.subarray(0, bytesRead - (bytesRead % 2)), path).encoding;
  } finally {
    await handle.close();
  }
}

/** Where to cut a buffer that has grown past `target`: after the last paragraph break, else line, else sentence. */
export function cutPoint(text: string, target: number): number {
  const floor = Math.floor(target / 2);
  for (const mark of ['\n\n', '\r\n\r\n', '\n', '\r']) {
    const at = text.lastIndexOf(mark, text.length - mark.length);
    if (at >= floor) return at + mark.length;
  }
  for (let i = text.length - 1; i >= floor; i--) if ('。！？!?；;'.includes(text[i]!)) return i + 1;
  // No break at all: a hard cut, never between the two halves of a surrogate pair.
  let at = Math.min(text.length, target);
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at--;
  return at;
}

/**
 * Streams a text file as decoded pieces of at most `pieceChars` characters, cut at paragraph breaks
 * (else line breaks, else sentence ends) in their second half.
 * Concatenated, the pieces are exactly the text `decodeBytes` would give for the whole file.
 * @param path - file path
 * @param encoding - from {@link sniffEncoding}
 * @param pieceChars - target piece length
 * @example for await (const p of readTextPieces('档案/台江县.txt', 'UTF-8', 65536)) console.log(p.offset)
 */
export async function* readTextPieces(path: string, encoding: string, pieceChars: number): AsyncGenerator<TextPiece> {
  // iconv-lite strips a leading BOM, as decodeBytes does.
  const stream = createReadStream(path).pipe(iconv.decodeStream(encoding));
  let buffer = '';
  let offset = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    buffer += chunk;
    while (buffer.length >= pieceChars * 2) {
      const cut = cutPoint(buffer.slice(0, pieceChars), pieceChars);
      yield { text: buffer.slice(0, cut), offset };
      offset += cut;
      buffer = buffer.slice(cut);
    }
  }
  while (buffer.length > 0) {
    const cut = buffer.length > pieceChars ? cutPoint(buffer.slice(0, pieceChars), pieceChars) : buffer.length;
    yield { text: buffer.slice(0, cut), offset };
    offset += cut;
    buffer = buffer.slice(cut);
  }
}

/**
 * Moves a piece's batch to the piece's place in the whole text: every evidence and mention offset
 * gains `offset`. Sentences and surfaces are unchanged (they are slices of the piece, hence of the text).
 * @param batch - a piece's GraphBatch
 * @param offset - the piece's start in the whole text
 * @example shiftBatch(batchOf('台江县与杭州市…'), 65536).mentions[0].start // 65536
 */
export function shiftBatch(batch: GraphBatch, offset: number): GraphBatch {
  if (offset === 0) return batch;
  const shift = <T extends { start: number; end: number }>(item: T): T => ({
    ...item,
    start: item.start + offset,
    end: item.end + offset,
  });
  return {
    documents: batch.documents,
    entities: batch.entities,
    relations: batch.relations.map((r) => ({ ...r, evidence: r.evidence.map(shift) })),
    mentions: batch.mentions.map(shift),
  };
}

/** Accumulates piece batches of one document into one batch, merging by id. */
export class PieceMerger {
  private readonly entities = new Map<string, Entity>();
  private readonly relations = new Map<string, Relation>();
  private readonly evidenceSeen = new Map<string, Set<string>>();
  private readonly mentions: Mention[] = [];
  private document: GraphBatch['documents'][number] | undefined;

  /**
   * Adds one (already shifted) piece batch.
   * @example merger.add(shiftBatch(extractor.extract(piece), piece.offset))
   */
  add(batch: GraphBatch): void {
    this.document ??= batch.documents[0];
    for (const e of batch.entities) {
      const have = this.entities.get(e.id);
      if (!have) {
        this.entities.set(e.id, { ...e, aliases: [...e.aliases] });
        continue;
      }
      for (const a of e.aliases) if (a !== have.name && !have.aliases.includes(a)) have.aliases.push(a);
      if (!have.code && e.code) have.code = e.code;
      if (!have.parentCode && e.parentCode) have.parentCode = e.parentCode;
      if (!have.parent && e.parent) have.parent = e.parent;
    }
    for (const r of batch.relations) {
      let have = this.relations.get(r.id);
      let seen = this.evidenceSeen.get(r.id);
      if (!have || !seen) {
        have = { ...r, evidence: [], properties: { ...r.properties } };
        seen = new Set();
        this.relations.set(r.id, have);
        this.evidenceSeen.set(r.id, seen);
      } else {
        for (const [k, v] of Object.entries(r.properties)) if (!(k in have.properties)) have.properties[k] = v;
      }
      for (const ev of r.evidence) {
        const key = evidenceKey(ev);
        if (seen.has(key)) continue;
        seen.add(key);
        have.evidence.push(ev);
      }
    }
    for (const m of batch.mentions) this.mentions.push(m);
  }

  /**
   * The merged batch; the Document gets the whole text's length and no text.
   * @param chars - characters of the whole decoded text
   */
  result(chars: number): GraphBatch {
    const documents = this.document ? [{ ...withoutText(this.document), chars }] : [];
    return {
      documents,
      entities: [...this.entities.values()],
      relations: [...this.relations.values()],
      mentions: this.mentions,
    };
  }
}

function evidenceKey(ev: Evidence): string {
  return `${ev.start}|${ev.end}|${ev.extractor}`;
}

function withoutText<T extends { text?: string }>(document: T): Omit<T, 'text'> {
  const { text: _text, ...rest } = document;
  return rest;
}

/**
 * Splits a batch into batches of at most `maxItems` entities, evidence items or mentions each, so that a
 * huge document's graph can be written as several JSON lines (one JSON string has a size limit in V8)
 * and loaded in order. Entities come first, then relations, then mentions; every part carries the
 * Document, so each line is a valid batch on its own. A small batch is yielded unchanged.
 * @param batch - one document's batch
 * @param maxItems - items per part
 * @example [...splitBatch(batchOf100MbFile, 50_000)].length // e.g. 90
 */
export function* splitBatch(batch: GraphBatch, maxItems: number): Generator<GraphBatch> {
  const evidence = batch.relations.reduce((n, r) => n + Math.max(1, r.evidence.length), 0);
  if (batch.entities.length + evidence + batch.mentions.length <= maxItems) {
    yield batch;
    return;
  }
  const part = (over: Partial<GraphBatch>): GraphBatch => ({
    documents: batch.documents,
    entities: [],
    relations: [],
    mentions: [],
    ...over,
  });
  for (let i = 0; i < batch.entities.length; i += maxItems)
    yield part({ entities: batch.entities.slice(i, i + maxItems) });
  let relations: Relation[] = [];
  let size = 0;
  for (const r of batch.relations) {
    const n = Math.max(1, r.evidence.length);
    if (size > 0 && size + n > maxItems) {
      yield part({ relations });
      relations = [];
      size = 0;
    }
    relations.push(r);
    size += n;
  }
  if (relations.length > 0) yield part({ relations });
  for (let i = 0; i < batch.mentions.length; i += maxItems)
    yield part({ mentions: batch.mentions.slice(i, i + maxItems) });
}
