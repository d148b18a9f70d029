import { describe, expect, it } from 'vitest';
import { isWordBoundary, mentionsIn, sentenceWords, wordBoundaries, wordTags, wordTagsBetween } from './doc-util.js';
import { Extractor } from './pipeline.js';
import { JiebaSegmenter } from './segmenter.js';

const sha256 = 'c'.repeat(64);
const TEXT = '从江县加榜乡开展劳务协作。台江县与杭州市萧山区结对，引进ABC公司2024年项目！\n威宁县迤那镇发展马铃薯产业';

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

describe('sentenceWords', () => {
  it('should give each sentence the words a cut of that sentence alone gives, cutting each sentence once', () => {
    const inner = JiebaSegmenter.shared();
    const cuts: string[] = [];
    const counting = { cut: (t: string) => (cuts.push(t), inner.cut(t)), tag: (t: string) => inner.tag(t) };
    const ctx = Extractor.create({ segmenter: counting }).context({ path: 'a.txt', text: TEXT, sha256 });
    expect(ctx.sentences.length).toBe(3);
    for (let i = 0; i < ctx.sentences.length; i++) {
      expect(sentenceWords(ctx, i)).toEqual(inner.cut(ctx.sentences[i]!.text));
    }
    expect(cuts).toEqual(ctx.sentences.map((s) => s.text));
    sentenceWords(ctx, 1);
    isWordBoundary(ctx, 2, ctx.sentences[2]!.start);
    expect(cuts.length).toBe(3);
    expect(sentenceWords(ctx, 99)).toEqual([]);
  });

  it('should cut sentences alone when the segmenter has no whole-document cut', () => {
    const ctx = Extractor.create().context({ path: 'a.txt', text: TEXT, sha256 });
    const plain = JiebaSegmenter.shared();
    const bare = { ...ctx, segmenter: { cut: (t: string) => plain.cut(t), tag: (t: string) => plain.tag(t) } };
    expect(sentenceWords(bare, 1)).toEqual(sentenceWords(ctx, 1));
  });
});

describe('isWordBoundary', () => {
  it('should answer as wordBoundaries(ctx, sentence).has(offset) at every offset of the text', () => {
    const ctx = Extractor.create().context({ path: 'a.txt', text: TEXT, sha256 });
    for (let i = 0; i < ctx.sentences.length; i++) {
      const set = wordBoundaries(ctx, i);
      for (let x = 0; x <= ctx.normalized.text.length; x++) expect(isWordBoundary(ctx, i, x)).toBe(set.has(x));
    }
    expect(isWordBoundary(ctx, 0, 3)).toBe(true); // 从江县|加榜乡
    expect(isWordBoundary(ctx, 0, 1)).toBe(false); // 从|江县
  });
});

describe('wordTags', () => {
  it('should tag the words of a sentence with absolute offsets', () => {
    const ctx = Extractor.create().context({ path: 'a.txt', text: TEXT, sha256 });
    const tags = wordTags(ctx, 1);
    const s = ctx.sentences[1]!;
    expect(tags.map((t) => t.word)).toEqual(sentenceWords(ctx, 1));
    expect(tags.map((t) => ctx.normalized.text.slice(t.start, t.end))).toEqual(sentenceWords(ctx, 1));
    expect(tags[0]!.start).toBe(s.start);
    expect(tags.find((t) => t.word === '台江县')?.tag).toBe('ns');
  });
});

describe('wordTagsBetween', () => {
  it('should give the tagged words overlapping a span exactly as the tags of the whole sentence give them', () => {
    const ctx = Extractor.create().context({ path: 'a.txt', text: TEXT, sha256 });
    const fresh = Extractor.create().context({ path: 'a.txt', text: TEXT, sha256 });
    for (let i = 0; i < ctx.sentences.length; i++) {
      const s = ctx.sentences[i]!;
      for (let from = s.start; from < s.end; from++) {
        for (const to of [from + 1, from + 2, from + 4]) {
          // `fresh` has tagged no sentence yet, so its words are tagged alone
          const alone = wordTagsBetween(fresh, i, from, to);
          const whole = wordTags(ctx, i).filter((w) => w.end > from && w.start < Math.min(to, s.end));
          expect(alone).toEqual(whole);
        }
      }
    }
    expect(wordTagsBetween(ctx, 1, ctx.sentences[1]!.start, ctx.sentences[1]!.start + 1)[0]?.word).toBe('台江县');
  });
});
