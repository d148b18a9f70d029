/**
 * Tests of withRetry: retriable store failures are retried with growing pauses, others fail at once,
 * and the give-up hook turns the last failure into the caller's message.
 */
import { describe, expect, it } from 'vitest';
import { QueryError, StoreError } from '@fupin/graph-schema';
import { parseRetries, withRetry } from './retry.js';

const FAST = { attempts: 4, firstDelayMs: 1, maxDelayMs: 4 };
const unavailable = () =>
  new StoreError('STORE_UNAVAILABLE', 'store.write: cannot reach Neo4j at bolt://从江', { retriable: true });

describe('withRetry', () => {
  it('should retry a retriable failure until it succeeds, with doubling pauses', async () => {
    let calls = 0;
    const pauses: number[] = [];
    const result = await withRetry(
      async () => {
        if (++calls < 3) throw unavailable();
        return '台江县';
      },
      FAST,
      (_error, _attempt, delay) => pauses.push(delay),
    );
    expect(result).toBe('台江县');
    expect(calls).toBe(3);
    expect(pauses).toEqual([1, 2]);
  });

  it('should fail at once on an error that is not retriable', async () => {
    let calls = 0;
    const failure = await withRetry(async () => {
      calls++;
      throw new QueryError('QUERY_INVALID', 'store.cypher: 语法错误');
    }, FAST).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryError);
    expect(calls).toBe(1);
  });

  it('should give up after the last attempt through the give-up hook', async () => {
    let calls = 0;
    const failure = await withRetry(
      async () => {
        calls++;
        throw unavailable();
      },
      FAST,
      () => undefined,
      (gaveUp) => new StoreError('STORE_UNAVAILABLE', `gave up after ${gaveUp.attempts}`, { retriable: true }),
    ).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect(failure).toMatchObject({ code: 'STORE_UNAVAILABLE', message: 'gave up after 4' });
  });
});

describe('parseRetries', () => {
  it('should count attempts after the first and refuse nonsense', () => {
    expect(parseRetries('0').attempts).toBe(1);
    expect(parseRetries('3').attempts).toBe(4);
    expect(() => parseRetries('-1')).toThrow();
    expect(() => parseRetries('两次')).toThrow();
  });
});
