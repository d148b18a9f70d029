/**
 * East–west cooperation relations
 *
 * ASSISTS, LABOR_COOPERATION and SALES_OUTLET_IN: which eastern region helps which western one, where
 * labour goes, where a county or its company opened a sales window. "Eastern" is the policy's list of
 * provinces (region-names.ts); the western side is a western region of the same sentence, else the
 * region the document is about. Where a city and its district stand side by side (某市某区), the
 * district is the partner.
 */
import { isRegionType } from '@fupin/graph-schema';
import { mentionsIn } from '../doc-util.js';
import { LEVEL_DEPTH } from '../region-names.js';
import { charTable, isEastern as isEasternCode } from './char-tables.js';
import { numbersIn } from './numbers.js';
import { relationMention } from './relation-mention.js';
import type { DocContext, EntityMention, EntityRef, RelationExtractor, RelationMention } from '../types.js';

/** Words of help between regions (劳务协作 is labour cooperation, read separately). */
const ASSIST = /帮扶|帮助|对口|协作|结对|援建|对接|支援|援助|携手|捐赠|捐款|捐资/;
const LABOR = /劳务协作|劳务输出|劳务合作|劳务对接|劳务交流/;
const LABOR_G = new RegExp(LABOR.source, 'g');
/** Work away from home (就业, 务工, 输送务工人员…) in a clause that sends labour somewhere. */
const MIGRANT_WORK = /就业|务工|打工|输送|转移/;
/** What sends labour to a place: 到, 赴, 向, 往, 前往. */
const MOVE_TO = /(?:到|赴|向|往|去)$/;
/** 在<place>设立…窗口: the outlet pattern; group 1 holds the places. */
const OUTLET =
  /在([^，。；！？]{1,40}?)(?:设立|开设|建立|开办|建成|设置|开通|打造|入驻|布局)[^，。；！？]{0,20}?(?:窗口|专柜|旗舰店|展销中心|体验馆|直营店|销售点|体验店|专卖店|展示中心|展销馆|门店|专区)/g;

/** …展销中心落户<places>: an outlet named before the places it opened in; group 1 holds the places. */
const OUTLET_AFTER =
  /(?:窗口|专柜|旗舰店|展销中心|体验馆|直营店|体验店|专卖店|展示中心|展销馆)[^，。；！？]{0,4}?(?:落户|入驻|进驻|开进|落地)([^，。；！？]{1,20})/g;

const OUTLET_ANY = new RegExp(`${OUTLET.source}|${OUTLET_AFTER.source}`);
/** The outlet words both patterns need: a sentence without one skips their (backtracking) search. */
const OUTLET_WORD = /窗口|专柜|旗舰店|展销中心|体验馆|直营店|销售点|体验店|专卖店|展示中心|展销馆|门店|专区/;

const refOf = (m: EntityMention): EntityRef =>
  m.code ? { type: m.type, name: m.name, code: m.code } : { type: m.type, name: m.name };

/** Whether code `a` is an ancestor of code `b` (by the code's structure: 2/4/6/9 significant digits). */
function isAncestorCode(a: string, b: string): boolean {
  const sig = a.replace(/0+$/, '');
  const len = sig.length <= 2 ? 2 : sig.length <= 4 ? 4 : sig.length <= 6 ? 6 : 9;
  return a !== b && b.startsWith(a.slice(0, len));
}

/** Region mentions of a sentence, minus a region standing right before its own subdivision (杭州市|萧山区). */
function regionsOf(ctx: DocContext, sentence: number): EntityMention[] {
  const list = mentionsIn(ctx, sentence).filter((m) => isRegionType(m.type));
  list.sort((a, b) => a.start - b.start);
  return list.filter((m, i) => {
    const next = list[i + 1];
    if (!next || next.start !== m.end) return true;
    if (m.code && next.code) return !isAncestorCode(m.code, next.code);
    return next.parent !== m.name;
  });
}

/** Clause breaks inside a sentence: ，；：,;: (char codes). */
const CLAUSE_BREAKS = charTable('，；：,;:');

/** Clause of a sentence around an offset (between ，；：, absolute offsets). */
function clauseAround(text: string, start: number, end: number, at: number): [number, number] {
  let a = at;
  while (a > start && CLAUSE_BREAKS[text.charCodeAt(a - 1)] !== 1) a--;
  let b = at;
  while (b < end && CLAUSE_BREAKS[text.charCodeAt(b)] !== 1) b++;
  return [a, b];
}

const isWestern = (m: EntityMention): boolean => m.code !== undefined && !isEasternCode(m.code);
const isEastern = (m: EntityMention): boolean => isEasternCode(m.code);
const upToCounty = (m: EntityMention): boolean => LEVEL_DEPTH[m.type as keyof typeof LEVEL_DEPTH] <= LEVEL_DEPTH.County;

function primaryWestern(ctx: DocContext): EntityRef | undefined {
  const p = ctx.primaryRegion;
  return p && !isEasternCode(p.code) ? p : undefined;
}

/** Deepest western region of a sentence (a township over its county), else the document's region. */
function westernSide(ctx: DocContext, regions: EntityMention[]): EntityRef | undefined {
  const west = regions.filter((m) => isWestern(m) || (!m.code && m.type !== 'Province'));
  west.sort(
    (a, b) => LEVEL_DEPTH[b.type as keyof typeof LEVEL_DEPTH] - LEVEL_DEPTH[a.type as keyof typeof LEVEL_DEPTH],
  );
  const best = west.find((m) => m.code !== undefined) ?? undefined;
  return best ? refOf(best) : primaryWestern(ctx);
}

/**
 * Finds ASSISTS, LABOR_COOPERATION and SALES_OUTLET_IN relations of a document.
 * @param ctx - document context with resolved mentions and its primary region
 * @example cooperation(ctx('杭州市帮助从江县培训劳动力2000人次')) // [ASSISTS 杭州市 → 从江县]
 */
export function cooperation(ctx: DocContext): RelationMention[] {
  const out: RelationMention[] = [];
  const text = ctx.normalized.text;
  const figures = new Map<number, Record<string, number>>();
  for (const s of ctx.sentences) {
    const sentenceText = s.text;
    // Without a region only labour (劳务…) can link the next sentence's partner: the other rules need a
    // region here. Tested before any pattern.
    const regionless = !mentionsIn(ctx, s.index).some((m) => isRegionType(m.type));
    if (regionless && !sentenceText.includes('劳务')) continue;
    const labor = LABOR.test(sentenceText);
    if (regionless && !labor) continue;
    const assist = ASSIST.test(labor ? sentenceText.replace(LABOR_G, '') : sentenceText);
    const outlet = OUTLET_WORD.test(sentenceText) && OUTLET_ANY.test(sentenceText);
    const migrant = MIGRANT_WORK.test(sentenceText);
    if (!labor && !assist && !outlet && !migrant) continue;
    const regions = regionsOf(ctx, s.index);

    if (assist) {
      const outlets = outlet ? outletPlaces(sentenceText, s.start) : [];
      const bodies = mentionsIn(ctx, s.index).filter((m) => m.type === 'Organization' || m.type === 'Company');
      const within = (r: EntityMention): EntityMention | undefined =>
        bodies.find((o) => r.start >= o.start && r.end <= o.end);
      // Agents: eastern regions, and eastern public bodies (某市人民医院 named after an eastern place).
      const agents: { agent: EntityMention; level: EntityMention }[] = [];
      for (const e of regions) {
        if (!isEastern(e)) continue;
        const body = within(e);
        if (!body) agents.push({ agent: e, level: e });
        else if (body.type === 'Organization' && !agents.some((x) => x.agent === body))
          agents.push({ agent: body, level: e });
      }
      for (const { agent, level } of agents) {
        if (LEVEL_DEPTH[level.type as keyof typeof LEVEL_DEPTH] === LEVEL_DEPTH.Township) continue;
        if (outlets.some(([a, b]) => agent.start >= a && agent.end <= b)) continue;
        // The partner is the agent: a help word follows it in its own clause (某区帮助某县, 与某区对接,
        // 获取某市帮扶资金), not a place named after one (帮助某县劳动力到某市就业).
        const [a, b] = clauseAround(text, s.start, s.end, agent.start);
        const rest = text.slice(agent.end, b).replace(LABOR_G, '');
        if (!ASSIST.test(rest) && !(text.slice(a, agent.start).endsWith('与') && ASSIST.test(text.slice(a, b))))
          continue;
        // The western side: western regions of the same clause (preferring the partner's level), else the document's.
        const village = level.type === 'Village';
        const here = regions.filter(
          (m) =>
            m.start >= a &&
            m.end <= b &&
            m !== level &&
            (isWestern(m) || (!m.code && !isEasternCode(m.parentCode) && !isEasternCode(ctx.primaryRegion?.code))) &&
            (village ? m.type === 'Village' : upToCounty(m) && (m.type !== 'Province' || level.type === 'Province')),
        );
        const sameLevel = here.filter((m) => m.type === level.type);
        // (a loop into a literal, not `map`: optimised `map` hands out arrays of another elements kind)
        const targets: EntityRef[] = [];
        for (const m of sameLevel.length ? sameLevel : here) targets.push(refOf(m));
        if (!targets.length && !village) {
          const primary = primaryWestern(ctx);
          if (primary) targets.push(primary);
        }
        for (const t of targets) out.push(rel('ASSISTS', refOf(agent), t, s.index, text, [a, b], figures));
      }
    }

    // Labour sent to an eastern place: 组织劳动力到某市就业, 向某市输送务工人员, 赴某市务工.
    if (migrant) {
      const all = mentionsIn(ctx, s.index).filter((m) => isRegionType(m.type));
      let previous: EntityMention | undefined;
      for (const e of regions) {
        if (!isEastern(e)) continue;
        const [a, b] = clauseAround(text, s.start, s.end, e.start);
        if (!MIGRANT_WORK.test(text.slice(a, b))) continue;
        let head = e;
        for (let r = all.find((x) => x.end === head.start); r; r = all.find((x) => x.end === head.start)) head = r;
        const lead = text.slice(Math.max(a, head.start - 2), head.start);
        const joined =
          previous !== undefined &&
          previous.start >= a &&
          /^(?:及|和|、|与|以及)$/.test(text.slice(previous.end, head.start));
        // 在某市务工: 在 only with the work word right after the place.
        const workingThere = lead.endsWith('在') && MIGRANT_WORK.test(text.slice(e.end, e.end + 4));
        if (!MOVE_TO.test(lead) && !joined && !workingThere) continue;
        previous = e;
        const west = westernSide(
          ctx,
          regions.filter((m) => !isEastern(m) && m.start >= a && m.end <= b),
        );
        if (west) out.push(rel('LABOR_COOPERATION', west, refOf(e), s.index, text, [a, b], figures));
      }
    }

    if (labor) {
      let east = regions.filter(isEastern);
      let sentence = s.index;
      if (!east.length) {
        // "持续加强劳务协作。某区为某县提供岗位…": the partner is in the next sentence of the paragraph.
        const next = ctx.sentences[s.index + 1];
        if (next && next.paragraph === s.paragraph) {
          east = regionsOf(ctx, next.index).filter(isEastern);
          sentence = next.index;
        }
      }
      for (const e of east) {
        // The western side is in the partner's clause if named there (以某县和某市建立劳务协作), else anywhere in the sentence.
        const [a, b] = clauseAround(text, s.start, s.end, e.start);
        const near = regions.filter((m) => !isEastern(m) && m.start >= a && m.end <= b);
        const west = westernSide(ctx, near.length ? near : regions.filter((m) => !isEastern(m)));
        if (west) out.push(rel('LABOR_COOPERATION', west, refOf(e), sentence));
      }
    }

    if (outlet) {
      const spans = outletPlaces(sentenceText, s.start);
      for (const [a, b, z, from] of spans) {
        const places = regions.filter((m) => m.start >= a && m.end <= b);
        if (!places.length) continue;
        const before = mentionsIn(ctx, s.index).filter((m) => m.end <= from);
        const company = before.filter((m) => m.type === 'Company').pop();
        // A region inside an earlier outlet clause (在某区建成某县展销中心，在…) is that outlet's, not this one's source.
        const earlier = spans.filter(([, , , x]) => x < from);
        const region = before
          .filter(
            (m) => m.type === 'County' && isWestern(m) && !earlier.some(([, , z, x]) => m.start >= x && m.end <= z),
          )
          .pop();
        const sources = [company ? refOf(company) : undefined, region ? refOf(region) : primaryWestern(ctx)];
        for (const src of sources) {
          if (!src) continue;
          const [c] = clauseAround(text, s.start, s.end, from);
          for (const p of places)
            out.push(
              rel(
                'SALES_OUTLET_IN',
                src,
                refOf(p),
                s.index,
                text,
                [c, clauseAround(text, s.start, s.end, z - 1)[1]],
                figures,
              ),
            );
        }
      }
    }
  }
  return out;
}

/**
 * Spans (absolute) of the outlet clauses of a sentence (在<places>设立…窗口, …展销中心落户<places>):
 * [places start, places end, clause end, where the clause starts: sources stand before it].
 */
function outletPlaces(sentenceText: string, offset: number): [number, number, number, number][] {
  const spans: [number, number, number, number][] = [];
  OUTLET.lastIndex = 0;
  for (let m = OUTLET.exec(sentenceText); m; m = OUTLET.exec(sentenceText)) {
    const start = offset + m.index + 1;
    spans.push([start, start + m[1]!.length, offset + m.index + m[0].length, start]);
  }
  OUTLET_AFTER.lastIndex = 0;
  for (let m = OUTLET_AFTER.exec(sentenceText); m; m = OUTLET_AFTER.exec(sentenceText)) {
    const end = offset + m.index + m[0].length;
    spans.push([end - m[1]!.length, end, end, offset + m.index]);
  }
  return spans.sort((x, y) => x[3] - y[3]);
}

/**
 * A relation of one sentence; with a clause span, the evidence is that clause and the numbers it
 * states (万元, 人次, 个…) become properties.
 */
function rel(
  type: RelationMention['type'],
  source: EntityRef,
  target: EntityRef,
  sentence: number,
  text?: string,
  clause?: [number, number],
  figures?: Map<number, Record<string, number>>,
): RelationMention {
  if (!text || !clause || clause[1] <= clause[0]) return relationMention(type, source, target, sentence, 'cooperation');
  // the figures of a clause are read once (several relations may cite it)
  const key = clause[0] * 1e8 + clause[1];
  let numbers = figures?.get(key);
  if (!numbers) {
    numbers = numbersIn(text.slice(clause[0], clause[1]));
    figures?.set(key, numbers);
  }
  return relationMention(type, source, target, sentence, 'cooperation', numbers, clause[0], clause[1]);
}

/**
 * The cooperation relation extractor (ASSISTS, LABOR_COOPERATION, SALES_OUTLET_IN).
 * @example cooperationExtractor.extract(ctx) // ASSISTS 萧山区 → 从江县, …
 */
export const cooperationExtractor: RelationExtractor = { name: 'cooperation', extract: cooperation };
