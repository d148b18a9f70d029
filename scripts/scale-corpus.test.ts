/**
 * Corpus scaler tests
 *
 * The benchmarks and the determinism tests rely on scripts/scale-corpus.mjs giving the same corpus for the
 * same seed, a different one for another seed, and documents about real counties rather than copies of
 * the sources. Built from the project's own examples only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '@fupin/gazetteer';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
let work: string;

function scale(seed: number, out: string): string {
  const dir = join(work, out);
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'scripts/scale-corpus.mjs'),
      '--seed',
      String(seed),
      '--mb',
      '0.1',
      '--out',
      dir,
      '--from',
      join(ROOT, 'examples'),
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return dir;
}

function files(dir: string): Map<string, string> {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return new Map(names.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fupin-scale-'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('scale-corpus', () => {
  it('should write the same files for the same seed and other files for another seed', () => {
    const a = files(scale(5, 'a'));
    const b = files(scale(5, 'b'));
    const c = files(scale(6, 'c'));
    expect([...b.entries()]).toEqual([...a.entries()]);
    expect([...c.values()].join('')).not.toBe([...a.values()].join(''));
  });

  it('should write 2–21 KB reports about real western counties named in their text', () => {
    const dir = scale(7, 'd');
    const g = loadGazetteer();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      files: number;
      westernCounties: number;
    };
    const written = files(dir);
    expect(written.size).toBe(manifest.files);
    expect(manifest.westernCounties).toBeGreaterThan(1);
    for (const [name, body] of written) {
      const county = /^\d{5}-(.+)\.txt$/u.exec(name)?.[1] ?? '';
      expect(g.lookup(county, { levels: ['County'] }).length).toBeGreaterThan(0);
      expect(body).toContain(county);
      const size = statSync(join(dir, name)).size;
      expect(size).toBeGreaterThan(2 * 1024);
      expect(size).toBeLessThan(21 * 1024);
    }
  });
});
