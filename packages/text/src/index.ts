/**
 * @fupin/text
 *
 * Decoding, normalisation, sentence splitting and offset maps for Chinese report text. Re-exports only.
 */
export * from './char-class.js';
export * from './decode.js';
export * from './normalize.js';
export * from './sentences.js';
export * from './simplify.js';
export * from './formats/types.js';
export * from './formats/dates.js';
export * from './formats/charset.js';
export * from './formats/html.js';
export * from './formats/pdf.js';
export * from './formats/docx.js';
export * from './formats/load-document.js';
