import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, splitEthnic, stripEthnic } from './ethnic.js';

describe('stripEthnic', () => {
  it('should drop a run of ethnic qualifiers before 乡', () => {
    expect(stripEthnic('长哨营满族乡')).toBe('长哨营乡');
    expect(stripEthnic('马路彝族苗族乡')).toBe('马路乡');
  });

  it('should turn autonomous prefectures, counties and banners into 州/县/旗', () => {
    expect(stripEthnic('延边朝鲜族自治州')).toBe('延边州');
    expect(stripEthnic('三都水族自治县')).toBe('三都县');
    expect(stripEthnic('威宁彝族回族苗族自治县')).toBe('威宁县');
    expect(stripEthnic('鄂伦春自治旗')).toBe('鄂伦春旗');
  });

  it('should handle ethnic districts, 各族 and 少数民族乡', () => {
    expect(stripEthnic('管城回族区')).toBe('管城区');
    expect(stripEthnic('隆林各族自治县')).toBe('隆林县');
    expect(stripEthnic('东固畲族少数民族乡')).toBe('东固乡');
  });

  it('should keep a group name that is the place name itself', () => {
    expect(stripEthnic('东乡族自治县')).toBe('东乡县');
    expect(stripEthnic('鄂温克族自治旗')).toBe('鄂温克旗');
    expect(stripEthnic('达斡尔民族乡')).toBe('达斡尔乡');
  });

  it('should drop the whole suffix of an autonomous region', () => {
    expect(stripEthnic('广西壮族自治区')).toBe('广西');
    expect(stripEthnic('新疆维吾尔自治区')).toBe('新疆');
    expect(stripEthnic('西藏自治区')).toBe('西藏');
  });

  it('should leave names without qualifiers unchanged', () => {
    expect(stripEthnic('施洞镇')).toBe('施洞镇');
    expect(stripEthnic('东乡镇')).toBe('东乡镇');
    expect(splitEthnic('从江县')).toBeUndefined();
  });

  it('should list the 56 ethnic groups', () => {
    expect(new Set(ETHNIC_GROUPS).size).toBe(56);
  });
});
