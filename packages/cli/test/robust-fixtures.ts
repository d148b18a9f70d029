/**
 * Fixtures for the robustness tests
 *
 * Shared by the CLI's `*.robust.test.ts` files: varied report paragraphs written for the tests (counties
 * and partner cities that no seed report names), a runner for the built CLI that never throws on a
 * non-zero exit, and the offset check every extraction must pass (evidence and mentions quote the
 * original text at their offsets).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { GraphBatch } from '@fupin/graph-schema';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const BIN = join(ROOT, 'packages/cli/dist/bin.js');

export const COUNTIES = ['从江县', '台江县', '榕江县', '雷山县', '剑河县', '望谟县', '册亨县', '威宁县'];
export const CITIES = ['苏州市', '杭州市', '宁波市', '大连市', '青岛市', '深圳市'];
const GOODS = ['茶叶', '香猪', '蓝莓', '食用菌', '刺梨', '百香果'];

/** A varied paragraph of simplified Chinese (written for these tests). */
export function paragraph(i: number): string {
  const county = COUNTIES[i % COUNTIES.length]!;
  const city = CITIES[(i * 7) % CITIES.length]!;
  const good = GOODS[(i * 3) % GOODS.length]!;
  const n = 100 + ((i * 37) % 900);
  return (
    `${city}与${county}开展东西部扶贫协作，投入帮扶资金${n}万元，建设${good}基地${(i % 9) + 1}个，` +
    `带动${n * 3}户脱贫。${county}组织${(i % 50) + 10}名劳动力赴${city}就业。`
  );
}

/** Paragraphs joined by blank lines. */
export function report(from: number, count: number, newline = '\n'): string {
  return Array.from({ length: count }, (_, k) => paragraph(from + k)).join(newline + newline) + newline;
}

// Traditional-script text: Big5 cannot encode simplified characters.
export const TRADITIONAL =
  '臺江縣與杭州市簽訂東西部扶貧協作協議，杭州市投入幫扶資金三千萬元，建設茶葉基地五個。\n\n' +
  '從江縣組織勞動力赴寧波市就業，寧波市企業在從江縣投資建廠，帶動當地群眾增收。\n\n' +
  '榕江縣與深圳市共建產業園，引進企業十二家，吸納脫貧人口就業八百人。\n';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; never throws on a non-zero exit. */
export function fupin(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every evidence sentence and mention surface must be the original text at its offsets. */
export function expectOffsetsInto(batch: GraphBatch, text: string): void {
  for (const relation of batch.relations) {
    for (const e of relation.evidence) {
      expect(e.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(e.start, e.end)).toBe(e.sentence);
    }
  }
  for (const m of batch.mentions) {
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.surface);
  }
}
