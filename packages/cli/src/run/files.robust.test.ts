/**
 * Messy input files through the real CLI
 *
 * Archives arrive in every legacy encoding, with Windows line ends, broken, empty, unreadable, looping
 * and huge files. These tests write such files (all text generated here, about counties and partner
 * cities that no seed report names) into a directory whose path holds Chinese characters and spaces,
 * run the built `fupin extract` on it exactly as a user would, and hold it to the contract: every good
 * file is decoded and extracted with evidence that quotes the original text at its offsets, every bad
 * file is reported on one line naming it and the reason, the batch goes on, and the exit status is
 * non-zero only when some file failed. `pnpm test` builds first; alone, run `npx tsc -b packages/cli`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBatchSchema, type GraphBatch } from '@fupin/graph-schema';
import {
  CITIES,
  COUNTIES,
  TRADITIONAL,
  expectOffsetsInto,
  fupin,
  paragraph,
  report,
  type Run,
} from '../../test/robust-fixtures.js';

const IS_ROOT = process.getuid?.() === 0;

let work: string;
let archive: string;
let run: Run;
let batches: Map<string, GraphBatch>;
const originals = new Map<string, string>();

const bom = (bytes: number[], body: Buffer): Buffer => Buffer.concat([Buffer.from(bytes), body]);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fupin-robust-files-'));
  archive = join(work, '扶贫 档案 2020');
  mkdirSync(archive);
  const put = (name: string, bytes: Buffer | string, text?: string): void => {
    writeFileSync(join(archive, name), bytes);
    if (text !== undefined) originals.set(name, text);
  };
  const plain = report(0, 12);
  put('gbk.txt', iconv.encode(report(1, 12), 'gbk'), report(1, 12));
  // 𫖮 (U+2B5AE) and 㐀 exist in GB18030 only (four-byte sequences), not in GBK.
  const gb18030 = `${report(2, 12)}黔东南州台江县𫖮㐀村与苏州市结对。\n`;
  put('gb18030.txt', iconv.encode(gb18030, 'gb18030'), gb18030);
  put('big5.txt', iconv.encode(TRADITIONAL, 'big5'), TRADITIONAL);
  put('utf16le.txt', bom([0xff, 0xfe], iconv.encode(report(3, 8), 'utf16le')), report(3, 8));
  put('utf16be.txt', bom([0xfe, 0xff], iconv.encode(report(4, 8), 'utf16be')), report(4, 8));
  put('utf8-bom.txt', bom([0xef, 0xbb, 0xbf], Buffer.from(plain)), plain);
  put('crlf.txt', report(5, 10, '\r\n'), report(5, 10, '\r\n'));
  const mixed = `${TRADITIONAL}${report(6, 4)}`;
  put('mixed.txt', mixed, mixed);
  const lateNul = `${report(7, 20)}\u0000\u0000${report(40, 3)}`;
  put('late-nul.txt', lateNul, lateNul);
  put('从江 县 报道 二〇二〇.txt', report(8, 6), report(8, 6));
  // Bad files.
  put('early-nul.txt', `${paragraph(9)}\u0000${paragraph(10)}`);
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919 + 13) % 256;
  put('binary.txt', binary);
  put('empty.txt', '');
  put('blank.txt', ' \n\t\r\n\u3000\u3000\n   \n');
  // Unreadable for everyone, root included: /proc/<pid>/mem answers EIO when read at offset 0.
  symlinkSync('/proc/self/mem', join(archive, 'eio.txt'));
  symlinkSync(join(archive, 'no-such-report.txt'), join(archive, 'dangling.txt'));
  symlinkSync('self-loop.txt', join(archive, 'self-loop.txt'));
  put('no-permission.txt', report(11, 2));
  chmodSync(join(archive, 'no-permission.txt'), 0o000);
  // A directory whose child links back to it.
  mkdirSync(join(archive, 'loop'));
  put('loop/inner.txt', report(12, 3), report(12, 3));
  symlinkSync('..', join(archive, 'loop', 'back'));

  run = fupin(['extract', archive, '--jsonl', '--jobs', '2', '--out', join(work, 'out.jsonl')], work);
  batches = new Map();
  const lines = spawnSync('cat', [join(work, 'out.jsonl')], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).stdout;
  for (const line of lines.split('\n')) {
    if (!line.trim()) continue;
    const batch = GraphBatchSchema.parse(JSON.parse(line));
    const path = batch.documents[0]!.path;
    batches.set(path.slice(archive.length + 1), batch);
  }
}, 180_000);

afterAll(() => {
  if (!work) return;
  spawnSync('chmod', ['-R', 'u+rwx', work]);
  rmSync(work, { recursive: true, force: true });
});

const failureLines = (): string[] => run.stderr.split('\n').filter((l) => l.startsWith('  failed: '));

describe('fupin extract on messy files', () => {
  it.each([
    'gbk.txt',
    'gb18030.txt',
    'big5.txt',
    'utf16le.txt',
    'utf16be.txt',
    'utf8-bom.txt',
    'crlf.txt',
    'mixed.txt',
    'late-nul.txt',
    '从江 县 报道 二〇二〇.txt',
    'loop/inner.txt',
  ])('should decode and extract %s with evidence at its original offsets', (name) => {
    const batch = batches.get(name);
    expect(batch, `${name} missing from the output; stderr:\n${run.stderr}`).toBeDefined();
    const original = originals.get(name)!;
    expect(batch!.documents[0]!.text).toBe(original);
    expect(batch!.documents[0]!.chars).toBe(original.length);
    expect(batch!.entities.length).toBeGreaterThan(0);
    expect(batch!.relations.length).toBeGreaterThan(0);
    expectOffsetsInto(batch!, original);
  });

  it('should read traditional text in Big5 as traditional, and resolve it to simplified entities', () => {
    const batch = batches.get('big5.txt')!;
    const names = batch.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['台江县', '杭州市']));
    expect(batch.mentions.map((m) => m.surface)).toContain('臺江縣');
  });

  it.each([
    ['early-nul.txt', 'INPUT_BINARY'],
    ['binary.txt', 'INPUT_BINARY'],
    ['empty.txt', 'INPUT_EMPTY'],
    ['blank.txt', 'INPUT_EMPTY'],
    ['eio.txt', 'INPUT_UNREADABLE'],
    ['dangling.txt', 'INPUT_UNREADABLE'],
    ['self-loop.txt', 'INPUT_UNREADABLE'],
  ])('should report %s on one line with %s and go on', (name, code) => {
    expect(batches.has(name)).toBe(false);
    const lines = failureLines().filter((l) => l.includes(join(archive, name)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`[${code}]`);
  });

  it.skipIf(IS_ROOT)(
    'should report a file without read permission (skipped as root: root reads mode 000 files)',
    () => {
      const lines = failureLines().filter((l) => l.includes('no-permission.txt'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('[INPUT_UNREADABLE]');
    },
  );

  it('should visit a directory reached through a symlink loop once', () => {
    const inner = [...batches.keys()].filter((k) => k.endsWith('inner.txt'));
    expect(inner).toEqual(['loop/inner.txt']);
  });

  it('should exit 1, print no stack trace, and list every failure in the summary', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const summary = run.stderr.split('\n').find((l) => l.startsWith('fupin: '));
    const failed = failureLines().length;
    expect(summary).toMatch(new RegExp(`, ${failed} failed$`));
    expect(failed).toBe(IS_ROOT ? 7 : 8);
    // One reason line per failure before the summary, and nothing else on stderr.
    const reasons = run.stderr.split('\n').filter((l) => l && !l.startsWith('  failed: ') && !l.startsWith('fupin: '));
    expect(reasons).toHaveLength(failed);
  });

  it('should exit 0 when every file is good', () => {
    const good = join(work, '好 文件');
    mkdirSync(good);
    writeFileSync(join(good, '甲.txt'), iconv.encode(report(20, 4), 'gbk'));
    writeFileSync(join(good, '乙.txt'), report(21, 4, '\r\n'));
    const ok = fupin(['extract', good, '--jobs', '1'], work);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('2/2 files processed');
  });
});

describe('fupin extract on a directory of 10 000 small files', () => {
  it('should extract every file, in path order, with --jobs 2', () => {
    const many = join(work, 'many files 万');
    mkdirSync(many);
    for (let i = 0; i < 10_000; i++) {
      const sub = join(many, `d${String(i % 100).padStart(2, '0')}`);
      if (i < 100) mkdirSync(sub);
      writeFileSync(
        join(sub, `报道 ${String(i).padStart(5, '0')}.txt`),
        `${COUNTIES[i % 8]}与${CITIES[i % 6]}开展劳务协作。\n`,
      );
    }
    const result = fupin(['extract', many, '--jobs', '2'], work);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^fupin: 10000\/10000 files processed/);
    const files = lines.slice(0, -1).map((l) => l.slice(0, l.lastIndexOf(': ')));
    expect(files).toHaveLength(10_000);
    expect(files).toEqual([...files].sort());
  }, 300_000);
});
