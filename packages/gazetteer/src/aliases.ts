/**
 * Short forms of official division names
 *
 * Reports rarely write names the way the statistical code list does: they drop ethnic qualifiers
 * (`普古彝族苗族乡` → `普古乡`), committee suffixes (`岜沙村村民委员会` → `岜沙村`) and often the
 * level suffix too (`从江县` → `从江`). These rules derive every such form from the official name alone,
 * so they hold for any place in the code list; no place is listed by hand.
 */
import type { RegionLevel } from '@fupin/graph-schema';
import { splitEthnic } from './ethnic.js';

/** How an alias relates to the official name: the name itself, a shorter form keeping a level suffix, or a bare stem. */
export type AliasKind = 'official' | 'short' | 'stem';

/** One generated alias. */
export interface ShortForm {
  alias: string;
  kind: 'short' | 'stem';
}

// Committee suffixes of village-level names (村民委员会 and the abbreviations and variants the 2023 list
// uses: 村委会, 村委员会, 牧委会, 居委会, 家委会, bare 委员会/委会 after 社区/嘎查/街道). Longest first.
const COMMITTEE = /(村民委员会|居民委员会|村委员会|村委会|牧委会|居委会|家委会|委员会|委会)$/u;
const VILLAGE_COMMITTEES = new Set(['村民委员会', '村委员会', '村委会']);
const RESIDENT_COMMITTEES = new Set(['居民委员会', '居委会', '家委会']);
const SETTLEMENT_END = /(村|嘎查|社区|街道|居)$/u;

// Level suffixes whose removal leaves the stem people write (从江县 → 从江). Longest first.
const PREFECTURE_SUFFIXES = ['自治州', '地区', '市', '盟', '州'];
const COUNTY_SUFFIXES = ['自治县', '自治旗', '新区', '林区', '特区', '县', '区', '市', '旗'];
const PROVINCE_SUFFIXES = ['特别行政区', '自治区', '省', '市'];

// A stem made only of these characters is a generic word (城关, 城中, 东区, 郊区, 新城), not a proper name.
const GENERIC_CHARS = new Set([...'东西南北中上下前后左右内外城郊新老旧高矿区市县关']);

/**
 * Tells whether a stem is made only of generic characters (directions, 城, 新, 矿 …).
 * @param stem - name without its level suffix
 * @example isGenericStem('城关') // true
 * @example isGenericStem('从江') // false
 */
export function isGenericStem(stem: string): boolean {
  return [...stem].every((c) => GENERIC_CHARS.has(c));
}

function stripSuffix(name: string, suffixes: readonly string[]): string | undefined {
  for (const s of suffixes) if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length);
  return undefined;
}

/**
 * Removes a village or resident committee suffix and gives the name people write for the village.
 * @param name - official village-level name
 * @returns the core name; `bare` when it has no 村/社区/嘎查/街道 ending; `resident` for residents' committees
 * @example villageCore('岜沙村村民委员会') // { core: '岜沙村', bare: false, resident: false }
 * @example villageCore('王庄村委会') // { core: '王庄村', bare: false, resident: false }
 * @example villageCore('同心社区委员会') // { core: '同心社区', bare: false, resident: false }
 */
export function villageCore(name: string): { core: string; bare: boolean; resident: boolean } {
  // Every committee suffix ends in 会; the end-anchored regex would otherwise be tried at each offset.
  const m = name.endsWith('会') ? COMMITTEE.exec(name) : null;
  if (!m || m.index < 2) return { core: name, bare: false, resident: false };
  const core = name.slice(0, m.index);
  const suffix = m[1] ?? '';
  const resident = RESIDENT_COMMITTEES.has(suffix);
  if (SETTLEMENT_END.test(core)) return { core, bare: false, resident };
  // 王庄村委会 = 王庄 + 村委会: the village is 王庄村.
  if (VILLAGE_COMMITTEES.has(suffix)) return { core: `${core}村`, bare: false, resident };
  return { core, bare: true, resident };
}

/**
 * Generates the short forms reports use for an official division name, by general rules only:
 * ethnic qualifiers dropped before 自治州/自治县/乡/镇, committee suffixes dropped from villages, and bare
 * stems (at least two characters) for provinces, prefectures and counties. The official name itself is
 * not returned. Whether a stem is also a common word is decided by the index builder (`weak`).
 * @param name - official name, simplified script
 * @param level - administrative level of the division
 * @example shortForms('黔东南苗族侗族自治州', 'Prefecture') // [{ alias: '黔东南州', kind: 'short' }, { alias: '黔东南', kind: 'stem' }]
 * @example shortForms('从江县', 'County') // [{ alias: '从江', kind: 'stem' }]
 * @example shortForms('岜沙村村民委员会', 'Village') // [{ alias: '岜沙村', kind: 'short' }]
 */
export function shortForms(name: string, level: RegionLevel): ShortForm[] {
  const out: ShortForm[] = [];
  const add = (alias: string, kind: ShortForm['kind']): void => {
    if (alias === name || alias.length < 2) return;
    if (!out.some((f) => f.alias === alias)) out.push({ alias, kind });
  };
  const ethnic = splitEthnic(name);

  switch (level) {
    case 'Province': {
      // 广西壮族自治区 → 广西; 贵州省 → 贵州; 上海市 → 上海.
      const stem = ethnic?.suffix === '' ? ethnic.stem : stripSuffix(name, PROVINCE_SUFFIXES);
      if (stem) add(stem, 'stem');
      break;
    }
    case 'Prefecture':
    case 'County': {
      if (ethnic) {
        // 黔东南苗族侗族自治州 → 黔东南州 + 黔东南; 威宁彝族回族苗族自治县 → 威宁县 + 威宁.
        add(ethnic.stem + ethnic.suffix, 'short');
        if (ethnic.stem.length >= 2) add(ethnic.stem, 'stem');
        break;
      }
      const stem = stripSuffix(name, level === 'Prefecture' ? PREFECTURE_SUFFIXES : COUNTY_SUFFIXES);
      // One-character stems (沛县 → 沛) are never useful; generic stems (城关区 → 城关) are kept but flagged weak.
      if (stem && stem.length >= 2) add(stem, 'stem');
      break;
    }
    case 'Township': {
      if (ethnic) add(ethnic.stem + ethnic.suffix, 'short');
      // 东华门街道办事处 is how some lists write the street office; the list itself writes 东华门街道.
      break;
    }
    case 'Village': {
      const { core, bare, resident } = villageCore(name);
      if (bare) {
        // 西铁营居委会 → 西铁营 (a bare stem) and 西铁营社区; 浪琴牧委会 → 浪琴.
        add(core, 'stem');
        if (resident) add(`${core}社区`, 'short');
      } else {
        add(core, 'short');
      }
      // 王庄村 is also written 王庄: keep that as a stem (villages are only matched inside named counties).
      if (core.endsWith('村') && core.length >= 3 && !core.endsWith('新村')) add(core.slice(0, -1), 'stem');
      break;
    }
  }
  return out;
}

/**
 * Gives the names a division had under another status, by swapping the level suffix: county-level
 * districts and cities that were counties (`黔西市` was `黔西县` until 2021), prefecture-level cities
 * that were 地区 (`铜仁市` ← `铜仁地区`), towns that were 乡 and streets that were 镇. Reports from the
 * poverty-alleviation years often use the former names. Returned forms keep ethnic qualifiers out.
 * @param name - official name, simplified script
 * @param level - administrative level of the division
 * @example suffixVariants('黔西市', 'County') // ['黔西县']
 * @example suffixVariants('施洞镇', 'Township') // ['施洞乡']
 */
export function suffixVariants(name: string, level: RegionLevel): string[] {
  const base = splitEthnic(name) ? stripEthnicSuffixed(name) : name;
  const swap = (from: string, to: readonly string[]): string[] => {
    if (!base.endsWith(from)) return [];
    const stem = base.slice(0, -from.length);
    // Two-character stems at least, and no generic stems (城区 → 城县 would be noise).
    if (stem.length < 2 || isGenericStem(stem)) return [];
    return to.map((t) => stem + t);
  };
  switch (level) {
    case 'Prefecture':
      return swap('市', ['地区']);
    case 'County':
      if (/(新区|林区|特区|矿区)$/u.test(base)) return [];
      return [...swap('区', ['县', '市']), ...swap('市', ['县'])];
    case 'Township':
      return [...swap('镇', ['乡']), ...swap('街道', ['镇']), ...swap('乡', ['镇'])];
    default:
      return [];
  }
}

function stripEthnicSuffixed(name: string): string {
  const parts = splitEthnic(name);
  return parts ? parts.stem + parts.suffix : name;
}
