/**
 * Chromium global-setup smoke test
 *
 * Proves that scripts/test/chromium-global-setup.ts hands tests a browser that starts headless and
 * draws Chinese glyphs rather than "tofu" boxes: every missing glyph is drawn as the same .notdef box,
 * so two different characters rendering to identical pixels means no CJK font. Also writes a
 * screenshot to test-artifacts/ for a human look. Run with
 * `npx vitest run --config scripts/test/smoke.vitest.config.ts --project chromium-smoke`.
 */
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';

const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-artifacts');

describe('chromium-global-setup', () => {
  it('should provide the executable through inject and process.env', () => {
    const { executablePath, args } = inject('chromium');
    expect(process.env.CHROMIUM_PATH).toBe(executablePath);
    expect(args).toContain('--headless');
  });

  it('should launch headless and render Chinese glyphs, not boxes', async () => {
    const { executablePath, args } = inject('chromium');
    const profile = mkdtempSync(join(tmpdir(), 'fupin-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      args,
      viewport: { width: 640, height: 200 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setContent(
        '<meta charset="utf-8"><h1 style="font-family:sans-serif">从江县与苏州市吴中区东西部协作</h1>',
      );
      const pixels = await page.evaluate(() => {
        const draw = (ch: string): string => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 48;
          const ctx = canvas.getContext('2d');
          if (!ctx) throw new Error('no 2d context');
          ctx.font = '40px sans-serif';
          ctx.fillText(ch, 2, 40);
          return canvas.toDataURL();
        };
        return { cong: draw('从'), jiang: draw('江'), blank: draw(' ') };
      });
      expect(pixels.cong).not.toBe(pixels.blank);
      expect(pixels.cong).not.toBe(pixels.jiang);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'chromium-smoke-cjk.png') });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
