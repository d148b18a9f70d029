import { describe, expect, it } from 'vitest';
import { normalize } from '@fupin/text';
import { guessTitle } from './title.js';

describe('guessTitle', () => {
  it('should take a short first line as the title', () => {
    expect(guessTitle(normalize('从江县脱贫攻坚综述\n\n2020年以来，从江县加快发展。'))).toBe('从江县脱贫攻坚综述');
  });

  it('should join a headline with the ——subtitle under it, after a kicker line', () => {
    expect(guessTitle(normalize('奋进新时代\n\n山海情深结硕果\n\n——台江县东西部协作纪实\n\n正文。'))).toBe(
      '山海情深结硕果——台江县东西部协作纪实',
    );
  });

  it('should give no title when the text opens with body text', () => {
    const body =
      '2020年以来，从江县坚持以脱贫攻坚统揽经济社会发展全局，加快产业发展，群众收入持续增加，全县面貌焕然一新，各项事业取得长足进步。';
    expect(guessTitle(normalize(body))).toBeUndefined();
  });
});
