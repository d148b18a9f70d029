/**
 * Choosing among candidates by context
 *
 * The same name often belongs to several divisions (several 新场镇 in Guizhou, 朝阳区 in Beijing and
 * Changchun). Reports settle this by what else they name: a township of a county the document names
 * wins. These rules rank candidates by their code's relation to the context codes only, never by a
 * list of preferred places.
 */
import { isWithin, LEVEL_RANK, levelOfCode } from './division.js';
import type { NameHit } from './division.js';

const KIND_RANK = { official: 0, short: 1, stem: 2 } as const;

/**
 * Scores how well a candidate fits the context: 100 = is a context division, 80–100 = lies inside one
 * (closer ancestors score higher), 70 = contains one, 40 = same prefecture, 20 = same province, 0 = none.
 * @param code - candidate's 12-digit code
 * @param contextCodes - 12-digit codes of divisions the document names
 * @example contextScore('522633101000', ['522633000000']) // 90: a township of the named county
 */
export function contextScore(code: string, contextCodes: readonly string[]): number {
  let best = 0;
  for (const c of contextCodes) {
    let s = 0;
    if (c === code) s = 100;
    else if (isWithin(code, c)) s = 80 + 5 * LEVEL_RANK[levelOfCode(c)];
    else if (isWithin(c, code)) s = 70;
    else if (c.slice(0, 4) === code.slice(0, 4)) s = 40;
    else if (c.slice(0, 2) === code.slice(0, 2)) s = 20;
    if (s > best) best = s;
  }
  return best;
}

/** A candidate with its context score. */
export interface RankedHit {
  hit: NameHit;
  score: number;
}

/**
 * Orders candidates best first: context score, then official before short before stem, current names
 * before former-status variants, strong before weak, higher level first, lower code first (so the order is stable).
 * @param hits - candidates for one name
 * @param contextCodes - 12-digit codes of divisions the document names
 * @example rankHits(gazetteer.lookup('新场镇'), ['520123000000'])[0].hit.division.parentCode // '520123000000'
 */
export function rankHits(hits: readonly NameHit[], contextCodes: readonly string[]): RankedHit[] {
  return hits
    .map((hit) => ({ hit, score: contextScore(hit.division.code, contextCodes) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        KIND_RANK[a.hit.aliasKind] - KIND_RANK[b.hit.aliasKind] ||
        Number(a.hit.variant ?? false) - Number(b.hit.variant ?? false) ||
        Number(a.hit.weak ?? false) - Number(b.hit.weak ?? false) ||
        LEVEL_RANK[a.hit.division.level] - LEVEL_RANK[b.hit.division.level] ||
        (a.hit.division.code < b.hit.division.code ? -1 : a.hit.division.code > b.hit.division.code ? 1 : 0),
    );
}
