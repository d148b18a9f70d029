/**
 * Extraction worker
 *
 * Body of each worker thread in the pool: receives file paths, answers with FileOutcomes, or with the
 * outcome rendered as text when the task asks for it (`fupin extract`). Each
 * thread loads its own extractor once, so the segmenter and gazetteer start-up is paid per core,
 * not per file.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file.js';
import type { PoolTask } from './pool.js';
import { renderOutcome } from './render.js';

parentPort?.on('message', (task: PoolTask) => {
  void extractFile(task.file).then((outcome) =>
    parentPort?.postMessage({ seq: task.seq, outcome: task.render ? renderOutcome(outcome, task.render) : outcome }),
  );
});
