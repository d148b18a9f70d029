/**
 * PART_OF relations between programs
 *
 * A program is part of a broader one when the text names it as a component: right after the broader
 * program (农村产业革命“八要素”, 某工程“三个责任”“三项制度”), as an item of a compound formula
 * (“三下沉、五示范” → 三下沉, 五示范), or as a named extension of it (易地扶贫搬迁 + 后续扶持… →
 * 易地扶贫搬迁). Only programs already found in the document take part.
 */
import { relationMention } from './relation-mention.js';
import type { DocContext, EntityMention, RelationExtractor, RelationMention } from '../types.js';
import { refOf } from './implements.js';
import { isPairCooperation } from '../extractors/programs.js';

// the broad program every province-pair cooperation belongs to
const EAST_WEST = '东西部扶贫协作';
// A作为B的重要内容, A是B的组成部分: what stands between a part and its whole, and what follows the whole
const PART_LINK_RE =
  /^[”’」』"]?(?:模式|项目|行动|工程|机制)?(?:作为|是|列为|纳入|成为)[\u4e00-\u9fff]{0,6}?[“‘「『"]?$/;
const WHOLE_TAIL_RE =
  /^[”’」』"]?(?:的)?(?:重要内容|主要内容|重要组成部分|组成部分|一部分|重要举措|重要抓手|具体举措|子项目|内容)/;
// B中的A, B里的A: the part named right after the whole
const INNER_LINK_RE = /^[”’」』"]?(?:中的|之中的|里的|下的)[“‘「『"]?$/;
// 在B框架下, 作为B的重要内容，A…: every later program of the sentence is part of B
const FRAME_TAIL_RE = /^[”’」』"]?(?:的)?(?:框架下|框架内|框架中|统筹下|重要内容|重要组成部分)/;

const NUMERAL_START_RE = /^[一二三四五六七八九十两双\d]/;
// quote marks and list joiners allowed between a program and its components
const GAP_RE = /^[“”"‘’「」『』、和及与\s]*$/;

function addName(set: Set<EntityMention>, names: ReadonlyMap<string, EntityMention>, name: string): void {
  const m = names.get(name);
  if (m) set.add(m);
}

function partOf(part: EntityMention, whole: EntityMention, sentence: number): RelationMention {
  return relationMention('PART_OF', refOf(part), refOf(whole), sentence, 'part-of');
}

/**
 * Finds PART_OF relations among the Program mentions of a document.
 * @param ctx - document context with program mentions
 * @example partOfRelations(ctx) // 对照农村产业革命“八要素” → PART_OF 八要素 → 农村产业革命
 */
export function partOfRelations(ctx: DocContext): RelationMention[] {
  const out: RelationMention[] = [];
  const text = ctx.normalized.text;
  const programs = ctx.mentions.filter((m) => m.type === 'Program').sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const push = (r: RelationMention): void => {
    const key = `${r.source.name}|${r.target.name}`;
    if (r.source.name === r.target.name || seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  // 1. a broader program immediately followed by quoted components
  programs.forEach((whole, i) => {
    const gapAfterWhole = text.slice(whole.end, programs[i + 1]?.start ?? whole.end);
    if (text[whole.end] === '”' || text[whole.end] === '"') return; // a quoted program is not followed by its parts this way
    let prevEnd = whole.end;
    if (!/^[“"‘「『]/.test(gapAfterWhole)) return;
    for (let j = i + 1; j < programs.length; j++) {
      const part = programs[j];
      if (!part || part.sentence !== whole.sentence || !GAP_RE.test(text.slice(prevEnd, part.start))) break;
      push(partOf(part, whole, part.sentence));
      prevEnd = part.end;
    }
  });
  // 1b. A作为B的重要内容, B中的A, 在B框架下…A
  programs.forEach((a, i) => {
    const next = programs[i + 1];
    if (!next || next.sentence !== a.sentence) return;
    const frame = FRAME_TAIL_RE.test(text.slice(a.end, a.end + 8));
    for (let j = i + 1; j < programs.length; j++) {
      const b = programs[j];
      if (!b || b.sentence !== a.sentence) break;
      const gap = text.slice(a.end, b.start);
      if (PART_LINK_RE.test(gap) && WHOLE_TAIL_RE.test(text.slice(b.end, b.end + 8))) push(partOf(a, b, a.sentence));
      if (INNER_LINK_RE.test(gap)) push(partOf(b, a, a.sentence));
      if (frame && !/[。！？]/.test(gap)) push(partOf(b, a, a.sentence));
    }
  });
  // 1c. 闽宁协作, 粤桂扶贫协作: a province pair's cooperation is part of 东西部扶贫协作
  for (const p of programs) {
    if (isPairCooperation(p.name))
      push(relationMention('PART_OF', refOf(p), { type: 'Program', name: EAST_WEST }, p.sentence, 'part-of'));
  }
  // 2. compound formulas and named extensions, across the document
  const names = new Map<string, EntityMention>();
  for (const p of programs) if (!names.has(p.name)) names.set(p.name, p);
  // (whether each name opens with a numeral, tested once per name rather than once per pair)
  const numeral = new Map<EntityMention, boolean>();
  const order = new Map<EntityMention, number>();
  for (const p of names.values()) {
    numeral.set(p, NUMERAL_START_RE.test(p.name));
    order.set(p, order.size);
  }
  for (const whole of names.values()) {
    const items = whole.name.split('、');
    const wholeNumeral = numeral.get(whole)!;
    // Every rule below needs the part to be an item of the whole or a shorter name it opens with: look
    // those few up instead of trying every program of the document, then apply the rules in name order.
    const candidates = new Set<EntityMention>();
    if (items.length > 1) for (const item of items) addName(candidates, names, item);
    for (let len = 0; len < whole.name.length; len++) addName(candidates, names, whole.name.slice(0, len));
    const parts = [...candidates].sort((a, b) => order.get(a)! - order.get(b)!);
    for (const part of parts) {
      if (part === whole) continue;
      if (items.length > 1 && items.includes(part.name)) push(partOf(part, whole, whole.sentence));
      // 三下沉五示范 written without the 、: numbered items side by side
      else if (items.length === 1 && numeral.get(part)! && wholeNumeral) {
        const rest = whole.name.startsWith(part.name) ? whole.name.slice(part.name.length) : undefined;
        if (rest && NUMERAL_START_RE.test(rest) && rest.length >= 2) push(partOf(part, whole, whole.sentence));
      }
      // 易地扶贫搬迁大学生圆梦助学奖励 extends 易地扶贫搬迁
      else if (whole.name.length >= part.name.length + 4 && whole.name.startsWith(part.name) && !wholeNumeral) {
        push(partOf(whole, part, whole.sentence));
      }
    }
  }
  return out;
}

/**
 * The PART_OF relation extractor (program → broader program).
 * @example partOfExtractor.extract(ctx) // 农村产业革命“八要素” → PART_OF 八要素 → 农村产业革命
 */
export const partOfExtractor: RelationExtractor = { name: 'part-of', extract: partOfRelations };
