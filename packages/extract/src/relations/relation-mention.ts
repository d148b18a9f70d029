/**
 * Relation mentions in one object shape.
 *
 * Every relation extractor builds its RelationMention here, with all properties present and in one
 * order (optional ones `undefined`), instead of a literal per extractor with `properties`, `start` and
 * `end` added later. The pipeline reads every relation mention of every extractor in one loop; one
 * shape keeps that loop and the extractors monomorphic in V8 (no "wrong map" deoptimisations and
 * recompiles on new documents). The values are exactly those the extractors built before.
 */
import type { EntityRef, RelationMention } from '../types.js';

/**
 * A relation mention with every property present, in one order.
 * @param type - relation type
 * @param source - source entity
 * @param target - target entity
 * @param sentence - index of the evidence sentence
 * @param extractor - name of the relation extractor
 * @param properties - figures the evidence states; an empty record counts as none
 * @param start - clause start (normalised offsets) when narrower than the sentence
 * @param end - clause end (normalised offsets)
 * @example relationMention('ASSISTS', { type: 'City', name: '宁波市' }, { type: 'County', name: '威宁县' }, 0, 'cooperation').properties // undefined
 */
export function relationMention(
  type: RelationMention['type'],
  source: EntityRef,
  target: EntityRef,
  sentence: number,
  extractor: string,
  properties?: Record<string, number>,
  start?: number,
  end?: number,
): RelationMention {
  return {
    type,
    source,
    target,
    sentence,
    extractor,
    properties: properties && hasAny(properties) ? properties : undefined,
    start,
    end,
  };
}

/** Whether a record holds any own property. */
function hasAny(record: Record<string, number>): boolean {
  for (const k in record) if (Object.hasOwn(record, k)) return true;
  return false;
}
