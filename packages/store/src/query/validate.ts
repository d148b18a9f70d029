/**
 * Query argument checks
 *
 * The few arguments of the query API that are not ids (depths, relation type filters) are checked the
 * same way by both stores, so a bad argument gets the same QueryError whichever store answers.
 */
import { QueryError, RELATION_TYPES, RelationTypeSchema, parseOrThrow, type RelationType } from '@fupin/graph-schema';
import { NEIGHBOURS_MAX_DEPTH } from './canonical.js';

/**
 * Validates a neighbourhood depth .
 * @example checkDepth(2) // 2
 */
export function checkDepth(depth: number): number {
  if (!Number.isInteger(depth) || depth < 0 || depth > NEIGHBOURS_MAX_DEPTH) {
    throw new QueryError(
      'QUERY_INVALID',
      `store.neighbours: depth ${depth}; expected an integer 0–${NEIGHBOURS_MAX_DEPTH}`,
    );
  }
  return depth;
}

/**
 * Validates relation type filters; no filter means every type.
 * @example checkTypes(['ASSISTS']) // ['ASSISTS']
 */
export function checkTypes(types?: readonly string[]): RelationType[] {
  if (!types || types.length === 0) return [...RELATION_TYPES];
  return types.map((type) => parseOrThrow(RelationTypeSchema, type, 'store.neighbours'));
}
