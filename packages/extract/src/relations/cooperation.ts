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
import { isEasternCode, LEVEL_DEPTH } from '../region-names.js';
import type { DocContext, EntityMention, EntityRef, RelationExtractor, RelationMention } from '../types.js';

/** Words of help between regions (劳务协作 is labour cooperation, read separately). */
const ASSIST = /帮扶|帮助|对口|协作|结对|援建|对接|支援|援助|携手/;
const LABOR = /劳务协作|劳务输出|劳务合作|劳务对接|劳务交流/;
/** 在<place>设立…窗口: the outlet pattern; group 1 holds the places. */
const OUTLET =
  /在([^，。；！？]{1,40}?)(?:设立|开设|建立|开办|建成|设置|开通|打造|入驻|布局)[^，。；！？]{0,20}?(?:窗口|专柜|旗舰店|展销中心|体验馆|直营店|销售点|体验店|专卖店|展示中心|展销馆|门店|专区)/g;

const OUTLET_ANY = new RegExp(OUTLET.source);

const refOf = (m: EntityMention): EntityRef => (m.code ? { type: m.type, name: m.name, code: m.code } : { type: m.type, name: m.name });

/** Region mentions of a sentence, minus a city standing right before its own district (广州市|荔湾区). */
function regionsOf(ctx: DocContext, sentence: number): EntityMention[] {
  const list = ctx.mentions.filter((m) => m.sentence === sentence && isRegionType(m.type));
  list.sort((a, b) => a.start - b.start);
  return list.filter((m, i) => {
    const next = list[i + 1];
    return !(next && next.start === m.end && next.parentCode !== undefined && next.parentCode === m.code) &&
      !(next && next.start === m.end && next.parent === m.name);
  });
}

const isWestern = (m: EntityMention): boolean => m.code !== undefined && !isEasternCode(m.code);
const isEastern = (m: EntityMention): boolean => isEasternCode(m.code);
const upToCounty = (m: EntityMention): boolean => LEVEL_DEPTH[m.type as keyof typeof LEVEL_DEPTH] <= LEVEL_DEPTH.County;

function primaryWestern(ctx: DocContext): EntityRef | undefined {
  const p = ctx.primaryRegion;
  return p && !isEasternCode(p.code) ? p : undefined;
}

/** Deepest western region of a sentence (固本乡 over its county), else the document's region. */
function westernSide(ctx: DocContext, regions: EntityMention[]): EntityRef | undefined {
  const west = regions.filter((m) => isWestern(m) || (!m.code && m.type !== 'Province'));
  west.sort((a, b) => LEVEL_DEPTH[b.type as keyof typeof LEVEL_DEPTH] - LEVEL_DEPTH[a.type as keyof typeof LEVEL_DEPTH]);
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
  for (const s of ctx.sentences) {
    const sentenceText = text.slice(s.start, s.end);
    const labor = LABOR.test(sentenceText);
    const assist = ASSIST.test(sentenceText.replace(/劳务协作/g, ''));
    const outlet = OUTLET_ANY.test(sentenceText);
    if (!labor && !assist && !outlet) continue;
    const regions = regionsOf(ctx, s.index);

    if (assist) {
      const east = regions.filter((m) => isEastern(m) && upToCounty(m));
      const westHere = regions.filter((m) => isWestern(m) && upToCounty(m) && m.type !== 'Province');
      const targets = westHere.length ? westHere.map(refOf) : [primaryWestern(ctx)].filter((r) => r !== undefined);
      for (const e of east) {
        if (!outletPlaces(sentenceText, s.start).some(([a, b]) => e.start >= a && e.end <= b))
          for (const t of targets) out.push(rel('ASSISTS', refOf(e), t, s.index));
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
      const west = westernSide(ctx, regions.filter((m) => !isEastern(m)));
      for (const e of east) if (west) out.push(rel('LABOR_COOPERATION', west, refOf(e), sentence));
    }

    if (outlet) {
      for (const [a, b] of outletPlaces(sentenceText, s.start)) {
        const places = regions.filter((m) => m.start >= a && m.end <= b);
        if (!places.length) continue;
        const before = ctx.mentions.filter((m) => m.sentence === s.index && m.end <= a);
        const company = before.filter((m) => m.type === 'Company').pop();
        const region = before.filter((m) => isRegionType(m.type) && isWestern(m)).pop();
        const sources = [company ? refOf(company) : undefined, region ? refOf(region) : primaryWestern(ctx)];
        for (const src of sources) {
          if (!src) continue;
          for (const p of places) out.push(rel('SALES_OUTLET_IN', src, refOf(p), s.index));
        }
      }
    }
  }
  return out;
}

/** Spans (absolute) of the places in 在<places>设立…窗口 clauses of a sentence. */
function outletPlaces(sentenceText: string, offset: number): [number, number][] {
  const spans: [number, number][] = [];
  OUTLET.lastIndex = 0;
  for (let m = OUTLET.exec(sentenceText); m; m = OUTLET.exec(sentenceText)) {
    const start = offset + m.index + 1;
    spans.push([start, start + m[1]!.length]);
  }
  return spans;
}

function rel(type: RelationMention['type'], source: EntityRef, target: EntityRef, sentence: number): RelationMention {
  return { type, source, target, sentence, extractor: 'cooperation' };
}

/** The cooperation relation extractor (ASSISTS, LABOR_COOPERATION, SALES_OUTLET_IN). */
export const cooperationExtractor: RelationExtractor = { name: 'cooperation', extract: cooperation };
