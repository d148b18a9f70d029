/**
 * IMPLEMENTS relations, and the subject region of a clause
 *
 * A report says which region carries out a program mostly by making the region the subject of the
 * sentence (从江县创新实施“稻鱼鸭”模式) or by leaving it implied (the county the report is about). This
 * file finds that subject region for any offset — same clause, then the sentence's clause-initial
 * region, then earlier sentences of the paragraph (or a 乡镇： headline), then the document's primary
 * region — and links every Program mention to it. DEVELOPS and INVESTS_IN reuse the same subject.
 */
import { isRegionType } from '@fupin/graph-schema';
import { charTable, isEastern } from './char-tables.js';
import { relationMention } from './relation-mention.js';
import type { DocContext, EntityMention, EntityRef, RelationExtractor, RelationMention } from '../types.js';
import type { Sentence } from '@fupin/text';
import { numbersIn } from './numbers.js';
import { mentionsIn } from '../doc-util.js';

/** Clause breaks: ，；：,;:。！？!? (a table by char code: no one-character strings, no regex per character). */
const CLAUSE_BREAKS = charTable('，；：,;:。！？!?');
// 甲乡和乙镇联合打造…: regions joined by these stand together as the subject
const COORDINATOR_RE = /^(?:和|与|及|、|以及|同)$/;

/**
 * An EntityRef for a mention (code kept for regions).
 * @example refOf(mention) // { type: 'County', name: '从江县', code: '522633000000' }
 */
export function refOf(m: EntityMention): EntityRef {
  return m.code ? { type: m.type, name: m.name, code: m.code } : { type: m.type, name: m.name };
}

/**
 * Start (absolute) of the clause holding `at` within sentence [start, end).
 * @example clauseStart('甲，从江县实施', 0, 5) // 2
 */
export function clauseStart(text: string, start: number, at: number): number {
  let a = at;
  while (a > start && CLAUSE_BREAKS[text.charCodeAt(a - 1)] !== 1) a--;
  return a;
}

/**
 * End (absolute, exclusive) of the clause holding `at` within sentence [start, end).
 * @example clauseEnd('从江县实施，乙', 7, 1) // 5
 */
export function clauseEnd(text: string, end: number, at: number): number {
  let b = at;
  while (b < end && CLAUSE_BREAKS[text.charCodeAt(b)] !== 1) b++;
  return b;
}

/**
 * Whether a region may be the acting subject for this document: not a province, and not an eastern
 * partner in a report about a western region (the partner helps; the western region implements).
 */
function mayAct(ctx: DocContext, m: EntityMention): boolean {
  if (!isRegionType(m.type) || m.type === 'Province') return false;
  const primary = ctx.primaryRegion;
  if (!primary?.code || !m.code) return true;
  return isEastern(primary.code) || !isEastern(m.code);
}

/** What the subject rules read of each sentence, computed once per sentence and document. */
interface DocMemo {
  count: number;
  primary: EntityRef | undefined;
  /** Regions that may act, in text order. */
  actors: Map<number, EntityMention[]>;
  /** What easternActors reads. */
  sides: Map<number, SentenceSides>;
  /** The subject a sentence takes from earlier sentences (or the document) when it names none itself. */
  earlier: Map<number, EntityRef[]>;
}

const memoCache = new WeakMap<DocContext, DocMemo>();

/** The memo of a document (renewed when mentions were added or the primary region changed). */
function memoOf(ctx: DocContext): DocMemo {
  let memo = memoCache.get(ctx);
  if (!memo || memo.count !== ctx.mentions.length || memo.primary !== ctx.primaryRegion) {
    memo = {
      count: ctx.mentions.length,
      primary: ctx.primaryRegion,
      actors: new Map(),
      sides: new Map(),
      earlier: new Map(),
    };
    memoCache.set(ctx, memo);
  }
  return memo;
}

/**
 * The regions of a sentence that may act (see mayAct), in text order (a stable sort of the sentence's
 * mentions): computed once per sentence and document, not by scanning every mention of the document.
 */
function actorsOf(ctx: DocContext, sentence: number): readonly EntityMention[] {
  const memo = memoOf(ctx);
  let list = memo.actors.get(sentence);
  if (!list) {
    list = mentionsIn(ctx, sentence)
      .filter((m) => mayAct(ctx, m))
      .sort((a, b) => a.start - b.start);
    memo.actors.set(sentence, list);
  }
  return list;
}

function regionMentions(
  ctx: DocContext,
  sentence: number,
  exclude: readonly { start: number; end: number }[],
): readonly EntityMention[] {
  const list = actorsOf(ctx, sentence);
  return exclude.length ? list.filter((m) => !exclude.some((x) => m.start >= x.start && m.end <= x.end)) : list;
}

/**
 * A region at the head of a clause: what comes before it in the clause is at most a time phrase and
 * the places it belongs to (台江县施洞镇: 施洞镇 heads the clause too).
 */
function clauseInitial(ctx: DocContext, sentenceStart: number, m: EntityMention, scene = true): boolean {
  const text = ctx.normalized.text;
  const from = clauseStart(text, sentenceStart, m.start);
  let lead = text.slice(from, m.start);
  const here = mentionsIn(ctx, m.sentence);
  for (const r of here) {
    if (r !== m && r.start >= from && r.end <= m.start && isRegionType(r.type)) {
      lead = lead.replace(text.slice(r.start, r.end), '');
    }
  }
  if (/^(?:|.{0,12}(?:以来|期间|年|月|日|底|初|时|目前|同时|此外|近年来|其中))$/.test(lead)) return true;
  // 在往洞镇增冲村，某公司…: a clause that only places the scene makes its place the subject (of that sentence only)
  if (scene && lead === '在') {
    let rest = text.slice(m.end, clauseEnd(text, text.length, m.end));
    for (const r of here) {
      if (r.start >= m.end && isRegionType(r.type)) rest = rest.replace(text.slice(r.start, r.end), '');
    }
    return /^[、和与及]*$/.test(rest);
  }
  return false;
}

/** The nearest region before `at` in `list`, with the regions coordinated with it (甲和乙). */
function nearestWithCoordinated(text: string, list: readonly EntityMention[]): EntityMention[] {
  const last = list[list.length - 1];
  if (!last) return [];
  const group = [last];
  for (let i = list.length - 2; i >= 0; i--) {
    const m = list[i];
    const next = group[0];
    if (!m || !next) break;
    if (!COORDINATOR_RE.test(text.slice(m.end, next.start))) break;
    group.unshift(m);
  }
  return group;
}

/**
 * The region(s) acting at offset `at` of sentence `sentence`: the nearest region (and those joined to
 * it by 和/与/、) before `at` in the same clause; else the nearest clause-initial region before `at` in
 * the sentence (a scene-setting 在某村， counts); else the nearest region of the document's side before
 * `at` in the sentence; else the last clause-initial region of the previous sentences of the paragraph (or a
 * `某乡：` headline just before); else the document's primary region.
 * @param ctx - document context with region mentions
 * @param sentence - sentence index
 * @param at - absolute offset of the thing acted on (a program, an industry, a company)
 * @param exclude - spans whose regions do not count (the region inside a company's own name)
 * @param carry - whether a subject may come from earlier sentences of the paragraph
 * @example subjectRegions(ctx, 0, 9) // [从江县] for 从江县创新实施“稻鱼鸭”模式
 */
export function subjectRegions(
  ctx: DocContext,
  sentence: number,
  at: number,
  exclude: readonly { start: number; end: number }[] = [],
  carry = true,
): EntityRef[] {
  const text = ctx.normalized.text;
  const s = ctx.sentences[sentence];
  if (!s) return ctx.primaryRegion ? [ctx.primaryRegion] : [];
  const acting = regionMentions(ctx, sentence, exclude);
  // (a sentence naming no region takes its subject from before it, whatever the offset)
  const here = acting.length ? acting.filter((m) => m.end <= at) : acting;
  const from = here.length ? clauseStart(text, s.start, at) : s.start;
  const inClause = here.filter((m) => m.start >= from);
  if (inClause.length) return nearestWithCoordinated(text, inClause).map(refOf);
  const initial = here.filter((m) => clauseInitial(ctx, s.start, m));
  if (initial.length) return nearestWithCoordinated(text, initial).map(refOf);
  // 某区某村与高峰村结对后，…建成茶叶基地: the nearest region of the document's side named before
  const sameSide = here.filter((m) => m.code === undefined || !isEastern(m.code) || isEastern(ctx.primaryRegion?.code));
  const nearest = sameSide[sameSide.length - 1];
  if (nearest && nearest.type !== 'Prefecture') return nearestWithCoordinated(text, sameSide).map(refOf);
  if (!carry) return ctx.primaryRegion ? [ctx.primaryRegion] : [];
  // the same for every offset of the sentence: worked out once
  const memo = memoOf(ctx);
  let earlier = memo.earlier.get(sentence);
  if (!earlier) memo.earlier.set(sentence, (earlier = subjectBefore(ctx, s)));
  return earlier;
}

/**
 * The subject a sentence that names none takes: the last clause-initial region of the previous
 * sentences of the paragraph (or a `某乡：` headline just before), else the document's primary region.
 */
function subjectBefore(ctx: DocContext, s: Sentence): EntityRef[] {
  const text = ctx.normalized.text;
  const sentence = s.index;
  for (let k = sentence - 1; k >= 0 && k >= sentence - 4; k--) {
    const prev = ctx.sentences[k];
    if (!prev) break;
    const prevRegions = regionMentions(ctx, k, []);
    if (prev.paragraph !== s.paragraph) {
      // 某乡：(a headline line) introduces the next lines
      const only = prevRegions.length === 1 ? prevRegions[0] : undefined;
      if (
        only &&
        text.slice(prev.start, only.start).trim() === '' && // (trim drops exactly what \s matches)
        /^[：:]\s*$/.test(text.slice(only.end, prev.end))
      ) {
        return [refOf(only)];
      }
      break;
    }
    const subjects = prevRegions.filter((m) => clauseInitial(ctx, prev.start, m, false));
    if (subjects.length) return nearestWithCoordinated(text, subjects).map(refOf);
  }
  return ctx.primaryRegion ? [ctx.primaryRegion] : [];
}

// 帮助某县, 支持某县: the eastern subject helps a western region that then acts
const HELPS_BEFORE_RE = /(?:帮助|帮扶|支持|协助|指导|援助|助力|推动|带动|引导)$/;
// 两地, 双方: both partners act together
const BOTH_SIDES_RE = /(?:两地|双方|两县|两区)/;
// 两地坚持…，建立…: both sides head the whole sentence (after at most a time phrase)
const BOTH_SIDES_LEAD_RE = /^\s*(?:[^，。；,;]{0,10}(?:以来|年|月|期间)[，,]?)?(?:两地|双方)/;
// 从江县还与萧山区共同打造: the eastern partner is coordinated with the western subject
const WITH_PARTNER_RE = /^(?:还|也|又)?(?:与|和|同|携手)$/;

/**
 * The eastern partner a report about a western region names most (a district before its city), if any.
 * @param ctx - document context with region mentions
 * @example mainEasternPartner(ctx) // { type: 'County', name: '北仑区' } in a report on 从江县 and 北仑区
 */
export function mainEasternPartner(ctx: DocContext): EntityRef | undefined {
  if (isEastern(ctx.primaryRegion?.code)) return undefined;
  const counts = new Map<string, { m: EntityMention; n: number }>();
  for (const m of ctx.mentions) {
    if ((m.type !== 'County' && m.type !== 'Prefecture') || !isEastern(m.code)) continue;
    const c = counts.get(m.name) ?? { m, n: 0 };
    c.n += m.type === 'County' ? 2 : 1;
    counts.set(m.name, c);
  }
  let best: { m: EntityMention; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best ? refOf(best.m) : undefined;
}

/** What easternActors reads of a sentence, computed once per sentence and document. */
interface SentenceSides {
  /** Regions (not provinces, not inside a body's or firm's name), in text order. */
  actors: EntityMention[];
  /** Whether one of them is eastern (else no eastern region can act in the sentence). */
  eastern: boolean;
  /** Whether the sentence holds 两地/双方/两县/两区 (else neither both-sides pattern can match). */
  bothWords: boolean;
}

function sidesOf(ctx: DocContext, sentence: number): SentenceSides {
  const memo = memoOf(ctx);
  let sides = memo.sides.get(sentence);
  if (!sides) {
    // a place inside a body's or firm's name (萧山区第一人民医院) is not the actor
    const here = mentionsIn(ctx, sentence);
    const named = here.filter((m) => !isRegionType(m.type) && m.type !== 'Program');
    const actors = here
      .filter(
        (m) =>
          isRegionType(m.type) && m.type !== 'Province' && !named.some((n) => n.start <= m.start && m.end <= n.end),
      )
      .sort((a, b) => a.start - b.start);
    const s = ctx.sentences[sentence];
    sides = {
      actors,
      eastern: actors.some((m) => isEastern(m.code)),
      bothWords: s !== undefined && BOTH_SIDES_RE.test(s.text),
    };
    memo.sides.set(sentence, sides);
  }
  return sides;
}

/**
 * Eastern partners acting on `at` in a report about a western region: an eastern region heading the
 * clause (北仑区组织学校开展…), one coordinated with the western subject (从江县与北仑区共同打造…), or the
 * main partner when the clause speaks of both sides (两地实施…). Empty in a report about an eastern region.
 */
function easternActors(ctx: DocContext, sentence: number, at: number, partner: EntityRef | undefined): EntityRef[] {
  const s = ctx.sentences[sentence];
  if (!s || isEastern(ctx.primaryRegion?.code)) return [];
  const text = ctx.normalized.text;
  const sides = sidesOf(ctx, sentence);
  // no eastern region in the sentence and no both-sides word: nobody from the east acts here
  if (!sides.eastern && !(partner && sides.bothWords)) return [];
  const from = clauseStart(text, s.start, at);
  const out = new Map<string, EntityRef>();
  // Without an eastern region in the sentence only the both-sides rule can name the partner.
  if (sides.eastern) easternSubjects(ctx, s, at, from, sides, out);
  if (
    partner &&
    sides.bothWords &&
    (BOTH_SIDES_RE.test(text.slice(from, at)) || BOTH_SIDES_LEAD_RE.test(text.slice(s.start, at)))
  )
    out.set(partner.name, partner);
  return [...out.values()];
}

/** The eastern regions heading or coordinated into the clause at `at` (see easternActors). */
function easternSubjects(
  ctx: DocContext,
  s: { start: number },
  at: number,
  from: number,
  sides: SentenceSides,
  out: Map<string, EntityRef>,
): void {
  const text = ctx.normalized.text;
  const inSentence = sides.actors.filter((m) => m.end <= at);
  inSentence.forEach((m, i) => {
    if (!isEastern(m.code) || m.start < from) return;
    // 从江县与宁波市北仑区: look past the city that leads its district
    let k = i - 1;
    while (k >= 0 && inSentence[k]!.end === inSentence[k + 1]!.start && isEastern(inSentence[k]!.code)) k--;
    const prev = inSentence[k];
    const linkEnd = inSentence[k + 1]!.start;
    const coordinated =
      prev && prev.start >= from && !isEastern(prev.code) && WITH_PARTNER_RE.test(text.slice(prev.end, linkEnd));
    // a city right before its district (杭州市萧山区) heads the clause with it: keep the district
    const next = inSentence[i + 1];
    if (next && next.start === m.end && isEastern(next.code)) return;
    // 北仑区帮助从江县实施…: the helped western region carries the program out, not the helper
    const helps = inSentence.some(
      (w) => w.start > m.end && !isEastern(w.code) && HELPS_BEFORE_RE.test(text.slice(m.end, w.start)),
    );
    if (helps) return;
    if (coordinated || clauseInitial(ctx, s.start, m, false)) out.set(m.name, refOf(m));
  });
  // 北仑区发动企业…，组织教师开展“云课堂”: a clause without a subject continues the sentence's subject
  if (!out.size && !inSentence.some((m) => m.start >= from)) {
    const heads = inSentence.filter((m) => clauseInitial(ctx, s.start, m, false));
    const last = heads[heads.length - 1];
    const helped = inSentence.some((w) => last && w.start > last.end && !isEastern(w.code));
    if (last && isEastern(last.code) && !helped) out.set(last.name, refOf(last));
  }
}

/**
 * Finds IMPLEMENTS relations: each Program mention is implemented by the subject region at its place.
 * Numbers stated in the program's clause (funds, people, households…) are kept as properties.
 * @param ctx - document context with region and program mentions
 * @example implementsRelations(ctx) // 台江县大力推行“积分超市”模式 → IMPLEMENTS 台江县 → 积分超市
 */
export function implementsRelations(ctx: DocContext): RelationMention[] {
  const out: RelationMention[] = [];
  const text = ctx.normalized.text;
  const programs = ctx.mentions.filter((m) => m.type === 'Program');
  if (!programs.length) return out;
  const partner = mainEasternPartner(ctx);
  const figures = new Map<number, Record<string, number>>();
  for (const p of programs) {
    const s = ctx.sentences[p.sentence];
    if (!s) continue;
    const start = clauseStart(text, s.start, p.start);
    const east = easternActors(ctx, p.sentence, p.start, partner);
    // the eastern partner acts alone when no western region is named in the sentence (北仑区还设立“某某助学金”)
    const westNamed = mentionsIn(ctx, p.sentence).some(
      (m) => m.end <= p.start && isRegionType(m.type) && m.type !== 'Province' && !isEastern(m.code),
    );
    const bothSides =
      sidesOf(ctx, p.sentence).bothWords &&
      (BOTH_SIDES_RE.test(text.slice(start, p.start)) || BOTH_SIDES_LEAD_RE.test(text.slice(s.start, p.start)));
    const west = east.length && !westNamed && !bothSides ? [] : subjectRegions(ctx, p.sentence, p.start);
    if (!west.length && !east.length) continue;
    // the figures of the program's clause (read only when a relation will carry them, once per clause)
    const end = clauseEnd(text, s.end, p.end);
    let properties = figures.get(start * 1e8 + end);
    if (!properties) figures.set(start * 1e8 + end, (properties = numbersIn(text.slice(start, end))));
    const target = refOf(p);
    for (const region of [...west, ...east]) {
      out.push(relationMention('IMPLEMENTS', region, target, p.sentence, 'implements', properties));
    }
  }
  return out;
}

/**
 * The IMPLEMENTS relation extractor (region → program).
 * @example implementsExtractor.extract(ctx) // 从江县推行“积分超市” → IMPLEMENTS 从江县 → 积分超市
 */
export const implementsExtractor: RelationExtractor = { name: 'implements', extract: implementsRelations };
