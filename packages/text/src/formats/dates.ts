/**
 * Publish dates
 *
 * Queries and the web view filter documents by year, so each document should carry the date it was
 * published. Pages print it in many ways: `发布时间:2018-10-16`, `2021年3月3日 星期三` in a newspaper page
 * header, `2020-05-06 10:21` under a headline, or a `<meta property="article:published_time">`. This file
 * finds such a date in text and turns it into `YYYY-MM-DD`; dates in the body of a report (`2019年实现整县
 * 出列`) are not publish dates, so an unlabelled date only counts near the top of the document.
 */

// Full dates: 2018-10-16, 2018/10/16, 2018.10.16, 2018年10月16日 (with optional spaces, as PDFs space them).
const DATE =
  /((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)/gu;
const LABEL = /(?:发布|发表|更新|出版|刊发|发稿)(?:时间|日期)|日期|时间/gu;

/** How far into the text an unlabelled date still counts as the publish date (page header, byline). */
const HEADER_CHARS = 400;

function toIso(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined; // 2月30日
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function foldDigits(s: string): string {
  return s.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Every full date in `text` with its position, in order. */
function datesIn(text: string): { index: number; end: number; iso: string }[] {
  const found: { index: number; end: number; iso: string }[] = [];
  for (const m of text.matchAll(DATE)) {
    const iso = m[2] !== undefined ? toIso(m[1]!, m[2], m[3]!) : toIso(m[1]!, m[4]!, m[5]!);
    if (iso) found.push({ index: m.index, end: m.index + m[0].length, iso });
  }
  return found;
}

/**
 * Finds the publish date of a document in its text: first a date right after a label (`发布时间:`,
 * `发布日期：`, `日期:` …), else the first full date in the first few hundred characters (page header,
 * dateline). Returns `YYYY-MM-DD`, or undefined when there is none.
 * @param text - document text (original or normalised)
 * @example
 * findPublishDate('返回首页\n正文 发布时间:2018-10-16\n从江县…') // → '2018-10-16'
 * findPublishDate('黔东南日报 2021年3月3日 星期三\n台江县…') // → '2021-03-03'
 */
export function findPublishDate(text: string): string | undefined {
  const folded = foldDigits(text);
  const dates = datesIn(folded);
  if (dates.length === 0) return undefined;
  const labelled = labelledDate(folded, dates);
  if (labelled) return labelled;
  const first = dates[0]!;
  return first.index < HEADER_CHARS ? first.iso : undefined;
}

/**
 * Finds only a labelled date (`发布时间:2018-10-16`, `发布日期：2020年5月6日`) anywhere in the text; for
 * page text full of navigation, where an unlabelled date near the top may belong to a link.
 * @param text - text to search
 * @example
 * findLabelledDate('相关新闻 2020-04-01\n发布时间：2020-05-06') // → '2020-05-06'
 */
export function findLabelledDate(text: string): string | undefined {
  const folded = foldDigits(text);
  return labelledDate(folded, datesIn(folded));
}

function labelledDate(folded: string, dates: { index: number; iso: string }[]): string | undefined {
  if (dates.length === 0) return undefined;
  for (const label of folded.matchAll(LABEL)) {
    const after = label.index + label[0].length;
    const next = dates.find((d) => d.index >= after);
    if (next && /^[\s:：]*$/u.test(folded.slice(after, next.index))) return next.iso;
  }
  return undefined;
}

/**
 * Reads a date from a machine-readable value (`2020-05-06T10:21:00+08:00`, `2020-05-06 10:21`,
 * `2020/5/6`, `2020年5月6日`) as found in meta tags and `<time datetime>`.
 * @param value - attribute value
 * @example
 * parseDateValue('2020-05-06T10:21:00+08:00') // → '2020-05-06'
 */
export function parseDateValue(value: string): string | undefined {
  const compact = /^\s*((?:19|20)\d{2})(\d{2})(\d{2})\s*$/u.exec(value);
  if (compact) return toIso(compact[1]!, compact[2]!, compact[3]!);
  return datesIn(foldDigits(value))[0]?.iso;
}
