/**
 * Document titles
 *
 * Reports open with a headline, often split over lines (a kicker, the headline, a ——subtitle). The
 * title is the first short line that does not read as body text, joined with a ——subtitle line that
 * follows it. Not a guess at meaning: length and punctuation only.
 */
import type { NormalizedText } from '@fupin/text';

/** Longest line still taken as a headline (characters). */
const MAX_TITLE = 60;

/**
 * The title of a report, if its first lines look like one.
 * @param normalized - the normalised document
 * @example guessTitle(normalize('从江县脱贫攻坚综述\n\n2020年以来，从江县……')) // '从江县脱贫攻坚综述'
 */
export function guessTitle(normalized: NormalizedText): string | undefined {
  const lines = normalized.text
    .slice(0, 600)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 5);
  const looksLikeTitle = (l: string): boolean =>
    l.length >= 4 && l.length <= MAX_TITLE && !/[。；]$/.test(l) && !/^[□■●◆]/.test(l);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!looksLikeTitle(line)) {
      if (line.length > MAX_TITLE) return undefined;
      continue;
    }
    if (line.startsWith('——')) continue;
    const next = lines[i + 1];
    if (next?.startsWith('——') && next.length <= MAX_TITLE) return `${line}${next}`;
    const after = lines[i + 2];
    if (next && after?.startsWith('——') && looksLikeTitle(next)) return `${next}${after}`;
    return line;
  }
  return undefined;
}
