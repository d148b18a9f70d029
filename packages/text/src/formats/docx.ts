/**
 * Word documents
 *
 * Reports circulate as .docx files. mammoth turns the document body into simple HTML (headings, paragraphs,
 * lists, tables, no styling), which the DOM walker writes as paragraphs; the first heading is the title.
 */
import { InputError } from '@fupin/graph-schema';
import { findPublishDate } from './dates.js';
import { domText, type DomNode } from './dom-text.js';
import type { LoadedDocument } from './types.js';

/**
 * Extracts the text of a .docx file, with its first heading as title and a publish date when one is printed.
 * @param bytes - .docx bytes
 * @param file - file name for errors
 * @throws InputError INPUT_UNREADABLE (not a .docx), INPUT_EMPTY (no text)
 * @example
 * await extractDocx(bytes, '威宁县工作总结.docx') // → { text: '威宁县…', title: '威宁县…', format: 'docx' }
 */
export async function extractDocx(bytes: Uint8Array, file: string): Promise<LoadedDocument> {
  // Loaded on first use: both take a noticeable part of a second to import.
  const [{ default: mammoth }, { parseHTML }] = await Promise.all([import('mammoth'), import('linkedom')]);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      'INPUT_UNREADABLE',
      file,
      `text.extractDocx: ${file} cannot be opened (${reason}); expected a .docx file`,
      {
        cause: error,
      },
    );
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as {
    document: DomNode & { body: DomNode; querySelector(s: string): DomNode | null };
  };
  const text = domText(document.body);
  if (text.trim().length === 0) {
    throw new InputError('INPUT_EMPTY', file, `text.extractDocx: ${file} holds no text; expected a document with text`);
  }
  const heading = document.querySelector('h1') ?? document.querySelector('h2');
  const title = heading?.textContent?.replace(/\s+/gu, ' ').trim() || firstShortLine(text);
  const date = findPublishDate(text);
  return { text, format: 'docx', ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

/**
 * A title guessed from plain text: among the lines before the body starts (the first line that ends a
 * sentence) and at most the first eight, the first one of 5–40 characters that is mostly Chinese and does
 * not end with a colon — which skips navigation (`返回首页`), form labels (`标题:`) and issue numbers.
 * @param text - document text
 * @example
 * firstShortLine('返回首页\n台江县脱贫攻坚纪实\n\n2020年，台江县……。') // → '台江县脱贫攻坚纪实'
 */
export function firstShortLine(text: string): string | undefined {
  const lines = text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 8);
  for (const line of lines) {
    if (/[。！？；.!?;]["”’」』）)]*$/u.test(line)) return undefined; // the body has started
    const visible = line.replace(/\s+/gu, '');
    const han = visible.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (visible.length >= 5 && visible.length <= 40 && han >= 0.6 * visible.length && !/[:：]$/u.test(visible)) {
      return line;
    }
  }
  return undefined;
}
