import { describe, expect, it } from 'vitest';
import { escapeLucene } from './neo4j-queries.js';
import { findWriteClause } from './read-only-cypher.js';

describe('findWriteClause', () => {
  it('should find write clauses outside literals and comments', () => {
    expect(findWriteClause("MATCH (n {name: '从江县'}) SET n.x = 1")).toBe('SET');
    expect(findWriteClause('match (n) detach delete n')).toBe('DETACH');
    expect(findWriteClause('LOAD  CSV FROM $url AS row RETURN row')).toBe('LOAD CSV');
    expect(findWriteClause('CREATE (n:County {name: "台江县"})')).toBe('CREATE');
  });

  it('should ignore keywords inside strings, comments, property names and back-quoted names', () => {
    expect(findWriteClause("MATCH (n) WHERE n.name = 'SET' RETURN n.set, n.`delete`")).toBeNull();
    expect(findWriteClause('MATCH (n) // CREATE nothing\nRETURN n /* MERGE */')).toBeNull();
    expect(findWriteClause('MATCH (a)-[:ASSISTS]->(b) RETURN a.name, b.name')).toBeNull();
  });
});

describe('escapeLucene', () => {
  it('should escape Lucene syntax so the text is searched literally', () => {
    expect(escapeLucene('从江 (县)')).toBe('从江 \\(县\\)');
    expect(escapeLucene('a&&b||c"d*')).toBe('a\\&&b\\||c\\"d\\*');
  });
});
