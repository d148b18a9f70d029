/**
 * Graph file under SIGKILL
 *
 * The embedded store's promise: a process killed at any moment while saving never leaves a corrupt or
 * partial graph file; the next start loads the last state that was completely saved. A child process
 * (the built store, packages/store/dist) saves a large, growing graph in a loop as an EmbeddedStore
 * does; it is killed with SIGKILL at random moments, and after every kill the file must load and be
 * one of the states the child wrote in full (generation k holds k documents and k × 400 entities).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraphFile } from './graph-file.js';

const DIST = resolve(fileURLToPath(new URL('../../dist/embedded/graph-file.js', import.meta.url)));
const PER_GENERATION = 400;

// The child: generation g = g documents, each with PER_GENERATION counties named after it (~60 KB each),
// saved again and again; it prints the generation after each completed save.
const CHILD = `
import { saveGraphFile } from ${JSON.stringify(DIST)};
const [path, startAt] = process.argv.slice(2);
const hex = (n) => n.toString(16).padStart(64, '0');
const documents = [], entities = [];
for (let g = 1; ; g++) {
  documents.push({ id: 'doc:' + g, path: '台江县/' + g + '.txt', sha256: hex(g), chars: 10 });
  for (let i = 0; i < ${PER_GENERATION}; i++) {
    entities.push({ id: 'Program:' + g + '-' + i, type: 'Program', name: '台江县帮扶项目' + g + '之' + i, aliases: ['臺江縣項目' + i] });
  }
  if (g >= Number(startAt)) {
    await saveGraphFile(path, { documents, entities, relations: [], mentions: [] });
    process.stdout.write(g + '\\n');
  }
}
`;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fupin-sigkill-'));
  writeFileSync(join(work, 'child.mjs'), CHILD);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Starts the saver, kills it after `ms`, resolves with the last generation it reported saved. */
function saveThenKill(path: string, startAt: number, ms: number): Promise<number> {
  return new Promise((resolveDone, reject) => {
    const child = spawn(process.execPath, [join(work, 'child.mjs'), path, String(startAt)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`saver exited on its own (${code}): ${err}`));
      const saved = out.trim().split('\n').filter(Boolean).map(Number);
      resolveDone(saved.at(-1) ?? 0);
    });
  });
}

describe('saveGraphFile under SIGKILL', () => {
  it('should always leave a complete graph from a finished save', async () => {
    const path = join(work, 'data', 'graph.json');
    let atLeast = 0;
    for (let round = 0; round < 8; round++) {
      // Kill somewhere between 0.3 and 1.5 s in: before, during or between saves of a multi-MB file.
      const startAt = Math.max(1, atLeast);
      const saved = await saveThenKill(path, startAt, 300 + Math.floor(Math.random() * 1200));
      if (!existsSync(path)) {
        expect(saved).toBe(0);
        continue;
      }
      const graph = await loadGraphFile(path); // throws STORE_CORRUPT on a torn file
      const generation = graph!.documents.length;
      expect(graph!.entities).toHaveLength(generation * PER_GENERATION);
      expect(graph!.documents.map((d) => d.id)).toEqual(Array.from({ length: generation }, (_, i) => `doc:${i + 1}`));
      // The file is the last save that finished, or the one that finished just as the kill came.
      expect(generation).toBeGreaterThanOrEqual(Math.max(saved, atLeast));
      expect(generation).toBeLessThanOrEqual(Math.max(saved + 1, startAt));
      atLeast = generation;
    }
    expect(atLeast).toBeGreaterThan(0);
    // Killed saves may leave their temporary file beside the graph, never in its place.
    const names = readdirSync(join(work, 'data')).filter((n) => n !== 'graph.json');
    for (const name of names) expect(name).toMatch(/^\.graph\.json\.\d+\.[0-9a-f]+\.tmp$/);
  }, 120_000);
});
