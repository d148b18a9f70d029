/**
 * PDF reports and newspaper pages
 *
 * Reads the text layer with pdf.js (pdfjs-dist's legacy build, which runs on Node without a DOM), puts
 * each page into reading order with `pdf-layout.ts`, and finds a title (largest line of the first page) and
 * a publish date (page header or a labelled date). Scanned PDFs without a text layer are refused as empty.
 */
import { InputError } from '@fupin/graph-schema';
import { findPublishDate } from './dates.js';
import { layoutPage, pageTitle, type LaidOutLine, type TextRun } from './pdf-layout.js';
import type { LoadedDocument } from './types.js';

// pdf.js needs its character maps (Adobe-GB1 etc.) to read Chinese fonts with predefined CMaps.
const PDFJS_ROOT = new URL('../../', import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const CMAP_DIR = new URL('cmaps/', PDFJS_ROOT).pathname;
const FONT_DIR = new URL('standard_fonts/', PDFJS_ROOT).pathname;

/** Joins laid-out lines: wrapped lines run on (a space only between Latin letters/digits), others break. */
function linesToText(lines: LaidOutLine[]): string {
  let text = '';
  let prev: LaidOutLine | undefined;
  for (const line of lines) {
    if (prev) {
      if (line.breakBefore) text += '\n\n';
      else if (prev.wraps) text += /[A-Za-z0-9]$/u.test(text) && /^[A-Za-z]/u.test(line.text) ? ' ' : '';
      else text += '\n';
    }
    text += line.text;
    prev = line;
  }
  return text;
}

/**
 * Extracts the text of a PDF in reading order, with a title and publish date when the first page shows them.
 * @param bytes - PDF bytes
 * @param file - file name for errors
 * @throws InputError INPUT_UNREADABLE (not a PDF, encrypted), INPUT_EMPTY (no text layer)
 * @example
 * await extractPdf(bytes, '黔东南日报-2021-03-03.pdf') // → { text: '从江县…', title: '…', date: '2021-03-03', format: 'pdf' }
 */
export async function extractPdf(bytes: Uint8Array, file: string): Promise<LoadedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it gets
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
      cMapUrl: CMAP_DIR,
      cMapPacked: true,
      standardFontDataUrl: FONT_DIR,
    }).promise;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      'INPUT_UNREADABLE',
      file,
      `text.extractPdf: ${file} cannot be opened (${reason}); expected a PDF`,
      {
        cause: error,
      },
    );
  }
  try {
    const pages: string[] = [];
    let title: string | undefined;
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        runs.push({
          str: item.str,
          x: e!,
          y: f!,
          width: item.width,
          size: Math.hypot(c!, d!) || Math.hypot(a!, b!) || 1,
        });
      }
      const lines = layoutPage(runs);
      if (p === 1) title = pageTitle(lines);
      const text = linesToText(lines);
      if (text) pages.push(text);
      page.cleanup();
    }
    const text = pages.join('\n\n');
    if (text.trim().length === 0) {
      throw new InputError(
        'INPUT_EMPTY',
        file,
        `text.extractPdf: ${file} has no text layer (scanned?); expected a PDF with text`,
      );
    }
    const date = findPublishDate(pages[0] ?? '') ?? findPublishDate(text);
    return { text, format: 'pdf', ...(title ? { title } : {}), ...(date ? { date } : {}) };
  } finally {
    await pdf.destroy();
  }
}
