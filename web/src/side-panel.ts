/**
 * Side panel
 *
 * Everything known about the selected entity: type, division code, parent chain, and its relations
 * grouped by type, each with its evidence sentences and a link to the source document. Actions:
 * expand the neighbourhood, and set the ends of a shortest path.
 */
import type { Evidence, RelationType } from '@fupin/graph-schema';
import type { DocumentSummary, EntityDetail, RelationView } from './api.js';
import { el } from './dom.js';
import { relationLabel, t, typeLabel } from './i18n.js';
import { RELATION_COLORS, TYPE_COLORS } from './vocabulary.js';

/** What the panel's buttons and links do. */
export interface PanelActions {
  select(id: string): void;
  openDocument(documentId: string, evidence?: Evidence): void;
  expand(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

function docName(docs: Map<string, DocumentSummary>, id: string): string {
  const d = docs.get(id);
  return d?.title ?? d?.path.split(/[\\/]/).pop() ?? id;
}

function relationItem(
  r: RelationView,
  selfId: string,
  docs: Map<string, DocumentSummary>,
  actions: PanelActions,
): HTMLElement {
  const outgoing = r.source.id === selfId;
  const other = outgoing ? r.target : r.source;
  const props = Object.entries(r.properties)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const head = el('div', { className: 'rel-head' }, [
    el('span', { className: 'dir', text: outgoing ? '→' : '←' }),
    el('a', {
      className: 'entity-link',
      text: other.name,
      testid: 'relation-target',
      attrs: { href: '#', 'data-id': other.id },
      onClick: (ev) => {
        ev.preventDefault();
        actions.select(other.id);
      },
    }),
    el('span', { className: 'meta', text: typeLabel(other.type) }),
    props ? el('span', { className: 'props', text: props }) : null,
  ]);
  const evidence = r.evidence.length
    ? r.evidence.map((e) =>
        el('blockquote', { className: 'evidence', testid: 'evidence-sentence' }, [
          el('span', { text: e.sentence }),
          el('a', {
            className: 'doc-link',
            text: `《${docName(docs, e.documentId)}》`,
            testid: 'evidence-document',
            attrs: { href: '#', 'data-document': e.documentId },
            onClick: (ev) => {
              ev.preventDefault();
              actions.openDocument(e.documentId, e);
            },
          }),
        ]),
      )
    : [el('div', { className: 'meta', text: t('noEvidence') })];
  return el('li', { className: 'relation', testid: 'relation', attrs: { 'data-type': r.type } }, [head, ...evidence]);
}

/**
 * Renders an entity's details into the panel.
 * @param host - the panel element (its content is replaced)
 * @param detail - `/api/entity/:id`
 * @param actions - callbacks for links and buttons
 * @example renderPanel(panel, await api.entity('region:522633000000'), actions) // 从江县 · 县级 · 522633000000
 */
export function renderPanel(host: HTMLElement, detail: EntityDetail, actions: PanelActions): void {
  const { entity } = detail;
  const docs = new Map(detail.documents.map((d) => [d.id, d]));
  const swatch = el('span', { className: 'swatch' });
  swatch.style.background = TYPE_COLORS[entity.type];

  const facts = el('dl', { className: 'facts' }, [
    el('dt', { text: t('type') }),
    el('dd', { text: typeLabel(entity.type), testid: 'panel-type' }),
    ...(entity.code ? [el('dt', { text: t('code') }), el('dd', { text: entity.code, testid: 'panel-code' })] : []),
    ...(detail.parentChain.length
      ? [
          el('dt', { text: t('parentChain') }),
          el('dd', { testid: 'panel-parents' }, [
            ...[...detail.parentChain].reverse().flatMap((p, i) => [
              i ? ' › ' : '',
              el('a', {
                text: p.name,
                className: 'entity-link',
                attrs: { href: '#' },
                onClick: (ev) => {
                  ev.preventDefault();
                  actions.select(p.id);
                },
              }),
            ]),
          ]),
        ]
      : []),
    ...(entity.aliases.length ? [el('dt', { text: t('aliases') }), el('dd', { text: entity.aliases.join('、') })] : []),
  ]);

  const buttons = el('div', { className: 'panel-actions' }, [
    el('button', { text: t('expand'), testid: 'expand', onClick: () => actions.expand(entity.id) }),
    el('button', { text: t('pathFrom'), testid: 'path-from', onClick: () => actions.pathFrom(entity.id) }),
    el('button', { text: t('pathTo'), testid: 'path-to', onClick: () => actions.pathTo(entity.id) }),
  ]);

  const groups = new Map<RelationType, RelationView[]>();
  for (const r of detail.relations) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
  const relationSections = [...groups].map(([type, rels]) => {
    const dot = el('span', { className: 'swatch' });
    dot.style.background = RELATION_COLORS[type];
    return el('section', { className: 'rel-group', testid: `relations-${type}` }, [
      el('h4', {}, [dot, `${relationLabel(type)} (${rels.length})`]),
      el(
        'ul',
        {},
        rels.map((r) => relationItem(r, entity.id, docs, actions)),
      ),
    ]);
  });

  const docList = el(
    'ul',
    { className: 'doc-list' },
    detail.documents.map((d) =>
      el('li', {}, [
        el('a', {
          text: docName(docs, d.id),
          testid: 'panel-document',
          attrs: { href: '#' },
          onClick: (ev) => {
            ev.preventDefault();
            actions.openDocument(d.id);
          },
        }),
        d.date ? el('span', { className: 'meta', text: ` ${d.date}` }) : null,
      ]),
    ),
  );

  host.replaceChildren(
    el('h2', { testid: 'panel-name' }, [swatch, entity.name]),
    facts,
    buttons,
    el('h3', { text: `${t('relations')} (${detail.relations.length})` }),
    ...relationSections,
    ...(detail.documents.length ? [el('h3', { text: t('documents') }), docList] : []),
  );
}
