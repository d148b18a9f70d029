/**
 * Questions in Chinese
 *
 * `fupin ask "吴江区帮扶了哪些地区？"` maps a question onto the query API through the templates in
 * ask-templates.ts: the question is converted to simplified script, stripped of courtesy words and
 * punctuation, matched against each form, and the names in its slots are resolved through `search`
 * (so traditional and short forms work: 從江 → 从江县). A question no template fits is refused with the
 * list of supported forms rather than answered by a guess.
 */
import { toSimplified } from '@fupin/text';
import { QueryError, type EntityType } from '@fupin/graph-schema';
import type { EntitySummary, GraphStore } from '../graph-store.js';
import { ASK_TEMPLATES, type AskAnswer } from './ask-templates.js';

/** What `ask` returns: which template matched, the typed answer, a one-line Chinese summary. */
export interface AskResult {
  template: string;
  answer: AskAnswer;
  text: string;
  /** The entities the question's names resolved to, in slot order. */
  resolved: EntitySummary[];
}

/**
 * The supported question forms, for help texts and the unsupported-question message.
 * @example supportedQuestionForms()[0] // 'X和Y有什么联系'
 */
export function supportedQuestionForms(): string[] {
  return ASK_TEMPLATES.map((template) => template.form);
}

/**
 * Normalises a question: simplified script, no courtesy prefix, no spaces or end punctuation.
 * @example normaliseQuestion('請問從江縣幫扶了哪些地區？') // '从江县帮扶了哪些地区'
 */
export function normaliseQuestion(question: string): string {
  return toSimplified(question)
    .replace(/\s+/gu, '')
    .replace(/^(?:请问|请告诉我|我想知道|想问一下|问一下)[，,：:]?/u, '')
    .replace(/[？?。.!！~～…]+$/u, '')
    .replace(/呢$|呀$|啊$/u, '');
}

/** Trims generic words around a name slot (的, quotes, brackets). */
function cleanSlot(name: string): string {
  return name.replace(/^[“”"'「」《》【】（）()\s]+|[“”"'「」《》【】（）()\s]+$/gu, '').replace(/的$/u, '');
}

/**
 * Resolves a name to the best-matching stored entity (exact, then prefix, then contains).
 * @param store - any GraphStore
 * @param name - a name as written in the question, e.g. `從江` or `从江`
 * @param types - preferred types; other types are tried when none of these match
 * @throws QueryError QUERY_NOT_FOUND when nothing matches
 * @example await resolveName(store, '從江') // { name: '从江县', type: 'County', … }
 */
export async function resolveName(
  store: GraphStore,
  name: string,
  types?: readonly EntityType[],
): Promise<EntitySummary> {
  const cleaned = cleanSlot(name);
  if (cleaned) {
    const preferred = types ? await store.search(cleaned, { types: [...types], limit: 1 }) : [];
    const hit = preferred[0] ?? (await store.search(cleaned, { limit: 1 }))[0];
    if (hit) return hit;
  }
  throw new QueryError(
    'QUERY_NOT_FOUND',
    `store.ask: no entity named 「${cleaned || name}」 in the graph; expected a name or alias that search finds`,
  );
}

/**
 * Answers a Chinese question from the graph.
 * @param store - any GraphStore
 * @param question - e.g. `谁帮扶了從江縣？`
 * @throws QueryError QUERY_UNSUPPORTED (message lists the supported forms), QUERY_NOT_FOUND for unknown names
 * @example
 * const result = await ask(store, '吴江区帮扶了哪些地区？');
 * result.template // 'assists'
 * result.text // '吴江区帮扶的地区：从江县'
 */
export async function ask(store: GraphStore, question: string): Promise<AskResult> {
  const normalised = normaliseQuestion(question);
  for (const template of ASK_TEMPLATES) {
    const match = template.pattern.exec(normalised);
    if (!match?.groups) continue;
    const slots = Object.fromEntries(
      Object.entries(match.groups).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const result = await template.answer(store, slots, (name, types) => resolveName(store, name, types));
    return { template: template.id, ...result };
  }
  throw new QueryError(
    'QUERY_UNSUPPORTED',
    `store.ask: cannot map 「${question.trim()}」 to a query; expected one of: ${supportedQuestionForms().join('；')}`,
  );
}
