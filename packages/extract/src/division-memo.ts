/**
 * Division lookups remembered per gazetteer
 *
 * The resolver (implied ancestors of every coded region) and LOCATED_IN (the chain of every coded
 * region) walk the same divisions up to their province, document after document: the same county,
 * prefecture and province codes again and again. A gazetteer lookup is pure but not free (a search of
 * the packed index, a village shard for a village), so both read divisions and ancestor chains through
 * this memo, one per gazetteer object, kept for the life of the process (a few thousand small entries).
 */
import { ancestorsOf } from './region-names.js';
import type { DivisionRef, GazetteerPort } from './types.js';

interface Memo {
  byCode: Map<string, DivisionRef | undefined>;
  ancestors: Map<DivisionRef, DivisionRef[]>;
  port: GazetteerPort;
}

const memos = new WeakMap<GazetteerPort, Memo>();

function memoOf(gazetteer: GazetteerPort): Memo {
  let memo = memos.get(gazetteer);
  if (!memo) {
    const byCode = new Map<string, DivisionRef | undefined>();
    const port: GazetteerPort = {
      findAll: (text, options) => gazetteer.findAll(text, options),
      byCode(code: string): DivisionRef | undefined {
        if (byCode.has(code)) return byCode.get(code);
        const found = gazetteer.byCode(code);
        byCode.set(code, found);
        return found;
      },
    };
    memo = { byCode, ancestors: new Map(), port };
    memos.set(gazetteer, memo);
  }
  return memo;
}

/**
 * The division with a code (as `gazetteer.byCode`), remembered.
 * @param gazetteer - the document's gazetteer
 * @param code - division code (12 digits, or its significant prefix)
 * @example divisionByCode(gaz, '522633000000')?.name // '从江县'
 */
export function divisionByCode(gazetteer: GazetteerPort, code: string): DivisionRef | undefined {
  return memoOf(gazetteer).port.byCode(code);
}

/**
 * Every ancestor of a division, nearest first (as `ancestorsOf`), remembered. The array is shared:
 * callers must not change it.
 * @param gazetteer - the document's gazetteer
 * @param division - a division the gazetteer returned
 * @example divisionAncestors(gaz, 从江县).map((d) => d.name) // ['黔东南苗族侗族自治州', '贵州省']
 */
export function divisionAncestors(gazetteer: GazetteerPort, division: DivisionRef): readonly DivisionRef[] {
  const memo = memoOf(gazetteer);
  let chain = memo.ancestors.get(division);
  if (!chain) {
    chain = ancestorsOf(memo.port, division);
    memo.ancestors.set(division, chain);
  }
  return chain;
}
