/**
 * Journalled writes under SIGKILL
 *
 * The embedded store's promise for writes between snapshots: a process killed at any moment — in the
 * middle of a journal append, or of a snapshot that folds the journal in — never loses a write it
 * reported done and never leaves a store that does not load. A child process (the built store,
 * packages/store/dist) writes one document with 50 counties at a time through EmbeddedStore, with a
 * small journal limit so snapshots happen often too; it is killed with SIGKILL at random moments, and
 * after every kill the store must load holding writes 1…k for some k no smaller than the last write
 * the child reported.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from './embedded-store.js';

const DIST = resolve(fileURLToPath(new URL('../../dist/embedded/embedded-store.js', import.meta.url)));
const PER_WRITE = 50;

// The child: write g adds document g and PER_WRITE programs named after it; it prints g once written.
const CHILD = `
import { EmbeddedStore } from ${JSON.stringify(DIST)};
const [dataDir, startAt] = process.argv.slice(2);
const store = new EmbeddedStore({ dataDir, journalLimitBytes: 256 * 1024 });
const hex = (n) => n.toString(16).padStart(64, '0');
for (let g = Number(startAt); ; g++) {
  const text = '威宁县与宁波市开展东西部协作，第' + g + '批帮扶项目落地。'.repeat(20);
  const documents = [{ id: 'doc:' + g, path: '威宁县/' + g + '.txt', sha256: hex(g), chars: text.length, text }];
  const entities = [];
  const mentions = [];
  for (let i = 0; i < ${PER_WRITE}; i++) {
    const id = 'Program:' + g + '-' + i;
    entities.push({ id, type: 'Program', name: '威宁县帮扶项目' + g + '之' + i, aliases: [] });
    mentions.push({ entityId: id, documentId: 'doc:' + g, surface: '威宁县', start: 0, end: 3 });
  }
  await store.write({ documents, entities, relations: [], mentions });
  process.stdout.write(g + '\\n');
}
`;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fupin-journal-kill-'));
  writeFileSync(join(work, 'child.mjs'), CHILD);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Starts the writer, kills it after `ms`, resolves with the last write it reported done. */
function writeThenKill(dataDir: string, startAt: number, ms: number): Promise<number> {
  return new Promise((resolveDone, reject) => {
    const child = spawn(process.execPath, [join(work, 'child.mjs'), dataDir, String(startAt)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own (${code}): ${err}`));
      const done = out.trim().split('\n').filter(Boolean).map(Number);
      resolveDone(done.at(-1) ?? startAt - 1);
    });
  });
}

describe('EmbeddedStore journal under SIGKILL', () => {
  it('should keep every write reported done, and only whole writes', async () => {
    const dataDir = join(work, 'data');
    let atLeast = 0;
    for (let round = 0; round < 8; round++) {
      const reported = await writeThenKill(dataDir, atLeast + 1, 400 + Math.floor(Math.random() * 1200));
      const store = new EmbeddedStore({ dataDir });
      const batch = await store.exportBatch(); // throws STORE_CORRUPT on a torn store
      const count = batch.documents.length;
      expect(batch.documents.map((d) => d.id).sort()).toEqual(
        Array.from({ length: count }, (_, i) => `doc:${i + 1}`).sort(),
      );
      expect(batch.entities).toHaveLength(count * PER_WRITE);
      expect(batch.mentions).toHaveLength(count * PER_WRITE);
      // Everything reported is there; at most the write in flight at the kill is there too.
      expect(count).toBeGreaterThanOrEqual(Math.max(reported, atLeast));
      expect(count).toBeLessThanOrEqual(reported + 1);
      atLeast = count;
    }
    expect(atLeast).toBeGreaterThan(0);
  }, 120_000);
});
