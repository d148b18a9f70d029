/**
 * Tests for decode: every encoding is generated here with iconv-lite from sentences written for the tests.
 */
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '@fupin/graph-schema';
import { decodeBytes, readTextFile } from './decode.js';

const SAMPLE =
  '2019年，苏州市吴江区与从江县签订东西部扶贫协作协议，帮助从江县发展香猪养殖产业，带动贫困户增收。\n' +
  '台江县贫困发生率由2014年的35.6%下降到2019年底的1.2%，全县脱贫攻坚取得决定性胜利。\n';
const TRADITIONAL = '二〇二〇年，寧波市對口幫扶從江縣，協作資金用於產業發展與貧困戶就業。\n';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof InputError ? error.code : 'not an InputError';
  }
  return undefined;
}

describe('decodeBytes', () => {
  it('should decode UTF-8 without BOM', () => {
    const d = decodeBytes(new TextEncoder().encode(SAMPLE), 'a.txt');
    expect(d).toEqual({ text: SAMPLE, encoding: 'UTF-8' });
  });

  it('should strip a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text: SAMPLE, encoding: 'UTF-8' });
  });

  it('should decode UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]);
    expect(decodeBytes(new Uint8Array(le), 'le.txt')).toEqual({ text: SAMPLE, encoding: 'UTF-16LE' });
    expect(decodeBytes(new Uint8Array(be), 'be.txt')).toEqual({ text: SAMPLE, encoding: 'UTF-16BE' });
  });

  it('should detect GBK and GB18030', () => {
    for (const enc of ['gbk', 'gb18030']) {
      const d = decodeBytes(new Uint8Array(iconv.encode(SAMPLE, enc)), `${enc}.txt`);
      expect(d.text).toBe(SAMPLE);
      expect(d.encoding).toBe('GB18030');
    }
  });

  it('should detect Big5 for traditional text', () => {
    const text = TRADITIONAL.repeat(3);
    const d = decodeBytes(new Uint8Array(iconv.encode(text, 'big5')), 'big5.txt');
    expect(d.text).toBe(text);
    expect(d.encoding).toBe('Big5');
  });

  it('should keep UTF-8 with one broken sequence as UTF-8 rather than guess another encoding', () => {
    const text = SAMPLE.repeat(20);
    const bytes = new TextEncoder().encode(text);
    const cut = bytes.subarray(0, bytes.length - 2); // ends in the middle of a character
    const d = decodeBytes(cut, 'cut.txt');
    expect(d.encoding).toBe('UTF-8');
    expect(d.text.startsWith(SAMPLE)).toBe(true);
  });

  it('should refuse binary bytes with INPUT_BINARY', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => decodeBytes(png, 'x.png'))).toBe('INPUT_BINARY');
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(codeOf(() => decodeBytes(controls, 'c.bin'))).toBe('INPUT_BINARY');
  });

  it('should refuse empty and whitespace-only input with INPUT_EMPTY', () => {
    expect(codeOf(() => decodeBytes(new Uint8Array(), 'e.txt'))).toBe('INPUT_EMPTY');
    expect(codeOf(() => decodeBytes(new TextEncoder().encode(' \n\u3000\r\n'), 'w.txt'))).toBe('INPUT_EMPTY');
    expect(codeOf(() => decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]), 'bom.txt'))).toBe('INPUT_EMPTY');
  });

  it('should refuse a UTF-8 BOM followed by invalid bytes with INPUT_ENCODING', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode(SAMPLE, 'gbk')]);
    expect(codeOf(() => decodeBytes(bytes, 'bad.txt'))).toBe('INPUT_ENCODING');
  });

  it('should name the file in the error', () => {
    try {
      decodeBytes(new Uint8Array([0x41, 0, 0x42]), 'reports/a.txt');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).file).toBe('reports/a.txt');
    }
  });
});

describe('readTextFile', () => {
  it('should read, decode and hash a GBK file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-text-'));
    const path = join(dir, '从江县.txt');
    await writeFile(path, iconv.encode(SAMPLE, 'gbk'));
    const r = await readTextFile(path);
    expect(r.text).toBe(SAMPLE);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.bytes.length).toBeGreaterThan(0);
  });

  it('should refuse missing files and directories with INPUT_UNREADABLE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-text-'));
    await mkdir(join(dir, 'sub'));
    await expect(readTextFile(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
    await expect(readTextFile(join(dir, 'sub'))).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
  });

  it('should refuse files over maxBytes with INPUT_TOO_LARGE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fupin-text-'));
    const path = join(dir, 'big.txt');
    await writeFile(path, SAMPLE);
    await expect(readTextFile(path, { maxBytes: 10 })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
    await expect(readTextFile(path, { maxBytes: 1_000_000 })).resolves.toMatchObject({ encoding: 'UTF-8' });
  });
});
