import { describe, expect, it } from 'vitest';
import { isGenericStem, shortForms, suffixVariants, villageCore } from './aliases.js';

const aliases = (name: string, level: Parameters<typeof shortForms>[1]) =>
  shortForms(name, level).map((f) => `${f.kind}:${f.alias}`);

describe('shortForms', () => {
  it('should give 州 form and stem for an autonomous prefecture', () => {
    expect(aliases('延边朝鲜族自治州', 'Prefecture')).toEqual(['short:延边州', 'stem:延边']);
  });

  it('should give 县 form and stem for an autonomous county', () => {
    expect(aliases('三都水族自治县', 'County')).toEqual(['short:三都县', 'stem:三都']);
  });

  it('should give bare stems for prefectures and counties', () => {
    expect(aliases('台江县', 'County')).toEqual(['stem:台江']);
    expect(aliases('苏州市', 'Prefecture')).toEqual(['stem:苏州']);
    expect(aliases('浦东新区', 'County')).toEqual(['stem:浦东']);
    expect(aliases('六枝特区', 'County')).toEqual(['stem:六枝']);
  });

  it('should never give a one-character stem', () => {
    expect(aliases('沛县', 'County')).toEqual([]);
  });

  it('should give province stems', () => {
    expect(aliases('广西壮族自治区', 'Province')).toEqual(['stem:广西']);
    expect(aliases('浙江省', 'Province')).toEqual(['stem:浙江']);
    expect(aliases('上海市', 'Province')).toEqual(['stem:上海']);
  });

  it('should give the 乡 form of an ethnic township and no township stem', () => {
    expect(aliases('长哨营满族乡', 'Township')).toEqual(['short:长哨营乡']);
    expect(aliases('施洞镇', 'Township')).toEqual([]);
  });

  it('should drop committee suffixes from villages', () => {
    expect(aliases('白枝坪村村民委员会', 'Village')).toEqual(['short:白枝坪村', 'stem:白枝坪']);
    expect(aliases('施洞社区居民委员会', 'Village')).toEqual(['short:施洞社区']);
    expect(aliases('王庄村委会', 'Village')).toEqual(['short:王庄村', 'stem:王庄']);
  });
});

describe('villageCore', () => {
  it('should add 社区 to a bare resident committee name', () => {
    expect(villageCore('西铁营居委会')).toEqual({ core: '西铁营', bare: true, resident: true });
  });

  it('should strip the committee variants of the code list', () => {
    expect(villageCore('同心社区委员会').core).toBe('同心社区');
    expect(villageCore('陶报嘎查村委员会').core).toBe('陶报嘎查');
    expect(villageCore('直亥买村牧委会').core).toBe('直亥买村');
    expect(villageCore('东一街街道委员会').core).toBe('东一街街道');
  });
});

describe('isGenericStem', () => {
  it('should flag stems made of directions and 城', () => {
    expect(isGenericStem('城关')).toBe(true);
    expect(isGenericStem('城东')).toBe(true);
    expect(isGenericStem('台江')).toBe(false);
  });
});

describe('suffixVariants', () => {
  it('should give the county name of a county-level city or district', () => {
    expect(suffixVariants('凯里市', 'County')).toEqual(['凯里县']);
    expect(suffixVariants('播州区', 'County')).toEqual(['播州县', '播州市']);
    expect(suffixVariants('水城区', 'County')).toEqual(['水城县', '水城市']);
  });

  it('should give 地区 for a prefecture-level city and nothing for generic districts', () => {
    expect(suffixVariants('铜仁市', 'Prefecture')).toEqual(['铜仁地区']);
    expect(suffixVariants('城区', 'County')).toEqual([]);
    expect(suffixVariants('浦东新区', 'County')).toEqual([]);
  });

  it('should swap 乡, 镇 and 街道 for townships without ethnic qualifiers', () => {
    expect(suffixVariants('革一镇', 'Township')).toEqual(['革一乡']);
    expect(suffixVariants('长哨营满族乡', 'Township')).toEqual(['长哨营镇']);
  });
});
