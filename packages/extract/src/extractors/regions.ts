/**
 * Region extractor
 *
 * Finds the provinces, prefectures, counties, townships and villages a report names and links each to
 * its official division code. Gazetteer matches give every candidate division of a name; the
 * document's own context settles ambiguity (a 西江镇 inside the county the report names, not one of
 * its namesakes elsewhere) — never a list of favourite places. Bare stems such as `从江` count only
 * when the report supports them (it names the full form, the parent or a sibling region, or the stem
 * is followed by a word that only follows place names). Names the gazetteer lacks (merged villages,
 * new communities) come from the suffix rules of `region-patterns.ts`.
 */
import { shortForms } from '@fupin/gazetteer';
import { isWordBoundary, sentenceAt, wordTagsBetween } from '../doc-util.js';
import { canonicalDivisionName, isEasternCode, LEVEL_DEPTH, parentDivision } from '../region-names.js';
import type {
  DivisionRef,
  DocContext,
  EntityExtractor,
  EntityMention,
  EntityRef,
  GazetteerMatchRef,
  GazetteerPort,
} from '../types.js';
import { choose, contextCodes, type AliasKind } from './region-context.js';
import { unlistedRegions } from './region-patterns.js';
import { scanWindows, withVillages } from './region-scan.js';

interface Candidate {
  start: number;
  end: number;
  division: DivisionRef;
  kind: AliasKind;
  support: number;
  weak: boolean;
}

/** Words that follow a place name and hardly anything else (从江县委, 从江籍, 从江经济开发区…). */
const PLACE_FOLLOWER =
  /^(?:县委|县政府|县城|县域|县内|县级|市委|市政府|州委|州政府|籍|境内|城区|经济开发区|开发区|工业园|高新区|干部群众|人民)/;

/** Township-level zones whose listed short form is a generic phrase (经济开发区, 工业园区…); sticky: tested at an offset. */
const GENERIC_ZONE_AT = /(?:经济|高新|工业|开发|产业|农业|科技|物流|保税|综合|技术)/y;

/** Whether a sticky pattern matches at an offset of the text (no slice). */
function startsAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Characters that, right before a township or village name, make it part of a phrase instead (全村, 该镇…). */
const QUANTIFIER_BEFORE = /[0-9０-９个全该本各每这那此其某几余多]/;

/** Last characters of a region name (省 市 州 县 区 旗 盟 乡 镇 村; 社区 ends in 区; 街道 is checked apart). */
const REGION_LAST = new Set('省市州县区旗盟乡镇村');

/**
 * Whether the name ending at `end` ends like a region (省 市 州 县 区 旗 盟 乡 镇 街道 村 社区); anything
 * else — 从江, 黔东南 — is treated as a bare stem. The name is at least three characters long here.
 */
function endsLikeRegion(text: string, end: number): boolean {
  const last = text[end - 1]!;
  return REGION_LAST.has(last) || (last === '道' && text[end - 2] === '街');
}

/** Characters that end a name, looked for in the six characters after a rejected one. */
const SUFFIX_CHAR = new Set('省市州县区乡镇村旗盟道');

/** Whether a region suffix character follows within six characters of `at` (a name may hide before it). */
function suffixSoonAfter(text: string, at: number): boolean {
  const to = Math.min(text.length, at + 6);
  for (let i = at; i < to; i++) if (SUFFIX_CHAR.has(text[i]!)) return true;
  return false;
}

/** Pads a statistical code to the 12 digits of the graph (township codes are 9 digits in the source). */
function code12(code: string): string {
  return code.length >= 12 ? code : code.padEnd(12, '0');
}

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';
}

/**
 * Finds gazetteer-linked region mentions in a document.
 * @param ctx - document context (its gazetteer must be set)
 * @param gazetteer - division gazetteer
 * @example linkedRegions(ctx('从江县加榜乡党扭村'), gaz) // [从江县 (code 522633…), 加榜乡 (code …), 党扭村?]
 */
export function linkedRegions(ctx: DocContext, gazetteer: GazetteerPort): EntityMention[] {
  const text = ctx.normalized.text;
  const first = gazetteer.findAll(text);
  const context = contextCodes(gazetteer, first);
  const counties = [...context.keys()].filter((c) => gazetteer.byCode(c)?.level === 'County');
  const matches = withVillages(ctx, gazetteer, first, counties);

  const candidates: Candidate[] = [];
  const evaluate = (m: GazetteerMatchRef, rescued: boolean): { cand: Candidate; bare: boolean } | undefined => {
    const picked = choose(gazetteer, m.hits, context);
    if (!picked || picked.ambiguous) return undefined;
    const { division, kind, support, weak } = picked;
    const cand: Candidate = { start: m.start, end: m.end, division, kind, support, weak };
    if (LEVEL_DEPTH[division.level] >= LEVEL_DEPTH.Township) {
      // Townships and villages count only inside a county, prefecture or province the document names.
      if (support === 0) return undefined;
      // Zones listed as townships (经济开发区, 高新区…) are read as such only under their own name.
      if (m.end - m.start >= 2 && startsAt(GENERIC_ZONE_AT, text, m.start)) return undefined;
      // A township or village name must start a word: 示范村 does not name 范村.
      const before = text[m.start - 1];
      if (before !== undefined && QUANTIFIER_BEFORE.test(before)) return undefined;
      const sentence = sentenceAt(ctx.sentences, m.start);
      // A name found again inside a rejected one (a stem glued to the next name) starts mid-word for jieba: context must hold it.
      if (isCjk(before) && !(rescued && support > 0) && !isWordBoundary(ctx, sentence, m.start)) return undefined;
    }
    return { cand, bare: kind === 'stem' || weak || m.end - m.start <= 2 || !endsLikeRegion(text, m.end) };
  };

  // The scanner takes the longest name at each position, left to right: when that name is rejected
  // (a stem glued to the head of the next name), the names it swallowed are looked for again from its second character.
  let round = matches;
  for (let pass = 0; pass < 2 && round.length; pass++) {
    const stems: Candidate[] = [];
    const rejected: GazetteerMatchRef[] = [];
    for (const m of round) {
      const r = evaluate(m, pass > 0);
      if (!r) rejected.push(m);
      else (r.bare ? stems : candidates).push(r.cand);
    }
    for (const c of acceptStems(ctx, candidates, stems, context))
      rejected.push({ start: c.start, end: c.end, hits: [] });
    // Only a name ending after the rejected one can hide in it: look where a suffix follows it.
    const windows: [number, number][] = [];
    for (const m of rejected)
      if (suffixSoonAfter(text, m.end)) windows.push([m.start + 1, Math.min(text.length, m.end + 10)]);
    const found = scanWindows(gazetteer, text, windows, counties);
    round = [];
    if (found.length) {
      // Keep the names that start strictly inside a rejected one.
      const inside = new Uint8Array(text.length + 1);
      for (const m of rejected) inside.fill(1, m.start + 1, m.end);
      for (const x of found) if (inside[x.start]) round.push(x);
    }
  }

  // Longest match wins where matches overlap (杭州市萧山区 is two regions, 某某山街道 is not 某山).
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  const used = new Uint8Array(text.length + 1);
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (used[i]) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) used[i] = 1;
    taken.push(c);
  }
  taken.sort((a, b) => a.start - b.start);
  return taken.map((c) => toMention(ctx, gazetteer, c));
}

/** Whether jieba tags the word at [start, end) of its sentence as a place name (ns). */
function placeWordAt(ctx: DocContext, start: number, end: number): boolean {
  const words = wordTagsBetween(ctx, sentenceAt(ctx.sentences, start), start, end);
  return words.some((w) => w.start === start && w.end === end && w.tag === 'ns');
}

/** A township stem followed by a village name (某湾|银德社区) or closing a list of townships (马路、太平两乡). */
const TOWNSHIP_STEM_AFTER =
  /^(?:[\u4e00-\u9fff]{2,3}(?:村|社区)|(?:、[\u4e00-\u9fff]{2,4})*(?:等|两|三|四|五|六|七|八|九|十)?个?(?:乡镇|乡|镇|街道))/;
/** What follows a stem that names a natural feature instead of a region (湖边, 江畔…). */
const NATURAL_FEATURE = /^(?:边|畔|岸|湖|江|河|山|水|之滨|景区|风景区)/;
/** A stem closing a list of places (广州、重庆、成都等地). */
const LIST_END = /^等(?:地|省|市|县|城市|地区)/;

/** Whether code `a` is an ancestor of code `b` (by the code's structure: 2/4/6/9 significant digits). */
function isAncestorCode(a: string, b: string): boolean {
  let sig = a.length;
  while (sig > 0 && a.charCodeAt(sig - 1) === 0x30) sig--; // trailing zeros off
  const len = sig <= 2 ? 2 : sig <= 4 ? 4 : sig <= 6 ? 6 : 9;
  return a !== b && b.startsWith(a.slice(0, len));
}

/**
 * Accepts the bare stems and weak names the document supports, adding them to `accepted`: whole words
 * only, and then a province; a name whose full form, parent, child or sibling the document names; a
 * name right after its ancestor or right before its descendant (浙江|义乌, 广州|某区); a member of a
 * 、-list of accepted places; a name followed by a word that follows places only (县委, 籍, 境内…); or
 * an eastern city's stem that is no common word and that jieba tags as a place name in its sentence.
 * Returns the stems left out.
 */
function acceptStems(
  ctx: DocContext,
  accepted: Candidate[],
  stems: Candidate[],
  context: Map<string, number>,
): Candidate[] {
  const text = ctx.normalized.text;
  const named = new Set(accepted.map((c) => c.division.code));
  const parents = new Set(accepted.map((c) => c.division.parentCode));
  const byStart = new Map(accepted.map((c) => [c.start, c]));
  const byEnd = new Map(accepted.map((c) => [c.end, c]));
  // Whole words only; checked after the cheap support tests, so only plausible stems segment a sentence.
  const pending = [...stems];
  const wholeWord = (c: Candidate): boolean => {
    const sentence = sentenceAt(ctx.sentences, c.start);
    return isWordBoundary(ctx, sentence, c.start) && isWordBoundary(ctx, sentence, c.end);
  };
  const unfit = new Set<Candidate>();
  // What the text right after a stem says, read once per stem (the loop below asks again after every change).
  const around = new Map<Candidate, { after: string; verdict: boolean | undefined }>();
  const textAround = (c: Candidate): { after: string; verdict: boolean | undefined } => {
    let t = around.get(c);
    if (!t) {
      const after = text.slice(c.end, c.end + 12);
      let verdict: boolean | undefined;
      // 西湖边, 乌江畔: the stem names a lake, river or mountain here.
      if (NATURAL_FEATURE.test(after)) verdict = false;
      // 新华社北京电: a dateline, not a place the report is about.
      else if (after.startsWith('电') && /[社报台]$/.test(text.slice(Math.max(0, c.start - 1), c.start)))
        verdict = false;
      else if (PLACE_FOLLOWER.test(after)) verdict = true;
      around.set(c, (t = { after, verdict }));
    }
    return t;
  };
  const supported = (c: Candidate): boolean => {
    const d = c.division;
    const { after, verdict } = textAround(c);
    if (verdict !== undefined) return verdict;
    const next = text[c.end] === '、' ? byStart.get(c.end + 1) : undefined;
    const prev = text[c.start - 1] === '、' ? byEnd.get(c.start - 1) : undefined;
    if (LEVEL_DEPTH[d.level] >= LEVEL_DEPTH.Township) {
      // A two-character name (新村, 东村) is a common phrase too: only right after its township or county.
      if (c.end - c.start <= 2) return byEnd.has(c.start);
      if (c.kind !== 'stem' && c.support > 0) return true;
      return named.has(d.code) && (TOWNSHIP_STEM_AFTER.test(after) || !!next || !!prev);
    }
    if (d.level === 'Province' && !c.weak) return true;
    const right = byStart.get(c.end);
    const left = byEnd.get(c.start);
    return (
      named.has(d.code) ||
      parents.has(d.code) ||
      (d.parentCode !== undefined && (context.has(d.parentCode) || parents.has(d.parentCode))) ||
      (c.kind === 'short' && c.support > 0) ||
      (right !== undefined && isAncestorCode(d.code, right.division.code)) ||
      (left !== undefined && isAncestorCode(left.division.code, d.code)) ||
      !!next ||
      !!prev ||
      LIST_END.test(after) ||
      // An eastern partner city named bare (宁波, 苏州): no common word, and jieba reads it as a place here.
      (!c.weak && d.level === 'Prefecture' && isEasternCode(d.code) && placeWordAt(ctx, c.start, c.end))
    );
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < pending.length; i++) {
      const c = pending[i]!;
      if (unfit.has(c) || !supported(c)) continue;
      if (!wholeWord(c)) {
        unfit.add(c);
        continue;
      }
      accepted.push(c);
      named.add(c.division.code);
      byStart.set(c.start, c);
      byEnd.set(c.end, c);
      pending.splice(i--, 1);
      changed = true;
    }
  }
  // Every stem is either accepted or still pending.
  return pending;
}

/** What every mention of a division shares: canonical name, 12-digit code, parent, short forms. */
interface MentionBase {
  name: string;
  code: string;
  parentCode?: string;
  parent?: string;
  /** Short forms of the canonical name other than itself (copied per mention, which may add its surface). */
  aliases: readonly string[];
}

const baseCache = new WeakMap<GazetteerPort, WeakMap<DivisionRef, MentionBase>>();

/** The shared part of a division's mentions, cached per gazetteer and division (names repeat in a report). */
function mentionBase(gazetteer: GazetteerPort, division: DivisionRef): MentionBase {
  let cache = baseCache.get(gazetteer);
  if (!cache) baseCache.set(gazetteer, (cache = new WeakMap()));
  let base = cache.get(division);
  if (!base) {
    const parent = parentDivision(gazetteer, division);
    const name = canonicalDivisionName(division.name);
    // One literal with every key (parentCode and parent undefined at the top): no shape added later.
    base = {
      name,
      code: code12(division.code),
      parentCode: parent ? code12(parent.code) : undefined,
      parent: parent ? canonicalDivisionName(parent.name) : undefined,
      aliases: shortForms(name, division.level)
        .map((f) => f.alias)
        .filter((a) => a !== name),
    };
    cache.set(division, base);
  }
  return base;
}

function toMention(ctx: DocContext, gazetteer: GazetteerPort, c: Candidate): EntityMention {
  const base = mentionBase(gazetteer, c.division);
  const surface = ctx.normalized.text.slice(c.start, c.end);
  let aliases: string[] | undefined = base.aliases.slice();
  if (surface !== base.name && !aliases.includes(surface)) aliases.push(surface);
  if (!aliases.length) aliases = undefined;
  // One literal with every key in the order they always had (undefined ones are left out of JSON):
  // mentions grown key by key took several shapes, which deoptimised their readers.
  return {
    type: c.division.level,
    name: base.name,
    code: base.code,
    surface,
    start: c.start,
    end: c.end,
    sentence: sentenceAt(ctx.sentences, c.start),
    extractor: 'regions',
    parentCode: base.parentCode,
    parent: base.parentCode !== undefined ? base.parent : undefined,
    aliases,
  };
}

/**
 * The region a document is mainly about: its most-named western county or prefecture (a county wins
 * ties), else its most-named county of any province.
 * @param mentions - region mentions of the document
 * @example primaryRegionOf(mentionsOf('从江县…从江县…杭州市…')) // { type: 'County', name: '从江县', code: '522633000000' }
 */
export function primaryRegionOf(mentions: readonly EntityMention[]): EntityRef | undefined {
  const pick = (filter: (m: EntityMention) => boolean): EntityRef | undefined => {
    const counts = new Map<string, { ref: EntityRef; n: number; first: number }>();
    for (const m of mentions) {
      if (!filter(m)) continue;
      const key = m.code ?? `${m.type}:${m.name}`;
      const entry = counts.get(key);
      if (entry) entry.n++;
      else
        counts.set(key, {
          ref: { type: m.type, name: m.name, ...(m.code ? { code: m.code } : {}) },
          n: 1,
          first: m.start,
        });
    }
    let best: { ref: EntityRef; n: number; first: number } | undefined;
    for (const e of counts.values()) {
      // More mentions win; on a tie a county wins over a prefecture, then the first named.
      const better =
        !best ||
        e.n > best.n ||
        (e.n === best.n && (e.ref.type !== best.ref.type ? e.ref.type === 'County' : e.first < best.first));
      if (better) best = e;
    }
    return best?.ref;
  };
  return (
    pick((m) => (m.type === 'County' || m.type === 'Prefecture') && m.code !== undefined && !isEasternCode(m.code)) ??
    pick((m) => m.type === 'County')
  );
}

/**
 * The region extractor: gazetteer-linked regions first, then suffix-ruled names the gazetteer lacks.
 * Sets `ctx.primaryRegion` as a side effect, so later extractors can use it.
 * @example regionExtractor.extract(ctx('从江县加榜乡党扭村')) // 从江县, 加榜乡, 党扭村 with parents
 */
export const regionExtractor: EntityExtractor = {
  name: 'regions',
  extract(ctx: DocContext): EntityMention[] {
    const linked = ctx.gazetteer ? linkedRegions(ctx, ctx.gazetteer) : [];
    ctx.primaryRegion = primaryRegionOf(linked);
    const unlisted = unlistedRegions(ctx, linked);
    return [...linked, ...unlisted].sort((a, b) => a.start - b.start);
  },
};
