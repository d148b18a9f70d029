/**
 * Load any supported document
 *
 * Ingest takes directories that mix plain text, saved web pages, PDF pages and Word files. This picks the
 * reader by file extension and returns one shape for all of them; anything else is refused with
 * INPUT_UNSUPPORTED so a batch can report and skip it.
 */
import { extname } from 'node:path';
import { InputError, sha256Hex } from '@fupin/graph-schema';
import { readFileBytes } from '../read-bytes.js';
import { decodeBytes } from '../decode.js';
import { findPublishDate } from './dates.js';
import { extractDocx, firstShortLine } from './docx.js';
import { extractHtml } from './html.js';
import { extractPdf } from './pdf.js';
import type { DocumentFormat, LoadedDocument } from './types.js';

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** Options for {@link loadDocument}. */
export interface LoadOptions {
  /** Refuse files larger than this many bytes with INPUT_TOO_LARGE. */
  maxBytes?: number;
}

/**
 * The format `loadDocument` would use for a path, or undefined when the extension is not supported.
 * @param path - file path
 * @example
 * documentFormat('报道/从江县.HTM') // → 'html'
 */
export function documentFormat(path: string): DocumentFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/**
 * Extracts a document from bytes already read, choosing the reader by the file's extension.
 * @param bytes - file contents
 * @param path - file path (its extension picks the reader; used in errors)
 * @throws InputError INPUT_UNSUPPORTED for other extensions, and the readers' errors
 * @example
 * await extractDocument(bytes, '从江县.txt') // → { text: '从江县…', format: 'txt', encoding: 'UTF-8' }
 */
export async function extractDocument(bytes: Uint8Array, path: string): Promise<LoadedDocument> {
  const format = documentFormat(path);
  switch (format) {
    case 'txt': {
      const { text, encoding } = decodeBytes(bytes, path);
      const title = firstShortLine(text);
      const date = findPublishDate(text);
      return { text, format, encoding, ...(title ? { title } : {}), ...(date ? { date } : {}) };
    }
    case 'html':
      return extractHtml(bytes, path);
    case 'pdf':
      return extractPdf(bytes, path);
    case 'docx':
      return extractDocx(bytes, path);
    default:
      throw unsupported(path);
  }
}

function unsupported(path: string): InputError {
  return new InputError(
    'INPUT_UNSUPPORTED',
    path,
    `text.loadDocument: ${path} has an unsupported type; expected .txt, .text, .md, .html, .htm, .pdf or .docx`,
  );
}

/**
 * Reads a document file of any supported type: .txt/.text/.md (decoded), .html/.htm (article via
 * readability), .pdf (text layer in reading order), .docx (mammoth). Also returns the SHA-256 of the file's
 * bytes, from which the Document id derives.
 * @param path - file path
 * @param options - `maxBytes` to refuse oversized files
 * @throws InputError INPUT_UNSUPPORTED, INPUT_UNREADABLE, INPUT_TOO_LARGE, INPUT_EMPTY, INPUT_BINARY, INPUT_ENCODING
 * @example
 * const doc = await loadDocument('reports/台江县.pdf'); // doc.text, doc.title, doc.date ('2021-03-03'), doc.sha256
 */
export async function loadDocument(
  path: string,
  options: LoadOptions = {},
): Promise<LoadedDocument & { sha256: string }> {
  if (!documentFormat(path)) throw unsupported(path);
  const bytes = await readFileBytes(path, 'text.loadDocument', options.maxBytes);
  return { ...(await extractDocument(bytes, path)), sha256: sha256Hex(bytes) };
}
