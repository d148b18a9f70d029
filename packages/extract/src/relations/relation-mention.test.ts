import { describe, expect, it } from 'vitest';
import { relationMention } from './relation-mention.js';

describe('relationMention', () => {
  const source = { type: 'City' as const, name: '宁波市' };
  const target = { type: 'County' as const, name: '威宁县' };

  it('should keep figures and clause offsets', () => {
    const r = relationMention('ASSISTS', source, target, 2, 'cooperation', { fundsWanYuan: 300 }, 4, 9);
    expect(r).toEqual({
      type: 'ASSISTS',
      source,
      target,
      sentence: 2,
      extractor: 'cooperation',
      properties: { fundsWanYuan: 300 },
      start: 4,
      end: 9,
    });
  });

  it('should drop an empty record of figures', () => {
    expect(relationMention('ASSISTS', source, target, 0, 'cooperation', {}).properties).toBeUndefined();
  });

  it('should build every mention with the same keys in the same order', () => {
    const bare = relationMention('ASSISTS', source, target, 0, 'cooperation');
    const full = relationMention('ASSISTS', source, target, 0, 'cooperation', { people: 5 }, 1, 3);
    expect(Object.keys(bare)).toEqual(Object.keys(full));
  });
});
