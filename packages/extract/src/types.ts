/**
 * Extraction contracts
 *
 * The shapes every extractor shares: the per-document context it reads (normalised text, sentences,
 * segmenter, the regions already found) and the mentions it returns. Entity and relation extractors
 * are small modules that take a DocContext and return mentions; the pipeline resolves the mentions
 * into entities and relations with evidence. Offsets in mentions are into the NORMALISED text; the
 * pipeline maps them back to the original text for evidence.
 */
import type { EntityType, RegionLevel, RelationType } from '@fupin/graph-schema';
import type { NormalizedText, Sentence } from '@fupin/text';

/**
 * Word segmentation, loaded once per process.
 * @example segmenter.cut('从江县脱贫') // ['从江县', '脱贫']
 */
export interface Segmenter {
  cut(text: string): string[];
  tag(text: string): { word: string; tag: string }[];
  /**
   * The words of the whole document this segmenter was made for, cut once (the pipeline's per-document
   * segmenter has it; doc-util's per-sentence helpers slice it instead of cutting sentences again).
   */
  documentWords?(): DocumentWords | undefined;
  /**
   * Tags words as `tag` tags them in any text they are words of (jieba tags a word by its dictionary
   * entry alone); undefined when it cannot (a word is cut differently alone): then tag the text.
   */
  tagWords?(words: readonly string[]): { word: string; tag: string }[] | undefined;
  /**
   * The words of one span (a sentence) of the document this segmenter was made for, from a cut of the
   * span alone made on first use — the words the whole-text cut has there, since both ends of the span
   * are edges jieba splits its input at; undefined when they are not, when [start, end) is not one of
   * the document's spans, or when `text` is not the document's text. Cuts only the sentences asked for.
   */
  spanWords?(text: string, start: number, end: number): SpanWords | undefined;
}

/**
 * The words of one span of a document, cut alone, and where each starts.
 * @example { start: 6, end: 12, words: ['台江县', '脱贫', '。'], wordAt } // wordAt[6] = 1, wordAt[9] = 2, wordAt[11] = 3
 */
export interface SpanWords {
  /** Offset of the span in the document text. */
  readonly start: number;
  /** Offset after its end (a word ends there). */
  readonly end: number;
  /** Its words, in order (they add up to the span's text). */
  readonly words: readonly string[];
  /**
   * Shared by the spans of one document (they do not overlap): for each offset in [start, end), 1 + the
   * index in `words` of the word starting there, 0 inside a word. Read it only between start and end.
   */
  readonly wordAt: Int32Array;
}

/**
 * The words of a whole document from one cut, and where each starts.
 * @example { text: '从江县脱贫。', words: ['从江县', '脱贫', '。'], wordAt: Int32Array [0, -1, -1, 1, -1, 2, 3] }
 */
export interface DocumentWords {
  /** The text that was cut. */
  readonly text: string;
  /** Its words, in order (they add up to the text). */
  readonly words: readonly string[];
  /** For each offset 0…text.length: the index of the word starting there, -1 inside a word; words.length at the end. */
  readonly wordAt: Int32Array;
}

/**
 * A reference to an entity by what identifies it: type and canonical name (and code for regions).
 * @example { type: 'County', name: '从江县', code: '522633000000' }
 */
export interface EntityRef {
  type: EntityType;
  name: string;
  code?: string;
}

/**
 * One place where an entity is named.
 * @example { type: 'County', name: '从江县', surface: '從江', start: 10, end: 12, sentence: 0, extractor: 'regions' }
 */
export interface EntityMention extends EntityRef {
  /** Text as it stands in the normalised text at [start, end). */
  surface: string;
  start: number;
  end: number;
  /** Index into DocContext.sentences. */
  sentence: number;
  /**
   * Code and canonical name of the administrative parent, where known. For a company, organization or
   * site, `parent` names the region it is in; the located-in relation extractor turns every mention with
   * a parent into LOCATED_IN (so entity extractors need not emit those relations themselves).
   */
  parentCode?: string;
  parent?: string;
  /** Further names of the same entity (official and short forms) that the resolver adds to its aliases. */
  aliases?: string[];
  extractor: string;
}

/**
 * A relation stated in one sentence.
 * @example { type: 'ASSISTS', source: { type: 'County', name: '萧山区' }, target: { type: 'County', name: '从江县' }, sentence: 3, extractor: 'cooperation' }
 */
export interface RelationMention {
  type: RelationType;
  source: EntityRef;
  target: EntityRef;
  sentence: number;
  extractor: string;
  /** Numbers the evidence states, e.g. { fundsWanYuan: 3000, trainedPeople: 11640 }. */
  properties?: Record<string, number>;
  /** Clause span (normalised offsets) when narrower than the sentence. */
  start?: number;
  end?: number;
}

/**
 * An official division as the gazetteer reports it (the subset extract reads).
 * @example { code: '522633205000', name: '加榜乡', level: 'Township', parentCode: '522633000000' }
 */
export interface DivisionRef {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string;
}

/**
 * One gazetteer match: a span of the normalised text and every division whose name or short form it is.
 * @example { start: 0, end: 3, hits: [{ division: 从江县, aliasKind: 'official' }] }
 */
export interface GazetteerMatchRef {
  start: number;
  end: number;
  hits: { division: DivisionRef; aliasKind: 'official' | 'short' | 'stem'; weak?: boolean }[];
}

/**
 * What extract uses of @fupin/gazetteer's Gazetteer (structural, so tests can pass a small one).
 * `findAll` scans a text; village names are matched only inside `villageCounties` (county codes).
 * @example port.findAll('从江县加榜乡', { villageCounties: ['522633000000'] })
 */
export interface GazetteerPort {
  findAll(text: string, options?: { villageCounties?: string[] }): GazetteerMatchRef[];
  byCode(code: string): DivisionRef | undefined;
  /** Every division with a name or short form, optionally of some levels and inside an ancestor. */
  lookup?(name: string, options?: { levels?: RegionLevel[]; within?: string }): { division: DivisionRef }[];
}

/**
 * What extractors see of one document.
 * @example extractor.context({ path: 'a.txt', text: '从江县…', sha256 }).sentences[0].text
 */
export interface DocContext {
  documentId: string;
  normalized: NormalizedText;
  sentences: Sentence[];
  segmenter: Segmenter;
  /** Entity mentions found so far (regions first, then the other extractors in order). */
  mentions: EntityMention[];
  /** The region the document is mainly about (most-named county, else prefecture), if any. */
  primaryRegion?: EntityRef;
  /** The division gazetteer, when loaded (the pipeline always passes it). */
  gazetteer?: GazetteerPort;
  /** Document title, when the file has one. */
  title?: string;
}

/**
 * Finds entity mentions of some kinds.
 * @example { name: 'regions', extract: (ctx) => findRegions(ctx) } // 从江县 @0–3, …
 */
export interface EntityExtractor {
  readonly name: string;
  extract(ctx: DocContext): EntityMention[];
}

/**
 * Finds relations among the mentions of a document.
 * @example { name: 'cooperation', extract: (ctx) => findCooperation(ctx) } // ASSISTS 萧山区 → 从江县, …
 */
export interface RelationExtractor {
  readonly name: string;
  extract(ctx: DocContext): RelationMention[];
}
