import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityId, relationId, type GraphBatch, type RelationType } from '@fupin/graph-schema';
import { compareText } from '../query/canonical.js';
import { GraphModel } from './graph-model.js';
import { shortestPathOf } from './model-queries.js';

/** Every shortest path by brute force (BFS distances, then all walks that follow them), smallest ids first. */
function referencePath(
  adjacency: Map<string, Set<string>>,
  from: string,
  to: string,
  maxHops: number,
): string[] | null {
  const distance = new Map([[to, 0]]);
  let frontier = [to];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of adjacency.get(node) ?? []) {
        if (!distance.has(neighbour)) {
          distance.set(neighbour, (distance.get(node) as number) + 1);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  const hops = distance.get(from);
  if (hops === undefined || hops > maxHops) return null;
  const all: string[][] = [];
  const walk = (path: string[]) => {
    const last = path[path.length - 1] as string;
    if (last === to) return void all.push(path);
    for (const neighbour of adjacency.get(last) ?? []) {
      if (distance.get(neighbour) === (distance.get(last) as number) - 1) walk([...path, neighbour]);
    }
  };
  walk([from]);
  all.sort((a, b) => a.map((id, i) => compareText(id, b[i] as string)).find((c) => c !== 0) ?? 0);
  return all[0] as string[];
}

describe('shortestPathOf', () => {
  it('should return the smallest-id shortest path, as brute force does, on random graphs', () => {
    const types: RelationType[] = ['ASSISTS', 'LOCATED_IN', 'IMPLEMENTS'];
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.nat(2)), { maxLength: 30 }),
        (size, links) => {
          const ids = Array.from({ length: size }, (_, i) =>
            entityId('Program', `项目${String.fromCharCode(0x4e00 + i * 7)}`),
          );
          const batch: GraphBatch = {
            documents: [],
            mentions: [],
            entities: ids.map((id, i) => ({ id, type: 'Program', name: `项目${i}`, aliases: [] })),
            relations: [],
          };
          const adjacency = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
          for (const [a, b, t] of links) {
            const source = ids[a % size] as string;
            const target = ids[b % size] as string;
            if (source === target) continue;
            const type = types[t] as RelationType;
            batch.relations.push({
              id: relationId(type, source, target),
              type,
              source,
              target,
              evidence: [],
              properties: {},
            });
            adjacency.get(source)?.add(target);
            adjacency.get(target)?.add(source);
          }
          const model = GraphModel.fromBatch(batch);
          for (const from of ids) {
            for (const to of ids) {
              expect(shortestPathOf(model, from, to)?.path ?? null).toEqual(referencePath(adjacency, from, to, 8));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
