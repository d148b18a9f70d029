/**
 * Building the index on demand
 *
 * The index under data/ is generated (gitignored). `pnpm build` makes it; test suites and scripts that
 * may run on a fresh clone before a build call this to make it themselves instead of failing later.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATA_DIR } from './index-files.js';

const BUILDER = fileURLToPath(new URL('../scripts/build-index.mjs', import.meta.url));

/**
 * Runs scripts/build-index.mjs when the default index is missing (about 3 s, once); does nothing otherwise.
 * @returns whether the builder ran
 * @example ensureIndex(); loadGazetteer().lookup('台江县')
 */
export function ensureIndex(): boolean {
  const files = ['divisions.tsv', 'villages.tsv', 'villages-index.json'];
  if (files.every((f) => existsSync(join(DEFAULT_DATA_DIR, f)))) return false;
  execFileSync(process.execPath, [BUILDER], { stdio: 'inherit' });
  return true;
}
