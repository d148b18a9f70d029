/**
 * Document viewer
 *
 * Shows a source document's text with the evidence sentence highlighted. The text is put on the page
 * as text nodes only (createTextNode around one <mark>), never as HTML: a report that contains
 * `<script>` shows those characters and runs nothing.
 */
import { api, type DocumentText } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';

/** What to highlight: offsets into the original text, and the sentence to fall back on. */
export interface Highlight {
  start?: number;
  end?: number;
  sentence?: string;
}

/**
 * Splits a text around the highlighted span: by offsets when they match the sentence, else by the
 * first occurrence of the sentence; no highlight when neither fits.
 * @example splitForHighlight('甲。苏州帮扶从江。乙', { start: 2, end: 9, sentence: '苏州帮扶从江。' }) // ['甲。', '苏州帮扶从江。', '乙']
 */
export function splitForHighlight(text: string, h: Highlight): [string, string, string] {
  let { start, end } = h;
  const fits = start !== undefined && end !== undefined && start >= 0 && end <= text.length && start < end;
  if (!fits || (h.sentence && text.slice(start, end) !== h.sentence)) {
    const at = h.sentence ? text.indexOf(h.sentence) : -1;
    if (at < 0) return [text, '', ''];
    start = at;
    end = at + (h.sentence?.length ?? 0);
  }
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

/**
 * Creates the viewer inside a host element; `open` loads a document and scrolls to the highlight.
 * @example const viewer = createDocumentViewer(document.body); await viewer.open('doc:1a2b…', { sentence: '苏州市吴中区帮扶从江县。' });
 */
export function createDocumentViewer(host: HTMLElement): {
  open(id: string, h?: Highlight): Promise<void>;
  close(): void;
} {
  const title = el('h2', { testid: 'document-title' });
  const meta = el('div', { className: 'doc-meta', testid: 'document-meta' });
  const body = el('div', { className: 'doc-text', testid: 'document-text' });
  const closeBtn = el('button', { text: t('close'), testid: 'document-close', attrs: { 'data-i18n': 'close' } });
  const box = el('div', { className: 'doc-box', attrs: { role: 'dialog', 'aria-modal': 'true' } }, [
    el('header', {}, [title, closeBtn]),
    meta,
    body,
  ]);
  const overlay = el('div', { className: 'doc-overlay', testid: 'document-viewer' }, [box]);
  overlay.hidden = true;
  host.append(overlay);

  const close = (): void => {
    overlay.hidden = true;
    body.replaceChildren();
  };
  closeBtn.addEventListener('click', close);
  overlay.addEventListener('click', (ev) => {
    if (ev.target === overlay) close();
  });

  const show = (doc: DocumentText, h: Highlight): void => {
    title.textContent = doc.title ?? doc.path;
    meta.textContent = [doc.date, doc.path].filter(Boolean).join(' · ');
    const [before, hit, after] = splitForHighlight(doc.text, h);
    const mark = el('mark', { testid: 'document-highlight' });
    mark.append(document.createTextNode(hit));
    body.replaceChildren(document.createTextNode(before), ...(hit ? [mark] : []), document.createTextNode(after));
    overlay.hidden = false;
    if (hit) mark.scrollIntoView({ block: 'center' });
  };

  return {
    async open(id, h = {}) {
      show(await api.document(id), h);
    },
    close,
  };
}
