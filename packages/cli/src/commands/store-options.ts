/**
 * Store options
 *
 * Every command that touches the graph (ingest, query, ask, cypher, export, serve) takes the same three
 * options and opens its store the same way: `--data DIR` (or FUPIN_DATA; default ./.fupin) for the
 * embedded store, `--store embedded|neo4j`, `--neo4j URI` (or NEO4J_URI; giving it implies the Neo4j
 * store). Options are checked with zod, so a typo is one clear line, not a stack trace. The small
 * output helpers (JSON, aligned tables) live here too so every command prints alike.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOrThrow } from '@fupin/graph-schema';
import { EmbeddedStore, Neo4jStore, type GraphStore } from '@fupin/store';

/** The options as commander hands them over. */
export interface StoreCliOptions {
  data?: string;
  store?: string;
  neo4j?: string;
}

/** Validated store options. */
export const StoreOptionsSchema = z.object({
  data: z.string().min(1).optional(),
  store: z.enum(['embedded', 'neo4j']).optional(),
  neo4j: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a bolt:// or neo4j:// URI')
    .optional(),
});

/**
 * Adds `--data`, `--store` and `--neo4j` to a command.
 * @param command - a commander command
 * @example addStoreOptions(program.command('query')) // fupin query --store neo4j --neo4j bolt://127.0.0.1:7687 …
 */
export function addStoreOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'embedded store directory (default: $FUPIN_DATA or ./.fupin)')
    .option('--store <kind>', 'embedded | neo4j (default: embedded, or neo4j when --neo4j is given)')
    .option(
      '--neo4j <uri>',
      'Neo4j URI, e.g. bolt://127.0.0.1:7687 (default: $NEO4J_URI); user/password from NEO4J_USER/NEO4J_PASSWORD',
    );
}

/**
 * Opens (and initialises) the store the options select.
 * @param options - `{ data, store, neo4j }` from commander
 * @throws SchemaError for a bad option; StoreError when Neo4j is unreachable or refuses the login
 * @example const store = await openStore({ store: 'neo4j' }); await store.search('從江');
 */
export async function openStore(options: StoreCliOptions = {}): Promise<GraphStore> {
  const valid = parseOrThrow(StoreOptionsSchema, pickStoreOptions(options), 'cli.openStore');
  const kind = valid.store ?? (valid.neo4j ? 'neo4j' : 'embedded');
  const store: GraphStore =
    kind === 'neo4j'
      ? new Neo4jStore(valid.neo4j ? { uri: valid.neo4j } : {})
      : new EmbeddedStore(valid.data ? { dataDir: valid.data } : {});
  try {
    await store.init();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

function pickStoreOptions(options: StoreCliOptions): StoreCliOptions {
  const picked: StoreCliOptions = {};
  if (options.data !== undefined) picked.data = options.data;
  if (options.store !== undefined) picked.store = options.store;
  if (options.neo4j !== undefined) picked.neo4j = options.neo4j;
  return picked;
}

/**
 * Opens the store, runs `work`, and always closes it (the Neo4j driver keeps sockets open otherwise).
 * @example await withStore(opts, (store) => store.stats())
 */
export async function withStore<T>(options: StoreCliOptions, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Writes a line to stdout. */
export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Writes a value as indented JSON. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Display width of a string: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char) || code > 0x1f000 ? 2 : 1;
  }
  return width;
}

/**
 * Shortens text to a display width, ending in … when cut.
 * @example truncate('吴江区投入帮扶资金3500万元', 10) // '吴江区投…'
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * Formats rows as an aligned text table with a header line.
 * @param columns - header names
 * @param rows - cell texts
 * @example formatTable(['名称', '类型'], [['从江县', 'County']])
 */
export function formatTable(columns: string[], rows: string[][]): string {
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column), ...rows.map((row) => displayWidth(row[index] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => cell + ' '.repeat(Math.max(0, (widths[index] ?? 0) - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
