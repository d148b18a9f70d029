/**
 * Parallel extraction, in order
 *
 * Runs extraction over a list of files with N worker threads and yields the outcomes in the order of
 * the input list, whatever order the workers finish in, so output and ids are identical for any N.
 * At most a few files per worker are in flight and finished outcomes wait only until their turn, so
 * memory stays bounded however large the corpus is.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractFile, type FileOutcome } from './extract-file.js';
import { renderOutcome, type RenderedOutcome, type RenderMode } from './render.js';

/** A task for a worker: a file, and whether to hand back its batch or its rendered text. */
export interface PoolTask {
  seq: number;
  file: string;
  render?: RenderMode;
}

/** Default job count: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Extracts files and yields outcomes in input order.
 * @param files - sorted input files
 * @param jobs - worker threads; 1 runs in this thread (no worker start-up cost)
 * @example for await (const o of extractInOrder(['a.txt', 'b.txt'], 2)) console.log(o.file)
 */
export function extractInOrder(files: string[], jobs: number): AsyncGenerator<FileOutcome> {
  return inOrder<FileOutcome>(files, jobs);
}

/**
 * Extracts files and yields them rendered for printing (see render.ts), in input order: the workers
 * render, the caller only writes.
 * @param files - sorted input files
 * @param jobs - worker threads; 1 runs in this thread
 * @param mode - `json`, `jsonl` or `summary`
 * @example for await (const o of renderInOrder(['a.txt'], 2, 'jsonl')) if (o.ok) o.parts.forEach((p) => out.write(p))
 */
export function renderInOrder(files: string[], jobs: number, mode: RenderMode): AsyncGenerator<RenderedOutcome> {
  return inOrder<RenderedOutcome>(files, jobs, mode);
}

async function* inOrder<T>(files: string[], jobs: number, render?: RenderMode): AsyncGenerator<T> {
  if (jobs <= 1 || files.length <= 1) {
    for (const file of files) {
      const outcome = await extractFile(file);
      yield (render ? renderOutcome(outcome, render) : outcome) as T;
    }
    return;
  }
  const workerCount = Math.min(jobs, files.length);
  const workers: Worker[] = [];
  const done = new Map<number, T>();
  let next = 0; // next file to hand out
  let emit = 0; // next outcome to yield
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const maxAhead = workerCount * 4;

  const feed = (worker: Worker): void => {
    if (next < files.length && next - emit < maxAhead) {
      const seq = next++;
      const task: PoolTask = { seq, file: files[seq]!, ...(render ? { render } : {}) };
      worker.postMessage(task);
    } else {
      idle.push(worker);
    }
  };
  const idle: Worker[] = [];
  for (let i = 0; i < workerCount; i++) {
    const worker = new Worker(new URL('./worker.js', import.meta.url));
    worker.on('message', (msg: { seq: number; outcome: T }) => {
      done.set(msg.seq, msg.outcome);
      feed(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    workers.push(worker);
  }
  try {
    for (const worker of workers) feed(worker);
    while (emit < files.length) {
      const outcome = done.get(emit);
      if (outcome) {
        done.delete(emit);
        emit++;
        // Room freed: hand work to idle workers.
        while (idle.length > 0 && next < files.length && next - emit < maxAhead) feed(idle.shift()!);
        yield outcome;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
