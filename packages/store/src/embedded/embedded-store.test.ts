import { mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '@fupin/graph-schema';
import { E, fixtureBatchA, fixtureBatchB } from '../../test/fixtures/cooperation-graph.js';
import { EmbeddedStore, resolveDataDir } from './embedded-store.js';

describe('EmbeddedStore', () => {
  let dataDir: string;
  const savedEnv = process.env.FUPIN_DATA;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fupin-embedded-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (savedEnv === undefined) delete process.env.FUPIN_DATA;
    else process.env.FUPIN_DATA = savedEnv;
  });

  it('should persist to the journal and, once compacted, to graph.json, and load both in a new instance', async () => {
    const first = new EmbeddedStore({ dataDir });
    await first.write(fixtureBatchA());
    expect((await readdir(dataDir)).sort()).toEqual(['graph.json.documents', 'graph.json.journal']);
    expect(await new EmbeddedStore({ dataDir }).exportBatch()).toEqual(await first.exportBatch());
    await first.compact();
    expect((await readdir(dataDir)).sort()).toEqual(['graph.json', 'graph.json.documents']);
    const [header] = (await readFile(join(dataDir, 'graph.json'), 'utf8')).split('\n');
    expect(JSON.parse(header!)).toMatchObject({ format: 'fupin-graph', version: 2, generation: 1 });
    const second = new EmbeddedStore({ dataDir });
    expect(await second.exportBatch()).toEqual(await first.exportBatch());
    await second.write(fixtureBatchB());
    expect((await readdir(dataDir)).sort()).toEqual(['graph.json', 'graph.json.documents', 'graph.json.journal']);
    expect(await new EmbeddedStore({ dataDir }).exportBatch()).toEqual(await second.exportBatch());
  });

  it('should give back every evidence sentence and mention surface after a reload', async () => {
    const store = new EmbeddedStore({ dataDir, journalLimitBytes: 0 });
    await store.write(fixtureBatchA());
    await store.write(fixtureBatchB());
    const written = await store.exportBatch();
    const reloaded = await new EmbeddedStore({ dataDir }).exportBatch();
    expect(reloaded).toEqual(written);
    const sentences = reloaded.relations.flatMap((relation) => relation.evidence.map((e) => e.sentence));
    expect(sentences.every((sentence) => sentence.length > 0)).toBe(true);
  });

  it('should keep evidence sentences and mention surfaces when a document is written again without its text', async () => {
    const store = new EmbeddedStore({ dataDir });
    await store.write(fixtureBatchA());
    const before = await store.exportBatch();
    const { text: _text, ...bare } = fixtureBatchA().documents[0]!;
    await store.write({ documents: [bare], entities: [], relations: [], mentions: [] });
    const after = await new EmbeddedStore({ dataDir }).exportBatch();
    expect(after.relations).toEqual(before.relations);
    expect(after.mentions).toEqual(before.mentions);
    expect(after.documents[0]!.text).toBeUndefined();
  });

  it('should list documents from the catalogue without reading the graph', async () => {
    await new EmbeddedStore({ dataDir }).write(fixtureBatchA());
    await new EmbeddedStore({ dataDir }).write(fixtureBatchB());
    const journal = join(dataDir, 'graph.json.journal');
    const expected = await new EmbeddedStore({ dataDir }).documents();
    expect(expected).toHaveLength(2);
    // Same size and times, other bytes: only a reader of the journal would notice.
    const { size, atimeMs, mtimeMs } = await stat(journal);
    await writeFile(journal, `${'x'.repeat(size - 1)}\n`);
    // Stamps keep whole milliseconds: put the time back in the middle of the same millisecond.
    await utimes(journal, atimeMs / 1000, (Math.floor(mtimeMs) + 0.5) / 1000);
    const reader = new EmbeddedStore({ dataDir });
    expect(await reader.documents()).toEqual(expected);
    await expect(reader.stats()).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('should load the graph when the catalogue is missing or out of date, and write it again', async () => {
    const store = new EmbeddedStore({ dataDir });
    await store.write(fixtureBatchA());
    const catalogue = join(dataDir, 'graph.json.documents');
    await rm(catalogue);
    expect(await new EmbeddedStore({ dataDir }).documents()).toHaveLength(1);
    const stale = await readFile(catalogue, 'utf8');
    await store.write(fixtureBatchB());
    await writeFile(catalogue, stale); // describes the journal before the second write
    expect(await new EmbeddedStore({ dataDir }).documents()).toHaveLength(2);
  });

  it('should compact only a journal that outgrew the limit and the snapshot when asked onlyIfLarge', async () => {
    const roomy = new EmbeddedStore({ dataDir });
    await roomy.write(fixtureBatchA());
    expect(await roomy.compact({ onlyIfLarge: true })).toBe(false);
    expect((await readdir(dataDir)).sort()).toEqual(['graph.json.documents', 'graph.json.journal']);
    const tight = new EmbeddedStore({ dataDir, journalLimitBytes: 1 });
    expect(await tight.compact({ onlyIfLarge: true })).toBe(true);
    expect((await readdir(dataDir)).sort()).toEqual(['graph.json', 'graph.json.documents']);
    await tight.write(fixtureBatchB()); // a small journal beside a larger snapshot stays a journal
    expect(await tight.compact({ onlyIfLarge: true })).toBe(false);
    expect((await new EmbeddedStore({ dataDir }).stats()).documents).toBe(2);
  });

  it('should load a graph.json of the previous format (one JSON object, version 1)', async () => {
    const batch = fixtureBatchA();
    await writeFile(join(dataDir, 'graph.json'), JSON.stringify({ format: 'fupin-graph', version: 1, ...batch }));
    const store = new EmbeddedStore({ dataDir });
    expect((await store.exportBatch()).entities).toHaveLength(batch.entities.length);
    await store.write(fixtureBatchB());
    await store.compact();
    const fresh = new EmbeddedStore({ dataDir });
    expect(await fresh.exportBatch()).toEqual(await store.exportBatch());
  });

  it('should replay only what another instance appended since its last look', async () => {
    const writer = new EmbeddedStore({ dataDir });
    const reader = new EmbeddedStore({ dataDir });
    await writer.write(fixtureBatchA());
    const before = await reader.stats();
    await writer.write(fixtureBatchB());
    const after = await reader.stats();
    expect(after.documents).toBe(before.documents + 1);
    expect(await reader.exportBatch()).toEqual(await writer.exportBatch());
    await writer.removeDocument(fixtureBatchA().documents[0]!.id);
    expect((await reader.stats()).documents).toBe(1);
  });

  it('should ignore a torn last journal line and cut it off before the next write', async () => {
    const store = new EmbeddedStore({ dataDir });
    await store.write(fixtureBatchA());
    const journal = join(dataDir, 'graph.json.journal');
    const whole = await readFile(journal, 'utf8');
    await writeFile(journal, `${whole}{"write":{"documents":[{"id":"doc:`); // a kill mid-append
    const next = new EmbeddedStore({ dataDir });
    expect((await next.stats()).documents).toBe(1);
    await next.write(fixtureBatchB());
    expect((await new EmbeddedStore({ dataDir }).stats()).documents).toBe(2);
    expect((await readFile(journal, 'utf8')).startsWith(whole)).toBe(true);
  });

  it('should ignore a journal that a newer snapshot already holds (a crash before it was dropped)', async () => {
    const store = new EmbeddedStore({ dataDir });
    await store.write(fixtureBatchA());
    const journal = join(dataDir, 'graph.json.journal');
    const old = await readFile(journal, 'utf8');
    await store.removeDocument(fixtureBatchA().documents[0]!.id);
    await store.compact();
    await writeFile(journal, old); // generation 0 beside a generation-1 snapshot
    expect((await new EmbeddedStore({ dataDir }).stats()).documents).toBe(0);
  });

  it('should report a corrupt journal line as STORE_CORRUPT naming the journal', async () => {
    const store = new EmbeddedStore({ dataDir });
    await store.write(fixtureBatchA());
    const journal = join(dataDir, 'graph.json.journal');
    await writeFile(journal, `${await readFile(journal, 'utf8')}{"write":{"nodes":[]}}\n`);
    const failure = await new EmbeddedStore({ dataDir }).stats().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((failure as Error).message).toContain(journal);
  });

  it('should report a snapshot cut short as STORE_CORRUPT', async () => {
    const store = new EmbeddedStore({ dataDir });
    await store.write(fixtureBatchA());
    await store.compact();
    const path = join(dataDir, 'graph.json');
    const lines = (await readFile(path, 'utf8')).split('\n');
    await writeFile(path, `${lines.slice(0, 2).join('\n')}\n`);
    await expect(new EmbeddedStore({ dataDir }).stats()).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('should take the data directory from FUPIN_DATA when no option is given', () => {
    process.env.FUPIN_DATA = dataDir;
    expect(new EmbeddedStore().path).toBe(join(dataDir, 'graph.json'));
    delete process.env.FUPIN_DATA;
    expect(resolveDataDir()).toBe(join(process.cwd(), '.fupin'));
  });

  it('should not create anything before the first write', async () => {
    const store = new EmbeddedStore({ dataDir: join(dataDir, 'not-yet') });
    await store.init();
    expect(await store.stats()).toMatchObject({ nodes: 0, relations: 0 });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('should not write a file when removing a document it does not hold', async () => {
    const store = new EmbeddedStore({ dataDir: join(dataDir, 'empty') });
    await store.removeDocument('doc:0000000000000000');
    expect((await readdir(join(dataDir, 'empty'))).filter((name) => name === 'graph.json')).toEqual([]);
  });

  it('should leave no temporary file behind after saving', async () => {
    const store = new EmbeddedStore({ dataDir, journalLimitBytes: 0 });
    await store.write(fixtureBatchA());
    await store.write(fixtureBatchB());
    expect((await readdir(dataDir)).sort()).toEqual(['graph.json.documents', 'graph.json.journal']);
    await store.compact();
    expect((await readdir(dataDir)).sort()).toEqual(['graph.json', 'graph.json.documents']);
  });

  it('should report a corrupt file as STORE_CORRUPT naming it, and never overwrite it', async () => {
    const path = join(dataDir, 'graph.json');
    await writeFile(path, '{"format":"fupin-graph","version":1,"documents":[');
    const store = new EmbeddedStore({ dataDir });
    const failure = await store.stats().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((failure as Error).message).toContain(path);
    await expect(store.write(fixtureBatchA())).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(await readFile(path, 'utf8')).toBe('{"format":"fupin-graph","version":1,"documents":[');
  });

  it('should report a valid JSON file of another shape as STORE_CORRUPT', async () => {
    await writeFile(join(dataDir, 'graph.json'), JSON.stringify({ nodes: [], edges: [] }));
    await expect(new EmbeddedStore({ dataDir }).search('从江')).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('should refuse to write with STORE_LOCKED while another process holds the lock', async () => {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, 'graph.json');
    const release = await lockfile.lock(path, { realpath: false, lockfilePath: `${path}.lock` });
    try {
      const store = new EmbeddedStore({ dataDir, lockWaitMs: 300 });
      const failure = await store.write(fixtureBatchA()).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'STORE_LOCKED', retriable: true });
    } finally {
      await release();
    }
    await expect(new EmbeddedStore({ dataDir }).write(fixtureBatchA())).resolves.toMatchObject({ documents: 1 });
  });

  it('should merge the writes of two instances on the same directory instead of clobbering', async () => {
    const left = new EmbeddedStore({ dataDir });
    const right = new EmbeddedStore({ dataDir });
    await left.stats();
    await right.stats();
    await Promise.all([left.write(fixtureBatchA()), right.write(fixtureBatchB())]);
    const merged = await new EmbeddedStore({ dataDir }).stats();
    expect(merged.documents).toBe(2);
    expect(merged.nodes).toBe(19);
    expect((await left.stats()).nodes).toBe(19);
  });

  it('should reject an invalid batch with SCHEMA_INVALID before touching the file', async () => {
    const store = new EmbeddedStore({ dataDir });
    const bad = { ...fixtureBatchA(), entities: [{ ...E.从江县, code: '5226' }] };
    await expect(store.write(bad)).rejects.toMatchObject({ code: 'SCHEMA_INVALID' });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('should export everything it holds as one GraphBatch', async () => {
    const store = new EmbeddedStore({ dataDir });
    await store.write(fixtureBatchA());
    const batch = await store.exportBatch();
    expect(batch.entities).toHaveLength(fixtureBatchA().entities.length);
    expect(batch.mentions).toHaveLength(fixtureBatchA().mentions.length);
  });
});
