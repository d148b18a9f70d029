/**
 * Weak aliases
 *
 * Some names people write for divisions are also ordinary words: `平安` (平安区), `通道` (通道侗族自治县),
 * `城中` (城中区). A matcher that reports them everywhere floods the extractor with false regions, so the
 * index flags them `weak` and the extractor asks for context. The test uses jieba's general dictionary
 * (word frequencies and part-of-speech tags), not a list of places.
 */
import type { AliasKind } from './aliases.js';
import { isGenericStem } from './aliases.js';

/** Inverse document frequency below which a word counts as common (jieba's idf.txt: 合作 5.5, 平安 6.7, 大连 7.6). */
export const COMMON_WORD_IDF = 7.5;

const LEVEL_SUFFIX = /(街道|镇|乡|区|市|县)$/u;
// Township-level units named as bodies (管理处, 服务中心, 林业局, 监狱): organisations in a report's wording.
const BODY_SUFFIX = /(局|站|所|公司|监狱|中心|委员会|管委会|办事处|管理处|筹备处)$/u;
// A determiner before a level noun makes an ordinary phrase (全州 "the whole prefecture", 本县, 该市).
const DETERMINER_LEVEL = /^[全本该各我此每某其邻外两][省市州县区乡镇村]$/u;
// Suffixes of township-level units that are zones or farms rather than places (经济开发区, 工业园区, 农场).
const INSTITUTIONAL_SUFFIX =
  /(开发区|园区|工业园|新区|新城|农场|林场|牧场|渔场|管理区|示范区|试验区|实验区|保税区|合作区|度假区|风景区|景区)$/u;

/**
 * Builds the test that flags an alias as weak, from jieba's `dict.txt` (`word freq tag`) and `idf.txt`
 * (`word idf`). A stem is weak when it is made only of generic characters (城关, 城中), or when it is a
 * common word (IDF below 7.5) that jieba does not tag as a place name (平安 a, 和平 nz, 通道 v, 合作 vn).
 * Tags alone are not enough: jieba tags many cities as verbs or adverbs (大连 d, 保定 v), but their IDF
 * is high; famous places with a low IDF (杭州 6.4) are tagged `ns`. An official or short name is weak
 * when its head before the level suffix is empty or generic (街道, 城区, 城关镇), or when it is a zone or
 * farm whose head is empty, generic or a common word (经济开发区, 城东新区, 胜利农场), or is named as a
 * body (林业站, 服务中心, 管理处).
 * @param dictText - contents of jieba's dict.txt
 * @param idfText - contents of jieba's idf.txt
 * @example makeWeakTest(dict, idf)('平安', 'stem') // true
 * @example makeWeakTest(dict, idf)('大连', 'stem') // false
 */
export function makeWeakTest(dictText: string, idfText: string): (alias: string, kind: AliasKind) => boolean {
  const tags = new Map<string, string>();
  for (const line of dictText.split('\n')) {
    const [word, , tag = ''] = line.trim().split(' ');
    if (word) tags.set(word, tag);
  }
  const idf = new Map<string, number>();
  for (const line of idfText.split('\n')) {
    const [word, value] = line.trim().split(' ');
    if (word && value) idf.set(word, Number(value));
  }
  const commonWord = (w: string): boolean => (idf.get(w) ?? Infinity) < COMMON_WORD_IDF && tags.get(w) !== 'ns';
  return (alias, kind) => {
    const common = (idf.get(alias) ?? Infinity) < COMMON_WORD_IDF;
    const tag = tags.get(alias) ?? '';
    if (kind !== 'stem') {
      // 城区, 街道, 东城街道: generic head + level suffix; 经济开发区, 胜利农场: generic or common head + zone.
      if (BODY_SUFFIX.test(alias)) return true;
      const level = LEVEL_SUFFIX.exec(alias);
      if (level && (level.index === 0 || isGenericStem(alias.slice(0, level.index)))) return true;
      const m = INSTITUTIONAL_SUFFIX.exec(alias);
      if (!m) return false;
      const head = alias.slice(0, m.index);
      return head === '' || isGenericStem(head) || commonWord(head);
    }
    return isGenericStem(alias) || DETERMINER_LEVEL.test(alias) || (common && tag !== 'ns');
  };
}
