/**
 * Chromium global setup for the `e2e` vitest project
 *
 * Browser tests run in Debian's real chromium (playwright-core cannot download its own browsers on our
 * machines), and Chinese labels need a CJK font or they render as boxes. This setup makes sure both are
 * there — installing them with scripts/install-chromium.sh when running as root, failing with the apt
 * command otherwise — and hands tests the executable and the flags through `inject('chromium')` and
 * `process.env.CHROMIUM_PATH`. Tests must fail, not skip, when the browser is missing.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/** What tests need to launch the browser. */
export interface ChromiumInfo {
  executablePath: string;
  args: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumInfo;
  }
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Flags for a quiet headless run with no traffic beyond the test server (no sandbox: CI runs as root).
 * @example chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_TEST_ARGS }) // then render 从江县
 */
export const CHROMIUM_TEST_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCjkFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

/**
 * Ensures chromium and a CJK font exist and publishes how to launch the browser.
 * @param project - the vitest project, used to `provide('chromium', …)`.
 * @example
 * // in a test: const { executablePath, args } = inject('chromium'); // '/usr/bin/chromium'
 * // then: await page.goto(url); await page.getByText('台江县').click();
 */
export function setup(project: TestProject): void {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!isExecutable(executablePath) || !hasCjkFont()) {
    const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'install-chromium.sh')], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CHROMIUM_PATH: executablePath },
    });
    if (result.status !== 0) {
      throw new Error(
        `chromium-global-setup: ${executablePath} or a CJK font is missing and scripts/install-chromium.sh failed ` +
          `(exit ${result.status}); expected both — run: sudo apt-get install -y chromium fonts-wqy-microhei`,
      );
    }
  }
  const version = spawnSync(executablePath, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    throw new Error(
      `chromium-global-setup: \`${executablePath} --version\` failed; expected a working browser\n${version.stderr}`,
    );
  }
  process.env.CHROMIUM_PATH = executablePath;
  project.provide('chromium', { executablePath, args: CHROMIUM_TEST_ARGS });
}
