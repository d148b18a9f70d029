import { describe, expect, it } from 'vitest';
import { mentionsIn } from './doc-util.js';
import { Extractor } from './pipeline.js';

const sha256 = 'c'.repeat(64);

describe('mentionsIn', () => {
  it('should give the mentions of one sentence in document order, and follow mentions added later', () => {
    const { ctx } = Extractor.create().prepare({
      path: 'a.txt',
      text: '从江县加榜乡开展劳务协作。台江县与杭州市萧山区结对。',
      sha256,
    });
    for (const index of [0, 1, 2]) {
      expect(mentionsIn(ctx, index)).toEqual(ctx.mentions.filter((m) => m.sentence === index));
    }
    expect(mentionsIn(ctx, 1).map((m) => m.surface)).toContain('台江县');
    const added = { ...ctx.mentions[0]!, sentence: 1, surface: '加榜乡' };
    ctx.mentions.push(added);
    expect(mentionsIn(ctx, 1)).toContain(added);
  });
});
