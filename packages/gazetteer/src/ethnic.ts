/**
 * Ethnic qualifiers in division names
 *
 * Official names of autonomous divisions and ethnic townships carry the names of the ethnic groups they
 * serve (`黔东南苗族侗族自治州`, `普古彝族苗族乡`); reports usually drop them (`黔东南州`, `普古乡`). This
 * file holds the 56 officially recognised ethnic-group names (data, not places) and the rule that strips
 * a run of `XX族` qualifiers that stands right before the division suffix.
 */

/** The 56 officially recognised ethnic groups of China, without the trailing `族`. */
// prettier-ignore
export const ETHNIC_GROUPS = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

// Longest names first so that the alternation prefers 土家 over 土 and 东乡 over nothing. 各 (各族, "all
// groups") qualifies two autonomous counties (龙胜各族自治县).
const ETHNIC_ALT = [...ETHNIC_GROUPS, '各'].sort((a, b) => b.length - a.length).join('|');

/** Suffixes of divisions that may carry ethnic qualifiers (管城回族区 too), mapped to the suffix reports keep. */
const AUTONOMOUS_SUFFIXES: Record<string, string> = {
  自治区: '',
  自治州: '州',
  自治县: '县',
  自治旗: '旗',
  少数民族乡: '乡',
  民族乡: '乡',
  民族镇: '镇',
  民族苏木: '苏木',
  乡: '乡',
  镇: '镇',
  苏木: '苏木',
  区: '区',
};
const SUFFIX_ALT = Object.keys(AUTONOMOUS_SUFFIXES)
  .sort((a, b) => b.length - a.length)
  .join('|');

const AUTONOMY = /^(自治|民族|少数民族)/u;

// stem (lazy, so the qualifier run is as long as possible) + optional run of `XX族` + suffix.
const QUALIFIED = new RegExp(`^(.+?)((?:(?:${ETHNIC_ALT})族)*)(${SUFFIX_ALT})$`, 'u');
// The last group may omit 族 right before 自治 (新疆维吾尔自治区); the stem must then keep two characters
// so that 内蒙古自治区 and 西藏自治区 are not cut into 内 + 蒙古 or 西 + 藏.
const BARE_LAST = new RegExp(`^(.{2,}?)((?:(?:${ETHNIC_ALT})族)*(?:${ETHNIC_ALT}))(自治[州县旗区])$`, 'u');
// A name that is nothing but qualifiers + suffix (`东乡族自治县`): the first group names the place.
const ONLY_QUALIFIERS = new RegExp(`^(${ETHNIC_ALT})族((?:(?:${ETHNIC_ALT})族)*)(${SUFFIX_ALT})$`, 'u');

/**
 * Splits a name into its place stem, ethnic qualifiers and the suffix reports keep, or returns undefined
 * when the name carries no ethnic or autonomy marker.
 * @param name - official name, simplified script
 * @example splitEthnic('黔东南苗族侗族自治州') // { stem: '黔东南', qualifiers: '苗族侗族', suffix: '州' }
 */
export function splitEthnic(name: string): { stem: string; qualifiers: string; suffix: string } | undefined {
  // Every form below needs 族 (a qualifier, 民族) or 自治: most names have neither, skip the three regexes.
  if (!name.includes('族') && !name.includes('自治')) return undefined;
  const only = ONLY_QUALIFIERS.exec(name);
  if (only) {
    // 东乡族自治县 → 东乡县; 鄂温克族自治旗 → 鄂温克旗: the group name is the place name here.
    const [, group = '', rest = '', suffix = ''] = only;
    if (rest === '' && !AUTONOMY.test(suffix)) return undefined;
    return { stem: group, qualifiers: `${group}族${rest}`, suffix: AUTONOMOUS_SUFFIXES[suffix] ?? suffix };
  }
  const bare = BARE_LAST.exec(name);
  const m = QUALIFIED.exec(name);
  if (bare && !m?.[2]) {
    const [, stem = '', qualifiers = '', suffix = ''] = bare;
    return { stem, qualifiers, suffix: AUTONOMOUS_SUFFIXES[suffix] ?? suffix };
  }
  if (!m) return undefined;
  const [, stem = '', qualifiers = '', suffix = ''] = m;
  const autonomous = AUTONOMY.test(suffix);
  if (qualifiers === '' && !autonomous) return undefined;
  return { stem, qualifiers, suffix: AUTONOMOUS_SUFFIXES[suffix] ?? suffix };
}

/**
 * Removes the ethnic qualifiers and the word 自治/民族 from a division name, keeping the suffix people
 * write; names without qualifiers come back unchanged. Autonomous regions lose their whole suffix.
 * @param name - official name, simplified script
 * @example stripEthnic('普古彝族苗族乡') // '普古乡'
 * @example stripEthnic('威宁彝族回族苗族自治县') // '威宁县'
 * @example stripEthnic('广西壮族自治区') // '广西'
 */
export function stripEthnic(name: string): string {
  const parts = splitEthnic(name);
  return parts ? parts.stem + parts.suffix : name;
}
