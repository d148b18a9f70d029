/**
 * Divisions and their codes
 *
 * A division is one row of the 2023 statistical division code list: a 12-digit code, the official
 * name and the level. The level and the candidate parents follow from the code's structure (2 digits
 * province, 2 prefecture, 2 county, 3 township, 3 village), so the index does not need to store them.
 */
import { z } from 'zod';
import type { RegionLevel } from '@fupin/graph-schema';
import type { AliasKind } from './aliases.js';

/** A division of the official code list. */
export interface Division {
  /** 12-digit statistical division code, e.g. `520326000000` */
  code: string;
  /** official name, e.g. `务川仡佬族苗族自治县` */
  name: string;
  level: RegionLevel;
  /** code of the nearest existing ancestor (placeholder prefectures such as 市辖区 are skipped) */
  parentCode?: string;
}

/** One candidate division for a name, with the kind of alias that matched. */
export interface NameHit {
  division: Division;
  aliasKind: AliasKind;
  /** the alias is also a common word (jieba dictionary, not a place-name tag) or is generic (城关): needs context */
  weak?: boolean;
  /** the name is a former-status form (黔西县 for 黔西市, 施洞乡 for 施洞镇), not in the current list */
  variant?: boolean;
}

/** A 12-digit division code. */
export const DivisionCodeSchema = z.string().regex(/^\d{12}$/u, 'expected a 12-digit division code');

/**
 * Pads a 2-, 4-, 6- or 9-digit code of the source lists to 12 digits.
 * @param code - code as the source CSV writes it
 * @example padCode('522633') // '522633000000'
 */
export function padCode(code: string): string {
  return code.padEnd(12, '0');
}

/**
 * Gives the level a 12-digit code encodes.
 * @param code - 12-digit division code
 * @example levelOfCode('522633101000') // 'Township'
 */
export function levelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000000000')) return 'Province';
  if (code.endsWith('00000000')) return 'Prefecture';
  if (code.endsWith('000000')) return 'County';
  if (code.endsWith('000')) return 'Township';
  return 'Village';
}

/**
 * Lists the codes that could be the parent of a code, nearest first (the prefecture may be missing
 * for counties directly under a province).
 * @param code - 12-digit division code
 * @example parentCandidates('522633101000') // ['522633000000', '522600000000', '520000000000']
 */
export function parentCandidates(code: string): string[] {
  // String slices plus constant zero runs: this runs for every division at start-up, padEnd was measurably slower.
  const p = code.slice(0, 2) + Z10;
  switch (levelOfCode(code)) {
    case 'Province':
      return [];
    case 'Prefecture':
      return [p];
    case 'County':
      return [code.slice(0, 4) + Z8, p];
    case 'Township':
      return [code.slice(0, 6) + Z6, code.slice(0, 4) + Z8, p];
    case 'Village':
      return [code.slice(0, 9) + Z3, code.slice(0, 6) + Z6, code.slice(0, 4) + Z8, p];
  }
}
const Z3 = '000';
const Z6 = '000000';
const Z8 = '00000000';
const Z10 = '0000000000';

/** Ranks levels from province (0) to village (4). */
export const LEVEL_RANK: Record<RegionLevel, number> = {
  Province: 0,
  Prefecture: 1,
  County: 2,
  Township: 3,
  Village: 4,
};

/**
 * Tells whether `ancestor` contains `code` by code prefix (a code is not its own ancestor).
 * @param ancestor - 12-digit code of the larger division
 * @param code - 12-digit code of the smaller division
 * @example isWithin('522633101203', '522600000000') // true (a village of 黔东南州)
 */
export function isWithin(code: string, ancestor: string): boolean {
  if (code === ancestor) return false;
  const keep = { Province: 2, Prefecture: 4, County: 6, Township: 9, Village: 12 }[levelOfCode(ancestor)];
  return code.startsWith(ancestor.slice(0, keep));
}
