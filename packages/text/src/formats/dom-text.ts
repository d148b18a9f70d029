/**
 * DOM → text with paragraph breaks
 *
 * Readability (for web pages) and mammoth (for Word files) both hand back HTML. `textContent` would run
 * paragraphs together, so this walker writes block elements as paragraphs separated by a blank line, `<br>`
 * as a line break and table cells side by side, and collapses the whitespace HTML ignores.
 */

/** The little of the DOM the walker needs (linkedom's nodes satisfy it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'CANVAS',
  'HEAD',
  'BUTTON',
  'SELECT',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'BLOCKQUOTE',
  'PRE',
  'UL',
  'OL',
  'LI',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FIGURE',
  'FIGCAPTION',
  'ADDRESS',
  'HR',
  'FORM',
  'FIELDSET',
  'CENTER',
  'BODY',
  'HTML',
]);

/**
 * Writes the text of a DOM subtree: one paragraph per block element, blank lines between paragraphs.
 * @param root - an element or document node
 * @example
 * domText(parseHTML('<p>从江县</p><p>台江县<br>威宁县</p>').document) // → '从江县\n\n台江县\n威宁县'
 */
export function domText(root: DomNode): string {
  const parts: string[] = [];
  walk(root, parts);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

function walk(node: DomNode, parts: string[]): void {
  if (node.nodeType === 3) {
    parts.push((node.textContent ?? '').replace(/[\r\n]+/gu, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIP.has(name)) return;
  if (name === 'BR') {
    parts.push('\n');
    return;
  }
  const block = BLOCK.has(name);
  if (block) parts.push('\n\n');
  if (name === 'TD' || name === 'TH') parts.push(' ');
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) walk(children[i]!, parts);
  if (block) parts.push('\n\n');
}
