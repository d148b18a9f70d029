// Tests of the explorer's pure logic (no browser): highlight splitting, URL state, seeded positions,
// the east/west split, the layout's plateau test, and reading graphs out of question results.
import { describe, expect, it } from 'vitest';
import { graphFromResult } from '../src/ask-panel.js';
import { splitForHighlight } from '../src/document-viewer.js';
import { createViewGraph, mergeSubgraph, seededPosition } from '../src/graph-data.js';
import { cooperationLayout, plateaued, sideOf } from '../src/layout.js';
import { readUrlState, writeUrlState } from '../src/url-state.js';
import { isEasternCode } from '../src/vocabulary.js';

describe('splitForHighlight', () => {
  const text = '前言。苏州市吴中区帮扶从江县。结语<script>x</script>';
  it('should split at matching offsets', () => {
    expect(splitForHighlight(text, { start: 3, end: 15, sentence: '苏州市吴中区帮扶从江县。' })).toEqual([
      '前言。',
      '苏州市吴中区帮扶从江县。',
      '结语<script>x</script>',
    ]);
  });
  it('should fall back to the sentence when offsets are stale', () => {
    expect(splitForHighlight(text, { start: 0, end: 2, sentence: '苏州市吴中区帮扶从江县。' })[1]).toBe(
      '苏州市吴中区帮扶从江县。',
    );
  });
  it('should highlight nothing when neither fits', () => {
    expect(splitForHighlight(text, { sentence: '杭州市余杭区帮扶台江县。' })).toEqual([text, '', '']);
  });
});

describe('url state', () => {
  it('should round-trip the shareable state', () => {
    const state = {
      view: 'cooperation' as const,
      node: 'region:522633000000',
      types: ['County' as const, 'Prefecture' as const],
      from: 'region:320506000000',
      to: 'Program:易地扶贫搬迁',
      lang: 'en' as const,
      communities: true,
    };
    expect(readUrlState(writeUrlState(state))).toMatchObject(state);
  });
  it('should drop unknown types and views', () => {
    const s = readUrlState('?view=evil&types=County,Planet');
    expect(s.view).toBe('all');
    expect(s.types).toEqual(['County']);
  });
});

describe('seededPosition', () => {
  it('should give the same position for the same id', () => {
    expect(seededPosition('region:522630000000', 50)).toEqual(seededPosition('region:522630000000', 50));
    expect(seededPosition('region:522630000000', 50)).not.toEqual(seededPosition('region:522633000000', 50));
  });
});

describe('cooperation layout', () => {
  it('should put eastern regions left and western right, by code or by ASSISTS direction', () => {
    const g = createViewGraph();
    const county = (id: string, name: string, code?: string) => ({
      id,
      name,
      type: 'County' as const,
      aliases: [],
      degree: 1,
      ...(code ? { code } : {}),
    });
    mergeSubgraph(g, {
      nodes: [
        county('a', '吴中区', '320506000000'),
        county('b', '从江县', '522633000000'),
        county('c', '某区'),
        county('d', '某县'),
      ],
      edges: [
        { id: 'e1', type: 'ASSISTS', source: 'a', target: 'b', evidenceCount: 1, properties: {} },
        { id: 'e2', type: 'ASSISTS', source: 'c', target: 'd', evidenceCount: 1, properties: {} },
      ],
    });
    cooperationLayout(g);
    expect(sideOf(g, 'c')).toBe('east');
    expect(g.getNodeAttribute('a', 'x')).toBeLessThan(0);
    expect(g.getNodeAttribute('c', 'x')).toBeLessThan(0);
    expect(g.getNodeAttribute('b', 'x')).toBeGreaterThan(0);
    expect(g.getNodeAttribute('d', 'x')).toBeGreaterThan(0);
  });
  it('should know the eastern provinces by code', () => {
    expect(isEasternCode('330110000000')).toBe(true);
    expect(isEasternCode('520526000000')).toBe(false);
    expect(isEasternCode(undefined)).toBeUndefined();
  });
});

describe('plateaued', () => {
  it('should say no while movement keeps falling and yes once it stops', () => {
    const falling = Array.from({ length: 16 }, (_, i) => 0.1 * 0.8 ** i);
    expect(plateaued(falling)).toBe(false);
    const flat = Array.from({ length: 16 }, (_, i) => 0.01 + (i % 2) * 0.001);
    expect(plateaued(flat)).toBe(true);
    expect(plateaued([0.01, 0.01])).toBe(false);
  });
});

describe('graphFromResult', () => {
  it('should collect entities and relations from an answer', () => {
    const a = { id: 'region:330110000000', name: '余杭区', type: 'County', aliases: [] };
    const b = { id: 'region:522630000000', name: '台江县', type: 'County', aliases: [] };
    const g = graphFromResult({
      text: '余杭区帮扶台江县',
      answer: [{ id: 'r1', type: 'ASSISTS', source: a, target: b, evidence: [] }],
    });
    expect(g.nodes.map((n) => n.name).sort()).toEqual(['余杭区', '台江县'].sort());
    expect(g.edges).toEqual([expect.objectContaining({ type: 'ASSISTS', source: a.id, target: b.id })]);
  });
  it('should read nodes and relationships out of Cypher rows', () => {
    const a = { _labels: ['Entity', 'County'], id: 'region:210213000000', name: '金州区', type: 'County', aliases: [] };
    const b = { _labels: ['Entity', 'County'], id: 'region:520526000000', name: '威宁县', type: 'County', aliases: [] };
    const r = { _type: 'LABOR_COOPERATION', id: `LABOR_COOPERATION|${b.id}|${a.id}` };
    const g = graphFromResult({ columns: ['b', 'r', 'a'], rows: [{ b, r, a }] });
    expect(g.nodes).toHaveLength(2);
    expect(g.edges).toEqual([expect.objectContaining({ type: 'LABOR_COOPERATION', source: b.id, target: a.id })]);
  });
});
