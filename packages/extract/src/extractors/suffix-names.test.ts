import { describe, expect, it } from 'vitest';
import { JiebaSegmenter } from '../segmenter.js';
import type { Segmenter } from '../types.js';
import { GENERIC_NAME_WORDS, ORGANIZATION_SUFFIXES, SITE_SUFFIXES } from '../lexicon/body-words.js';
import { dropOverlaps, findSuffixNames, type SuffixNameRule } from './suffix-names.js';

const seg = JiebaSegmenter.shared();
// the same words and tags without tagWords: the finder then walks whole-text tags, with no early word-end test
const plain: Segmenter = { cut: (t) => seg.cut(t), tag: (t) => seg.tag(t) };

const bodies: SuffixNameRule = {
  suffixes: ORGANIZATION_SUFFIXES,
  maxHead: 12,
  generic: GENERIC_NAME_WORDS,
  minProper: 3,
  placeLed: true,
};
const sites: SuffixNameRule = { suffixes: SITE_SUFFIXES, maxHead: 16, generic: GENERIC_NAME_WORDS, minProper: 2 };
const names = (s: Segmenter, text: string, rule: SuffixNameRule, places: [number, number][] = []): string[] =>
  findSuffixNames(s, text, rule, places).map((h) => h.name);

describe('findSuffixNames', () => {
  it('should take a body led by its place and stop at the verb before it', () => {
    expect(names(seg, '台江县人民医院与杭州市第一人民医院签订帮扶协议', bodies, [[0, 3]])).toContain('台江县人民医院');
  });

  it('should find nothing where every suffix runs into another word', () => {
    // 所有, 举办, 办理: 所 and 办 end no word here
    expect(names(seg, '威宁县所有农户都可以在网上办理业务', bodies, [[0, 3]])).toEqual([]);
  });

  it('should find what the walk over whole-text tags finds', () => {
    const cases: [string, SuffixNameRule, [number, number][]][] = [
      ['从江县林业局局长带队到宁波市科技局考察', bodies, [[0, 3]]],
      ['威宁县所有乡镇卫生院和县中医院参加培训', bodies, [[0, 3]]],
      ['台江县在排羊乡建成易地扶贫搬迁安置点和蔬菜种植基地', sites, [[0, 3]]],
      [
        '苏州市对口帮扶从江县人民医院建设远程会诊中心',
        bodies,
        [
          [0, 3],
          [7, 10],
        ],
      ],
      [
        '大连市与威宁县共建的产业园区吸纳务工人员',
        sites,
        [
          [0, 3],
          [4, 7],
        ],
      ],
    ];
    for (const [text, rule, places] of cases)
      expect(names(seg, text, rule, places)).toEqual(names(plain, text, rule, places));
  });
});

describe('dropOverlaps', () => {
  it('should keep the longer of two overlapping hits, in text order', () => {
    expect(
      dropOverlaps([
        { start: 4, end: 8 },
        { start: 0, end: 4 },
        { start: 0, end: 6 },
      ]),
    ).toEqual([{ start: 0, end: 6 }]);
  });
});
