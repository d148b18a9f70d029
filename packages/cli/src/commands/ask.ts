/**
 * fupin ask
 *
 * Answers a question in Chinese (`fupin ask "谁帮扶了從江縣？"`) through the templates of @fupin/store:
 * prints the one-line answer and the relations or entities behind it, or with `--json` the template,
 * the resolved entities and the typed answer. An unsupported question prints the forms that work.
 */
import type { Command } from 'commander';
import { ask, type AskResult, type EntitySummary, type RelationView } from '@fupin/store';
import { formatEntities, formatRelations, formatSubgraph } from './query.js';
import { addStoreOptions, printJson, printLine, withStore, type StoreCliOptions } from './store-options.js';

/** The details under the one-line answer, by answer shape. */
export function formatAnswer(result: AskResult): string {
  const { answer } = result;
  if (answer === null) return '';
  if (!Array.isArray(answer)) return formatSubgraph(answer);
  if (answer.length === 0) return '';
  return 'evidence' in (answer[0] as object)
    ? formatRelations(answer as RelationView[])
    : formatEntities(answer as EntitySummary[]);
}

/**
 * Registers `fupin ask "<问题>" [--json]`.
 * @param program - the root command
 * @example fupin ask "吴江区帮扶了哪些地区？"
 */
export function registerAsk(program: Command): void {
  addStoreOptions(
    program
      .command('ask')
      .description('answer a question in Chinese, e.g. "谁帮扶了从江县？" (中文问答)')
      .argument('<question>', 'the question'),
  )
    .option('--json', 'print JSON')
    .action(async (question: string, options: StoreCliOptions & { json?: boolean }) => {
      const result = await withStore(options, (store) => ask(store, question));
      if (options.json) {
        printJson(result);
        return;
      }
      printLine(result.text);
      const details = formatAnswer(result);
      if (details) printLine(`\n${details}`);
    });
}
