import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@fupin/graph-schema';
import { Extractor } from '../pipeline.js';
import { sentencesWith } from './triggers.js';

const extractor = Extractor.create({ entityExtractors: [], relationExtractors: [] });
const ctxOf = (text: string) => extractor.context({ path: 'test.txt', text, sha256: sha256Hex(text) });

describe('sentencesWith', () => {
  it('should find exactly the sentences whose text a word pattern matches', () => {
    const ctx = ctxOf('宁波市帮扶从江县。从江县种植油茶。\n青岛市与台江县开展劳务协作，帮助群众就业！威宁县发展马铃薯。');
    const words = /帮扶|帮助|劳务协作/;
    const expected = ctx.sentences.filter((s) => words.test(s.text)).map((s) => s.index);
    expect([...sentencesWith(ctx, words)].sort()).toEqual(expected);
    expect(expected).toEqual([0, 2]);
  });

  it('should return an empty set when no sentence holds a word', () => {
    const ctx = ctxOf('从江县种植油茶。台江县发展刺梨。');
    expect(sentencesWith(ctx, /招商引资/).size).toBe(0);
  });

  it('should give the same answer again for the same document and pattern', () => {
    const ctx = ctxOf('杭州市结对帮扶从江县。');
    const words = /结对/;
    expect(sentencesWith(ctx, words)).toBe(sentencesWith(ctx, words));
  });
});
