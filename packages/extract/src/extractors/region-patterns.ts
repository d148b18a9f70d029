/**
 * Region names the gazetteer lacks
 *
 * Reports name villages and communities that the 2023 statistical codes no longer list (merged,
 * renamed, new resettlement communities) and sometimes misspell a township. These rules find such
 * names by their suffix (村/社区/镇/乡/街道, and 县/区/旗 right after their city) with boundary rules:
 * the name starts after punctuation, a region name, a preposition or verb (在/到/对/与/和/及/、…),
 * holds no digits, quantifiers or demonstratives (`全县112个贫困村` yields nothing, `马场村` does),
 * is not a generic phrase (安置社区, 示范村), and its suffix starts a word for jieba (城镇, 农村 are words).
 * The parent is the region named right before it (`某镇马场村`), else the one township of its sentence.
 */
import type { RegionLevel } from '@fupin/graph-schema';
import { isWordBoundary, wordTagsBetween } from '../doc-util.js';
import { LEVEL_DEPTH } from '../region-names.js';
import type { DocContext, EntityMention } from '../types.js';

/** Suffixes this module reads, longest first so 社区 wins over 区. */
/** 1 for the first characters of the region suffixes (村 镇 乡 县 区 旗 街 社), by UTF-16 code. */
const SUFFIX_FIRST = new Uint8Array(0x1_00_00);
for (const c of '村镇乡县区旗街社') SUFFIX_FIRST[c.charCodeAt(0)] = 1;

/**
 * The region suffix starting at `i` (街道 社区 村 镇 乡 县 区 旗), or undefined: what /街道|社区|村|镇|乡|县|区|旗/
 * matches there, read by char code (no match array per suffix in a scan of the whole text).
 */
function suffixAt(text: string, i: number): string | undefined {
  switch (text.charCodeAt(i)) {
    case 0x6751:
      return '村';
    case 0x9547:
      return '镇';
    case 0x4e61:
      return '乡';
    case 0x53bf:
      return '县';
    case 0x533a:
      return '区';
    case 0x65d7:
      return '旗';
    case 0x8857:
      return text.charCodeAt(i + 1) === 0x9053 ? '街道' : undefined;
    case 0x793e:
      return text.charCodeAt(i + 1) === 0x533a ? '社区' : undefined;
    default:
      return undefined;
  }
}

const SUFFIX_LEVEL: Record<string, RegionLevel> = {
  街道: 'Township',
  社区: 'Village',
  村: 'Village',
  镇: 'Township',
  乡: 'Township',
  县: 'County',
  区: 'County',
  旗: 'County',
};

/** Longest stem (characters before the suffix) per suffix. */
const MAX_STEM: Record<string, number> = { 街道: 4, 社区: 4, 村: 4, 镇: 3, 乡: 3, 县: 3, 区: 3, 旗: 3 };

/** Characters that, right after a suffix, make it part of a word instead (村民, 乡村, 镇政府… are words, not names). */
const NOT_AFTER: Record<string, ReadonlySet<number>> = {
  村: codes('民委干级庄寨落务容貌规史医里党'),
  乡: codes('村镇亲土愁贤情间下里野音'),
  镇: codes('压守痛静定'),
};

/** The UTF-16 codes of some characters (all in the basic plane). */
function codes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** Characters a name never crosses going left: prepositions, conjunctions, verbs of motion, particles. */
const STOP = new Set(
  '在到对与和及跟同向往赴至于从自由把将被给让为是住进入出去来过的了着之或等、，。；：！？（）《》“”‘’ 　',
);
const STOP_CODES = codes([...STOP].join(''));

/** Characters that end a region name; the next name starts after them (某乡某村). */
const REGION_CODES = codes('省市州县区乡镇村旗盟');

/** Characters that end a clause (a village's township is looked for in its own clause). */
const CLAUSE_END_CODES = codes('，；：,;:。\n');

/**
 * Whether a name cannot reach left across the character before `at`: not Chinese, a stop word, a
 * region suffix, the end of a known name or a character of one.
 */
function stopsBefore(
  text: string,
  at: number,
  endsAt: ReadonlyMap<number, EntityMention>,
  covered: Uint8Array,
): boolean {
  const c = text.charCodeAt(at - 1);
  return (
    c < 0x4e00 || c > 0x9fff || STOP_CODES.has(c) || REGION_CODES.has(c) || endsAt.has(at) || covered[at - 1] === 1
  );
}

/** Characters no name contains: digits, quantifiers, demonstratives. */
const BAD_CHAR = /[0-9０-９个全该本各每这那此其某几余多％%.．]/;

const QUOTE_OPEN = /[“‘"「『《]/;
const QUOTE_CLOSE = /[”’"」』》]/;

/** A stem never ends in a numeral (太平两乡 = the two townships 太平 and another). */
const NUMERAL_END = /[一二两三四五六七八九十百千万]$/;

/** Verbs that make a word with 村/乡/镇 after them (驻村, 包村, 进村, 以户保村…): not part of a name. */
const VERB_BEFORE_SUFFIX = new Set('驻包进到入帮扶管保抓回下整通');

/** Tags of words that never sit inside a place name (jieba/ICTCLAS: v verb, p preposition, f locality…). */
const NON_NAME_TAG = /^(?:v|vd|vn|p|f|b|q|r|d|ad|c|u|uj|ul|uz|uv|ud|ug|m|y|e|o|t)$/;

/** Stems that make a phrase, not a name: 贫困村, 安置社区, 示范乡镇, 中心村, 城区… */
const GENERIC =
  /贫困|扶贫|搬迁|安置|示范|重点|试点|移民|产业|合作|集体|易地|中心|片区|园区|景区|城区|保护|开发|经济|特色|传统|美丽|文明|小康|民族|少数|行政|自然|深度|出列|边远|偏远|周边|附近|当地|本地|所在|所辖|相关|其他|其余|农业|工业|商业|新型|城市|农村|乡村|城乡|社会|集中|整体|基层|帮扶|结对|对口|联系|包保|挂帮|定点|省级|市级|州级|县级|乡级|镇级|村级|先进|文化|生态|旅游|卫生|森林|平安|民主|法治|一个|两个|周围/;

const isCjk = (ch: string | undefined): boolean => ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';

/**
 * Finds region names the gazetteer did not link, with parents from their context.
 * @param ctx - document context
 * @param known - region mentions already linked (their spans are skipped; their ends are left boundaries)
 * @example unlistedRegions(ctx('走进台江县排羊乡九摆村'), linked) // [九摆村 (Village, parent 排羊乡)] when 九摆村 is not listed
 */
export function unlistedRegions(ctx: DocContext, known: readonly EntityMention[]): EntityMention[] {
  const text = ctx.normalized.text;
  const covered = new Uint8Array(text.length + 1);
  const endsAt = new Map<number, EntityMention>();
  for (const m of known) {
    for (let i = m.start; i < m.end; i++) covered[i] = 1;
    endsAt.set(m.end, m);
  }
  const found: EntityMention[] = [];
  let sentence = 0;
  // Suffixes left to right, each scan resuming after the last suffix found (as a global regex would).
  for (let from = 0; ; ) {
    let p = from;
    let suffix: string | undefined;
    for (; p < text.length; p++) {
      if (SUFFIX_FIRST[text.charCodeAt(p)] === 0) continue; // the tight loop passes most characters
      suffix = suffixAt(text, p);
      if (suffix !== undefined) break;
    }
    if (suffix === undefined) break;
    const q = p + suffix.length;
    from = q;
    if (covered[p]) continue;
    const notAfter = NOT_AFTER[suffix];
    if (notAfter && notAfter.has(text.charCodeAt(q))) continue;
    while (sentence + 1 < ctx.sentences.length && ctx.sentences[sentence + 1]!.start <= p) sentence++;
    const sentenceStart = ctx.sentences[sentence]?.start ?? 0;
    const level = SUFFIX_LEVEL[suffix]!;
    // Walk left to a hard boundary, at most MAX_STEM characters.
    let s = p;
    let hard = false;
    const stops = (at: number): boolean => stopsBefore(text, at, endsAt, covered);
    const max = MAX_STEM[suffix]!;
    while (s > sentenceStart && p - s < max) {
      if (stops(s)) {
        hard = true;
        break;
      }
      s--;
    }
    if (s === sentenceStart || (!hard && stops(s))) hard = true;
    // The longest stems (阿土勒尔村) only between hard boundaries; a soft left edge keeps to three.
    if (!hard && p - s > 3) s = p - 3;
    const before = endsAt.get(s);
    // County-level names the gazetteer lacks are read only right after their city (某市某区).
    if (level === 'County' && !(before && LEVEL_DEPTH[before.type as RegionLevel] < LEVEL_DEPTH.County)) continue;
    // Cheap checks before segmenting the sentence: every stem ends with the two characters before the
    // suffix, so a generic or counted ending (贫困|村, 个|村, 驻|村) rules the name out whatever its start.
    const tail = text.slice(Math.max(s, p - 2), p);
    if (tail.length < 2 || BAD_CHAR.test(tail) || GENERIC.test(tail) || NUMERAL_END.test(tail)) continue;
    if (VERB_BEFORE_SUFFIX.has(tail[tail.length - 1]!)) continue;
    // The suffix must start a word (城镇, 农村, 贫困村 are words), unless jieba glued it into a place name.
    const glued = !isWordBoundary(ctx, sentence, p);
    if (!hard && !glued && level === 'Village') {
      // A township stem may stand right before the village (某湾|银德社区): look the head up as a township.
      const town = townshipHead(ctx, s, p, sentence, covered);
      if (town) {
        found.push(town);
        endsAt.set(town.end, town);
        for (let i = town.start; i < town.end; i++) covered[i] = 1;
        s = town.end;
        hard = true;
      }
    }
    if (!hard) {
      // No hard boundary within reach: the name starts at the leftmost word boundary (走访|马场村).
      let start = -1;
      for (let t = s; t <= p - 2; t++) {
        if (isWordBoundary(ctx, sentence, t)) {
          start = t;
          break;
        }
      }
      if (start < 0) continue;
      s = start;
    }
    // Townships and counties the list lacks are rare (a misspelling, a new name): only after a hard boundary;
    // so is a village jieba glued to its suffix (某镇坡|塘村, not 一个偏僻|山村).
    if (!hard && (level !== 'Village' || glued)) continue;
    const stem = text.slice(s, p);
    if (stem.length < 2 || BAD_CHAR.test(stem) || GENERIC.test(stem) || NUMERAL_END.test(stem)) continue;
    if (VERB_BEFORE_SUFFIX.has(stem[stem.length - 1]!)) continue;
    if (glued && !placeWordEndsAt(ctx, sentence, p, q)) continue;
    if (!plausibleStem(ctx, sentence, s, p, endsAt.has(s), level !== 'Village')) continue;
    // A quoted “某某村” is a nickname (a village famous for a product), not a village.
    if (QUOTE_OPEN.test(text[s - 1] ?? '') && QUOTE_CLOSE.test(text[q] ?? '')) continue;
    const name = stem + suffix;
    const mention: EntityMention = {
      type: level,
      name,
      surface: name,
      start: s,
      end: q,
      sentence,
      extractor: 'regions',
      // Set below or by assignSentenceParents: present from the start so the mention keeps one shape.
      parent: undefined,
      parentCode: undefined,
    };
    const parent = endsAt.get(s);
    if (parent && LEVEL_DEPTH[parent.type as RegionLevel] < LEVEL_DEPTH[level]) {
      mention.parent = parent.name;
      if (parent.code) mention.parentCode = parent.code;
    }
    found.push(mention);
    endsAt.set(q, mention);
    for (let i = s; i < q; i++) covered[i] = 1;
  }
  assignSentenceParents(ctx, known, found);
  return found;
}

/** Whether jieba glued the suffix into a place-name word ending with it (坡|塘村/ns): still a name's suffix. */
function placeWordEndsAt(ctx: DocContext, sentence: number, p: number, q: number): boolean {
  // Only the word holding the suffix's last character can end at q.
  return wordTagsBetween(ctx, sentence, q - 1, q).some((w) => w.start < p && w.end === q && w.tag === 'ns');
}

/**
 * Reads a township stem (2–4 characters) written right before an unlisted village, when the gazetteer
 * has a township of that stem inside the document's primary county: `…到某某湾银德社区` → 某某湾(街道) + 银德社区.
 */
function townshipHead(
  ctx: DocContext,
  s: number,
  p: number,
  sentence: number,
  covered: Uint8Array,
): EntityMention | undefined {
  const text = ctx.normalized.text;
  const sentenceStart = ctx.sentences[sentence]?.start ?? 0;
  const gaz = ctx.gazetteer;
  const county = ctx.primaryRegion?.type === 'County' ? ctx.primaryRegion.code : undefined;
  if (!gaz?.lookup || !county) return undefined;
  let w = s;
  while (w > sentenceStart && p - w < 7 && isCjk(text[w - 1]) && !STOP.has(text[w - 1]!) && !covered[w - 1]) w--;
  // The township stem starts at a hard boundary (到|某某湾银德社区), so only one start is tried.
  const hardStart = w === sentenceStart || !isCjk(text[w - 1]) || STOP.has(text[w - 1]!) || covered[w - 1] === 1;
  if (!hardStart) return undefined;
  for (let k = w; k <= Math.min(w, p - 4); k++) {
    for (let e = k + 2; e <= Math.min(k + 4, p - 2); e++) {
      const head = text.slice(k, e);
      for (const suffix of ['街道', '镇', '乡']) {
        const hit = gaz.lookup(head + suffix, { levels: ['Township'], within: county })[0];
        if (!hit) continue;
        const stem = text.slice(e, p);
        if (stem.length < 2 || stem.length > 3) continue;
        const d = hit.division;
        const mention: EntityMention = {
          type: 'Township',
          name: d.name,
          code: d.code.padEnd(12, '0'),
          surface: head,
          start: k,
          end: e,
          sentence,
          extractor: 'regions',
          parent: ctx.primaryRegion!.name,
          parentCode: county,
          aliases: [head + suffix],
        };
        return mention;
      }
    }
  }
  return undefined;
}

/**
 * Whether jieba, reading the whole sentence, sees the stem as a name: no word overlapping the stem
 * crosses its left edge, and no word inside it of two or more characters is a verb, preposition,
 * pronoun, numeral… (主持村, 联系村, 成立村 are phrases); with `strict` (townships), none is a common word.
 */
function plausibleStem(
  ctx: DocContext,
  sentence: number,
  start: number,
  end: number,
  afterRegion: boolean,
  strict: boolean,
): boolean {
  // Only the words overlapping the stem matter (tagged alone, not the whole sentence).
  for (const w of wordTagsBetween(ctx, sentence, start, end)) {
    if (w.end <= start) continue;
    if (w.start >= end) break;
    if (w.start < start) {
      // Right after a region name jieba may glue the suffix to the next character (某乡|党扭村 → 乡党).
      if (afterRegion) continue;
      return false;
    }
    if (w.end - w.start >= 2 && NON_NAME_TAG.test(w.tag)) return false;
    // An unlisted township is rare (a new name, a misspelling): no common word inside its stem (成就|杉乡).
    if (strict && w.end - w.start >= 2 && !/^(?:ns|nr|nz|nrt)$/.test(w.tag)) return false;
    if (w.end - w.start === 1 && /^(?:p|c|u|uj)$/.test(w.tag) && w.start === start) return false;
  }
  return true;
}

/**
 * Gives a parentless unlisted village the one township its clause names, and a parentless unlisted
 * township the document's primary county (reports rarely name a township of another county bare).
 */
function assignSentenceParents(ctx: DocContext, known: readonly EntityMention[], found: EntityMention[]): void {
  const townshipsBySentence = new Map<number, Map<string, EntityMention>>();
  for (const m of [...known, ...found]) {
    if (m.type !== 'Township') continue;
    let set = townshipsBySentence.get(m.sentence);
    if (!set) townshipsBySentence.set(m.sentence, (set = new Map()));
    set.set(m.code ?? m.name, m);
  }
  const primary = ctx.primaryRegion;
  for (const m of found) {
    if (m.parent) continue;
    if (m.type === 'Village') {
      // Only a township of the village's own clause (某村村民是某乡第一批…), not one of the next clause.
      const text = ctx.normalized.text;
      const clause = (at: number): number => {
        let a = at;
        while (a > 0 && !CLAUSE_END_CODES.has(text.charCodeAt(a - 1))) a--;
        return a;
      };
      const here = clause(m.start);
      const towns = [...(townshipsBySentence.get(m.sentence)?.values() ?? [])].filter((t) => clause(t.start) === here);
      const distinct = new Set(towns.map((t) => t.code ?? t.name));
      if (distinct.size === 1) {
        const t = towns[0]!;
        m.parent = t.name;
        if (t.code) m.parentCode = t.code;
      }
    } else if (m.type === 'Township' && primary?.type === 'County') {
      m.parent = primary.name;
      if (primary.code) m.parentCode = primary.code;
    }
  }
}
