/**
 * Building the index on demand
 *
 * The index under data/ is generated (gitignored). `pnpm build` makes it; test suites and scripts that
 * may run on a fresh clone before a build call this to make it themselves instead of failing later.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATA_DIR, isIndexCurrent } from './index-files.js';

const BUILDER = fileURLToPath(new URL('../scripts/build-index.mjs', import.meta.url));

/**
 * Runs scripts/build-index.mjs when the default index is missing or of an older format (about 3 s,
 * once); does nothing otherwise.
 * @returns whether the builder ran
 * @example ensureIndex(); loadGazetteer().lookup('台江县')
 */
export function ensureIndex(): boolean {
  if (isIndexCurrent(DEFAULT_DATA_DIR)) return false;
  execFileSync(process.execPath, [BUILDER], { stdio: 'inherit' });
  return true;
}
