#!/usr/bin/env node
/**
 * fupin — command-line entry
 *
 * Wires the subcommands (each in its own file under commands/) into one commander program and turns
 * any error into a single line on stderr with a non-zero exit status: users see what went wrong and
 * where, never a stack trace (set FUPIN_DEBUG=1 to get one).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAsk } from './commands/ask.js';
import { registerCypher } from './commands/cypher.js';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerLoad } from './commands/load.js';
import { registerNormalize } from './commands/normalize.js';
import { registerQuery } from './commands/query.js';
import { registerServe } from './commands/serve.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('fupin')
  .description('fupin-kg: knowledge graph of poverty-alleviation reports (扶贫报道知识图谱)')
  .version(pkg.version)
  .showHelpAfterError();

registerNormalize(program);
registerExtract(program);
registerIngest(program);
registerLoad(program);
registerQuery(program);
registerAsk(program);
registerCypher(program);
registerExport(program);
registerServe(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`fupin: ${message}\n`);
  if (process.env.FUPIN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = process.exitCode || 2;
});
