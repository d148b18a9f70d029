#!/usr/bin/env node
// Launcher behind `pnpm -s fupin …`: runs the built CLI, building it first when the checkout has
// never been built (fresh clone after `pnpm install`), so scoring scripts can call it directly, and
// rebuilding the gazetteer index when it is of an older format than the built code reads (after a pull).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const index = join(root, 'packages/gazetteer/data');
if (!existsSync(bin) || !existsSync(index)) {
  process.stderr.write('fupin: first run — building the project (pnpm build:cli)…\n');
  const built = spawnSync('pnpm', ['-s', 'build:cli'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
} else {
  // ensureIndex runs the index builder only when data/ holds another format (milliseconds otherwise).
  const { ensureIndex } = await import(join(root, 'packages/gazetteer/dist/index.js'));
  if (ensureIndex()) process.stderr.write('fupin: gazetteer index rebuilt for this version\n');
}
const run = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
