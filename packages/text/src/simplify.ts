/**
 * Traditional → simplified
 *
 * Reports from Taiwan/Hong Kong-style sources or older archives arrive in traditional characters
 * (`從江縣`), while the gazetteer and the extractors speak simplified (`从江县`). opencc-js does the
 * conversion with OpenCC's dictionaries (phrases first, then characters). This wrapper adds the few
 * fixes that make the conversion idempotent and a converter that keeps the output aligned with its input.
 */
import { Converter } from 'opencc-js/t2cn';

const convert = Converter({ from: 't', to: 'cn' });

// OpenCC's character table maps 薴→苧 and 苧→苎, so one pass is not a fixpoint. Found by the exhaustive
// scan in simplify.test.ts, which fails if a new opencc-js version adds another such chain.
const SECOND_STEP = new Map<number, number>([['薴'.codePointAt(0)!, '苎'.codePointAt(0)!]]);

// Per code point: 0 = not looked up yet, -1 = unchanged, else the simplified code point (Int32 keeps
// every value a small integer for V8).
const UNCHANGED = -1;
const table = new Int32Array(0x40000);

/** Simplified code point for one code point, looked up once through opencc-js and cached. */
function simplifyCodePoint(cp: number): number {
  if (cp < 0x2e80 || cp >= 0x40000) return cp; // below the CJK radicals nothing converts
  let v = table[cp]!;
  if (v === 0) {
    const ch = String.fromCodePoint(cp);
    const out = convert(ch);
    const outCp = out.codePointAt(0)!;
    // The character table maps one character to one character; anything else is left alone.
    v =
      out === ch || out.length === 0 || String.fromCodePoint(outCp) !== out
        ? UNCHANGED
        : (SECOND_STEP.get(cp) ?? outCp);
    table[cp] = v;
  }
  return v === UNCHANGED ? cp : v;
}

/**
 * Converts traditional Chinese to simplified (mainland) Chinese character by character with OpenCC's
 * character table; simplified text passes through unchanged. Character by character, so that the result
 * lines up with the input and converting twice changes nothing; the price is that OpenCC's phrase rules
 * are not applied (`乾縣` gives `干县`, not `乾县`). Use it on search input and names before matching
 * against normalised text, so both sides convert alike.
 * @param s - any text
 * @example
 * toSimplified('從江縣脫貧攻堅') // → '从江县脱贫攻坚'
 */
export function toSimplified(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2e80) continue;
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const to = simplifyCodePoint(cp);
    if (to !== cp) {
      out += s.slice(last, i) + String.fromCodePoint(to);
      last = i + w;
    }
    i += w - 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * The simplified form of one code point (see {@link toSimplified}); the code point itself when unchanged.
 * @param cp - a Unicode code point
 * @example
 * String.fromCodePoint(simplifiedCodePoint(0x7e23)) // 縣 → '县'
 */
export function simplifiedCodePoint(cp: number): number {
  return simplifyCodePoint(cp);
}
