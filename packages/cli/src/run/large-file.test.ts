/**
 * Tests of large-file streaming: a generated 100 MB report read in pieces without holding it whole,
 * pieces that put back together give the exact text, multibyte encodings split across stream chunks,
 * and the built CLI extracting a file in pieces with evidence pointing into the original text.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBatchSchema } from '@fupin/graph-schema';
import { expectOffsetsInto, fupin, paragraph, report } from '../../test/robust-fixtures.js';
import { hashFile } from './hash-file.js';
import { cutPoint, largeFileLimits, readTextPieces, shiftBatch, sniffEncoding, splitBatch } from './large-file.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fupin-large-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('cutPoint', () => {
  it('should cut after the last paragraph break past half the target', () => {
    const text = `${'从'.repeat(60)}\n\n${'江'.repeat(30)}\n\n${'县'.repeat(20)}`;
    expect(cutPoint(text, 100)).toBe(94);
  });

  it('should fall back to a sentence end, then to a hard cut that keeps surrogate pairs whole', () => {
    expect(cutPoint(`${'台'.repeat(70)}。${'江'.repeat(50)}`, 100)).toBe(71);
    const astral = '𫖮'.repeat(100); // every character is a surrogate pair
    const cut = cutPoint(astral, 51);
    expect(cut % 2).toBe(0);
  });
});

describe('largeFileLimits', () => {
  it('should take sizes from the environment and ignore nonsense', () => {
    expect(largeFileLimits({ FUPIN_LARGE_FILE_BYTES: '5000', FUPIN_PIECE_CHARS: '1000' })).toEqual({
      largeFileBytes: 5000,
      pieceChars: 1000,
    });
    expect(largeFileLimits({ FUPIN_LARGE_FILE_BYTES: '-1', FUPIN_PIECE_CHARS: 'x' })).toEqual(largeFileLimits({}));
  });
});

describe('readTextPieces', () => {
  it('should stream a 100 MB report in paragraph pieces that add up to the exact bytes', async () => {
    const file = join(work, '威宁县 全年汇编.txt');
    const out = createWriteStream(file);
    let written = 0;
    for (let i = 0; written < 100 * 1024 * 1024; i++) {
      const block = report(i * 50, 50);
      written += Buffer.byteLength(block);
      if (!out.write(block)) await new Promise((resolve) => out.once('drain', resolve));
    }
    await new Promise<void>((resolve) => out.end(resolve));
    expect((await stat(file)).size).toBeGreaterThanOrEqual(100 * 1024 * 1024);

    const heapBefore = process.memoryUsage().heapUsed;
    let peakHeap = heapBefore;
    const hash = createHash('sha256');
    let expected = 0;
    let pieces = 0;
    for await (const piece of readTextPieces(file, await sniffEncoding(file), 65536)) {
      expect(piece.offset).toBe(expected);
      expect(piece.text.length).toBeLessThanOrEqual(65536);
      expect(piece.text.endsWith('\n')).toBe(true);
      expected += piece.text.length;
      hash.update(piece.text, 'utf8');
      pieces++;
      if (pieces % 64 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    expect(pieces).toBeGreaterThan(500);
    expect(hash.digest('hex')).toBe(await hashFile(file));
    // Sanity bound only (figures belong in benchmarks): the 100 MB text is never held whole.
    expect(peakHeap - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);

  it.each(['gb18030', 'big5', 'utf16le'])('should decode %s split across stream chunks exactly', async (encoding) => {
    const text =
      encoding === 'big5'
        ? '臺江縣與杭州市簽訂東西部扶貧協作協議，建設茶葉基地。\n\n從江縣勞動力赴寧波市就業。\n\n'.repeat(4000)
        : report(0, 3000);
    const bytes = iconv.encode(text, encoding, { addBOM: encoding === 'utf16le' });
    const file = join(work, `${encoding}.txt`);
    writeFileSync(file, bytes);
    const found = await sniffEncoding(file);
    let joined = '';
    for await (const piece of readTextPieces(file, found, 4096)) joined += piece.text;
    expect(joined).toBe(text);
  });
});

describe('shiftBatch', () => {
  it('should move evidence and mentions by the offset and keep their text', () => {
    const evidence = { documentId: 'doc:1', sentence: '杭州市帮扶台江县', start: 2, end: 10, extractor: 'x' };
    const batch = {
      documents: [],
      entities: [],
      relations: [
        { id: 'r', type: 'ASSISTS' as const, source: 'a', target: 'b', evidence: [evidence], properties: {} },
      ],
      mentions: [{ entityId: 'a', documentId: 'doc:1', surface: '杭州市', start: 2, end: 5 }],
    };
    const shifted = shiftBatch(batch, 1000);
    expect(shifted.relations[0]!.evidence[0]).toMatchObject({ start: 1002, end: 1010, sentence: '杭州市帮扶台江县' });
    expect(shifted.mentions[0]).toMatchObject({ start: 1002, end: 1005, surface: '杭州市' });
  });
});

describe('splitBatch', () => {
  const doc = { id: 'doc:1', path: '台江县.txt', sha256: 'a'.repeat(64), chars: 100 };
  const ev = (start: number) => ({ documentId: 'doc:1', sentence: '', start, end: start, extractor: 'x' });
  const batch = {
    documents: [doc],
    entities: ['从江县', '台江县', '杭州市', '宁波市', '榕江县'].map((name) => ({
      id: `County:${name}`,
      type: 'County' as const,
      name,
      aliases: [],
    })),
    relations: [1, 4, 2].map((n, i) => ({
      id: `r${i}`,
      type: 'ASSISTS' as const,
      source: 'County:杭州市',
      target: 'County:台江县',
      evidence: Array.from({ length: n }, (_, k) => ev(k)),
      properties: {},
    })),
    mentions: Array.from({ length: 7 }, (_, k) => ({
      entityId: 'County:台江县',
      documentId: 'doc:1',
      surface: '',
      start: k,
      end: k,
    })),
  };

  it('should cut a large batch into valid parts in entity, relation, mention order, each with the document', () => {
    const parts = [...splitBatch(batch, 3)];
    expect(parts.map((p) => [p.entities.length, p.relations.length, p.mentions.length])).toEqual([
      [3, 0, 0],
      [2, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 3],
      [0, 0, 3],
      [0, 0, 1],
    ]);
    for (const part of parts) {
      expect(GraphBatchSchema.parse(part).documents).toEqual([doc]);
    }
    expect(parts.flatMap((p) => p.relations)).toEqual(batch.relations);
    expect(parts.flatMap((p) => p.mentions)).toEqual(batch.mentions);
  });

  it('should yield a small batch unchanged', () => {
    expect([...splitBatch(batch, 1000)]).toEqual([batch]);
  });
});

describe('fupin extract on a file above the large-file threshold', () => {
  it('should extract it in pieces with evidence and mentions at offsets of the whole text', async () => {
    const text = report(0, 400) + paragraph(7);
    const file = join(work, '榕江县 汇编.txt');
    writeFileSync(file, iconv.encode(text, 'gbk'));
    const run = fupin(['extract', file, '--jsonl', '--jobs', '1', '--out', join(work, 'large.jsonl')], work, {
      FUPIN_LARGE_FILE_BYTES: '20000',
      FUPIN_PIECE_CHARS: '8000',
    });
    expect(run.stderr.trim()).toMatch(/^fupin: 1\/1 files processed/);
    expect(run.status).toBe(0);
    const batch = GraphBatchSchema.parse(JSON.parse(await readFile(join(work, 'large.jsonl'), 'utf8')));
    expect(batch.documents).toHaveLength(1);
    expect(batch.documents[0]).toMatchObject({ chars: text.length, sha256: await hashFile(file) });
    expect(batch.documents[0]!.text).toBeUndefined();
    expectOffsetsInto(batch, text);
    // Mentions reach the last piece, so offsets were shifted, not restarted.
    expect(Math.max(...batch.mentions.map((m) => m.end))).toBeGreaterThan(text.length - 200);
    expect(new Set(batch.entities.map((e) => e.id)).size).toBe(batch.entities.length);
    expect(new Set(batch.relations.map((r) => r.id)).size).toBe(batch.relations.length);
  }, 120_000);
});
