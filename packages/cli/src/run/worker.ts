/**
 * Extraction worker
 *
 * Body of each worker thread in the pool: receives file paths, answers with FileOutcomes. Each
 * thread loads its own extractor once, so the segmenter and gazetteer start-up is paid per core,
 * not per file.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file.js';

parentPort?.on('message', (task: { seq: number; file: string }) => {
  void extractFile(task.file).then((outcome) => parentPort?.postMessage({ seq: task.seq, outcome }));
});
