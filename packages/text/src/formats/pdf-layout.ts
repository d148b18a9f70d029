/**
 * PDF page layout → reading order
 *
 * A PDF holds positioned runs of text, not paragraphs. Newspaper pages set several columns side by side
 * under headlines that span them, so reading top to bottom across the page would interleave columns.
 * This file rebuilds the reading order from positions alone: runs → rows (same baseline) → segments
 * (split at wide horizontal gaps) → column gutters (x ranges almost no segment covers) → bands (rows
 * that cross a gutter, such as headlines, cut the page into bands) → within a band, column by column,
 * top to bottom. Paragraph breaks come from vertical gaps and font-size changes; a line that runs to the
 * column's right edge without ending a sentence is marked as wrapping, so the reader joins it with the next.
 */

/** One positioned run of text (what pdf.js `getTextContent` gives, reduced). */
export interface TextRun {
  str: string;
  /** Left edge (PDF units, origin bottom-left). */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width. */
  width: number;
  /** Font size (height of the text matrix). */
  size: number;
}

interface Row {
  y: number;
  size: number;
  runs: TextRun[];
}

interface Segment {
  row: Row;
  x0: number;
  x1: number;
  runs: TextRun[];
}

/** A line of the page in reading order, with its font size (for titles). */
export interface LaidOutLine {
  text: string;
  size: number;
  /** True when a blank line (paragraph or block break) precedes this line. */
  breakBefore: boolean;
  /** True when the line runs to the right edge of its column without ending a sentence: a wrap. */
  wraps: boolean;
}

// Sentence ends (。！？；… ! ? ;) optionally followed by closing quotes/brackets.
const ENDS_SENTENCE = /[。！？；…!?;][”’」』）)]*$/u;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Groups runs sharing a baseline (within 40 % of the font size) into rows, top to bottom. */
function toRows(runs: TextRun[]): Row[] {
  const sorted = runs.filter((r) => r.str.trim().length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const run of sorted) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(last.y - run.y) <= 0.4 * Math.max(last.size, run.size)) {
      last.runs.push(run);
      last.size = Math.max(last.size, run.size);
    } else {
      rows.push({ y: run.y, size: run.size, runs: [run] });
    }
  }
  for (const row of rows) row.runs.sort((a, b) => a.x - b.x);
  return rows;
}

/** Splits a row where the gap between runs is wider than a character: separate columns. */
function toSegments(row: Row): Segment[] {
  const segments: Segment[] = [];
  for (const run of row.runs) {
    const last = segments[segments.length - 1];
    if (last && run.x - last.x1 <= 1.2 * row.size) {
      last.runs.push(run);
      last.x1 = Math.max(last.x1, run.x + run.width);
    } else {
      segments.push({ row, x0: run.x, x1: run.x + run.width, runs: [run] });
    }
  }
  return segments;
}

/** X ranges (gutters) that at most 5 % of the segments (or one) cross, between text on both sides. */
function findGutters(segments: Segment[], bodySize: number): [number, number][] {
  if (segments.length < 4) return [];
  const left = Math.floor(Math.min(...segments.map((s) => s.x0)));
  const right = Math.ceil(Math.max(...segments.map((s) => s.x1)));
  const cover = new Int32Array(Math.max(0, right - left) + 1);
  for (const s of segments) for (let x = Math.floor(s.x0) - left; x < Math.ceil(s.x1) - left; x++) cover[x]!++;
  const limit = Math.max(1, Math.floor(segments.length * 0.05)); // a spanning headline may cross a gutter
  const minWidth = Math.max(2, 0.5 * bodySize);
  const gutters: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= cover.length; x++) {
    const low = x < cover.length && cover[x]! <= limit;
    if (low && start < 0) start = x;
    if (!low && start >= 0) {
      if (x - start >= minWidth && start > 0 && x < cover.length) gutters.push([left + start, left + x]);
      start = -1;
    }
  }
  return gutters;
}

function rowText(runs: TextRun[], size: number): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    if (text && run.x - end > 0.25 * size && !text.endsWith(' ') && !run.str.startsWith(' ')) text += ' ';
    text += run.str;
    end = run.x + run.width;
  }
  return text.trim();
}

/**
 * Orders the text runs of one page into lines in reading order, column by column within each band.
 * @param runs - positioned runs of one page
 * @example
 * layoutPage([{ str: '从江县', x: 50, y: 700, width: 30, size: 10 }]) // → [{ text: '从江县', size: 10, breakBefore: false, wraps: false }]
 */
export function layoutPage(runs: TextRun[]): LaidOutLine[] {
  const rows = toRows(runs);
  if (rows.length === 0) return [];
  const bodySize = median(rows.map((r) => r.size));
  const segmentsByRow = rows.map(toSegments);
  const gutters = findGutters(segmentsByRow.flat(), bodySize);
  const column = (s: Segment): number => {
    let c = 0;
    for (const [g0] of gutters) if (s.x0 >= g0) c++;
    return c;
  };
  const crosses = (s: Segment): boolean => gutters.some(([g0, g1]) => s.x0 < g0 && s.x1 > g1);

  // Bands: runs of rows none of whose segments cross a gutter; a crossing row is a band of its own.
  const bands: Segment[][][] = []; // band → column → segments
  let current: Segment[][] | undefined;
  for (const segments of segmentsByRow) {
    if (segments.some(crosses)) {
      bands.push([segments]);
      current = undefined;
      continue;
    }
    if (!current) {
      current = Array.from({ length: gutters.length + 1 }, () => []);
      bands.push(current);
    }
    for (const s of segments) current[column(s)]!.push(s);
  }

  const lines: LaidOutLine[] = [];
  for (const band of bands) {
    let firstInBand = true;
    for (const col of band) {
      let prev: Segment | undefined;
      // The right edge of the column for text of a given size (a headline in the column does not count).
      const rightEdge = (size: number): number =>
        Math.max(...col.filter((o) => Math.abs(o.row.size - size) < 0.5).map((o) => o.x1));
      for (const s of col) {
        const text = rowText(s.runs, s.row.size);
        if (!text) continue;
        let breakBefore = firstInBand && lines.length > 0;
        if (prev) {
          const gap = prev.row.y - s.row.y;
          const ratio = s.row.size / prev.row.size;
          if (gap > 1.8 * Math.max(s.row.size, prev.row.size) || ratio > 1.15 || ratio < 0.87) breakBefore = true;
        }
        const wraps = col.length > 1 && s.x1 >= rightEdge(s.row.size) - 1.5 * s.row.size && !ENDS_SENTENCE.test(text);
        lines.push({ text, size: s.row.size, breakBefore, wraps });
        firstInBand = false;
        prev = s;
      }
    }
  }
  return lines;
}

/**
 * The title of a page: its largest line(s) when clearly larger (×1.25) than the body text.
 * @param lines - laid-out lines of the first page
 * @example
 * pageTitle([{ text: '从江县脱贫纪实', size: 22, breakBefore: false, wraps: false }]) // → '从江县脱贫纪实'
 */
export function pageTitle(lines: LaidOutLine[]): string | undefined {
  if (lines.length === 0) return undefined;
  const body = median(lines.map((l) => l.size));
  const max = Math.max(...lines.map((l) => l.size));
  if (max < 1.25 * body) return undefined;
  const first = lines.findIndex((l) => l.size === max);
  const parts: string[] = [];
  for (let i = first; i < lines.length && lines[i]!.size === max; i++) parts.push(lines[i]!.text);
  const title = parts.join('').trim();
  return title.length >= 2 ? title : undefined;
}
