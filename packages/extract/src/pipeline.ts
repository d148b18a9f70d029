/**
 * Extraction pipeline
 *
 * One document in, one validated GraphBatch out: normalise → sentences → entity extractors (regions
 * first) → resolve mentions into entities → relation extractors → entities, relations with evidence
 * quoted from the ORIGINAL text (traditional stays traditional) and mentions with original offsets.
 * `Extractor.create()` loads the segmenter and the gazetteer once; `extract` is then pure CPU work.
 */
import {
  documentId,
  parseOrThrow,
  relationId,
  type Document,
  type Evidence,
  type GraphBatch,
  type Mention,
  type Relation,
} from '@fupin/graph-schema';
import { loadGazetteer } from '@fupin/gazetteer';
import { normalize, splitSentences } from '@fupin/text';
import { z } from 'zod';
import { ENTITY_EXTRACTORS } from './extractors/index.js';
import { primaryRegionOf } from './extractors/regions.js';
import { RELATION_EXTRACTORS } from './relations/index.js';
import { resolveMentions, type DocumentEntities } from './resolve.js';
import { CachingSegmenter, JiebaSegmenter } from './segmenter.js';
import { guessTitle } from './title.js';
import type { DocContext, EntityExtractor, EntityMention, GazetteerPort, RelationExtractor, Segmenter } from './types.js';

/**
 * A document to extract: its path, ORIGINAL text (decoded), content hash, and title/date if known.
 * @example ExtractInputSchema.parse({ path: '从江.txt', text: '從江縣…', sha256 })
 */
export const ExtractInputSchema = z.object({
  path: z.string(),
  text: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().optional(),
  date: z.string().optional(),
});
/** A document to extract (see ExtractInputSchema). */
export type ExtractInput = z.infer<typeof ExtractInputSchema>;

/**
 * What an Extractor is made of; every part has a default.
 * @example Extractor.create({ entityExtractors: [regionExtractor] }) // regions only
 */
export interface ExtractorOptions {
  gazetteer?: GazetteerPort;
  segmenter?: Segmenter;
  entityExtractors?: readonly EntityExtractor[];
  relationExtractors?: readonly RelationExtractor[];
  /** Keep the original text in the Document node (default true; the view shows evidence in context). */
  keepText?: boolean;
}

/**
 * Extracts a GraphBatch from one document at a time.
 * @example Extractor.create().extract({ path: '从江.txt', text: '杭州市萧山区帮助从江县…', sha256 })
 */
export class Extractor {
  private readonly gazetteer: GazetteerPort;
  private readonly segmenter: Segmenter;
  private readonly entityExtractors: readonly EntityExtractor[];
  private readonly relationExtractors: readonly RelationExtractor[];
  private readonly keepText: boolean;

  private constructor(options: Required<Omit<ExtractorOptions, 'keepText'>> & { keepText: boolean }) {
    this.gazetteer = options.gazetteer;
    this.segmenter = options.segmenter;
    this.entityExtractors = options.entityExtractors;
    this.relationExtractors = options.relationExtractors;
    this.keepText = options.keepText;
  }

  /**
   * Creates an extractor, loading jieba and the gazetteer index once (~0.3 s together).
   * @param options - parts to replace (tests pass their own extractor lists)
   * @example const batch = Extractor.create().extract({ path: 'a.txt', text: '从江县…', sha256 })
   */
  static create(options: ExtractorOptions = {}): Extractor {
    return new Extractor({
      gazetteer: options.gazetteer ?? loadGazetteer(),
      segmenter: options.segmenter ?? JiebaSegmenter.shared(),
      entityExtractors: options.entityExtractors ?? ENTITY_EXTRACTORS,
      relationExtractors: options.relationExtractors ?? RELATION_EXTRACTORS,
      keepText: options.keepText ?? true,
    });
  }

  /**
   * Extracts entities, relations and mentions from one document.
   * @param input - path, original text, sha256 of the file bytes, optional title/date
   * @example extractor.extract({ path: 'r.txt', text: '杭州市帮助从江县…', sha256 }).relations[0].type // 'ASSISTS'
   */
  extract(input: ExtractInput): GraphBatch {
    const doc = parseOrThrow(ExtractInputSchema, input, 'extract.Extractor.extract');
    const { ctx, resolved } = this.analyse(doc);
    const relations = new Map<string, Relation>();
    for (const extractor of this.relationExtractors) {
      for (const r of extractor.extract(ctx)) {
        const source = resolved.idOf(r.source) ?? resolved.add(r.source).id;
        const target = resolved.idOf(r.target) ?? resolved.add(r.target).id;
        if (source === target) continue;
        const id = relationId(r.type, source, target);
        const evidence = this.evidence(ctx, r.sentence, r.start, r.end, r.extractor);
        const have = relations.get(id);
        if (!have) {
          relations.set(id, {
            id,
            type: r.type,
            source,
            target,
            evidence: [evidence],
            properties: { ...r.properties },
          });
          continue;
        }
        if (!have.evidence.some((e) => e.start === evidence.start && e.end === evidence.end))
          have.evidence.push(evidence);
        for (const [k, v] of Object.entries(r.properties ?? {})) if (!(k in have.properties)) have.properties[k] = v;
      }
    }

    const mentions: Mention[] = ctx.mentions.map((m, i) => {
      const span = ctx.normalized.originalSpan(m.start, m.end);
      return {
        entityId: resolved.mentionIds[i]!,
        documentId: ctx.documentId,
        surface: ctx.normalized.original.slice(span.start, span.end),
        start: span.start,
        end: span.end,
      };
    });
    const document: Document = {
      id: ctx.documentId,
      path: doc.path,
      sha256: doc.sha256,
      chars: doc.text.length,
      ...(ctx.title ? { title: ctx.title } : {}),
      ...(doc.date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(doc.date) ? { date: doc.date } : {}),
      ...(this.keepText ? { text: doc.text } : {}),
    };
    return { documents: [document], entities: resolved.entities, relations: [...relations.values()], mentions };
  }

  /**
   * Runs normalisation, the entity extractors and the resolver on a document: the context relation
   * extractors read (mentions carry their entity's canonical name and code). Tests of relation
   * extractors start here.
   * @param input - the document
   * @example extractor.prepare({ path: 'a.txt', text: '从江县加榜乡', sha256 }).ctx.mentions.map((m) => m.name) // ['从江县', '加榜乡']
   */
  prepare(input: ExtractInput): { ctx: DocContext; resolved: DocumentEntities } {
    return this.analyse(parseOrThrow(ExtractInputSchema, input, 'extract.Extractor.prepare'));
  }

  private analyse(doc: ExtractInput): { ctx: DocContext; resolved: DocumentEntities } {
    const ctx = this.contextOf(doc);
    for (const extractor of this.entityExtractors) {
      ctx.mentions.push(...extractor.extract(ctx));
      if (extractor.name === 'regions' || !ctx.primaryRegion) ctx.primaryRegion ??= primaryRegionOf(ctx.mentions);
    }
    // Resolve, then give every mention its entity's canonical name, so relation extractors see entities.
    const resolved = resolveMentions(ctx.mentions, this.gazetteer, ctx.primaryRegion);
    return { ctx: resolvedContext(ctx, resolved), resolved };
  }

  /**
   * The bare context of a document (normalised text, sentences, segmenter, gazetteer), before any
   * extractor ran: what unit tests of one entity extractor pass to it.
   * @param input - the document
   * @example regionExtractor.extract(extractor.context({ path: 'a.txt', text: '从江县', sha256 }))
   */
  context(input: ExtractInput): DocContext {
    return this.contextOf(parseOrThrow(ExtractInputSchema, input, 'extract.Extractor.context'));
  }

  /** The context of a document already validated (extract and prepare parse their input once). */
  private contextOf(doc: ExtractInput): DocContext {
    const normalized = normalize(doc.text);
    const sentences = splitSentences(normalized);
    const title = doc.title ?? guessTitle(normalized);
    return {
      documentId: documentId(doc.sha256),
      normalized,
      sentences,
      segmenter: new CachingSegmenter(this.segmenter, { text: normalized.text, spans: sentences }),
      mentions: [],
      gazetteer: this.gazetteer,
      ...(title ? { title } : {}),
    };
  }

  /** Evidence for a statement: its clause or sentence, quoted from the original text with original offsets. */
  private evidence(
    ctx: DocContext,
    sentence: number,
    start: number | undefined,
    end: number | undefined,
    extractor: string,
  ): Evidence {
    const s = ctx.sentences[sentence];
    let span: { start: number; end: number };
    if (start !== undefined && end !== undefined && end > start) span = ctx.normalized.originalSpan(start, end);
    else if (s) span = trimSpan(ctx.normalized.original, s.originalStart, s.originalEnd);
    else span = { start: 0, end: 0 };
    return {
      documentId: ctx.documentId,
      sentence: ctx.normalized.original.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      extractor,
    };
  }
}

/**
 * The context relation extractors read: every mention rebuilt as one object shape carrying its entity's
 * canonical name and code, in a fresh context of one shape. Entity extractors build mentions with their
 * own property sets and orders; relation extractors reading a single shape stay monomorphic in V8 (no
 * "wrong map" deoptimisations and recompiles on new documents).
 */
function resolvedContext(ctx: DocContext, resolved: DocumentEntities): DocContext {
  // (a loop into a literal, not `map`: optimised `map` hands out arrays of another elements kind than
  // the interpreter's, a new map for every reader in the middle of a run)
  const mentions: EntityMention[] = [];
  for (let i = 0; i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i]!;
    const e = resolved.byId(resolved.mentionIds[i]!)!;
    mentions.push({
      type: m.type,
      name: e.name,
      code: e.code ? e.code : m.code,
      surface: m.surface,
      start: m.start,
      end: m.end,
      sentence: m.sentence,
      parentCode: m.parentCode,
      parent: m.parent,
      aliases: m.aliases,
      extractor: m.extractor,
    });
  }
  return {
    documentId: ctx.documentId,
    normalized: ctx.normalized,
    sentences: ctx.sentences,
    segmenter: ctx.segmenter,
    mentions,
    primaryRegion: ctx.primaryRegion,
    gazetteer: ctx.gazetteer,
    title: ctx.title,
  };
}

/** Trims whitespace off both ends of an original span. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
