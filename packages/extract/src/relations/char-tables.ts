/**
 * Character tests the relation rules run in their inner loops
 *
 * Walking a clause back to its start, or asking whether a region is eastern, happens for every
 * program, industry and company mention; a regex test or a Set lookup per character (or a two-character
 * slice per code) made these loops a visible share of extraction. These are the same tests as table
 * lookups by char code.
 */
import { EASTERN_PROVINCE_PREFIXES } from '../region-names.js';

/**
 * A table of UTF-16 code units: 1 for the characters given.
 * @param chars - the characters to mark (BMP only)
 * @example charTable('，；')[0xff0c] // 1
 */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

const EASTERN = new Uint8Array(100);
for (const p of EASTERN_PROVINCE_PREFIXES) EASTERN[Number(p)] = 1;

/**
 * Whether a division code lies in an eastern province: the same answer as `isEasternCode`, by char codes.
 * @param code - 12-digit division code, or undefined
 * @example isEastern('330782000000') // true (浙江); isEastern('522633000000') // false (贵州)
 */
export function isEastern(code: string | undefined): boolean {
  if (code === undefined || code.length < 2) return false;
  const a = code.charCodeAt(0) - 48;
  const b = code.charCodeAt(1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && EASTERN[a * 10 + b] === 1;
}
