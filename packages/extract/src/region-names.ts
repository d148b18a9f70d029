/**
 * Region names and levels
 *
 * Small, data-free rules about Chinese administrative names that every region-aware part of the
 * extractor shares: the canonical form of an official name (committee suffixes dropped, as reports
 * write villages), the level a name's suffix implies, the eastern provinces of the east–west
 * cooperation policy, and walking a division's parents through the gazetteer.
 */
import type { RegionLevel } from '@fupin/graph-schema';
import type { DivisionRef, GazetteerPort } from './types.js';

/**
 * Province-level code prefixes of the eastern provinces (国家统计局 east–west division: 北京 天津 河北 辽宁
 * 上海 江苏 浙江 福建 山东 广东 海南). A policy definition, so it is data, not a list of favourite places.
 * @example EASTERN_PROVINCE_PREFIXES.has('33') // true (浙江)
 */
export const EASTERN_PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '21',
  '31',
  '32',
  '33',
  '35',
  '37',
  '44',
  '46',
]);

/**
 * Tells whether a division code lies in an eastern province.
 * @param code - 12-digit division code
 * @example isEasternCode('330782000000') // true (义乌市, 浙江)
 * @example isEasternCode('522633000000') // false (从江县, 贵州)
 */
export function isEasternCode(code: string | undefined): boolean {
  return code !== undefined && EASTERN_PROVINCE_PREFIXES.has(code.slice(0, 2));
}

/** Official committee suffixes that reports drop (村民委员会 → 村, 居民委员会 → 社区). */
const COMMITTEE_SUFFIX = /(?:村民委员会|村委会|村民委员|居民委员会|居委会)$/;

/**
 * The canonical name of an official division: committee suffixes dropped, so a village reads as
 * reports write it. Ethnic qualifiers stay (the canonical form is the full official one).
 * @param name - official name from the gazetteer
 * @example canonicalDivisionName('九摆村村民委员会') // '九摆村'
 * @example canonicalDivisionName('东门居民委员会') // '东门社区'
 */
export function canonicalDivisionName(name: string): string {
  const m = COMMITTEE_SUFFIX.exec(name);
  if (!m) return name;
  const stem = name.slice(0, m.index);
  const residents = m[0].startsWith('居');
  if (residents) return /社区$/.test(stem) ? stem : `${stem}社区`;
  return /村$/.test(stem) ? stem : `${stem}村`;
}

/** Placeholder prefecture names in the statistical codes (municipalities' 市辖区/县), not real regions. */
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * The administrative parent of a division, skipping statistical placeholders (上海 → 市辖区 → 上海市).
 * @param gazetteer - division lookup
 * @param division - the child
 * @example parentDivision(gaz, 义乌市) // 金华市
 */
export function parentDivision(gazetteer: GazetteerPort, division: DivisionRef): DivisionRef | undefined {
  let code = division.parentCode;
  for (let guard = 0; code && guard < 5; guard++) {
    const parent = gazetteer.byCode(code);
    if (!parent) return undefined;
    if (!PLACEHOLDER.test(parent.name) && parent.code !== division.code) return parent;
    code = parent.parentCode;
  }
  return undefined;
}

/**
 * Every ancestor of a division, nearest first, placeholders skipped.
 * @example ancestorsOf(gaz, 萧山区) // [杭州市, 浙江省]
 */
export function ancestorsOf(gazetteer: GazetteerPort, division: DivisionRef): DivisionRef[] {
  const out: DivisionRef[] = [];
  let current: DivisionRef | undefined = division;
  while (current && out.length < 5) {
    current = parentDivision(gazetteer, current);
    if (current) out.push(current);
  }
  return out;
}

/** Region level implied by a name's suffix, for names the gazetteer lacks. */
const SUFFIX_LEVELS: [RegExp, RegionLevel][] = [
  [/(?:社区|村|居委会)$/, 'Village'],
  [/(?:街道|镇|乡)$/, 'Township'],
  [/(?:县|区|旗)$/, 'County'],
  [/(?:州|地区|盟)$/, 'Prefecture'],
  [/省$/, 'Province'],
];

/**
 * The level a region name's suffix implies (市 is left out: it may be a prefecture or a county-level city).
 * @param name - a region name
 * @example levelFromSuffix('九摆村') // 'Village'
 * @example levelFromSuffix('排羊乡') // 'Township'
 */
export function levelFromSuffix(name: string): RegionLevel | undefined {
  for (const [re, level] of SUFFIX_LEVELS) if (re.test(name)) return level;
  return undefined;
}

/**
 * Depth of a region level (Province 0 … Village 4).
 * @example LEVEL_DEPTH.Township // 3 (加榜乡)
 */
export const LEVEL_DEPTH: Record<RegionLevel, number> = {
  Province: 0,
  Prefecture: 1,
  County: 2,
  Township: 3,
  Village: 4,
};
