/**
 * Search box
 *
 * Suggestions while typing, from `/api/search` (names and aliases; the server matches simplified
 * and traditional input alike: 從江 finds 从江县). Arrow keys move, Enter picks, Esc closes.
 */
import { api, type EntitySummary } from './api.js';
import { el } from './dom.js';
import { t, typeLabel } from './i18n.js';
import { TYPE_COLORS } from './vocabulary.js';

/**
 * Wires a search input to its suggestion list.
 * @param input - the text box
 * @param list - the element that holds the suggestions
 * @param onPick - called with the chosen entity
 * @example attachSearch(input, list, (e) => select(e.id)) // typing 台江 suggests 台江县
 */
export function attachSearch(
  input: HTMLInputElement,
  list: HTMLElement,
  onPick: (entity: EntitySummary) => void,
): void {
  let results: EntitySummary[] = [];
  let active = 0;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = (): void => {
    list.replaceChildren();
    list.hidden = true;
    results = [];
  };
  const pick = (e: EntitySummary | undefined): void => {
    if (!e) return;
    close();
    input.value = e.name;
    input.blur();
    onPick(e);
  };
  const render = (): void => {
    list.replaceChildren(
      ...(results.length
        ? results.map((r, i) =>
            el(
              'li',
              {
                className: i === active ? 'active' : '',
                testid: 'search-suggestion',
                attrs: { role: 'option', 'data-id': r.id },
                onClick: () => pick(r),
              },
              [
                el('span', { className: 'swatch' }),
                el('span', { className: 'name', text: r.name }),
                el('span', { className: 'meta', text: `${typeLabel(r.type)}${r.parent ? ` · ${r.parent}` : ''}` }),
              ],
            ),
          )
        : [el('li', { className: 'empty', text: t('noResults') })]),
    );
    // Swatch colour through the CSSOM (allowed by the CSP, unlike inline style attributes in markup).
    list.querySelectorAll<HTMLElement>('li .swatch').forEach((s, i) => {
      const r = results[i];
      if (r) s.style.background = TYPE_COLORS[r.type];
    });
    list.hidden = false;
  };

  input.addEventListener('input', () => {
    const q = input.value.trim();
    if (timer) clearTimeout(timer);
    if (!q) return close();
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const found = await api.search(q, 12);
        if (mine !== seq) return; // a newer keystroke already asked
        results = found;
        active = 0;
        render();
      } catch {
        close();
      }
    }, 120);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!results.length) return;
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      pick(results[active]);
    } else if (ev.key === 'Escape') {
      close();
      input.blur();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
