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

const PROPER_TAGS = new Set(['ns', 'nr', 'nz', 'nt', 'nrt', 'nrfg']);

/**
 * Builds the test that flags an alias as weak, from jieba's `dict.txt` (`word freq tag`) and `idf.txt`
 * (`word idf`). A stem is weak when it is made only of generic characters (城关, 城中), or when it is a
 * common word (IDF below 7.5) that jieba does not tag as a place name (平安 a, 和平 nz, 通道 v, 合作 vn).
 * Tags alone are not enough: jieba tags many cities as verbs or adverbs (大连 d, 保定 v), but their IDF
 * is high; famous places with a low IDF (杭州 6.4) are tagged `ns`. An official or short name is weak
 * only when it is itself a common word without a proper-noun tag.
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
  return (alias, kind) => {
    const common = (idf.get(alias) ?? Infinity) < COMMON_WORD_IDF;
    const tag = tags.get(alias) ?? '';
    if (kind !== 'stem') return common && !PROPER_TAGS.has(tag);
    return isGenericStem(alias) || (common && tag !== 'ns');
  };
}
