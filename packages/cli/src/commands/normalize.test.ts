/**
 * Tests for `fupin normalize`, driving a real commander program with captured output.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerNormalize } from './normalize.js';

function capture(): { out: string[]; err: string[]; io: Parameters<typeof registerNormalize>[1] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
  };
}

describe('registerNormalize', () => {
  afterEach(() => {
    process.exitCode = 0;
  });

  it('should print normalised text of each file and report a bad file without stopping', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-cli-'));
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    const c = join(dir, 'c.txt');
    await writeFile(a, '寧波市幫扶從江縣，\n修建道路十公里。');
    await writeFile(b, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    await writeFile(c, '台江县２０２０年 脱 贫。');
    const { out, err, io } = capture();
    const program = new Command('fupin').exitOverride();
    registerNormalize(program, io);
    await program.parseAsync(['node', 'fupin', 'normalize', a, b, join(dir, 'missing.txt'), join(dir, 'x.doc'), c]);
    expect(out).toEqual(['宁波市帮扶从江县，修建道路十公里。\n', '台江县2020年脱贫。\n']);
    expect(err).toHaveLength(3);
    expect(err[0]).toMatch(/^normalize: .*b\.txt: INPUT_BINARY/u);
    expect(err[1]).toMatch(/^normalize: .*missing\.txt: INPUT_UNREADABLE/u);
    expect(err[2]).toMatch(/^normalize: .*x\.doc: INPUT_UNSUPPORTED/u);
    expect(process.exitCode).toBe(1);
  });

  it('should leave the exit code alone when every file works', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-cli-'));
    const a = join(dir, 'a.txt');
    await writeFile(a, '青岛市援建威宁县学校。');
    const { out, io } = capture();
    process.exitCode = 0;
    const program = new Command('fupin').exitOverride();
    registerNormalize(program, io);
    await program.parseAsync(['node', 'fupin', 'normalize', a]);
    expect(out).toEqual(['青岛市援建威宁县学校。\n']);
    expect(process.exitCode).toBe(0);
  });
});
