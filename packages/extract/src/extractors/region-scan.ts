/**
 * Gazetteer scans for the region extractor
 *
 * The gazetteer's scanner costs about as much per character as segmentation, so the region extractor
 * scans the whole text once (provinces to townships) and then only short windows: before each village
 * suffix (村, 社区…) with the village lists of the document's counties, and after a rejected name
 * (a stem that swallowed the head of the next name) for the name it hid. Windows go to the scanner in one call, joined by newlines.
 */
import type { DocContext, GazetteerMatchRef, GazetteerPort } from '../types.js';

/** The suffixes village names end with (村, 社区, 居委会, 嘎查 and their committee forms). */
const VILLAGE_END = /村(?:民委员会|委会)?|社区|居委会|居民委员会|嘎查/g;

/**
 * The first scan's matches plus the village names of the document's counties. Village names end in
 * 村/社区/…, so only a short window before each such suffix is scanned again with the village lists
 * (a second scan of the whole text would double the cost); a village found there replaces the
 * first-scan matches it overlaps.
 * @param ctx - document context
 * @param gazetteer - division gazetteer
 * @param first - matches of the whole-text scan
 * @param counties - county codes the document names
 * @example withVillages(ctx('台江县施洞镇旧州村'), gaz, first, ['522630000000']) // 台江县, 施洞镇, 旧州村
 */
export function withVillages(
  ctx: DocContext,
  gazetteer: GazetteerPort,
  first: readonly GazetteerMatchRef[],
  counties: string[],
): GazetteerMatchRef[] {
  if (!counties.length) return [...first];
  const text = ctx.normalized.text;
  // Windows of up to ten characters before each suffix, scanned in one call joined by a separator
  // no name contains (one call instead of one per window: each call has a fixed cost).
  const windows: [from: number, end: number][] = [];
  VILLAGE_END.lastIndex = 0;
  for (let m = VILLAGE_END.exec(text); m; m = VILLAGE_END.exec(text)) {
    const end = m.index + m[0].length;
    const from = Math.max(0, m.index - 10, windows.length ? windows[windows.length - 1]![1] : 0);
    if (end > from) windows.push([from, end]);
  }
  const ends = new Set(windows.map(([, end]) => end));
  const villages = scanWindows(gazetteer, text, windows, counties).filter(
    (x) => ends.has(x.end) && x.hits.some((h) => h.division.level === 'Village'),
  );
  if (!villages.length) return [...first];
  // A first-scan match goes when a village at least as long overlaps it: per offset, the longest village over it.
  const longest = new Uint16Array(text.length + 1);
  for (const v of villages) {
    const n = v.end - v.start;
    for (let i = v.start; i < v.end; i++) if (longest[i]! < n) longest[i] = n;
  }
  const out = first.filter((f) => {
    for (let i = f.start; i < f.end; i++) if (longest[i]! >= f.end - f.start) return false;
    return true;
  });
  // A village stays unless a first-scan match left standing overlaps it.
  const taken = new Uint8Array(text.length + 1);
  for (const f of out) taken.fill(1, f.start, f.end);
  const kept = villages.filter((v) => {
    for (let i = v.start; i < v.end; i++) if (taken[i]) return false;
    return true;
  });
  return [...out, ...kept].sort((x, y) => x.start - y.start);
}

/**
 * Scans several windows of a text in one gazetteer call, joined by a newline (no name crosses one),
 * and gives the matches with offsets into the text.
 * @param windows - [from, end) spans of the text
 * @example scanWindows(gaz, '从江县与加榜乡', [[4, 7]], []) // [加榜乡 at 4–7]
 */
export function scanWindows(
  gazetteer: GazetteerPort,
  text: string,
  windows: readonly [number, number][],
  villageCounties: string[],
): GazetteerMatchRef[] {
  if (!windows.length) return [];
  const starts: number[] = [];
  const origin: number[] = [];
  let joined = '';
  for (const [from, end] of windows) {
    starts.push(joined.length);
    origin.push(from);
    joined += text.slice(from, end) + '\n';
  }
  const out: GazetteerMatchRef[] = [];
  let w = 0;
  for (const m of gazetteer.findAll(joined, { villageCounties })) {
    while (w + 1 < starts.length && starts[w + 1]! <= m.start) w++;
    const shift = origin[w]! - starts[w]!;
    out.push({ start: m.start + shift, end: m.end + shift, hits: m.hits });
  }
  return out;
}
