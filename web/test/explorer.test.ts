// Browser tests of the explorer: the real server over a real EmbeddedStore, driven in Debian's chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, shot, startHarness, type Harness } from './harness.js';
import { ids, SCRIPT_TEXT, testBatch, WUZHONG_EVIDENCE } from './test-graph.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(testBatch());
});
afterAll(async () => {
  await h?.close();
});

const REGION_TYPES = ['Province', 'Prefecture', 'County', 'Township', 'Village'];
const COOPERATION = ['ASSISTS', 'LABOR_COOPERATION', 'SALES_OUTLET_IN'];

async function search(page: Page, text: string, id: string): Promise<void> {
  await page.fill('[data-testid=search-input]', text);
  await page.click(`[data-testid=search-suggestion][data-id="${id}"]`);
  await page.waitForFunction((want) => window.__fupin.state.selected === want, id);
  await page.waitForSelector('[data-testid=panel-name]');
}

describe('web explorer', () => {
  it('should draw the graph', async () => {
    const { page, errors } = await openPage(h);
    const drawn = await page.evaluate(() => ({
      order: window.__fupin.sigma.getGraph().order,
      visible: window.__fupin.visibleCount(),
    }));
    expect(drawn).toEqual({ order: 15, visible: 15 });
    expect(await page.evaluate(() => window.__fupin.inkPixels())).toBeGreaterThan(500);
    expect(await page.textContent('[data-testid=legend-types]')).toContain('县级');
    await shot(page, 'explorer-graph');
    expect(errors).toEqual([]);
  });

  it('should select a partner district from search and show its evidence sentence', async () => {
    const { page } = await openPage(h);
    await search(page, '吴中', ids.wuzhong);
    expect(await page.textContent('[data-testid=panel-name]')).toContain('吴中区');
    expect(await page.textContent('[data-testid=panel-code]')).toBe('320506000000');
    const sentences = await page.$$eval('[data-testid=evidence-sentence]', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(sentences.some((s) => s.includes(WUZHONG_EVIDENCE))).toBe(true);
    expect(new URL(page.url()).searchParams.get('node')).toBe(ids.wuzhong);
    // Neighbours stay highlighted, the rest fades: 从江县 keeps its colour, 杭州市 is muted.
    const colours = await page.evaluate(
      ([a, b]) => [
        window.__fupin.sigma.getNodeDisplayData(a)?.color,
        window.__fupin.sigma.getNodeDisplayData(b)?.color,
      ],
      [ids.congjiang, ids.hangzhou],
    );
    expect(colours[0]).not.toBe(colours[1]);
    await shot(page, 'explorer-search-select');
  });

  it('should find a county by its traditional name and pick it with the keyboard', async () => {
    const { page } = await openPage(h);
    await page.keyboard.press('/');
    await page.keyboard.type('臺江');
    await page.waitForSelector(`[data-testid=search-suggestion][data-id="${ids.taijiang}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => window.__fupin.state.selected === want, ids.taijiang);
    expect(await page.textContent('[data-testid=panel-name]')).toContain('台江县');
  });

  it('should hide edges of a relation type unchecked in the legend', async () => {
    const { page } = await openPage(h);
    await page.uncheck('[data-testid=rel-filter-LOCATED_IN]');
    const rels = await page.evaluate(() => {
      const f = window.__fupin;
      return f.visible().edges.map((e) => f.graph.getEdgeAttribute(e, 'relType'));
    });
    expect(rels.length).toBe(10);
    expect(rels).not.toContain('LOCATED_IN');
    expect(new URL(page.url()).searchParams.get('rels')).not.toContain('LOCATED_IN');
  });

  it('should hide nodes of a type unchecked in the legend', async () => {
    const { page } = await openPage(h);
    await page.uncheck('[data-testid=type-filter-Program]');
    const after = await page.evaluate(() => {
      const f = window.__fupin;
      const nodes = f.visible().nodes;
      return { count: nodes.length, types: nodes.map((n) => f.graph.getNodeAttribute(n, 'entityType')) };
    });
    expect(after.count).toBe(13);
    expect(after.types).not.toContain('Program');
    expect(new URL(page.url()).searchParams.get('types')).not.toContain('Program');
    await page.check('[data-testid=type-filter-Program]');
    expect(await page.evaluate(() => window.__fupin.visibleCount())).toBe(15);
  });

  it('should show only regions and cooperation links in the 东西部协作 view, east left of west', async () => {
    const { page } = await openPage(h);
    await page.click('[data-testid=view-cooperation]');
    await page.waitForFunction(() => window.__fupin.state.cooperationOnly && window.__fupin.layout === 'done');
    const seen = await page.evaluate(() => {
      const f = window.__fupin;
      const { nodes, edges } = f.visible();
      return {
        types: nodes.map((n) => f.graph.getNodeAttribute(n, 'entityType')),
        rels: edges.map((e) => f.graph.getEdgeAttribute(e, 'relType')),
        x: Object.fromEntries(nodes.map((n) => [n, f.graph.getNodeAttribute(n, 'x')])),
      };
    });
    expect(seen.rels.length).toBeGreaterThan(0);
    expect(seen.rels.every((r) => COOPERATION.includes(r))).toBe(true);
    expect(seen.types.every((t) => REGION_TYPES.includes(t))).toBe(true);
    expect(seen.x[ids.wuzhong]).toBeLessThan(0);
    expect(seen.x[ids.yuhang]).toBeLessThan(0);
    expect(seen.x[ids.congjiang]).toBeGreaterThan(0);
    expect(seen.x[ids.taijiang]).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('cooperation');
    await shot(page, 'explorer-cooperation');
  });

  it('should highlight the shortest path between two chosen nodes', async () => {
    const { page } = await openPage(h);
    await search(page, '吴中', ids.wuzhong);
    await page.click('[data-testid=path-from]');
    await search(page, '台江', ids.taijiang);
    await page.click('[data-testid=path-to]');
    await page.waitForFunction(() => (window.__fupin.state.path?.nodes.size ?? 0) > 0);
    const path = await page.evaluate(() => {
      const f = window.__fupin;
      const p = f.state.path!;
      return {
        nodes: [...p.nodes],
        edgeColours: [...p.edges].map((e) => f.sigma.getEdgeDisplayData(e)?.color),
        otherColour: f.sigma.getNodeDisplayData(f.graph.nodes().find((n) => !p.nodes.has(n))!)?.color,
        firstColour: f.sigma.getNodeDisplayData([...p.nodes][0]!)?.color,
      };
    });
    expect(path.nodes[0]).toBe(ids.wuzhong);
    expect(path.nodes.at(-1)).toBe(ids.taijiang);
    expect(path.nodes).toContain(ids.congjiang);
    // Parallel relations between two path nodes (ASSISTS and SALES_OUTLET_IN) are all highlighted.
    expect(path.edgeColours.length).toBeGreaterThanOrEqual(path.nodes.length - 1);
    expect(new Set(path.edgeColours)).toEqual(new Set(['#ff2d55']));
    expect(path.otherColour).not.toBe(path.firstColour);
    expect(await page.textContent('[data-testid=path-status]')).toContain('从江县');
    await shot(page, 'explorer-path');
  });

  it('should show a <script> inside document text as text and run nothing', async () => {
    const { page, dialogs } = await openPage(h, `/?node=${encodeURIComponent(ids.taijiang)}`);
    await page.waitForSelector('[data-testid=evidence-document]');
    await page.click('[data-testid=relations-ASSISTS] [data-testid=evidence-document]');
    await page.waitForSelector('[data-testid=document-viewer]:not([hidden])');
    const shown = await page.evaluate(() => {
      const viewer = document.querySelector('[data-testid=document-viewer]')!;
      return {
        text: document.querySelector('[data-testid=document-text]')?.textContent,
        highlight: document.querySelector('[data-testid=document-highlight]')?.textContent,
        scripts: viewer.querySelectorAll('script').length,
        elements: document.querySelector('[data-testid=document-text]')?.children.length,
      };
    });
    expect(shown.text).toBe(SCRIPT_TEXT);
    expect(shown.text).toContain('<script>alert(1)</script>');
    expect(shown.highlight).toBe(SCRIPT_TEXT.split('\n')[1]);
    expect(shown.scripts).toBe(0);
    expect(shown.elements).toBe(1); // only the <mark>
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await shot(page, 'explorer-document');
  });

  it('should focus search with / and clear the selection with Esc', async () => {
    const { page } = await openPage(h, `/?node=${encodeURIComponent(ids.congjiang)}`);
    await page.waitForSelector('[data-testid=panel-name]');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.press('Escape'); // leaves the search box
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe('search-input');
    expect(await page.evaluate(() => window.__fupin.state.selected)).toBe(undefined);
    expect(await page.isVisible('[data-testid=panel-name]')).toBe(false);
    expect(await page.evaluate(() => window.__fupin.state.selected)).toBeUndefined();
    expect(new URL(page.url()).searchParams.get('node')).toBeNull();
  });
});
