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
