/**
 * Web pages
 *
 * Saved news pages carry navigation, ads, scripts and link lists around one article. @mozilla/readability
 * (Firefox's reader view) finds the article on a linkedom DOM; this file adds what Chinese pages need:
 * the declared GBK charset, a title taken from `<h1>` when `<title>` carries the site name, and a publish
 * date from meta tags, `<time>`, or a `发布时间:` line anywhere on the page.
 */
import { InputError } from '@fupin/graph-schema';
import { decodeHtml } from './charset.js';
import { findLabelledDate, findPublishDate, parseDateValue } from './dates.js';
import { domText, type DomNode } from './dom-text.js';
import type { LoadedDocument } from './types.js';

// Meta tags that carry a publish date (Open Graph, Dublin Core, common CMS names incl. Chinese portals').
const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'og:release_date',
  'datePublished',
  'pubdate',
  'publishdate',
  'PubDate',
  'publish_date',
  'dc.date',
  'DC.date.issued',
  'dcterms.created',
  'firstpublishedtime',
];

interface Element extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  remove(): void;
}

function metaDate(document: Element): string | undefined {
  const metas = document.querySelectorAll('meta');
  const wanted = new Set(DATE_META.map((n) => n.toLowerCase()));
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    if (!wanted.has(key)) continue;
    const date = parseDateValue(meta.getAttribute('content') ?? '');
    if (date) return date;
  }
  const time = document.querySelector('time[datetime]');
  return time ? parseDateValue(time.getAttribute('datetime') ?? '') : undefined;
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/gu, ' ').trim();
}

/**
 * Extracts the article of a saved web page: text with paragraph breaks, title and publish date.
 * @param bytes - page bytes (UTF-8, GBK via its meta charset, …)
 * @param file - file name for errors
 * @throws InputError INPUT_EMPTY when the page holds no text
 * @example
 * await extractHtml(bytes, '从江县新闻.html') // → { text: '从江县香猪…', title: '从江县…', date: '2020-05-06', format: 'html' }
 */
export async function extractHtml(bytes: Uint8Array, file: string): Promise<LoadedDocument> {
  // Loaded on first use: linkedom alone takes a noticeable part of a second to import.
  const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  const { text: html, encoding } = decodeHtml(bytes, file);
  const { document } = parseHTML(html) as unknown as { document: Element & { body: Element | null } };
  const date = metaDate(document);
  const pageTitle = clean(document.querySelector('title')?.textContent);
  const h1 = clean(document.querySelector('h1')?.textContent);
  const pageText = domText(document.body ?? document);

  let text = '';
  let articleTitle = '';
  try {
    const article = new Readability(document as never, { charThreshold: 100, serializer: (node) => node }).parse();
    if (article?.content) text = domText(article.content as unknown as DomNode);
    articleTitle = clean(article?.title);
  } catch {
    // Readability gives up on some malformed pages; fall back to the page text below.
  }
  if (text.length < 20) {
    const { document: copy } = parseHTML(html) as unknown as { document: Element & { body: Element | null } };
    const chrome = copy.querySelectorAll('script,style,nav,header,footer,aside,form,noscript');
    for (let i = chrome.length - 1; i >= 0; i--) chrome[i]!.remove();
    text = domText(copy.body ?? copy);
  }
  if (text.trim().length === 0) {
    throw new InputError(
      'INPUT_EMPTY',
      file,
      `text.extractHtml: ${file} holds no article text; expected a web page with text`,
    );
  }
  // `<title>` often reads `标题_网站名`: prefer the page's <h1> when the title contains it.
  const title = h1 && (pageTitle.includes(h1) || !pageTitle) ? h1 : articleTitle || h1 || pageTitle || undefined;
  if (title && !text.startsWith(title)) text = `${title}\n\n${text}`;
  // Meta first, then a labelled date anywhere on the page, then a date at the top of the article itself
  // (not of the page, whose top is navigation that may list other articles' dates).
  const found = date ?? findLabelledDate(pageText) ?? findPublishDate(text);
  return { text, format: 'html', encoding, ...(title ? { title } : {}), ...(found ? { date: found } : {}) };
}
