import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExtractionResult } from '@fupin/extract';
import { extractFile, type FileOutcome } from './extract-file.js';
import { renderOutcome } from './render.js';

let dir: string;
let outcome: FileOutcome;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fupin-render-'));
  const file = join(dir, '威宁县.txt');
  writeFileSync(file, '宁波市鄞州区对口帮扶威宁县，投入帮扶资金3000万元，在威宁县建设蔬菜基地。\n');
  outcome = await extractFile(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderOutcome', () => {
  it('should render jsonl parts that parse back to the extracted batch', () => {
    if (!outcome.ok) throw new Error(outcome.message);
    const rendered = renderOutcome(outcome, 'jsonl');
    if (!rendered.ok) throw new Error('expected a rendered outcome');
    expect(rendered.parts.every((p) => p.endsWith('\n'))).toBe(true);
    expect(JSON.parse(rendered.parts.join(''))).toEqual(outcome.batch);
    expect(rendered.entities).toBe(outcome.batch.entities.length);
    expect(rendered.relations).toBe(outcome.batch.relations.length);
    expect(rendered.relations).toBeGreaterThan(0);
  });

  it('should render json as the document of the FORMAT.md result', () => {
    if (!outcome.ok) throw new Error(outcome.message);
    const rendered = renderOutcome(outcome, 'json');
    if (!rendered.ok) throw new Error('expected a rendered outcome');
    const [doc] = toExtractionResult([{ path: outcome.file, batch: outcome.batch }]).documents;
    expect(rendered.parts).toEqual([JSON.stringify(doc)]);
  });

  it('should render a summary line and pass failures through', async () => {
    if (!outcome.ok) throw new Error(outcome.message);
    const rendered = renderOutcome(outcome, 'summary');
    expect(rendered.ok && rendered.parts[0]).toMatch(/威宁县\.txt: \d+ entities, \d+ relations\n$/);
    const failed = await extractFile(join(dir, '不存在.txt'));
    expect(renderOutcome(failed, 'jsonl')).toEqual(failed);
    expect(failed).toMatchObject({ ok: false, code: 'INPUT_UNREADABLE' });
  });
});
