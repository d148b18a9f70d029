/**
 * Sample graph for CLI tests
 *
 * A small graph written for the CLI tests (not from any real report): 吴江区 assisting 从江县, a township
 * and a village under it, a company and a program. `sampleDataDir()` stores it in a fresh embedded data
 * directory; `runCli()` runs commands in-process and captures what they print.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { vi } from 'vitest';
import {
  documentId,
  entityId,
  relationId,
  sha256Hex,
  type Entity,
  type GraphBatch,
  type RelationType,
} from '@fupin/graph-schema';
import { EmbeddedStore } from '@fupin/store';

const TEXT = '吴江区对口帮扶从江县。从江县丙妹镇岜沙村实施春风行动。苏新农业发展有限公司在从江县投资。';

const region = (
  type: Entity['type'],
  name: string,
  code: string,
  parentCode?: string,
  aliases: string[] = [],
): Entity => ({
  id: entityId(type, name, code),
  type,
  name,
  aliases,
  code,
  ...(parentCode ? { parentCode } : {}),
});

export const S = {
  从江县: region('County', '从江县', '522633000000', undefined, ['從江縣']),
  丙妹镇: region('Township', '丙妹镇', '522633100000', '522633000000'),
  岜沙村: region('Village', '岜沙村', '522633100201', '522633100000'),
  吴江区: region('County', '吴江区', '320509000000'),
  春风行动: { id: entityId('Program', '春风行动'), type: 'Program', name: '春风行动', aliases: [] } as Entity,
  苏新农业: {
    id: entityId('Company', '苏新农业发展有限公司'),
    type: 'Company',
    name: '苏新农业发展有限公司',
    aliases: [],
  } as Entity,
};

/** The sample graph as one batch. */
export function sampleBatch(): GraphBatch {
  const sha256 = sha256Hex(TEXT);
  const doc = { id: documentId(sha256), path: 'sample.txt', sha256, title: '样例', chars: TEXT.length, text: TEXT };
  const rel = (type: RelationType, a: Entity, b: Entity, clause: string, properties: Record<string, number> = {}) => {
    const start = TEXT.indexOf(clause);
    return {
      id: relationId(type, a.id, b.id),
      type,
      source: a.id,
      target: b.id,
      evidence: [{ documentId: doc.id, sentence: clause, start, end: start + clause.length, extractor: 'test' }],
      properties,
    };
  };
  return {
    documents: [doc],
    entities: Object.values(S),
    relations: [
      rel('ASSISTS', S.吴江区, S.从江县, '吴江区对口帮扶从江县', { funds: 1200 }),
      rel('LOCATED_IN', S.岜沙村, S.丙妹镇, '丙妹镇岜沙村'),
      rel('LOCATED_IN', S.丙妹镇, S.从江县, '从江县丙妹镇'),
      rel('IMPLEMENTS', S.岜沙村, S.春风行动, '岜沙村实施春风行动'),
      rel('INVESTS_IN', S.苏新农业, S.从江县, '苏新农业发展有限公司在从江县投资'),
    ],
    mentions: [],
  };
}

/** A fresh embedded data directory holding the sample graph. */
export async function sampleDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fupin-cli-'));
  await new EmbeddedStore({ dataDir: dir }).write(sampleBatch());
  return dir;
}

/**
 * Runs `fupin <args>` in-process with the given registrations and returns what it printed.
 * @example await runCli([registerQuery], ['query', 'stats', '--data', dir])
 */
export async function runCli(registrations: ((program: Command) => void)[], args: string[]): Promise<string> {
  const program = new Command('fupin').exitOverride();
  for (const register of registrations) register(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}
