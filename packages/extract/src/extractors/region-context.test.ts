import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '@fupin/gazetteer';
import { choose, contextCodes, ContextCodes, supportOf } from './region-context.js';

const gaz = loadGazetteer();

describe('contextCodes', () => {
  it('should count the counties a text names without ambiguity, with their provinces', () => {
    const context = contextCodes(gaz, gaz.findAll('从江县和台江县开展劳务协作，从江县'));
    expect(context.get('522633000000')).toBe(2);
    expect(context.get('522630000000')).toBe(1);
    expect(context.provinces.has('52')).toBe(true);
    expect(context.provinces.has('33')).toBe(false);
  });
});

describe('supportOf', () => {
  it('should support a township of a named county and not a namesake in a province the text does not name', () => {
    const context = contextCodes(gaz, gaz.findAll('雷山县发展旅游'));
    const hits = gaz.findAll('西江镇')[0]!.hits;
    const own = hits.find((h) => h.division.code.startsWith('522634'))!;
    expect(supportOf(gaz, own.division, context)).toBeGreaterThan(0);
    const elsewhere = hits.find((h) => !h.division.code.startsWith('52'));
    if (elsewhere) expect(supportOf(gaz, elsewhere.division, context)).toBe(0);
    expect(supportOf(gaz, own.division, new ContextCodes())).toBe(0);
  });
});

describe('choose', () => {
  it('should pick the namesake inside the county the text names, and call it ambiguous without context', () => {
    const hits = gaz.findAll('西江镇')[0]!.hits;
    expect(choose(gaz, hits, contextCodes(gaz, gaz.findAll('雷山县')))?.division.code).toBe('522634101000');
    const bare = choose(gaz, hits, new ContextCodes());
    expect(bare === undefined || bare.ambiguous).toBe(true);
  });
});
