/**
 * Sentence triggers
 *
 * The entity extractors work sentence by sentence, but most sentences hold nothing of a given kind: a
 * company needs 公司/集团/合作社…, a site 基地/安置点/园区…. Segmenting or tagging every sentence to
 * find that out costs more than the rest of an extractor, so each extractor first scans the WHOLE
 * normalised text once with a trigger regex (what every match of its rules must contain) and runs its
 * rules only on the sentences a trigger touches. A trigger is sound when every sentence the rules
 * could match holds a substring the trigger regex matches; the regex must then have no lookaround,
 * anchors or \b, so that such a substring also matches inside the whole text. One scan of the whole
 * text then covers it: a global scan tries every position not inside an earlier match, so each
 * occurrence's first character lies inside some match, and every sentence a match overlaps is kept.
 */
import type { Sentence } from '@fupin/text';
import type { DocContext } from '../types.js';

const globalOf = new WeakMap<RegExp, RegExp>();

/**
 * Indices (ascending, each once) of the sentences that overlap a match of `trigger` in the whole
 * normalised text: a superset of the sentences that hold a substring `trigger` matches. A trigger made
 * by {@link literalTrigger} is answered from one scan of the text shared by all such triggers (made on
 * the document's first call, kept with it); any other regex is run over the text.
 * @param ctx - document context (normalised text and its sentences)
 * @param trigger - literal alternatives or a plain pattern, without lookaround, anchors or \b
 * @example sentencesMatching(ctx, /公司|集团/) // [1] for 从江县脱贫。台江县引进某集团。
 */
export function sentencesMatching(ctx: Pick<DocContext, 'normalized' | 'sentences'>, trigger: RegExp): number[] {
  const id = triggerIds.get(trigger);
  if (id !== undefined) {
    const shared = sharedScan(ctx);
    if (id < shared.lists.length) return shared.lists[id]!.slice();
  }
  return overlappedSentences(ctx.normalized.text, ctx.sentences, trigger);
}

/** The literal triggers scanned together, each with its words in the order its regex tries them. */
const triggers: (readonly string[])[] = [];
const triggerIds = new WeakMap<RegExp, number>();
/** Per first UTF-16 unit: 1 + index into `buckets` (0: no trigger word starts with it). */
let firstUnit = new Uint16Array(0);
/** Per bucket: [trigger, word, trigger, word, …], each trigger's words in its regex's order. */
let buckets: (number | string)[][] = [];
let tableSize = -1;

function buildTable(): void {
  firstUnit = new Uint16Array(0x10000);
  buckets = [];
  for (let t = 0; t < triggers.length; t++) {
    for (const word of triggers[t]!) {
      const c = word.charCodeAt(0);
      let b = firstUnit[c]!;
      if (b === 0) {
        buckets.push([]);
        b = buckets.length;
        firstUnit[c] = b;
      }
      buckets[b - 1]!.push(t, word);
    }
  }
  tableSize = triggers.length;
}

interface SharedScan {
  text: string;
  sentences: readonly Pick<Sentence, 'start' | 'end'>[];
  /** Per trigger id (those registered when the scan was made): its sentences. */
  lists: number[][];
}
const scans = new WeakMap<object, SharedScan>();

/**
 * What overlappedSentences gives for every literal trigger, from one pass over the text: at each
 * position, each trigger whose last match ended at or before it takes its first word (in its regex's
 * order) that starts there, as the regex's global scan does, then goes on after that word.
 */
function sharedScan(ctx: Pick<DocContext, 'normalized' | 'sentences'>): SharedScan {
  const text = ctx.normalized.text;
  const sentences = ctx.sentences;
  const cached = scans.get(ctx);
  if (cached && cached.text === text && cached.sentences === sentences) return cached;
  if (tableSize !== triggers.length) buildTable();
  const count = tableSize;
  const lists: number[][] = [];
  for (let t = 0; t < count; t++) lists.push([]);
  const cursor = new Int32Array(count);
  const last = new Int32Array(count).fill(-1);
  const n = sentences.length;
  let k = 0;
  const length = text.length;
  for (let i = 0; i < length && k < n; i++) {
    const b = firstUnit[text.charCodeAt(i)]!;
    if (b === 0) continue;
    const bucket = buckets[b - 1]!;
    for (let e = 0; e < bucket.length; e += 2) {
      const t = bucket[e] as number;
      if (cursor[t]! > i) continue;
      const word = bucket[e + 1] as string;
      if (!text.startsWith(word, i)) continue;
      const end = i + word.length;
      cursor[t] = end;
      while (k < n && sentences[k]!.end <= i) k++;
      const list = lists[t]!;
      for (let j = Math.max(k, last[t]! + 1); j < n && sentences[j]!.start < end; j++) {
        list.push(j);
        last[t] = j;
      }
    }
  }
  const scan = { text, sentences, lists };
  scans.set(ctx, scan);
  return scan;
}

/**
 * The union of {@link sentencesMatching} over several triggers (ascending, each once): a rule set whose
 * triggers scan fast alone (literal words, a number and unit) but slowly as one alternation.
 * @param ctx - document context
 * @param triggers - trigger regexes, each as for sentencesMatching
 * @example sentencesMatchingAny(ctx, [/公司/, /\d+亩/]) // [1, 3]
 */
export function sentencesMatchingAny(
  ctx: Pick<DocContext, 'normalized' | 'sentences'>,
  triggers: readonly RegExp[],
): number[] {
  const marked = new Uint8Array(ctx.sentences.length);
  for (const trigger of triggers) for (const i of sentencesMatching(ctx, trigger)) marked[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < marked.length; i++) if (marked[i]) out.push(i);
  return out;
}

/**
 * The scan behind {@link sentencesMatching}, on a text and its sentence spans (sorted, disjoint).
 * @param text - the normalised text
 * @param sentences - spans into `text`, in order
 * @param trigger - the trigger regex (made global here if it is not)
 * @example overlappedSentences('甲。乙公司。', [{ start: 0, end: 2 }, { start: 2, end: 6 }], /公司/) // [1]
 */
export function overlappedSentences(
  text: string,
  sentences: readonly Pick<Sentence, 'start' | 'end'>[],
  trigger: RegExp,
): number[] {
  let re = trigger.global ? trigger : globalOf.get(trigger);
  if (!re) {
    re = new RegExp(trigger.source, `${trigger.flags}g`);
    globalOf.set(trigger, re);
  }
  const out: number[] = [];
  const n = sentences.length;
  let k = 0;
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const a = m.index;
    const b = a + m[0].length;
    if (b === a) {
      re.lastIndex++;
      continue;
    }
    while (k < n && sentences[k]!.end <= a) k++;
    for (let j = Math.max(k, last + 1); j < n && sentences[j]!.start < b; j++) {
      out.push(j);
      last = j;
    }
    if (k >= n) break;
  }
  re.lastIndex = 0;
  return out;
}

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function literalList(words: Iterable<string>, longestFirst: boolean): string[] {
  const list = [...new Set(words)].filter((w) => w.length > 0);
  return longestFirst ? list.sort((a, b) => b.length - a.length) : list;
}

/**
 * One alternation of literal words (longest first, regex characters escaped), for a trigger.
 * @param words - the words any match must contain
 * @example literalAlternation(['公司', '有限公司']).source // '有限公司|公司'
 */
export function literalAlternation(words: Iterable<string>): RegExp {
  return new RegExp(literalList(words, true).map(escapeRegex).join('|'), 'g');
}

/**
 * A trigger of literal words for {@link sentencesMatching}: the regex literalAlternation makes (or,
 * with `longestFirst` false, the words in the order given, as a regex alternation of them tries them),
 * registered so that all such triggers are answered from one shared scan of each document. Make
 * triggers once, at module load (each call registers one for the life of the process).
 * @param words - the words any match must contain
 * @param longestFirst - sort the words longest first (the default), else keep their order
 * @example sentencesMatching(ctx, literalTrigger(['公司', '合作社'])) // [1] for 从江县脱贫。台江县成立合作社。
 */
export function literalTrigger(words: Iterable<string>, longestFirst = true): RegExp {
  const list = literalList(words, longestFirst);
  const re = new RegExp(list.map(escapeRegex).join('|'), 'g');
  triggerIds.set(re, triggers.length);
  triggers.push(list);
  return re;
}

const NO_MATCHES: readonly RegExpExecArray[] = [];

/**
 * Every match of a global regex in a text, in order: what `[...text.matchAll(re)]` gives, without the
 * copy of the regex matchAll makes at every call (the rules run on thousands of sentences). The regex's
 * lastIndex is 0 before and after; the list is shared when empty, so callers must not change it.
 * @param text - one sentence
 * @param re - a global regex
 * @example matchesIn('引进甲公司和乙公司', /公司/g).map((m) => m.index) // [3, 7]
 */
export function matchesIn(text: string, re: RegExp): readonly RegExpExecArray[] {
  let out: RegExpExecArray[] | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    (out ??= []).push(m);
  }
  re.lastIndex = 0;
  return out ?? NO_MATCHES;
}

/**
 * A literal word found in a sentence: its offset in the sentence text and the word.
 * @example { index: 4, word: '茶叶' }
 */
export interface LiteralMatch {
  index: number;
  word: string;
}

/**
 * What a global regex alternation of literal words, longest first, matches in each sentence's text
 * (`matchesIn(sentence.text, /甲乙|甲|…/g)` for every sentence), found with indexOf over the whole text:
 * no regex to compile for word lists made per document. At each position the scan takes the longest
 * word there (what the alternation's first matching branch is), then goes on after it.
 * @param ctx - document context
 * @param words - non-empty literal words
 * @example literalMatchesBySentence(ctx, ['茶叶', '茶']) // [[1, [{ index: 4, word: '茶叶' }]]]
 */
export function literalMatchesBySentence(
  ctx: Pick<DocContext, 'normalized' | 'sentences'>,
  words: Iterable<string>,
): [number, LiteralMatch[]][] {
  const text = ctx.normalized.text;
  const occurrences: { at: number; word: string }[] = [];
  for (const word of new Set(words)) {
    if (!word) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) occurrences.push({ at, word });
  }
  occurrences.sort((a, b) => a.at - b.at || b.word.length - a.word.length);
  const out: [number, LiteralMatch[]][] = [];
  const sentences = ctx.sentences;
  let k = 0;
  let cursor = -1;
  let current: LiteralMatch[] | undefined;
  for (const { at, word } of occurrences) {
    while (k < sentences.length && sentences[k]!.end <= at) {
      k++;
      current = undefined;
    }
    const s = sentences[k];
    if (!s) break;
    // only words wholly inside the sentence, none starting inside the one taken before
    if (at < s.start || at + word.length > s.end) continue;
    if (current && at < cursor) continue;
    if (!current) {
      current = [];
      out.push([k, current]);
    }
    current.push({ index: at - s.start, word });
    cursor = at + word.length;
  }
  return out;
}

/**
 * A test of whether a text ends in one of some literal words: what `/(?:甲|乙)$/.test(text)` answers,
 * by the text's last character and endsWith (an end-anchored regex tries every start position).
 * @example endsWithOneOf(['机制', '工程']).test('稻鱼共生机制') // true
 */
export interface EndingTest {
  test(text: string): boolean;
}

/**
 * An {@link EndingTest} for literal words.
 * @param words - non-empty literal words
 * @example endsWithOneOf(['行动', '工程']).test('春风行动') // true
 */
export function endsWithOneOf(words: Iterable<string>): EndingTest {
  const byLast = new Map<number, string[]>();
  for (const w of words) {
    if (!w) continue;
    const c = w.charCodeAt(w.length - 1);
    const list = byLast.get(c);
    if (list) list.push(w);
    else byLast.set(c, [w]);
  }
  return {
    test(text: string): boolean {
      const list = byLast.get(text.charCodeAt(text.length - 1));
      if (!list) return false;
      for (const w of list) if (text.endsWith(w)) return true;
      return false;
    },
  };
}
