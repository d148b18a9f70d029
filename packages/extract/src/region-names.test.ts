import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '@fupin/gazetteer';
import { ancestorsOf, canonicalDivisionName, isEasternCode, levelFromSuffix } from './region-names.js';

describe('region names', () => {
  it('should drop committee suffixes the way reports write villages', () => {
    expect(canonicalDivisionName('尧贵村村民委员会')).toBe('尧贵村');
    expect(canonicalDivisionName('王庄村委会')).toBe('王庄村');
    expect(canonicalDivisionName('施洞社区居民委员会')).toBe('施洞社区');
    expect(canonicalDivisionName('三都水族自治县')).toBe('三都水族自治县');
  });

  it('should tell eastern provinces by code', () => {
    expect(isEasternCode('330109000000')).toBe(true); // 萧山区, 浙江
    expect(isEasternCode('440300000000')).toBe(true); // 深圳市, 广东
    expect(isEasternCode('522633000000')).toBe(false); // 从江县, 贵州
    expect(isEasternCode(undefined)).toBe(false);
  });

  it('should read the level a suffix implies', () => {
    expect(levelFromSuffix('党扭村')).toBe('Village');
    expect(levelFromSuffix('某某街道')).toBe('Township');
    expect(levelFromSuffix('宁波市')).toBeUndefined();
  });

  it('should walk ancestors through municipal placeholders', () => {
    const gaz = loadGazetteer();
    const district = gaz.byCode('310115000000')!; // 浦东新区
    expect(ancestorsOf(gaz, district).map((d) => d.name)).toEqual(['上海市']);
  });
});
