/**
 * Retries with backoff
 *
 * A store can fail for a while and come back: Neo4j restarting, another `fupin ingest` holding the
 * embedded data directory's lock. Batch commands wrap each store call so that a failure the store marks
 * `retriable` (StoreError STORE_UNAVAILABLE, STORE_LOCKED, STORE_WRITE) is tried again after a growing
 * pause (1 s, 2 s, 4 s … capped), and anything else — a wrong password, a corrupt file, a bad batch —
 * fails at once. The Neo4j driver already retries a transaction for up to 15 s inside each attempt.
 */
import { StoreError } from '@fupin/graph-schema';

/** How often and how patiently to retry. */
export interface RetryPolicy {
  /** Attempts in all, the first included (≥ 1). */
  attempts: number;
  /** Pause before the second attempt; doubles each time. */
  firstDelayMs: number;
  /** Longest pause. */
  maxDelayMs: number;
}

/** Default: 5 attempts, pauses 1, 2, 4, 8 s. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, firstDelayMs: 1000, maxDelayMs: 8000 };

/** A retriable failure that outlived every attempt. */
export interface GaveUp {
  error: StoreError;
  attempts: number;
  elapsedMs: number;
}

/**
 * Whether an error is worth another attempt.
 * @example isRetriable(new StoreError('STORE_UNAVAILABLE', 'store.write: …', { retriable: true })) // true
 */
export function isRetriable(error: unknown): error is StoreError {
  return error instanceof StoreError && error.retriable;
}

/**
 * Runs `work`, retrying retriable store failures with exponential backoff.
 * @param work - the store call (must be idempotent: every store write merges by id)
 * @param policy - attempts and pauses
 * @param onRetry - told before each pause (for a one-line notice)
 * @throws the last error; for a retriable one, `onGiveUp` may replace it with a clearer one
 * @example await withRetry(() => store.write(batch), DEFAULT_RETRY, (e, n, ms) => log(`从江县.txt: retry ${n} in ${ms} ms`))
 */
export async function withRetry<T>(
  work: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry: (error: StoreError, attempt: number, delayMs: number) => void = () => undefined,
  onGiveUp: (gaveUp: GaveUp) => Error = (gaveUp) => gaveUp.error,
): Promise<T> {
  const started = Date.now();
  let delay = policy.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetriable(error)) throw error;
      if (attempt >= policy.attempts) throw onGiveUp({ error, attempts: attempt, elapsedMs: Date.now() - started });
      onRetry(error, attempt, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(policy.maxDelayMs, delay * 2);
    }
  }
}

/**
 * Parses `--retries N` (attempts after the first).
 * @example parseRetries('3') // { attempts: 4, firstDelayMs: 1000, maxDelayMs: 8000 }
 */
export function parseRetries(value: string): RetryPolicy {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    throw new Error(`cli.retries: invalid --retries "${value}"; expected an integer from 0 to 100`);
  }
  return { ...DEFAULT_RETRY, attempts: n + 1 };
}
