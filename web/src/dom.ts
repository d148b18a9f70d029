/**
 * DOM helpers
 *
 * A tiny element builder so that every piece of text reaches the page through textContent (document
 * text and evidence sentences can contain markup such as `<script>`; it must show as text).
 */

/** Attributes and children of {@link el}. */
export interface ElOptions {
  className?: string;
  text?: string;
  testid?: string;
  title?: string;
  attrs?: Record<string, string>;
  onClick?: (ev: MouseEvent) => void;
}

/**
 * Creates an element; text is set with textContent, never parsed as HTML.
 * @example el('button', { text: '展开邻居', testid: 'expand', onClick: () => expand() })
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions = {},
  children: (Node | string | null | undefined)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.testid) node.dataset.testid = options.testid;
  if (options.title) node.title = options.title;
  for (const [k, v] of Object.entries(options.attrs ?? {})) node.setAttribute(k, v);
  if (options.onClick) node.addEventListener('click', options.onClick as EventListener);
  for (const c of children)
    if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Looks up a required element by id (the page's skeleton is static HTML). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`web.byId: no element #${id} in index.html`);
  return node as T;
}
