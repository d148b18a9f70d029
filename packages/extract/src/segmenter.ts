/**
 * Segmenter
 *
 * Chinese word segmentation over @node-rs/jieba (prebuilt native binary, no install scripts), loaded
 * once per process. The user dictionary is deliberately small: generic terms of poverty-alleviation
 * reporting that jieba's default dictionary splits (东西部扶贫协作, 劳务协作 …). Place names are NOT
 * added here — the gazetteer matches them with its own automaton, which costs nothing at start-up,
 * whereas loading hundreds of thousands of division names into jieba costs seconds at every start.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { DocumentWords, Segmenter, SpanWords } from './types.js';

/**
 * Generic words of the domain, with a frequency high enough to win over jieba's splits.
 * Not place names, not names of particular programs: words any report on 扶贫 uses.
 * @example DOMAIN_WORDS.includes('东西部扶贫协作') // true
 */
export const DOMAIN_WORDS: readonly string[] = [
  '东西部扶贫协作',
  '东西部协作',
  '扶贫协作',
  '劳务协作',
  '劳务输出',
  '对口帮扶',
  '对口支援',
  '结对帮扶',
  '携手奔小康',
  '建档立卡',
  '易地扶贫搬迁',
  '易地搬迁',
  '扶贫车间',
  '安置点',
  '产业扶贫',
  '消费扶贫',
  '就业扶贫',
  '驻村工作队',
  '第一书记',
  '脱贫攻坚',
  '乡村振兴',
  '两不愁三保障',
  '销售窗口',
  '展销中心',
  '旗舰店',
];

let shared: JiebaSegmenter | undefined;

/**
 * A Segmenter over one jieba instance with the domain user dictionary loaded.
 * @example JiebaSegmenter.shared().cut('台江县劳务协作') // ['台江县', '劳务协作']
 */
export class JiebaSegmenter implements Segmenter {
  private readonly jieba: Jieba;

  private constructor(jieba: Jieba) {
    this.jieba = jieba;
  }

  /**
   * Returns the process-wide segmenter, creating it on first use (about 0.2 s for jieba's dictionary).
   * @example JiebaSegmenter.shared().cut('从江县开展东西部扶贫协作') // ['从江县', '开展', '东西部扶贫协作']
   */
  static shared(): JiebaSegmenter {
    if (!shared) {
      const jieba = Jieba.withDict(dict);
      jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n') + '\n'));
      shared = new JiebaSegmenter(jieba);
    }
    return shared;
  }

  /**
   * Cuts text into words (precise mode, no HMM for unknown words).
   * @param text - simplified Chinese text
   * @example seg.cut('台江县劳务协作') // ['台江县', '劳务协作']
   */
  cut(text: string): string[] {
    return this.jieba.cut(text, false);
  }

  /**
   * Cuts text into words with their part-of-speech tags (jieba's ICTCLAS-style tags: ns place, v verb …).
   * jieba tags a word by its dictionary entry alone (x for other words, eng/m for letters and digits),
   * never by context, and building the tagged objects in the native call costs about twice the cut
   * itself. So the text is cut, and each word's tag comes from a per-process cache of tags jieba gave
   * that word before; words not seen yet are tagged natively on their own, all in one call.
   * @param text - simplified Chinese text
   * @example seg.tag('在从江县设立窗口') // [{ word: '在', tag: 'p' }, { word: '从江县', tag: 'ns' }, …]
   */
  tag(text: string): { word: string; tag: string }[] {
    const tagged = this.tagWords(this.jieba.cut(text, false));
    if (tagged) return tagged;
    // Some new word is segmented differently alone: tag the text natively, which teaches its words.
    const native = this.jieba.tag(text, false);
    for (const t of native) this.remember({ tag: t.tag, word: t.word });
    return native;
  }

  /**
   * Tags the words of a cut from the per-process cache of word tags (see {@link JiebaSegmenter.tag}),
   * tagging words not seen yet natively on their own; undefined when one of them is cut differently alone.
   * @param words - words of a cut, in order
   * @example seg.tagWords(['在', '从江县']) // [{ tag: 'p', word: '在' }, { tag: 'ns', word: '从江县' }]
   */
  tagWords(words: readonly string[]): { word: string; tag: string }[] | undefined {
    const tagOf = this.tagOf;
    const charTags = this.charTags;
    const out: { word: string; tag: string }[] = new Array(words.length);
    let missing: Set<string> | undefined;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      // One-character words (punctuation, particles: about half of all) by code unit, without hashing.
      const tagged = word.length === 1 ? charTags[word.charCodeAt(0)] : tagOf.get(word);
      if (tagged === undefined) (missing ??= new Set()).add(word);
      else out[i] = tagged;
    }
    if (!missing) return out;
    if (!this.learn([...missing])) return undefined;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      out[i] ??= tagOf.get(word)!;
    }
    return out;
  }

  /**
   * Per word, its tag as one object shared by every tagWords result (callers only read them): no object
   * per word per call. Keys in the order of the native objects (tag, word).
   */
  private readonly tagOf = new Map<string, { tag: string; word: string }>();

  /** The entries of tagOf for one-character words, by UTF-16 code unit (kept equal to them by remember). */
  private readonly charTags: ({ tag: string; word: string } | undefined)[] = new Array(0x10000).fill(undefined);

  /** Remembers a word's tag in tagOf (and charTags for a one-character word). */
  private remember(t: { tag: string; word: string }): void {
    this.tagOf.set(t.word, t);
    if (t.word.length === 1) this.charTags[t.word.charCodeAt(0)] = t;
  }

  /**
   * Tags new words natively, one block each (joined by line breaks), and remembers their tags. Returns
   * false when jieba does not give back exactly those words (one of them is cut differently alone).
   */
  private learn(words: string[]): boolean {
    if (this.tagOf.size + words.length > TAG_CACHE_LIMIT) {
      this.tagOf.clear();
      this.charTags.fill(undefined);
    }
    if (words.some((w) => /\s/.test(w))) return false;
    const tagged = this.jieba.tag(words.join('\n'), false);
    let k = 0;
    const learned: { tag: string; word: string }[] = [];
    for (const t of tagged) {
      if (t.word === '\n') continue;
      if (t.word !== words[k]) return false;
      learned.push({ tag: t.tag, word: t.word });
      k++;
    }
    if (k !== words.length) return false;
    for (const t of learned) this.remember(t);
    return true;
  }
}

/** Distinct words whose tags the shared segmenter remembers (a corpus' vocabulary stays far below). */
const TAG_CACHE_LIMIT = 500_000;

/**
 * Whether jieba segments this UTF-16 unit inside a run (a block it cuts as a whole: CJK ideographs,
 * ASCII letters and digits, + # & . _ % -). Surrogates count as in a run (CJK extensions are astral):
 * a wrong "in a run" only makes an offset look like no edge, which sends its span to a slower path.
 * @param c - a UTF-16 code unit
 * @example inJiebaRun('从'.charCodeAt(0)) // true; inJiebaRun('，'.charCodeAt(0)) // false
 */
export function inJiebaRun(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2b ||
    c === 0x23 ||
    c === 0x26 ||
    c === 0x2e ||
    c === 0x5f ||
    c === 0x25 ||
    c === 0x2d
  );
}

/**
 * Whether jieba splits its input at this offset whatever text surrounds it: a run edge (see
 * {@link inJiebaRun}) not inside \r\n (jieba keeps \r\n one word; any other character outside a run
 * is a word alone). A cut of text that starts and ends at such offsets gives the words a cut of the
 * whole text has there.
 * @param text - the whole text
 * @param x - offset 0…text.length
 * @example isCutEdge('从江县，台江县', 4) // true; isCutEdge('从江县', 1) // false
 */
export function isCutEdge(text: string, x: number): boolean {
  if (x <= 0 || x >= text.length) return true;
  const before = text.charCodeAt(x - 1);
  const after = text.charCodeAt(x);
  if (inJiebaRun(before) && inJiebaRun(after)) return false;
  return !(before === 0x0d && after === 0x0a);
}

/** A document a CachingSegmenter segments as a whole: its text and the spans (sentences) callers ask about. */
export interface SegmentedDocument {
  text: string;
  spans: readonly { start: number; end: number }[];
}

/**
 * A per-document cache in front of a segmenter: several extractors cut or tag the same sentences, and
 * each sentence is segmented once. Tagging gives the same words as cutting (both without HMM), so a
 * cut of an already tagged text costs nothing. Make one per document; it holds the document's words.
 *
 * Given the document, the first request for one of its spans (a sentence) cuts the WHOLE text in one
 * call and serves every span from it (tags are added per span asked for, from jieba's word tags): one native call per document instead of one per sentence, whose
 * fixed cost made per-sentence segmentation cost several times a whole-text cut. jieba splits its input
 * into blocks at punctuation and white space and segments each block alone, so a span that starts and
 * ends on word boundaries of the whole text gets the words a cut of the span alone would give; a span
 * that does not (a boundary inside a run of letters and digits) is segmented alone, as before.
 * @example new CachingSegmenter(JiebaSegmenter.shared()).tag('在从江县') // [{ word: '在', tag: 'p' }, …]
 * @example new CachingSegmenter(JiebaSegmenter.shared(), { text: '在从江县。', spans: [{ start: 0, end: 5 }] }).tag('在从江县。')
 */
export class CachingSegmenter implements Segmenter {
  private readonly inner: Segmenter;
  private readonly document: SegmentedDocument | undefined;
  private readonly cuts = new Map<string, string[]>();
  private readonly tags = new Map<string, { word: string; tag: string }[]>();
  private spanOf: Map<string, number> | undefined;
  private whole: DocumentWords | undefined;
  /** Per span of the document: its words cut alone, null when its ends are no cut edges; allocated on first use. */
  private spanCuts: (SpanWords | null | undefined)[] | undefined;
  /** The shared SpanWords.wordAt table; undefined until a span is cut, null when the spans overlap. */
  private spanWordAt: Int32Array | null | undefined;

  /**
   * @param inner - the process-wide segmenter
   * @param document - the document's text and sentence spans, to segment the whole text once
   * @example const seg = new CachingSegmenter(JiebaSegmenter.shared()); seg.cut('从江县'); seg.cut('从江县') // segmented once
   */
  constructor(inner: Segmenter, document?: SegmentedDocument) {
    this.inner = inner;
    this.document = document;
  }

  /** Cuts text into words, once per distinct text. */
  cut(text: string): string[] {
    let words = this.cuts.get(text);
    if (!words) {
      const tagged = this.tags.get(text);
      words = tagged ? tagged.map((t) => t.word) : (this.fromDocument(text) ?? this.inner.cut(text));
      this.cuts.set(text, words);
    }
    return words;
  }

  /** Tags text, once per distinct text. */
  tag(text: string): { word: string; tag: string }[] {
    let tagged = this.tags.get(text);
    if (!tagged) {
      const words = this.cuts.get(text) ?? this.fromDocument(text);
      if (words && typeof this.inner.tagWords === 'function') tagged = this.inner.tagWords(words);
      tagged ??= this.inner.tag(text);
      this.tags.set(text, tagged);
    }
    return tagged;
  }

  /**
   * The words of the whole document, from one cut made on first use (later calls cost nothing), with
   * the index of the word starting at each offset: what per-sentence helpers slice instead of cutting
   * sentences again. Undefined when the segmenter was made without a document.
   * @example new CachingSegmenter(JiebaSegmenter.shared(), { text: '从江县脱贫。', spans: [] }).documentWords()?.words // ['从江县', '脱贫', '。']
   */
  documentWords(): DocumentWords | undefined {
    const doc = this.document;
    if (!doc) return undefined;
    if (!this.whole) {
      const words = this.inner.cut(doc.text);
      const wordAt = new Int32Array(doc.text.length + 1).fill(-1);
      let at = 0;
      for (let k = 0; k < words.length; k++) {
        wordAt[at] = k;
        at += words[k]!.length;
      }
      wordAt[at] = words.length;
      this.whole = { text: doc.text, words, wordAt };
    }
    return this.whole;
  }

  /**
   * The words of one span of the document, cut alone on first use (see {@link Segmenter.spanWords}):
   * only the sentences some extractor asks about are cut, each once, and their words are those of the
   * whole-text cut. Undefined when the span's ends are no cut edges (see {@link isCutEdge}) or
   * [start, end) is not one of the document's spans.
   * @example new CachingSegmenter(JiebaSegmenter.shared(), { text: '从江县，台江县脱贫。', spans: [{ start: 0, end: 4 }, { start: 4, end: 10 }] }).spanWords('从江县，台江县脱贫。', 4, 10)?.words // ['台江县', '脱贫', '。']
   */
  spanWords(text: string, start: number, end: number): SpanWords | undefined {
    const doc = this.document;
    if (!doc || text !== doc.text) return undefined;
    const spans = doc.spans;
    // the span starting at `start` (binary search; spans are in text order)
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid]!.start <= start) lo = mid;
      else hi = mid - 1;
    }
    const span = spans[lo];
    if (!span || span.start !== start || span.end !== end) return undefined;
    const cuts = (this.spanCuts ??= new Array(spans.length));
    const known = cuts[lo];
    if (known !== undefined) return known ?? undefined;
    let wordAt = this.spanWordAt;
    if (wordAt === undefined) wordAt = this.spanWordAt = disjoint(spans) ? new Int32Array(text.length + 1) : null;
    let result: SpanWords | null = null;
    if (wordAt && start < end && isCutEdge(text, start) && isCutEdge(text, end)) {
      const words = this.inner.cut(text.slice(start, end));
      let at = start;
      for (let k = 0; k < words.length; ) {
        wordAt[at] = ++k;
        at += words[k - 1]!.length;
      }
      if (at === end) result = { start, end, words, wordAt };
    }
    cuts[lo] = result;
    return result ?? undefined;
  }

  /**
   * Tags words on their own (see {@link JiebaSegmenter.tagWords}) through the inner segmenter, when it can.
   * @example seg.tagWords(['在', '从江县']) // [{ tag: 'p', word: '在' }, { tag: 'ns', word: '从江县' }]
   */
  tagWords(words: readonly string[]): { word: string; tag: string }[] | undefined {
    return this.inner.tagWords?.(words);
  }

  /** The words of a span of the document whose text this is, or undefined. */
  private fromDocument(text: string): string[] | undefined {
    const doc = this.document;
    if (!doc || !doc.spans.length) return undefined;
    if (!this.spanOf) {
      const spanOf = new Map<string, number>();
      for (let i = 0; i < doc.spans.length; i++) {
        const s = doc.spans[i]!;
        const key = doc.text.slice(s.start, s.end);
        if (!spanOf.has(key)) spanOf.set(key, i);
      }
      this.spanOf = spanOf;
    }
    const i = this.spanOf.get(text);
    if (i === undefined) return undefined;
    const { start, end } = doc.spans[i]!;
    const alone = this.spanWords(doc.text, start, end);
    if (alone) return alone.words as string[]; // callers of cut never change the words (the cache hands them out again)
    const { words, wordAt } = this.documentWords()!;
    const first = wordAt[start]!;
    const last = wordAt[end]!;
    // Both ends must be word boundaries of the whole text; otherwise the span is segmented alone.
    if (first < 0 || last < 0) return undefined;
    return words.slice(first, last);
  }
}

/** Whether spans are in text order and do not overlap (so they can share one offset table). */
function disjoint(spans: readonly { start: number; end: number }[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.end) return false;
  return true;
}
