/**
 * Loaded documents
 *
 * The shape every format reader returns, so ingest treats a saved web page, a PDF page and a Word file
 * like a text file: one text (stored as Document.text, the target of evidence offsets), an optional
 * title and publish date, and where the text came from.
 */

/** The formats `loadDocument` reads. */
export type DocumentFormat = 'txt' | 'html' | 'pdf' | 'docx';

/** A document's text and what was found about it. */
export interface LoadedDocument {
  /** Extracted text (paragraphs separated by blank lines); evidence offsets index into it. */
  text: string;
  /** Title, when the format shows one (`<h1>`, the largest line of a PDF's first page, a short first line). */
  title?: string;
  /** Publish date `YYYY-MM-DD`, when found. */
  date?: string;
  /** Which reader produced the text. */
  format: DocumentFormat;
  /** Encoding of a text or HTML file. */
  encoding?: string;
}
