/**
 * @fupin/cli
 *
 * The `fupin` command's building blocks, re-exported for scripts and tests (the binary is src/bin.ts).
 */
export * from './run/files.js';
export * from './run/pool.js';
export * from './run/render.js';
export * from './run/report.js';
export * from './run/extract-file.js';
