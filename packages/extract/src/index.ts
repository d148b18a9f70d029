/**
 * @fupin/extract
 *
 * Segmenter, entity and relation extractors, resolver and the pipeline that turns a report into a
 * GraphBatch and an extraction result (FORMAT.md). Re-exports only.
 */
export * from './types.js';
export * from './segmenter.js';
export * from './region-names.js';
export * from './doc-util.js';
export * from './extractors/index.js';
export * from './extractors/regions.js';
export * from './extractors/region-patterns.js';
export * from './relations/index.js';
export * from './relations/located-in.js';
export * from './relations/cooperation.js';
export * from './resolve.js';
export * from './pipeline.js';
export * from './result.js';
export * from './title.js';
