// Browser tests of the explorer's tools: URL state restore, expand on demand, communities, language,
// and PNG / GEXF exports — real server, real EmbeddedStore, Debian's chromium.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, shot, startHarness, type Harness } from './harness.js';
import { ids, testBatch } from './test-graph.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(testBatch());
});
afterAll(async () => {
  await h?.close();
});

describe('web explorer tools', () => {
  it('should restore filters and selection from the URL', async () => {
    const { page } = await openPage(h, `/?node=${encodeURIComponent(ids.yuhang)}&types=County,Prefecture,Province`);
    await page.waitForSelector('[data-testid=panel-name]');
    expect(await page.textContent('[data-testid=panel-name]')).toContain('余杭区');
    expect(await page.isChecked('[data-testid=type-filter-Program]')).toBe(false);
    expect(await page.isChecked('[data-testid=type-filter-County]')).toBe(true);
    const types = await page.evaluate(() => {
      const f = window.__fupin;
      f.state.selected = undefined;
      f.view.refresh();
      return [...new Set(f.visible().nodes.map((n) => f.graph.getNodeAttribute(n, 'entityType')))].sort();
    });
    expect(types).toEqual(['County', 'Prefecture', 'Province']);
  });

  it('should expand a node neighbourhood on demand', async () => {
    const { page } = await openPage(h, `/?limit=3&node=${encodeURIComponent(ids.taijiang)}`);
    await page.waitForSelector('[data-testid=expand]');
    const before = await page.evaluate(() => window.__fupin.graph.order);
    await page.click('[data-testid=expand]');
    await page.waitForFunction((n) => window.__fupin.graph.order > n, before);
    const neighbours = await page.evaluate((id) => window.__fupin.graph.neighbors(id), ids.taijiang);
    expect(neighbours).toEqual(expect.arrayContaining([ids.yuhang, ids.qdn, ids.tea, ids.consumption]));
  });

  it('should colour communities when toggled', async () => {
    const { page } = await openPage(h);
    const colour = () => page.evaluate((id) => window.__fupin.sigma.getNodeDisplayData(id)?.color, ids.congjiang);
    const byType = await colour();
    await page.check('[data-testid=communities-toggle]');
    const communities = await page.evaluate(() => new Set(window.__fupin.graph.mapNodes((_, a) => a.community)).size);
    expect(communities).toBeGreaterThan(1);
    expect(await colour()).not.toBe(byType);
    expect(new URL(page.url()).searchParams.get('communities')).toBe('1');
    await shot(page, 'explorer-communities');
  });

  it('should switch the interface to English and back', async () => {
    const { page } = await openPage(h);
    await page.click('[data-testid=lang-toggle]');
    expect(await page.textContent('[data-testid=view-cooperation]')).toBe('East–west cooperation');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.click('[data-testid=lang-toggle]');
    expect(await page.textContent('[data-testid=view-cooperation]')).toBe('东西部协作');
  });

  it('should export the view as GEXF and PNG', async () => {
    const { page } = await openPage(h);
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-gexf]')]);
    expect(gexf.suggestedFilename()).toBe('fupin-graph.gexf');
    const xml = readFileSync((await gexf.path())!, 'utf8');
    expect(xml).toContain('<gexf');
    expect(xml).toContain('从江县');
    expect(xml).toContain('ASSISTS');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('should answer a Chinese question with its evidence and select an answer entity', async () => {
    const { page } = await openPage(h);
    await page.fill('[data-testid=ask-input]', '誰幫扶了台江縣？');
    await page.click('[data-testid=ask-submit]');
    await page.waitForSelector('[data-testid=answer-text]');
    expect(await page.textContent('[data-testid=answer-text]')).toContain('余杭区');
    const relations = await page.$$eval('[data-testid=answer-relation]', (els) => els.map((e) => e.textContent ?? ''));
    expect(relations.some((r) => r.includes('杭州市余杭区对口帮扶台江县'))).toBe(true);
    await page.click(`[data-testid=answer-entity][data-id="${ids.yuhang}"]`);
    await page.waitForFunction((id) => window.__fupin.state.selected === id, ids.yuhang);
    await page.fill('[data-testid=ask-input]', '明天会下雨吗');
    await page.click('[data-testid=ask-submit]');
    await page.waitForSelector('[data-testid=ask-error]');
  });

  it('should show only entities of the chosen year', async () => {
    const { page } = await openPage(h);
    await page.selectOption('[data-testid=year-filter]', '2021');
    await page.waitForFunction(
      (id) => !window.__fupin.graph.hasNode(id) && window.__fupin.layout === 'done',
      ids.yuhang,
    );
    expect(await page.evaluate((id) => window.__fupin.graph.hasNode(id), ids.wuzhong)).toBe(true);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2021');
  });
});
