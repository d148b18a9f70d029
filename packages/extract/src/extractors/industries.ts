/**
 * Industry extractor
 *
 * Finds the products and sectors a region develops from where they stand, not from a product list:
 * before a farm quantity (马铃薯65万亩, 生猪存栏40万头) or after one (20万亩有机高粱), in a list
 * closed by 等产业 / N大产业 / 作为主导产业, before a production site (香葱基地), and next to a growing
 * verb (种植烤烟, 可乐猪养殖). jieba POS tags keep the words nouns; a stop list drops collective
 * words (农产品, 经济作物). So it works for any crop or breed of any county.
 */
import type { DocContext, EntityExtractor, EntityMention, Segmenter } from '../types.js';
import { isNameBoundary } from '../lexicon/function-words.js';
import { isWordBoundary, mentionsIn } from '../doc-util.js';
import { literalMatchesBySentence, literalTrigger, matchesIn, sentencesMatchingAny } from './sentence-triggers.js';
import { tagWithOffsets, tokenHolding, wordTokens, WordsMismatch, type Token } from './tagged-tokens.js';
import {
  FARM_UNITS,
  GENERIC_PRODUCT_WORDS,
  GROWING_VERBS,
  PRODUCT_SITE_SUFFIXES,
  PRODUCT_TAGS,
  QUANTITY_AUX_WORDS,
} from '../lexicon/industry-words.js';

/**
 * An industry found in one sentence, offsets local to the sentence.
 * @example { name: '刺梨', start: 4, end: 6, via: 'quantity' }
 */
export interface IndustryHit {
  name: string;
  start: number;
  end: number;
  /** Which pattern found it. */
  via: 'quantity' | 'list' | 'site' | 'verb';
}

const QUANTITY_RE = new RegExp(
  `(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)(?:余|多)?(?:万|亿)?(?:${FARM_UNITS.join('|')})`,
  'g',
);
// 等产业, 等特色产业, “五大产业”, 等作为主导产业
const LIST_END_RE =
  /(?:等(?:其他|其它)?(?:特色|主导|优势|扶贫|农业|富民|支柱|经济|林下|特色农|优质)?(?:产业|作物|农作物|中药材|作为[^，。；,;]{0,6}(?:主导|支柱|特色|优势)产业)|[“"]?[一二三四五六七八九十]大(?:特色|主导|优势)?产业[”"]?)/g;
// 确立锥栗为全乡主导产业, 把茶叶作为支柱产业
const DESIGNATE_RE =
  /(?:确立|选择|选定|把|将)([\u4e00-\u9fff、]{2,24}?)(?:为|作为)[^，。；,;]{0,6}(?:主导|支柱|特色|优势|首位)产业/g;
// 发展蓝莓产业, 做强茶叶、油茶产业: the products before 产业 after a developing verb
const DEVELOP_INDUSTRY_RE =
  /(?:发展|培育|做大|做强|做优|壮大|打造|推进)(?:壮大|做强|做优)?([\u4e00-\u9fff、和]{2,24}?)(?:特色|主导|优势|生态|富民)?产业(?!园|带|基地|链|扶贫|革命|发展|结构)/g;
// 种植苦荞、马铃薯和蔬菜, 发展肉牛、山羊养殖: a list of two or more products after a growing verb
const GROW_LIST_RE =
  /(?:种植|栽种|养殖|发展|培育|饲养)((?:[\u4e00-\u9fff]{1,6}(?:、|和|及|与|以及))+[\u4e00-\u9fff]{1,8}?)(?=养殖|种植|等|产业|[，。；：,;:]|$)/g;
// 发展乡村旅游, 发展民宿经济: a sector named alone after a developing verb
const SECTOR_RE = /(?:发展|培育|壮大|做强|打造)([\u4e00-\u9fff]{2,4}(?:旅游|经济))(?=[，。；、和及与,;]|$)/g;
// 饲养量, 存栏量, 产量: a measure of the product, not part of its name
const MEASURE_END_RE = /(?:饲养量|存栏量|出栏量|养殖量|种植量|产量|销量|总量)$/;
// 某镇主打茶叶, 主打乡村旅游和食用菌: a township's leading products
const LEADING_PRODUCT_RE = /主打([\u4e00-\u9fff、和]{2,16}?)(?=[，。；,;]|$)/g;
const LIST_SPLIT_RE = /[、和及与]|以及/;
const LIST_JOINER_RE = /[、和及与]/;
const LIST_LEAD_RE = /^(?:重点|大力|积极|着力)?(?:发展|培育|做强|壮大|种植|林下种植|栽种)/;
const PRODUCT_SITE_RE = new RegExp(`(?:生产|种植|养殖)?(?:${PRODUCT_SITE_SUFFIXES.join('|')})$`);
const siteSuffixRe = new RegExp(`(?:生产|种植|养殖)?(?:${PRODUCT_SITE_SUFFIXES.join('|')})`, 'g');

// The last numeral of a farm quantity and its unit (what every QUANTITY_RE match holds, and a match of
// it itself): cheaper to scan for than QUANTITY_RE, whose numeral runs start at every 一 and 万.
const QUANTITY_TAIL = `[\\d一二两三四五六七八九十百千万](?:余|多)?(?:万|亿)?(?:${FARM_UNITS.join('|')})`;
// quantityHits needs a QUANTITY_RE match, siteAndVerbHits a site suffix or a 种植/种/栽种/养殖 token
const NEEDS_TOKENS_RE = new RegExp(`${QUANTITY_TAIL}|${PRODUCT_SITE_SUFFIXES.join('|')}|种|养殖`);
// what any match of the first pass holds: the above, or what a list rule needs (产业, 作物, 中药材, 主打,
// a growing verb before a list, a developing verb before a sector); scanned apart, each scan is fast
const INDUSTRY_TRIGGERS: readonly RegExp[] = [
  new RegExp(QUANTITY_TAIL, 'g'),
  // (literal words, in this order: answered from the scan shared with the other extractors)
  literalTrigger([...PRODUCT_SITE_SUFFIXES, '种', '养殖', '产业', '作物', '中药材', '主打'], false),
  /(?:发展|培育|饲养)(?:[\u4e00-\u9fff]{1,6}(?:、|和|及|与|以及))+[\u4e00-\u9fff]/g,
  /(?:发展|培育|壮大|做强|打造)[\u4e00-\u9fff]{2,4}(?:旅游|经济)/g,
];

function isProductToken(t: Token): boolean {
  if (isNameBoundary(t.word) || GENERIC_PRODUCT_WORDS.has(t.word)) return false;
  if (QUANTITY_AUX_WORDS.has(t.word) || GROWING_VERBS.has(t.word)) return false;
  return PRODUCT_TAGS.has(t.tag) || (t.tag === 'a' && t.word.length <= 2);
}

/** Takes up to two product tokens ending at token index `last` (inclusive), walking left. */
function productEndingAt(tokens: Token[], last: number): [number, number] | undefined {
  let first = last + 1;
  for (let i = last; i >= 0 && last - i < 2; i--) {
    const t = tokens[i];
    if (!t || !isProductToken(t)) break;
    if ((tokens[last]?.end ?? 0) - t.start > 6) break;
    first = i;
  }
  if (first > last) return undefined;
  // a breed may start with an adjective (可乐猪) but never end with one
  if (tokens[last]?.tag === 'a') return undefined;
  return [tokens[first]?.start ?? 0, tokens[last]?.end ?? 0];
}

/** Takes up to two product tokens starting at token index `first`, walking right. */
function productStartingAt(tokens: Token[], first: number): [number, number] | undefined {
  let last = first - 1;
  for (let i = first; i < tokens.length && i - first < 2; i++) {
    const t = tokens[i];
    if (!t || !isProductToken(t)) break;
    if (t.end - (tokens[first]?.start ?? 0) > 6) break;
    last = i;
  }
  if (last < first) return undefined;
  if (tokens[last]?.tag === 'a') return undefined;
  return [tokens[first]?.start ?? 0, tokens[last]?.end ?? 0];
}

function acceptName(name: string): boolean {
  return name.length >= 2 && name.length <= 6 && !GENERIC_PRODUCT_WORDS.has(name) && !/\d/.test(name);
}
// 茶园 (a tea garden) stands for its product in 茶园面积20万亩
const PRODUCT_OF_PLANTATION: Readonly<Record<string, string>> = { 茶园: '茶叶', 茶山: '茶叶', 桑园: '桑蚕' };
// 低产茶园: a yield word before a product is not part of its name (生态/有机 stay: 有机高粱 is a product)
const QUALITY_LEAD_RE = /^(?:低产|低效)(?=[\u4e00-\u9fff]{2})/;

function quantityHits(
  text: string,
  tokens: Token[],
  push: (s: number, e: number, via: IndustryHit['via']) => void,
): void {
  for (const m of matchesIn(text, QUANTITY_RE)) {
    const qStart = m.index ?? 0;
    const qEnd = qStart + m[0].length;
    let i = tokenHolding(tokens, qStart) - 1;
    // 蔬菜（含辣椒）30万亩: the parenthesis names a second product
    if (tokens[i]?.word === '）' || tokens[i]?.word === ')') {
      const open = text.lastIndexOf(text[tokens[i]?.start ?? 0] === '）' ? '（' : '(', qStart);
      if (open >= 0) {
        const inner = text.slice(open + 1, tokens[i]?.start ?? 0).replace(/^(?:含|包括|其中)/, '');
        const innerStart = (tokens[i]?.start ?? 0) - inner.length;
        if (acceptName(inner) && !/[，、,]/.test(inner)) push(innerStart, innerStart + inner.length, 'quantity');
        i = tokenHolding(tokens, open) - 1;
      }
    }
    while (i >= 0 && QUANTITY_AUX_WORDS.has(tokens[i]?.word ?? '')) i--;
    const before = i >= 0 ? productEndingAt(tokens, i) : undefined;
    if (before) {
      push(before[0], before[1], 'quantity');
      continue;
    }
    // 20万亩有机高粱: land quantity first, product after
    if (m[0].endsWith('亩')) {
      const j = tokens.findIndex((t) => t.start >= qEnd);
      const after = j >= 0 ? productStartingAt(tokens, j) : undefined;
      if (after) push(after[0], after[1], 'quantity');
    }
  }
}

function listHits(
  segmenter: Segmenter,
  text: string,
  push: (s: number, e: number, via: IndustryHit['via']) => void,
): void {
  const lists: [number, number, boolean][] = [];
  // the rules below that end in 产业 (or 主打, 旅游/经济) are skipped when the sentence lacks the word
  const industry = text.includes('产业');
  // a list's end holds 产业, 作物 or 中药材; a grown list one of 、和及与 (以及 holds 及)
  const listEnd = industry || text.includes('作物') || text.includes('中药材');
  for (const m of listEnd ? matchesIn(text, LIST_END_RE) : []) {
    const end = m.index ?? 0;
    const clauseStart =
      Math.max(
        text.lastIndexOf('，', end),
        text.lastIndexOf('。', end),
        text.lastIndexOf(',', end),
        text.lastIndexOf('；', end),
      ) + 1;
    lists.push([clauseStart, end, false]);
  }
  for (const m of industry ? matchesIn(text, DEVELOP_INDUSTRY_RE) : []) {
    // 发展了一批见效快的特色产业: a description, not a list of products
    if (/[的了是]/.test(m[1] ?? '')) continue;
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? '', 2);
    lists.push([start, start + (m[1]?.length ?? 0), true]);
  }
  for (const m of text.includes('主打') ? matchesIn(text, LEADING_PRODUCT_RE) : []) {
    const start = (m.index ?? 0) + 2;
    lists.push([start, start + (m[1]?.length ?? 0), true]);
  }
  for (const m of LIST_JOINER_RE.test(text) ? matchesIn(text, GROW_LIST_RE) : []) {
    // 发展了一批周期短、见效快的产业: a description, not a list of products
    if (/[了的是\s]/.test(m[1] ?? '')) continue;
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
    lists.push([start, start + (m[1]?.length ?? 0), true]);
  }
  for (const m of text.includes('旅游') || text.includes('经济') ? matchesIn(text, SECTOR_RE) : []) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
    lists.push([start, start + (m[1]?.length ?? 0), true]);
  }
  for (const m of industry ? matchesIn(text, DESIGNATE_RE) : []) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
    lists.push([start, start + (m[1]?.length ?? 0), false]);
  }
  for (const [from, to, strict] of lists) {
    let segment = text.slice(from, to);
    let offset = from;
    // keep what follows the last developing verb: 重点发展中药材、油茶 → 中药材、油茶
    const lead = /.*(?:发展|选择|培育|打造|做强|壮大|围绕|立足|依托|聚焦|突出|形成了?|确立|确定|布局|推广)/.exec(
      segment,
    );
    if (lead) {
      offset += lead[0].length;
      segment = segment.slice(lead[0].length);
    }
    let pos = 0;
    for (const raw of segment.split(LIST_SPLIT_RE)) {
      const rawStart = segment.indexOf(raw, pos);
      pos = rawStart + raw.length;
      let item = raw.replace(LIST_LEAD_RE, '').replace(/^[\d.]+(?:余|多)?(?:万|亿)?亩/, '');
      // 沿江布局蔬菜: the first item may carry a verb phrase; keep what follows the last verb
      if (rawStart === 0) {
        const verb = tagWithOffsets(segmenter, item)
          .filter((w) => w.tag === 'v')
          .at(-1);
        if (verb && verb.end < item.length) item = item.slice(verb.end).replace(/^[了着过]/, '');
      }
      const itemStart = offset + rawStart + (raw.length - item.length);
      if (!acceptName(item) || /[，。；：“”"（）()]/.test(item)) continue;
      // without a closing 等 the span may hold other words: the item must end in a noun
      if (strict) {
        const words = tagWithOffsets(segmenter, item);
        const last = words.at(-1);
        // 民宿经济: 经济 closes a sector's name after a proper word
        const plain = (w: Token, i: number): boolean =>
          !GENERIC_PRODUCT_WORDS.has(w.word) || (i > 0 && w.word === '经济');
        // 香猪 (香/ns), 小黄姜 (小/a), 半细毛羊 (半/m): a breed may open with a place-like, adjective or 半 word
        const nounish = (w: Token, i: number): boolean =>
          /^(?:n|nz|ng|nr|j|vn|l)$/.test(w.tag) ||
          (i < words.length - 1 && (/^(?:ns|a|b)$/.test(w.tag) || w.word === '半') && w.word.length <= 2);
        if (!words.every((w, i) => nounish(w, i) && plain(w, i))) continue;
        if (!last || last.tag === 'vn' ? !/(?:旅游|养殖|种植)$/.test(item) : false) continue;
      }
      push(itemStart, itemStart + item.length, 'list');
    }
  }
}

function siteAndVerbHits(
  text: string,
  tokens: Token[],
  push: (s: number, e: number, via: IndustryHit['via']) => void,
): void {
  for (const m of matchesIn(text, siteSuffixRe)) {
    const at = m.index ?? 0;
    const holder = tokens[tokenHolding(tokens, at)];
    if (holder && holder.start < at) {
      // jieba kept product and base together (蔬菜基地): the product is the word's head
      if (at - holder.start >= 2 && !GENERIC_PRODUCT_WORDS.has(text.slice(holder.start, at)))
        push(holder.start, at, 'site');
      continue;
    }
    const t = tokens[tokenHolding(tokens, at) - 1];
    if (t && t.end === at && isProductToken(t)) push(t.start, t.end, 'site');
  }
  tokens.forEach((t, i) => {
    if (t.word === '种植' || t.word === '养殖' || t.word === '栽种') {
      // 香葱种植, 可乐猪养殖 (the product before) unless a quantity follows (handled above)
      const before = productEndingAt(tokens, i - 1);
      if (before && !/^\d/.test(tokens[i + 1]?.word ?? '')) push(before[0], before[1], 'verb');
    }
    if ((t.word === '种植' || t.word === '种' || t.word === '栽种') && t.tag.startsWith('v')) {
      const after = productStartingAt(tokens, i + 1);
      if (after && (tokens[i + 1]?.word.length ?? 0) >= 2) push(after[0], after[1], 'verb');
    }
  });
}

/**
 * Finds the industries (products and sectors) named in one sentence.
 * @param segmenter - jieba-backed segmenter with POS tags
 * @param text - one sentence of normalised text
 * @param taken - spans (local to the sentence) already named by other mentions, e.g. regions
 * @example findIndustries(seg, '全县种植刺梨12万亩、猕猴桃3万亩') // 刺梨, 猕猴桃
 */
export function findIndustries(
  segmenter: Segmenter,
  text: string,
  taken: readonly [number, number][] = [],
): IndustryHit[] {
  const hits: IndustryHit[] = [];
  const push = (start: number, end: number, via: IndustryHit['via']): void => {
    // 万亩蔬菜基地: the product without the base
    const base = PRODUCT_SITE_RE.exec(text.slice(start, end));
    if (base && base.index > 0) end = start + base.index;
    const measure = MEASURE_END_RE.exec(text.slice(start, end));
    if (measure && measure.index > 0) end = start + measure.index;
    const quality = QUALITY_LEAD_RE.exec(text.slice(start, end));
    if (quality) start += quality[0].length;
    // a place name is never a product (某乡总计…), though it may lead one (某县空心李 → 空心李)
    for (const [a, b] of taken) {
      if (a <= start && b > start && b < end) start = b;
    }
    if (taken.some(([a, b]) => start < b && a < end)) return;
    const name = text.slice(start, end);
    if (!acceptName(name)) return;
    if (hits.some((h) => start < h.end && h.start < end)) return;
    hits.push({ name: PRODUCT_OF_PLANTATION[name] ?? name, start, end, via });
  };
  listHits(segmenter, text, push);
  // the word-level rules need a quantity, a production site or a growing verb: tag only then
  if (NEEDS_TOKENS_RE.test(text)) {
    const wordRules = (tokens: Token[]): void => {
      quantityHits(text, tokens, push);
      siteAndVerbHits(text, tokens, push);
    };
    // the words of a cut, tagged only where a rule reads a tag (near a quantity, a site, a growing verb)
    const before = hits.length;
    try {
      wordRules(wordTokens(segmenter, text));
    } catch (e) {
      if (!(e instanceof WordsMismatch)) throw e;
      hits.length = before;
      wordRules(tagWithOffsets(segmenter, text));
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Entity extractor for Industry mentions, sentence by sentence (only the sentences holding what a rule
 * needs: a quantity, a site suffix, a growing verb, 产业…), then later mentions of the products found.
 * @example industryExtractor.extract(ctx) // 从江县发展香猪、稻田鱼等特色产业 → Industry 香猪, 稻田鱼
 */
export const industryExtractor: EntityExtractor = {
  name: 'industries',
  extract(ctx: DocContext): EntityMention[] {
    const out: EntityMention[] = [];
    for (const index of sentencesMatchingAny(ctx, INDUSTRY_TRIGGERS)) {
      const s = ctx.sentences[index]!;
      // a base's or a program's name holds its product (香葱基地, “万亩锥栗产业带”): only places and firms block a product
      const taken: [number, number][] = [];
      for (const m of mentionsIn(ctx, index))
        if (m.type !== 'Site' && m.type !== 'Organization' && m.type !== 'Program')
          taken.push([m.start - s.start, m.end - s.start]);
      for (const h of findIndustries(ctx.segmenter, s.text, taken)) {
        out.push({
          type: 'Industry',
          name: h.name,
          surface: s.text.slice(h.start, h.end),
          start: s.start + h.start,
          end: s.start + h.end,
          sentence: index,
          extractor: 'industries',
        });
      }
    }
    out.push(...laterMentions(ctx, out));
    return out;
  },
};

// the clause around a product names a grower or a growing verb: 甲村、乙村的茶叶收入, 发展茶叶
const GROWING_CONTEXT_RE = /发展|种植|养殖|培育|栽种|产业|基地|收入|增收|规模|合作社|繁育|保种|加工|示范场/;
const REGION_LEVELS = new Set(['Township', 'Village']);
// clause ends, by code (one set lookup per character of a clause, no one-character strings)
const CLAUSE_ENDS = new Set([...'，。；：,;:！？'].map((ch) => ch.charCodeAt(0)));
// 某村的茶叶专业合作社 (sticky: tested right after the product)
const FIRM_AFTER_RE = /(?:种植|养殖)?(?:专业)?合作社/y;

/**
 * Later mentions of products the document already established as industries (甲村、乙村的茶叶收入 after
 * 发展茶叶产业), where the clause names a township or village before the product or a growing word: one
 * regex over each sentence, only at word boundaries, never inside another name.
 */
function laterMentions(ctx: DocContext, found: readonly EntityMention[]): EntityMention[] {
  const names = [...new Set(found.map((m) => m.name))].filter((n) => n.length >= 2);
  if (!names.length) return [];
  const out: EntityMention[] = [];
  // mentions by sentence, built once (no scan of every mention per sentence)
  const bySentence = new Map<number, EntityMention[]>();
  for (const m of [...ctx.mentions, ...found]) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  // what a regex alternation of the names (longest first) matches in each sentence, without a regex per document
  for (const [index, matches] of literalMatchesBySentence(ctx, names)) {
    const s = ctx.sentences[index]!;
    const here = bySentence.get(index) ?? [];
    bySentence.set(index, here);
    for (const m of matches) {
      const start = s.start + m.index;
      const end = start + m.word.length;
      // a base's or a program's name may hold its product (香猪保种繁育场), as in the first pass
      if (here.some((h) => start < h.end && h.start < end && h.type !== 'Site' && h.type !== 'Program')) continue;
      // 某村的茶叶专业合作社: the product names a firm here
      FIRM_AFTER_RE.lastIndex = end - s.start;
      if (FIRM_AFTER_RE.test(s.text)) continue;
      if (!isWordBoundary(ctx, index, start) || !isWordBoundary(ctx, index, end)) continue;
      let from = start;
      const text = ctx.normalized.text;
      while (from > s.start && !CLAUSE_ENDS.has(text.charCodeAt(from - 1))) from--;
      let to = end;
      while (to < s.end && !CLAUSE_ENDS.has(text.charCodeAt(to))) to++;
      const clause = ctx.normalized.text.slice(from, to);
      const grower = here.some((h) => REGION_LEVELS.has(h.type) && h.start >= from && h.end <= start);
      if (!grower && !GROWING_CONTEXT_RE.test(clause)) continue;
      const mention: EntityMention = {
        type: 'Industry',
        name: m.word,
        surface: m.word,
        start,
        end,
        sentence: index,
        extractor: 'industries',
      };
      out.push(mention);
      here.push(mention);
    }
  }
  return out;
}
