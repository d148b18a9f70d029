/**
 * Tests for loadDocument: dispatch by extension, unsupported types, plain-text titles and dates.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { documentFormat, loadDocument } from './load-document.js';
import { REPORT_DATE, REPORT_PARAGRAPHS, REPORT_TEXT, REPORT_TITLE } from './report-fixture.js';

describe('documentFormat', () => {
  it('should map extensions case-insensitively', () => {
    expect(documentFormat('a/从江县.TXT')).toBe('txt');
    expect(documentFormat('b.htm')).toBe('html');
    expect(documentFormat('c.pdf')).toBe('pdf');
    expect(documentFormat('d.docx')).toBe('docx');
    expect(documentFormat('e.doc')).toBeUndefined();
  });
});

describe('loadDocument', () => {
  it('should load a GBK text file with title, date and hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-formats-'));
    const path = join(dir, '从江县.txt');
    await writeFile(path, iconv.encode(REPORT_TEXT.replace('\n\n', `\n\n发布时间:${REPORT_DATE}\n\n`), 'gbk'));
    const doc = await loadDocument(path);
    expect(doc.format).toBe('txt');
    expect(doc.encoding).toBe('GB18030');
    expect(doc.title).toBe(REPORT_TITLE);
    expect(doc.date).toBe(REPORT_DATE);
    expect(doc.text).toContain(REPORT_PARAGRAPHS[0]);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('should load a web page by its extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-formats-'));
    const path = join(dir, 'news.htm');
    await writeFile(
      path,
      `<html><head><meta charset="utf-8"><title>${REPORT_TITLE}</title></head><body><h1>${REPORT_TITLE}</h1>${REPORT_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
    );
    const doc = await loadDocument(path);
    expect(doc.format).toBe('html');
    expect(doc.text).toContain(REPORT_PARAGRAPHS[2]);
  });

  it('should refuse unknown types with INPUT_UNSUPPORTED and missing files with INPUT_UNREADABLE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-formats-'));
    await writeFile(join(dir, 'a.doc'), 'x');
    await expect(loadDocument(join(dir, 'a.doc'))).rejects.toMatchObject({ code: 'INPUT_UNSUPPORTED' });
    await expect(loadDocument(join(dir, 'missing.pdf'))).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
  });

  it('should refuse files over maxBytes with INPUT_TOO_LARGE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-formats-'));
    const path = join(dir, 'a.txt');
    await writeFile(path, REPORT_TEXT);
    await expect(loadDocument(path, { maxBytes: 8 })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });
});
