import { describe, expect, it } from 'vitest';
import { runCli, sampleDataDir } from '../../test/sample-graph.js';
import { formatCypherResult, parseParams, registerCypher } from './cypher.js';

describe('parseParams', () => {
  it('should read JSON values and keep other text as strings', () => {
    expect(parseParams(['name=从江县', 'limit=5', 'names=["从江县","台江县"]', 'expr=a=b'])).toEqual({
      name: '从江县',
      limit: 5,
      names: ['从江县', '台江县'],
      expr: 'a=b',
    });
  });

  it('should refuse a parameter without a name with QUERY_INVALID', () => {
    expect(() => parseParams(['=从江县'])).toThrow(expect.objectContaining({ code: 'QUERY_INVALID' }));
  });
});

describe('formatCypherResult', () => {
  it('should print a table and the row count', () => {
    const text = formatCypherResult({ columns: ['name', 'n'], rows: [{ name: '从江县', n: { a: 1 } }] });
    expect(text).toContain('从江县');
    expect(text).toContain('{"a":1}');
    expect(text).toContain('1 行');
  });
});

describe('registerCypher', () => {
  it('should refuse the embedded store with QUERY_UNSUPPORTED', async () => {
    const dir = await sampleDataDir();
    await expect(
      runCli([registerCypher], ['cypher', 'MATCH (n) RETURN n', '--store', 'embedded', '--data', dir]),
    ).rejects.toMatchObject({ code: 'QUERY_UNSUPPORTED' });
  });
});
