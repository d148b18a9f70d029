/**
 * fupin export
 *
 * Writes the whole graph for other tools: `fupin export --format gexf --out out/` (Gephi), `graphml`
 * (yEd, Cytoscape, networkx), `json` (a GraphBatch, re-ingestible), `csv` (`neo4j-admin database
 * import`). Prints the files written; for CSV also the import command to run.
 */
import type { Command } from 'commander';
import { parseOrThrow } from '@fupin/graph-schema';
import { EXPORT_FORMATS, ExportFormatSchema, exportGraph, neo4jImportCommand } from '@fupin/store';
import { addStoreOptions, printLine, withStore, type StoreCliOptions } from './store-options.js';

/**
 * Registers `fupin export --format graphml|gexf|json|csv --out DIR`.
 * @param program - the root command
 * @example fupin export --format gexf --out exports/
 */
export function registerExport(program: Command): void {
  addStoreOptions(program.command('export').description('export the graph (导出图谱)'))
    .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
    .requiredOption('--out <dir>', 'output directory (created if missing)')
    .action(async (options: StoreCliOptions & { format: string; out: string }) => {
      const format = parseOrThrow(ExportFormatSchema, options.format, 'cli.export --format');
      const files = await withStore(options, (store) => exportGraph(store, format, options.out));
      for (const file of files) printLine(file);
      if (format === 'csv') printLine(`\nimport into a stopped Neo4j with:\n  ${neo4jImportCommand(options.out)}`);
    });
}
