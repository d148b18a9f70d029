/**
 * Numbers stated in evidence
 *
 * Reports back their claims with figures — 整合2560万元, 培训11640人次, 带动1.2万户, 种植5000亩.
 * Relations keep those figures as properties so the explorer can show them and queries can sum
 * them. This file reads Arabic and Chinese numerals with their 万/亿 multipliers and units, and
 * names each by what it counts; amounts of money are always in 万元 (1.2亿元 → 12000).
 */

/** Property names for the counted things, keyed by unit (longest units first when matching). */
const UNIT_PROPERTY: readonly [unit: string, property: string][] = [
  ['人次', 'personTimes'],
  ['元', 'fundsWanYuan'],
  ['户', 'households'],
  ['人', 'people'],
  ['亩', 'mu'],
  ['家', 'companies'],
  ['个', 'count'],
];

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Value of a Chinese numeral below 10 000 (一百二十 → 120, 十二 → 12, 三千 → 3000, 四五 → 45).
 * Returns undefined for text that is not a numeral.
 * @param s - Chinese numeral characters
 * @example chineseNumber('一千二百') // 1200
 */
export function chineseNumber(s: string): number | undefined {
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  if (!/[十百千]/.test(s)) return Number([...s].map((c) => CN_DIGITS[c] ?? 0).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in CN_DIGITS) digit = CN_DIGITS[c] ?? 0;
    else {
      total += (digit || 1) * (CN_SMALL_UNITS[c] ?? 1);
      digit = 0;
    }
  }
  return total + digit;
}

// number, optional 余/多, optional 万/亿 multiplier, then a unit; 万元 and 亿元 read as multipliers of 元
const AMOUNT_RE =
  /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?:余|多)?(万|亿)?(?:余|多)?(人次|元|户|人|亩|家|个)/g;

/** AMOUNT_RE without the global flag, for the test that skips clauses without figures. */
const AMOUNT_TEST_RE = new RegExp(AMOUNT_RE.source);

/** Characters ending a counting verb (达, 共计, 培训, 带动…) right before a Chinese numeral, as char codes. */
const COUNTING_VERB_END: ReadonlySet<number> = new Set(
  [...'达共计约近超训动增成植展及盖助纳决现入合资出种养建有'].map((c) => c.charCodeAt(0)),
);

/**
 * The figures stated in a clause, by property name; the first figure of each kind wins.
 * Money is converted to 万元; 万 and 亿 multiply the other counts.
 * @param clause - a clause or sentence of normalised text
 * @example numbersIn('整合1.2亿元，带动3000户1.1万人') // { fundsWanYuan: 12000, households: 3000, people: 11000 }
 */
export function numbersIn(clause: string): Record<string, number> {
  const out: Record<string, number> = {};
  // Most clauses state no figure: one test, no copy. Blanking quotes only removes matches, so a clause
  // without a match here has none below either.
  if (!AMOUNT_TEST_RE.test(clause)) return out;
  // figures inside a quoted name (“百村千户”) are part of the name
  const text = clause.replace(/[“"‘「『][^”"’」』]*[”"’」』]/g, (q) => '　'.repeat(q.length));
  for (const m of text.matchAll(AMOUNT_RE)) {
    const raw = m[1] ?? '';
    // a Chinese numeral counts only after a non-Han character or a counting verb (新增三千亩, not 百村千户)
    const at = m.index ?? 0;
    const prev = at > 0 ? text.charCodeAt(at - 1) : -1;
    const digit = raw.charCodeAt(0) >= 0x30 && raw.charCodeAt(0) <= 0x39;
    if (!digit && prev >= 0x4e00 && prev <= 0x9fff && !COUNTING_VERB_END.has(prev)) continue;
    const base = /^\d/.test(raw) ? Number(raw) : chineseNumber(raw);
    if (base === undefined || Number.isNaN(base)) continue;
    const unit = m[3] ?? '';
    // 一个, 一家 as words (一个网格, 一家人) carry no figure; 个 needs Arabic digits
    if ((unit === '个' || unit === '家' || unit === '人') && !/^\d/.test(raw)) continue;
    // a year is not a count: 2019年…个 never matches because 年 breaks the pattern
    const multiplier = m[2] === '亿' ? 100_000_000 : m[2] === '万' ? 10_000 : 1;
    const property = UNIT_PROPERTY.find(([u]) => u === unit)?.[1];
    if (!property || property in out) continue;
    const value = property === 'fundsWanYuan' ? (base * multiplier) / 10_000 : base * multiplier;
    out[property] = Math.round(value * 10_000) / 10_000;
  }
  return out;
}
