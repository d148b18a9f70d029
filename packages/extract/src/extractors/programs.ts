/**
 * Program extractor
 *
 * Finds named programs — campaigns, projects, policy packages, working methods — in three ways:
 * quoted phrases that read like a program name (decided by the words around the quote, numbered
 * formulas such as 五个一批, and a reject list for slogans, honours and plan periods), unquoted
 * phrases ending in a program suffix (工程, 战略, 工作法, 行动, 革命) with a left edge found by jieba
 * tokens, and a short lexicon of national policies. Canonical names drop the quote marks and the
 * generic suffix the text varies (“大花园大果园”项目 → 大花园大果园).
 */
import type { DocContext, EntityExtractor, EntityMention } from '../types.js';
import { INTRODUCING_VERBS, nameStartBefore, type TokenCutter } from '../lexicon/function-words.js';
import {
  PROGRAM_GENERIC_MECHANISM_ENDS,
  GENERIC_PROGRAM_HEADS,
  NATIONAL_PROGRAMS,
  NON_PROGRAM_FOLLOWERS,
  NON_PROGRAM_QUOTES,
  PROGRAM_FOLLOWERS_STRONG,
  PROGRAM_FOLLOWERS_WEAK,
  PROGRAM_INNER_STRONG_SUFFIXES,
  PROGRAM_INNER_SUFFIXES,
  PROGRAM_NAME_SUFFIXES,
  PROGRAM_NUMBERED_CATEGORY_ENDS,
  PROGRAM_STRONG_TRIGGERS,
  PROGRAM_TRIGGERS,
  REGION_ABBREVIATIONS,
} from '../lexicon/program-words.js';
import { endsWithOneOf, literalTrigger, matchesIn, sentencesMatching } from './sentence-triggers.js';
import { WordEnds } from './tagged-tokens.js';

/**
 * A program found in one sentence, offsets local to the sentence.
 * @example { name: '稻鱼鸭共生', surface: '稻鱼鸭共生', start: 8, end: 13, via: 'quote' }
 */
export interface ProgramHit {
  name: string;
  surface: string;
  start: number;
  end: number;
  /** How it was found: quoted phrase, national lexicon or suffix rule. */
  via: 'quote' | 'lexicon' | 'suffix';
}

// Opening and closing quote marks of Chinese and Western typography (the normaliser may keep either).
const QUOTE_RE = /[“‘「『"]([^“”‘’「」『』"\n]{1,40})[”’」』"]/g;
const SENTENCE_PUNCT_RE = /[，。！？；：,!?;:]/;
const PLAN_PERIOD_RE = /^[十]?[一二三四五六七八九十]五$/;
// Numbered policy formulas: 五个一批, 四个不摘, 两不愁三保障, 双台账, 3+1, 1+5+14, 42
const NUMERIC_FORMULA_RE = /^(?:[一二三四五六七八九十两双]|[0-9]+(?:\+[0-9]+)*$)/;
const PLUS_FORMULA_RE = /[^+]\+[^+]/;
// Category nouns that a numbered phrase can end in without being a program (三类人员, 五大产业, 五星级)
const NUMBERED_CATEGORY_ENDS = endsWithOneOf(PROGRAM_NUMBERED_CATEGORY_ENDS);
// 四种形态, 三个责任, 四场硬仗: numeral + measure word + noun, the usual shape of a policy formula
const NUMBERED_MEASURE_RE = /^[一二三四五六七八九十两]+[个项种场条步重支]/;
// a quoted name that itself ends in a program word: “榕江模式”, “冲刺90天打赢歼灭战”
const INNER_STRONG_SUFFIXES = endsWithOneOf(PROGRAM_INNER_STRONG_SUFFIXES);
const INNER_SUFFIXES = endsWithOneOf(PROGRAM_INNER_SUFFIXES);
// named loans are financial programs: “特惠贷”, “坝兴贷”
const LOAN_RE = /^[\u4e00-\u9fff]{2,4}贷$/;
// reduplicated heads name rural programs: 组组通, 户户清, 村村通
const REDUPLICATED_RE = /^([\u4e00-\u9fff])\1[\u4e00-\u9fff]{1,2}$/;
// a quote right after a program word is one of its parts: 产业革命“八要素”, 党建扶贫“十攻略”
const PROGRAM_WORD_BEFORE_RE = /(?:革命|工程|行动|战略|扶贫|工作法|机制)$/;
// verbs that introduce a multi-clause principle as a working method, and the words that may follow one
const PRINCIPLE_LEAD_RE = /(?:按照|坚持|实施|推行|探索|创新|践行|遵循)$/;
const PRINCIPLE_FOLLOWER_RE = /^(?:的)?(?:模式|思路|原则|机制|工作思路|工作机制|工作原则|方针|路径)/;
// A list of short slogans joined by 、 (守底线、走新路、奔小康): reads as a motto, not a name
const SLOGAN_ITEM_RE = /^[\u4e00-\u9fff]{3,6}$/;

const nonProgramQuotes = new Set<string>(NON_PROGRAM_QUOTES);
const strongFollowers = [...PROGRAM_FOLLOWERS_STRONG].sort((a, b) => b.length - a.length);
const weakFollowers = [...PROGRAM_FOLLOWERS_WEAK].sort((a, b) => b.length - a.length);
const rejectFollowers = [...NON_PROGRAM_FOLLOWERS];
const programTriggerEnd = endsWithOneOf(PROGRAM_TRIGGERS);
const strongTriggerEnd = endsWithOneOf(PROGRAM_STRONG_TRIGGERS);

const nationalCanonical = new Map<string, string>();
for (const [canonical, ...variants] of NATIONAL_PROGRAMS) {
  if (!canonical) continue;
  nationalCanonical.set(canonical, canonical);
  for (const v of variants) nationalCanonical.set(v, canonical);
}
const nationalRe = new RegExp(
  [...nationalCanonical.keys()]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[+]/g, '\\+'))
    .join('|'),
  'g',
);
const suffixRe = new RegExp(`(?:${PROGRAM_NAME_SUFFIXES.join('|')})`, 'g');
const GENERIC_HEADS = new Set<string>(GENERIC_PROGRAM_HEADS);
// verbs that jieba leaves glued to the head of a suffix phrase but that never open a program (建设饮水工程)
const LEADING_ACTION_RE = /^(?:建设|新建|修建|实施|启动|完成|推进|开展|做好|抓好)/;
// the last action verb inside a walked-back head (greedy: the name starts after it)
const INNER_ACTION_RE = /^.*(?:建设|新建|修建|实施|启动|完成|推进|开展)/;
// 机制 names a program only with a head of some length (防止返贫动态监测和帮扶机制, 四级联控联保机制)
const MECHANISM_MIN_HEAD = 4;
// 劳务协作机制, 后续管护机制, 垃圾处理机制: the mechanism of a routine task, not a named one
const GENERIC_MECHANISM_ENDS = endsWithOneOf(PROGRAM_GENERIC_MECHANISM_ENDS);
// two region abbreviations + (扶贫)协作: the named east-west cooperation of a province pair (闽宁协作)
// nouns a national policy word may qualify without being named as a program (消费扶贫专柜, 控辍保学力度)
const QUALIFIED_NOUN_RE = /^(?:专柜|专区|专馆|产品|馆|平台|力度|局|办|工作队)/;
const PAIR_COOPERATION_RE = new RegExp(`[${REGION_ABBREVIATIONS}]{2}(?:扶贫|东西部扶贫)?协作`, 'g');
// (sticky: tested at the suffix's end, without a slice of the rest of the sentence)
const SUFFIX_BLOCKING_FOLLOWERS =
  /(?:建设|项目|进度|主体|资金|款|措施|任务|目标|部署|方案|实施方案|计划|细则|办法|意见|通知|指南)/y;

/**
 * Canonical form of a program name: quote marks, spaces and a trailing generic suffix removed, national
 * variants mapped to their canonical name.
 * @param raw - name as found
 * @example canonicalProgramName('“易地搬迁”') // '易地扶贫搬迁'
 */
export function canonicalProgramName(raw: string): string {
  const name = raw.replace(/[\s“”"‘’'「」『』《》]/g, '');
  return nationalCanonical.get(name) ?? name;
}

// one anchored alternation per word list: a single regex test instead of a startsWith per word
const startsWithRes = new WeakMap<readonly string[], RegExp>();
function startsWithAny(text: string, words: readonly string[]): boolean {
  let re = startsWithRes.get(words);
  if (!re) {
    re = new RegExp(`^(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
    startsWithRes.set(words, re);
  }
  return re.test(text);
}

/**
 * Scores a quoted phrase as a program name from its own shape and the words around it.
 * Returns a negative number for phrases that must not be programs. 2 or more accepts.
 * @param quoted - the text between the quote marks
 * @param before - text before the opening quote (a few characters)
 * @param after - text after the closing quote (a few characters)
 * @example scoreQuotedProgram('党建+积分', '探索推行', '模式,把') // ≥ 2
 */
export function scoreQuotedProgram(quoted: string, before: string, after: string): number {
  const q = quoted.replace(/\s+/g, '');
  if (q.length < 2 || q.length > 24) return -1;
  if (SENTENCE_PUNCT_RE.test(q)) return -1;
  if (nonProgramQuotes.has(q) || PLAN_PERIOD_RE.test(q)) return -1;
  const tail = after.replace(/^\s+/, '');
  if (startsWithAny(tail, rejectFollowers)) return -1;
  let score = 0;
  const numeric = NUMERIC_FORMULA_RE.test(q);
  if (numeric) {
    if (NUMBERED_CATEGORY_ENDS.test(q)) return -1;
    score += 1;
  }
  if (nationalCanonical.has(q)) score += 2;
  if (numeric && NUMBERED_MEASURE_RE.test(q)) score += 1;
  if (PLUS_FORMULA_RE.test(q)) score += 1;
  if (q.length >= 4 && INNER_STRONG_SUFFIXES.test(q)) score += 2;
  else if (LOAN_RE.test(q)) score += 2;
  else if (INNER_SUFFIXES.test(q)) score += 1;
  if (REDUPLICATED_RE.test(q)) score += 1;
  const afterDe = tail.startsWith('的') ? tail.slice(1) : tail;
  if (startsWithAny(tail, strongFollowers)) score += 2;
  else if (/^的[\u4e00-\u9fff]{0,8}(?:机制|体系|程序|模式|格局)/.test(tail)) score += 2;
  else if (startsWithAny(tail, weakFollowers) || startsWithAny(afterDe, weakFollowers)) score += 1;
  else if (/^[,，]即/.test(tail)) score += 1;
  // “三改”8902户: a numbered formula followed by what it achieved
  else if (numeric && /^\d/.test(tail)) score += 1;

  // 实施农村“组组通”: a scope word may stand between the verb and the quote
  const lead = before.replace(/\s+$/, '').replace(/(?:农村|全县|全市|全乡|全镇|城乡|全面)$/, '');
  // 开展“点对点、一站式”: short formulas listed in one quote count like one
  if (strongTriggerEnd.test(lead) && (!q.includes('、') || q.split('、').every((i) => i.length <= 4))) score += 2;
  else if (programTriggerEnd.test(lead)) score += 1;
  if (PROGRAM_WORD_BEFORE_RE.test(lead)) score += 1;
  // 把“组组通”作为…: a method taken up as part of a broader effort
  if (/(?:把|将)$/.test(lead) && /^作为/.test(tail)) score += 1;
  // programs are often listed together: “以岗定培”“按需施培”, “三个责任”和“三项制度”
  if (/^(?:[”’」』"]|[和、及与]?[“‘「『])/.test(tail) || /[”’」』"](?:[和、及与]|中的)?$/.test(before)) score += 1;
  // (split only where there is something to split: a split of a fresh string costs a runtime call)
  const items = q.includes('、') ? q.split('、') : [q];
  // 按照“搬得出、稳得住、能致富”, “政府引导、市场运作”原则: a principle of several clauses, introduced as a method
  // …or standing alone as the object of 坚持/按照 (坚持“甲所能、乙所需”。); before 要求 it stays an exhortation
  const closes = /^(?:$|[，。；,;])/.test(tail);
  if (
    items.length >= 2 &&
    ((PRINCIPLE_FOLLOWER_RE.test(tail) && (PRINCIPLE_LEAD_RE.test(lead) || /^(?:模式|机制)/.test(tail))) ||
      (PRINCIPLE_LEAD_RE.test(lead) && closes))
  )
    return score + 2;
  if (!numeric && items.length >= 3 && items.every((i) => SLOGAN_ITEM_RE.test(i))) score -= 1;
  if (!numeric && items.length === 2 && items.every((i) => i.length >= 4)) score -= 1;
  return score;
}

// “5+2”、“白+黑”、“钉钉子”精神: a run of quotes shares the word after its last quote
const QUOTE_RUN_LINK_RE = /^\s*[、和及与]?\s*[“‘「『"][^“”‘’「」『』"\n]{1,40}[”’」』"]/;
function runEndsInReject(text: string, afterClose: number): boolean {
  let pos = afterClose;
  for (let hops = 0; hops < 8; hops++) {
    const m = QUOTE_RUN_LINK_RE.exec(text.slice(pos));
    if (!m) break;
    pos += m[0].length;
  }
  if (pos === afterClose) return false;
  const tail = text.slice(pos, pos + 6).replace(/^\s+/, '');
  return startsWithAny(tail, rejectFollowers);
}

function quotedPrograms(text: string): ProgramHit[] {
  const hits: ProgramHit[] = [];
  for (const m of matchesIn(text, QUOTE_RE)) {
    const inner = m[1] ?? '';
    const innerStart = (m.index ?? 0) + 1;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 6), m.index);
    const after = text.slice(innerStart + inner.length + 1, innerStart + inner.length + 16);
    if (scoreQuotedProgram(inner, before, after) < 2) continue;
    if (runEndsInReject(text, innerStart + inner.length + 1)) continue;
    // trim spaces the PDF extraction left inside the quote
    const lead = inner.length - inner.trimStart().length;
    const surface = inner.trim();
    hits.push({
      name: canonicalProgramName(surface),
      surface,
      start: innerStart + lead,
      end: innerStart + lead + surface.length,
      via: 'quote',
    });
  }
  return hits;
}

function nationalPrograms(text: string): ProgramHit[] {
  const hits: ProgramHit[] = [];
  for (const m of matchesIn(text, nationalRe)) {
    const start = m.index ?? 0;
    // 消费扶贫专柜, 加大控辍保学力度, “某某”消费扶贫行动: the policy word only qualifies another noun
    const next = text.slice(start + m[0].length, start + m[0].length + 3);
    if (QUALIFIED_NOUN_RE.test(next) || (/[”’」』"]/.test(text[start - 1] ?? '') && /^行动/.test(next))) continue;
    hits.push({
      name: nationalCanonical.get(m[0]) ?? m[0],
      surface: m[0],
      start,
      end: start + m[0].length,
      via: 'lexicon',
    });
  }
  return hits;
}

function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open;
}

function suffixPrograms(segmenter: TokenCutter, text: string): ProgramHit[] {
  const hits: ProgramHit[] = [];
  let ends: WordEnds | undefined;
  for (const m of matchesIn(text, suffixRe)) {
    const suffixStart = m.index ?? 0;
    const end = suffixStart + m[0].length;
    SUFFIX_BLOCKING_FOLLOWERS.lastIndex = end;
    if (SUFFIX_BLOCKING_FOLLOWERS.test(text)) continue;
    if (insideBookTitle(text, suffixStart)) continue;
    // a suffix right after a quote, a punctuation mark or the start names nothing (tested before the cut)
    const prev = text[suffixStart - 1] ?? '';
    if (/[”’」』"]/.test(prev) || prev === '' || /[，。、；：,;:\s]/.test(prev)) continue;
    ends ??= new WordEnds(segmenter, text);
    // 进行动态 holds 行动 across two words: not a suffix
    if (!ends.has(end)) continue;
    let start = nameStartBefore(segmenter, text, suffixStart, 10);
    // 监测和帮扶机制: 和 joins two fields of one mechanism
    if (m[0] === '机制' && text[start - 1] === '和' && suffixStart - start >= 2) {
      const before = nameStartBefore(segmenter, text, start - 1, 10);
      if (start - 1 - before >= 2) start = before;
    }
    // jieba glues a verb to the next word (确保安全): drop a leading introducing verb
    if (INTRODUCING_VERBS.has(text.slice(start, start + 2))) start += 2;
    if (LEADING_ACTION_RE.test(text.slice(start, suffixStart))) start += 2;
    // 某县建设人畜饮水工程: the walk crossed a subject and its verb; the name follows the last verb
    // (健康某县建设工程 keeps its 建设: nothing would be left after it)
    const inner = INNER_ACTION_RE.exec(text.slice(start, suffixStart));
    if (inner && suffixStart - (start + inner.index + inner[0].length) >= 2) start += inner.index + inner[0].length;
    const head = text.slice(start, suffixStart);
    if (m[0] === '机制' && (head.length < MECHANISM_MIN_HEAD || GENERIC_MECHANISM_ENDS.test(head))) continue;
    if (/脱贫攻坚战?$|攻坚战$/.test(head)) continue;
    if (head.length < 2 || GENERIC_HEADS.has(head) || /^第/.test(head)) continue;
    // the walk stopped at a closing quote: the quoted rule owns this name
    if (/[”’」』"]/.test(text[start - 1] ?? '') && start > 0) continue;
    const surface = text.slice(start, end);
    hits.push({ name: canonicalProgramName(surface), surface, start, end, via: 'suffix' });
  }
  return hits;
}

// 公司+合作社+农户 without quotes: three or more items, or two before 模式/方式/机制
const PLUS_CHAIN_RE = /[\u4e00-\u9fff（）()]{2,8}(?:\+[\u4e00-\u9fff（）()]{2,8}){1,6}/g;

function plusChainPrograms(text: string): ProgramHit[] {
  const hits: ProgramHit[] = [];
  for (const m of matchesIn(text, PLUS_CHAIN_RE)) {
    let surface = m[0];
    let start = m.index ?? 0;
    // the first item may carry the verb before it (推广龙头企业+…): cut at the last introducing verb
    const lead = /^.*(?:推广|采取|推行|实行|实施|探索|创新|按照|采用|形成|构建|建立|依托)/.exec(
      surface.split('+')[0] ?? '',
    );
    if (lead) {
      start += lead[0].length;
      surface = surface.slice(lead[0].length);
    }
    // the last item ends before 的 or a program word (…+农户的利益联结方式)
    const tailCut = /(?:的|模式|方式|机制|等)/.exec(surface.slice(surface.lastIndexOf('+')));
    if (tailCut) surface = surface.slice(0, surface.lastIndexOf('+') + tailCut.index);
    const items = surface.split('+');
    if (items.some((i) => i.length < 2 || i.includes('的'))) continue;
    const after = text.slice(start + surface.length, start + surface.length + 4);
    if (items.length < 3 && !/^(?:的)?(?:模式|方式|机制)/.test(after)) continue;
    hits.push({ name: canonicalProgramName(surface), surface, start, end: start + surface.length, via: 'suffix' });
  }
  return hits;
}

/**
 * Tells whether a program name is the named east-west cooperation of a province pair (闽宁协作, 粤桂扶贫协作),
 * which is part of 东西部扶贫协作.
 * @param name - canonical program name
 * @example isPairCooperation('闽宁协作') // true; isPairCooperation('劳务协作') // false
 */
export function isPairCooperation(name: string): boolean {
  PAIR_COOPERATION_RE.lastIndex = 0;
  const m = PAIR_COOPERATION_RE.exec(name);
  PAIR_COOPERATION_RE.lastIndex = 0;
  return m !== null && m.index === 0 && m[0].length === name.length;
}

function pairCooperationPrograms(text: string): ProgramHit[] {
  const hits: ProgramHit[] = [];
  for (const m of matchesIn(text, PAIR_COOPERATION_RE)) {
    const start = m.index ?? 0;
    // 深化协作, 开展协作: a word before 协作, not a pair (the pair's second char would end a verb)
    if (/^(?:深化|开展|加强|推进|强化|携手|实施|东西)/.test(m[0])) continue;
    // “粤黔协作”电商平台: the pair names something else here
    const tail = text.slice(start + m[0].length).replace(/^[”’」』"]/, '');
    if (startsWithAny(tail, rejectFollowers) || /^(?:电商|工作站|服务站|专柜|馆)/.test(tail)) continue;
    hits.push({ name: m[0], surface: m[0], start, end: start + m[0].length, via: 'lexicon' });
  }
  return hits;
}

/**
 * Finds the programs named in one sentence, without overlaps (quoted names first, then the national
 * lexicon, then suffix phrases).
 * @param segmenter - jieba-backed word cutter, for the left edge of suffix phrases
 * @param text - one sentence of normalised text
 * @example findPrograms(seg, '从江县创新实施“稻鱼鸭共生”模式') // [{ name: '稻鱼鸭共生', via: 'quote', … }]
 */
export function findPrograms(segmenter: TokenCutter, text: string): ProgramHit[] {
  return programsOfRules(segmenter, text, ALL_RULES);
}

// The rules of findPrograms as bits, so that a sentence runs only the rules whose trigger it holds.
const QUOTE = 1;
const PAIR = 2;
const NATIONAL = 4;
const SUFFIX = 8;
const PLUS = 16;
const ALL_RULES = QUOTE | PAIR | NATIONAL | SUFFIX | PLUS;

/** findPrograms restricted to some rules (a rule left out must find nothing in the text). */
function programsOfRules(segmenter: TokenCutter, text: string, rules: number): ProgramHit[] {
  const accepted: ProgramHit[] = [];
  const overlaps = (h: ProgramHit) => accepted.some((a) => h.start < a.end && a.start < h.end);
  if (rules & QUOTE) for (const h of quotedPrograms(text)) accepted.push(h);
  // a pair needs 协作, a chain a +: skip their character-class scans when the literal is absent
  if (rules & PAIR && text.includes('协作'))
    for (const h of pairCooperationPrograms(text)) if (!overlaps(h)) accepted.push(h);
  if (rules & NATIONAL) for (const h of nationalPrograms(text)) if (!overlaps(h)) accepted.push(h);
  if (rules & SUFFIX) for (const h of suffixPrograms(segmenter, text)) if (!overlaps(h)) accepted.push(h);
  if (rules & PLUS && text.includes('+')) for (const h of plusChainPrograms(text)) if (!overlaps(h)) accepted.push(h);
  return accepted.sort((a, b) => a.start - b.start);
}

// What a match of each rule holds: an opening quote, 协作 (a province pair), a national name, a suffix, a +
// (literal triggers, answered from one scan of the text shared with the other extractors: the national
// and suffix triggers are the words of nationalRe and suffixRe, tried in the same order)
const RULE_TRIGGERS: readonly [number, RegExp][] = [
  [QUOTE, literalTrigger(['“', '‘', '「', '『', '"'])],
  [PAIR, literalTrigger(['协作'])],
  [NATIONAL, literalTrigger(nationalCanonical.keys())],
  [SUFFIX, literalTrigger(PROGRAM_NAME_SUFFIXES, false)],
  [PLUS, literalTrigger(['+'])],
];

/**
 * Entity extractor for Program mentions, sentence by sentence: each sentence runs only the rules whose
 * trigger (a quote, 协作, a national name, a suffix, a +) one scan of the whole text found in it.
 * @example programExtractor.extract(ctx) // 台江县大力推行“积分超市”模式 → Program 积分超市
 */
export const programExtractor: EntityExtractor = {
  name: 'programs',
  extract(ctx: DocContext): EntityMention[] {
    const out: EntityMention[] = [];
    // one scan of the whole text per rule; each sentence runs the rules whose trigger it holds
    const rules = new Uint8Array(ctx.sentences.length);
    for (const [rule, trigger] of RULE_TRIGGERS) for (const i of sentencesMatching(ctx, trigger)) rules[i]! |= rule;
    for (let index = 0; index < rules.length; index++) {
      if (!rules[index]) continue;
      const s = ctx.sentences[index]!;
      for (const h of programsOfRules(ctx.segmenter, s.text, rules[index]!)) {
        out.push({
          type: 'Program',
          name: h.name,
          surface: h.surface,
          start: s.start + h.start,
          end: s.start + h.end,
          sentence: index,
          extractor: 'programs',
        });
      }
    }
    return out;
  },
};
