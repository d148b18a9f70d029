/**
 * Evidence rows
 *
 * Half a million evidence objects (each with its sentence) were the embedded store's largest item after
 * the relations themselves. A relation's evidence is kept here as one flat array, five slots a row —
 * document id (a shared string), start, end, extractor (shared), and the sentence only when the
 * document's text does not give it back (else 0) — and turned back into Evidence objects, with the
 * sentence sliced from the text, only when a query shows them. Rows keep the first copy of each span,
 * in order, exactly as unionEvidence does for the Neo4j store.
 */
import type { Evidence } from '@fupin/graph-schema';
import { sliceMatches } from './stored-batch.js';

/** `[documentId, start, end, extractor, sentence | 0, …]`, five slots per row. */
export type EvidenceRows = (string | number)[];

const STRIDE = 5;

/**
 * Number of rows.
 * @example evidenceCount(['doc:1', 0, 8, 'cooperation', 0]) // 1
 */
export function evidenceCount(rows: EvidenceRows): number {
  return rows.length / STRIDE;
}

/**
 * Rows plus the incoming evidence whose span (document, start, end) they do not hold yet.
 * @param rows - stored rows (not modified)
 * @param incoming - evidence being written
 * @param unique - the incoming rows have distinct spans (a snapshot's): with no stored rows, nothing to compare
 * @param textOf - stored document texts (a sentence equal to the text's slice is not kept)
 * @param intern - shares id and extractor strings
 * @example unionEvidenceRows([], [{ documentId: 'doc:1', sentence: '宁波市帮扶威宁县', start: 0, end: 8, extractor: 'cooperation' }], false, () => '宁波市帮扶威宁县。', (s) => s) // ['doc:1', 0, 8, 'cooperation', 0]
 */
export function unionEvidenceRows(
  rows: EvidenceRows,
  incoming: readonly Evidence[],
  unique: boolean,
  textOf: (documentId: string) => string | undefined,
  intern: (value: string) => string,
): EvidenceRows {
  // Spans are compared only when there can be a repeat, and only with rows of the incoming documents
  // (a relation stated in hundreds of reports would otherwise rebuild hundreds of keys per write).
  const seen = (unique && rows.length === 0) || (rows.length === 0 && incoming.length < 2) ? null : new Set<string>();
  if (seen && rows.length > 0) {
    const documents = new Set(incoming.map((item) => item.documentId));
    for (let i = 0; i < rows.length; i += STRIDE) {
      if (documents.has(rows[i] as string)) seen.add(`${rows[i]}|${rows[i + 1]}|${rows[i + 2]}`);
    }
  }
  const added: EvidenceRows = [];
  for (const item of incoming) {
    if (seen) {
      const key = `${item.documentId}|${item.start}|${item.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const documentId = intern(item.documentId);
    const sliced = sliceMatches(textOf(documentId), item.start, item.end, item.sentence);
    added.push(documentId, item.start, item.end, intern(item.extractor), sliced ? 0 : item.sentence);
  }
  return added.length === 0 ? rows : rows.concat(added);
}

/**
 * The rows as Evidence objects, sentences sliced from the document texts where not kept.
 * @example evidenceOf(['doc:1', 0, 8, 'cooperation', 0], () => '苏州市帮扶台江县。') // [{ documentId: 'doc:1', sentence: '苏州市帮扶台江县', … }]
 */
export function evidenceOf(rows: EvidenceRows, textOf: (documentId: string) => string | undefined): Evidence[] {
  const out: Evidence[] = [];
  for (let i = 0; i < rows.length; i += STRIDE) {
    const documentId = rows[i] as string;
    const start = rows[i + 1] as number;
    const end = rows[i + 2] as number;
    const kept = rows[i + 4];
    const sentence = typeof kept === 'string' ? kept : (textOf(documentId)?.slice(start, end) ?? '');
    out.push({ documentId, sentence, start, end, extractor: rows[i + 3] as string });
  }
  return out;
}

/**
 * Whether any row comes from the document.
 * @example citesDocument(['doc:1', 0, 8, 'cooperation', 0], 'doc:1') // true
 */
export function citesDocument(rows: EvidenceRows, documentId: string): boolean {
  for (let i = 0; i < rows.length; i += STRIDE) if (rows[i] === documentId) return true;
  return false;
}

/**
 * The rows without those of one document.
 * @example withoutDocument(['doc:1', 0, 8, 'cooperation', 0], 'doc:1') // []
 */
export function withoutDocument(rows: EvidenceRows, documentId: string): EvidenceRows {
  const out: EvidenceRows = [];
  for (let i = 0; i < rows.length; i += STRIDE) {
    if (rows[i] !== documentId) out.push(...rows.slice(i, i + STRIDE));
  }
  return out;
}

/**
 * Keeps the sentences of one document's rows as strings: its text is about to change or go.
 * @param rows - modified in place
 * @example freezeSentences(rows, 'doc:1', '宁波市帮扶威宁县。') // rows now hold '宁波市帮扶威宁县' instead of 0
 */
export function freezeSentences(rows: EvidenceRows, documentId: string, text: string | undefined): void {
  for (let i = 0; i < rows.length; i += STRIDE) {
    if (rows[i] === documentId && typeof rows[i + 4] !== 'string') {
      rows[i + 4] = text?.slice(rows[i + 1] as number, rows[i + 2] as number) ?? '';
    }
  }
}

/**
 * The rows in stored form (stored-batch.ts): the sentence only where it is kept.
 * @example storedEvidence(['doc:1', 0, 8, 'cooperation', 0]) // [{ documentId: 'doc:1', start: 0, end: 8, extractor: 'cooperation' }]
 */
export function storedEvidence(
  rows: EvidenceRows,
): { documentId: string; start: number; end: number; extractor: string; sentence?: string }[] {
  const out: { documentId: string; start: number; end: number; extractor: string; sentence?: string }[] = [];
  for (let i = 0; i < rows.length; i += STRIDE) {
    const item: { documentId: string; start: number; end: number; extractor: string; sentence?: string } = {
      documentId: rows[i] as string,
      start: rows[i + 1] as number,
      end: rows[i + 2] as number,
      extractor: rows[i + 3] as string,
    };
    if (typeof rows[i + 4] === 'string') item.sentence = rows[i + 4] as string;
    out.push(item);
  }
  return out;
}
