/**
 * Boundary words
 *
 * Words at which the left edge of a name stops when an extractor walks back from a suffix such as
 * 工程, 有限公司 or 基地: prepositions, conjunctions, particles and the verbs that introduce a name
 * (引进, 实施, 依托…). Generic Chinese function words only, so the boundaries hold for any report.
 */

/**
 * Prepositions, conjunctions, particles and adverbs that never sit inside a name.
 * @example 引进|福建省某市某食品有限公司 — the walk stops at 引进; 与|某集团 — stops at 与
 */
export const FUNCTION_WORDS = new Set<string>([
  '的',
  '和',
  '与',
  '及',
  '以及',
  '或',
  '并',
  '同',
  '以',
  '为',
  '在',
  '把',
  '将',
  '对',
  '由',
  '等',
  '是',
  '了',
  '从',
  '向',
  '于',
  '即',
  '被',
  '让',
  '使',
  '给',
  '到',
  '共',
  '已',
  '也',
  '都',
  '又',
  '还',
  '再',
  '更',
  '其中',
  '这',
  '该',
  '此',
  '各',
  '各类',
  '各项',
  '各级',
  '全面',
  '大力',
  '积极',
  '扎实',
  '持续',
  '不断',
  '进一步',
  '认真',
  '深入',
  '切实',
  '全力',
  '着力',
  '重点',
  '共同',
  '联合',
  '成功',
  '累计',
  '先后',
  '分别',
  '主要',
  '一批',
  '一个',
  '一家',
  '首家',
  '通过',
  '依托',
  '按照',
  '围绕',
  '利用',
  '借助',
  '其',
  '新',
  '全县',
  '全乡',
  '全镇',
  '全村',
  '全市',
  '全州',
  '全省',
  '县内',
  '县外',
  '当地',
  '本地',
]);

/**
 * Verbs that introduce a name and so end a backward walk (a name never contains them).
 * @example 引进, 成立, 组建, 实施, 投资
 */
export const INTRODUCING_VERBS = new Set<string>([
  '实施',
  '开展',
  '推行',
  '推进',
  '实行',
  '创新',
  '探索',
  '打造',
  '建立',
  '建立健全',
  '健全',
  '完善',
  '推广',
  '采取',
  '落实',
  '聚焦',
  '抓好',
  '坚持',
  '形成',
  '开发',
  '运用',
  '制定',
  '强化',
  '构建',
  '建成',
  '践行',
  '深化',
  '启动',
  '完成',
  '做好',
  '加强',
  '加快',
  '引进',
  '引入',
  '招引',
  '吸引',
  '成立',
  '组建',
  '创办',
  '注册',
  '投资',
  '入驻',
  '落户',
  '签约',
  '签订',
  '合作',
  '携手',
  '带动',
  '帮助',
  '发展',
  '培育',
  '壮大',
  '支持',
  '扶持',
  '动员',
  '组织',
  '推动',
  '入股',
  '参与',
  '采用',
  '包括',
  '有',
  '设立',
  '开设',
  '选择',
  '确立',
  '种植',
  '养殖',
  '栽种',
  '发放',
  '领办',
  '举办',
  '承办',
  '协调',
  '联系',
  '对接',
  '考取',
  '考上',
  '考入',
  '录取',
  '上报',
  '入选',
  '发布',
  '提供',
  '获得',
  '获取',
  '收到',
  '依法',
  '进行',
  '位于',
  '来自',
  '作为',
  '担任',
  '走进',
  '走访',
  '把握',
  '对照',
  '牢牢',
  '纵深',
  '打赢',
  '打好',
  '打响',
  '确保',
  '解决',
  '助力',
  '深入推进',
  '大力推进',
  '全面推进',
  '持续推进',
]);

/**
 * Tells whether a token ends a backward walk over a name: punctuation, digits, a function word
 * or an introducing verb.
 * @param token - one jieba token
 * @example isNameBoundary('引进') // true; isNameBoundary('食品') // false
 */
export function isNameBoundary(token: string): boolean {
  if (FUNCTION_WORDS.has(token) || INTRODUCING_VERBS.has(token)) return true;
  // compound tokens that end in an introducing verb: 全面落实, 深入实施
  if (token.length > 2 && INTRODUCING_VERBS.has(token.slice(-2))) return true;
  return /^[\s\d.%％,，。、；;：:！!？?（）()“”"‘’'《》「」【】\-—·…/]+$/.test(token);
}

/**
 * The part of a segmenter a backward walk needs.
 * @example { cut: (t) => jieba.cut(t, false) }
 */
export interface TokenCutter {
  cut(text: string): string[];
}

/**
 * Finds where a name starts, walking back token by token from `end` until a boundary word,
 * punctuation, a digit or `maxChars` is reached. Returns `end` when no name precedes it.
 * @param segmenter - jieba-backed word cutter
 * @param text - the sentence
 * @param end - offset where the name's suffix begins
 * @param maxChars - longest name part to accept before the suffix
 * @example nameStartBefore(seg, '引进宁波某食品有限公司', 9, 12) // 2 → 宁波某食品
 */
export function nameStartBefore(segmenter: TokenCutter, text: string, end: number, maxChars: number): number {
  const from = Math.max(0, end - maxChars - 4);
  const window = text.slice(from, end);
  const tokens = segmenter.cut(window);
  let pos = window.length;
  let start = end;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    const tokenStart = pos - token.length;
    // the window's first token may be a cut-off word: never take it unless the window is the sentence start
    if (i === 0 && from > 0) break;
    // an ordinal starts a new phrase (第一民生工程), though it may sit inside a body's name (第一医院)
    if (isNameBoundary(token) || /^第[一二三四五六七八九十\d]/.test(token)) break;
    if (end - (from + tokenStart) > maxChars) break;
    start = from + tokenStart;
    pos = tokenStart;
  }
  return start;
}
