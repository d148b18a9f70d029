/**
 * Document mentions
 *
 * A 50 MB corpus yields three quarters of a million mentions; as one object each (plus a string key to
 * deduplicate them) they were the largest part of the embedded store's memory. A document's mentions
 * are kept here column-wise instead — entity ids (shared strings), start and end offsets — and the
 * surface is sliced from the document text when asked for; only a surface that is not the text's slice
 * (or whose document has no stored text) is kept as a string. Deduplication by span and entity uses a
 * set built for the duration of one write, not kept.
 */
import type { Mention } from '@fupin/graph-schema';

/** The mentions of one document. * @example const table = new DocumentMentions(); table.add('region:522630000000', 0, 3, undefined); [...table.rows('doc:1', '台江县发展茶叶产业')] // [{ surface: '台江县', … }]
 */
export class DocumentMentions {
  private readonly entityIds: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Surfaces that the document text does not give back, by row. */
  private surfaces: Map<number, string> | null = null;

  /** Number of mentions. */
  get size(): number {
    return this.entityIds.length;
  }

  /**
   * Identity keys of the stored mentions (span and entity), for deduplicating a write.
   * @example table.keys() // Set { '0|3|region:522630000000' }
   */
  keys(): Set<string> {
    const keys = new Set<string>();
    for (let i = 0; i < this.entityIds.length; i++)
      keys.add(mentionSpanKey(this.starts[i]!, this.ends[i]!, this.entityIds[i]!));
    return keys;
  }

  /**
   * Adds a mention (the caller deduplicates).
   * @param surface - undefined when it is the document text's slice at the offsets
   */
  add(entityId: string, start: number, end: number, surface: string | undefined): void {
    if (surface !== undefined) (this.surfaces ??= new Map()).set(this.entityIds.length, surface);
    this.entityIds.push(entityId);
    this.starts.push(start);
    this.ends.push(end);
  }

  /** Entity ids of the mentions (with repeats). */
  entities(): readonly string[] {
    return this.entityIds;
  }

  /**
   * Keeps every surface as a string: the document's text is about to change or go.
   * @param text - the text the surfaces were sliced from
   */
  freezeSurfaces(text: string | undefined): void {
    for (let i = 0; i < this.entityIds.length; i++) {
      if (this.surfaces?.has(i)) continue;
      (this.surfaces ??= new Map()).set(i, text?.slice(this.starts[i], this.ends[i]) ?? '');
    }
  }

  /**
   * The mentions as GraphBatch rows.
   * @param documentId - their document
   * @param text - its stored text
   */
  *rows(documentId: string, text: string | undefined): Generator<Mention> {
    for (let i = 0; i < this.entityIds.length; i++) {
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      const surface = this.surfaces?.get(i) ?? text?.slice(start, end) ?? '';
      yield { entityId: this.entityIds[i]!, documentId, surface, start, end };
    }
  }

  /** The mentions in stored form: `[entityId, start, end]`, with the surface only where it is kept. */
  stored(): ([string, number, number] | [string, number, number, string])[] {
    return this.entityIds.map((entityId, i) => {
      const surface = this.surfaces?.get(i);
      return surface === undefined
        ? [entityId, this.starts[i]!, this.ends[i]!]
        : [entityId, this.starts[i]!, this.ends[i]!, surface];
    });
  }
}

/**
 * The identity of a mention within its document.
 * @example mentionSpanKey(0, 3, 'region:522630000000') // '0|3|region:522630000000'
 */
export function mentionSpanKey(start: number, end: number, entityId: string): string {
  return `${start}|${end}|${entityId}`;
}
