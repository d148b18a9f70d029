import { describe, expect, it } from 'vitest';
import { chunkByText } from './neo4j-writes.js';

describe('chunkByText', () => {
  it('should cap chunks by rows and by characters, never leaving a chunk empty', () => {
    const docs = ['从江县'.repeat(10), '台江县', '吴江区'.repeat(20), null].map((text) => ({ text }));
    expect(chunkByText(docs, 10, 40).map((chunk) => chunk.length)).toEqual([2, 1, 1]);
    expect(chunkByText(docs, 1, 1000).map((chunk) => chunk.length)).toEqual([1, 1, 1, 1]);
    expect(chunkByText(docs, 10, 1).map((chunk) => chunk.length)).toEqual([1, 1, 1, 1]);
  });
});
