/**
 * nodejieba for the baseline
 *
 * Issue 9 states the extraction target against raw nodejieba `cut`. fupin segments with @node-rs/jieba
 * (nodejieba's install script stops under pnpm 12, see the README's stack notes), so nodejieba is not a
 * dependency of the workspace: the benchmark installs it on first use into bench-out/nodejieba with npm
 * (its install script compiles cppjieba with g++ when no prebuilt binary downloads; npm 11 runs it only
 * when package.json allows it, and the nested `npx` needs `yes`), then loads it from there. When that
 * fails (no network, no compiler) the benchmark says why and goes on with @node-rs/jieba alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The version measured (the one STACK.md checked on this machine). */
export const NODEJIEBA_VERSION = '3.5.8';

/**
 * Installs (once) and loads nodejieba from `dir`; returns the module or the reason it is unavailable.
 * @param dir - install directory, e.g. bench-out/nodejieba
 * @param log - progress lines
 * @example const nj = loadNodejieba('bench-out/nodejieba', console.log); if (nj.ok) nj.jieba.cut('从江县劳务协作')
 */
export function loadNodejieba(dir, log = () => {}) {
  const binary = join(dir, 'node_modules/nodejieba/build/Release/nodejieba.node');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'fupin-bench-nodejieba', private: true, allowScripts: { nodejieba: true } }),
    );
    log(`nodejieba: installing ${NODEJIEBA_VERSION} into ${dir} (compiles cppjieba, ~30 s) …`);
    const npm = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-package-lock', `nodejieba@${NODEJIEBA_VERSION}`],
      { cwd: dir, env: { ...process.env, npm_config_yes: 'true' }, encoding: 'utf8' },
    );
    if (npm.status !== 0 || !existsSync(binary)) {
      const why = (npm.error?.message ?? `${npm.stderr ?? ''}`.trim().split('\n').pop()) || `exit ${npm.status}`;
      return { ok: false, reason: `npm install nodejieba@${NODEJIEBA_VERSION} failed in ${dir}: ${why}` };
    }
  }
  try {
    const jieba = createRequire(join(dir, 'package.json'))('nodejieba');
    jieba.load();
    return { ok: true, jieba };
  } catch (error) {
    return {
      ok: false,
      reason: `nodejieba in ${dir} does not load: ${error instanceof Error ? error.message : error}`,
    };
  }
}
