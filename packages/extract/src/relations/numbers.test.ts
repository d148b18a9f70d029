import { describe, expect, it } from 'vitest';
import { chineseNumber, numbersIn } from './numbers.js';

describe('numbersIn', () => {
  it('should read money in 万元 whatever the stated unit', () => {
    expect(numbersIn('整合资金1.2亿元')).toEqual({ fundsWanYuan: 12000 });
    expect(numbersIn('发放补贴2560万元')).toEqual({ fundsWanYuan: 2560 });
    expect(numbersIn('奖励3000元')).toEqual({ fundsWanYuan: 0.3 });
  });

  it('should name people, person-times, households, land and firms', () => {
    expect(numbersIn('培训11640人次，带动3000户1.1万人，种植5000亩，引进9家企业，建成车间15个')).toEqual({
      personTimes: 11640,
      households: 3000,
      people: 11000,
      mu: 5000,
      companies: 9,
      count: 15,
    });
  });

  it('should read Chinese numerals but not words like 一个', () => {
    expect(numbersIn('新增三千亩')).toEqual({ mu: 3000 });
    expect(numbersIn('一个网格一名干部')).toEqual({});
    expect(numbersIn('实施“百村千户”示范工程')).toEqual({});
  });

  it('should keep the first figure of each kind', () => {
    expect(numbersIn('培训200人次，再培训300人次')).toEqual({ personTimes: 200 });
  });
});

describe('chineseNumber', () => {
  it('should read numerals with and without place units', () => {
    expect(chineseNumber('一千二百')).toBe(1200);
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('四五')).toBe(45);
    expect(chineseNumber('亩')).toBeUndefined();
  });
});
