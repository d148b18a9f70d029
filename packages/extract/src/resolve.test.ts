import { describe, expect, it } from 'vitest';
import { GraphBatchSchema, type GraphBatch } from '@fupin/graph-schema';
import { loadGazetteer } from '@fupin/gazetteer';
import { mergeBatches, resolveMentions } from './resolve.js';
import type { EntityMention } from './types.js';

const mention = (
  m: Partial<EntityMention> & Pick<EntityMention, 'type' | 'name' | 'surface' | 'start'>,
): EntityMention => ({
  end: m.start + m.surface.length,
  sentence: 0,
  extractor: 'test',
  ...m,
});

describe('resolveMentions', () => {
  it('should merge mentions of the same code and keep every surface as an alias', () => {
    const r = resolveMentions([
      mention({ type: 'County', name: '从江县', code: '522633000000', surface: '從江縣', start: 0 }),
      mention({ type: 'County', name: '从江县', code: '522633000000', surface: '从江', start: 20 }),
    ]);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]).toMatchObject({ id: 'region:522633000000', name: '从江县', aliases: ['從江縣', '从江'] });
    expect(r.mentionIds).toEqual(['region:522633000000', 'region:522633000000']);
  });

  it('should join an uncoded mention to the one coded entity of its name, and a short form only when unambiguous', () => {
    const r = resolveMentions([
      mention({ type: 'Township', name: '加榜乡', code: '522633205000', surface: '加榜乡', start: 0 }),
      mention({ type: 'Township', name: '加榜乡', surface: '加榜乡', start: 10 }),
      mention({ type: 'Program', name: '易地扶贫搬迁', surface: '易地扶贫搬迁', start: 20, aliases: ['易地搬迁'] }),
      mention({ type: 'Program', name: '易地搬迁', surface: '易地搬迁', start: 30 }),
    ]);
    expect(r.entities.map((e) => e.id)).toEqual(['region:522633205000', 'Program:易地扶贫搬迁']);
    expect(r.idOf({ type: 'Program', name: '易地搬迁' })).toBe('Program:易地扶贫搬迁');
  });

  it('should bring the ancestors of a coded county as entities without mentions', () => {
    const r = resolveMentions(
      [mention({ type: 'County', name: '从江县', code: '522633000000', surface: '从江县', start: 0 })],
      loadGazetteer(),
    );
    expect(r.entities.map((e) => e.name)).toEqual(['从江县', '黔东南苗族侗族自治州', '贵州省']);
    expect([...r.implied]).toEqual(['region:522600000000', 'region:520000000000']);
  });
});

describe('mergeBatches', () => {
  const batch = (doc: string, alias: string, start: number): GraphBatch => ({
    documents: [{ id: doc, path: `${doc}.txt`, sha256: 'a'.repeat(64), chars: 10 }],
    entities: [
      { id: 'region:522633000000', type: 'County', name: '从江县', aliases: [alias], code: '522633000000' },
      { id: 'region:330109000000', type: 'County', name: '萧山区', aliases: [], code: '330109000000' },
    ],
    relations: [
      {
        id: 'ASSISTS|region:330109000000|region:522633000000',
        type: 'ASSISTS',
        source: 'region:330109000000',
        target: 'region:522633000000',
        evidence: [{ documentId: doc, sentence: '萧山区帮助从江县', start, end: start + 8, extractor: 'cooperation' }],
        properties: {},
      },
    ],
    mentions: [{ entityId: 'region:522633000000', documentId: doc, surface: '从江县', start, end: start + 3 }],
  });

  it('should union entities, aliases and evidence by stable id, in any order', () => {
    const a = mergeBatches([batch('doc:1', '從江', 0), batch('doc:2', '从江', 5), batch('doc:1', '從江', 0)]);
    const b = mergeBatches([batch('doc:2', '从江', 5), batch('doc:1', '從江', 0)]);
    expect(GraphBatchSchema.parse(a)).toBeTruthy();
    expect(a.entities).toHaveLength(2);
    expect(a.entities[0]!.aliases.sort()).toEqual(['从江', '從江']);
    expect(a.relations).toHaveLength(1);
    expect(a.relations[0]!.evidence).toHaveLength(2);
    expect(a.mentions).toHaveLength(2);
    expect(new Set(b.relations[0]!.evidence.map((e) => e.documentId))).toEqual(new Set(['doc:1', 'doc:2']));
  });
});

describe('resolveMentions (unlisted places)', () => {
  it('should tell an unlisted village from its namesakes by its parent', () => {
    const a = resolveMentions([
      mention({
        type: 'Village',
        name: '党扭村',
        surface: '党扭村',
        start: 0,
        parent: '加榜乡',
        parentCode: '522633205000',
      }),
    ]);
    const b = resolveMentions([
      mention({ type: 'Village', name: '党扭村', surface: '党扭村', start: 0, parent: '施洞镇' }),
    ]);
    expect(a.entities[0]!.id).toBe('Village:党扭村@522633205000');
    expect(b.entities[0]!.id).toBe('Village:党扭村@施洞镇');
  });
});
