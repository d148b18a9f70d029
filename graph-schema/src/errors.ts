/**
 * Errors
 *
 * One error hierarchy for the whole project, after graphology's and neo4j-driver's: callers act on
 * the class or the `code`, never on the message. Messages start with the owner and method, then say
 * what was expected: `text.decode: reports/a.txt looks binary (NUL at byte 12); expected text`.
 */
import type { z } from 'zod';

/** Every error code the project raises. */
export type FupinErrorCode =
  | 'INPUT_BINARY'
  | 'INPUT_EMPTY'
  | 'INPUT_UNREADABLE'
  | 'INPUT_ENCODING'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_UNSUPPORTED'
  | 'SCHEMA_INVALID'
  | 'STORE_UNAVAILABLE'
  | 'STORE_AUTH'
  | 'STORE_CORRUPT'
  | 'STORE_LOCKED'
  | 'STORE_WRITE'
  | 'QUERY_INVALID'
  | 'QUERY_NOT_FOUND'
  | 'QUERY_WRITE_REFUSED'
  | 'QUERY_TIMEOUT'
  | 'QUERY_UNSUPPORTED';

/** Base class: a code a caller can switch on, and the underlying cause. */
export class FupinError extends Error {
  readonly code: FupinErrorCode;

  constructor(code: FupinErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FupinError';
    this.code = code;
  }
}

/** A bad input file; carries the file path so batch reports can name it. */
export class InputError extends FupinError {
  readonly file: string;

  constructor(code: FupinErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'InputError';
    this.file = file;
  }
}

/** Data that does not validate against a graph-schema zod schema. */
export class SchemaError extends FupinError {
  readonly issues: z.core.$ZodIssue[];

  constructor(message: string, issues: z.core.$ZodIssue[], options?: { cause?: unknown }) {
    super('SCHEMA_INVALID', message, options);
    this.name = 'SchemaError';
    this.issues = issues;
  }
}

/** A store that is down, locked, corrupt or refuses a write; `retriable` says whether trying again may help. */
export class StoreError extends FupinError {
  readonly retriable: boolean;

  constructor(code: FupinErrorCode, message: string, options?: { cause?: unknown; retriable?: boolean }) {
    super(code, message, options);
    this.name = 'StoreError';
    this.retriable = options?.retriable ?? false;
  }
}

/** A query that is malformed, refers to nothing, writes, or runs too long. */
export class QueryError extends FupinError {
  constructor(code: FupinErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'QueryError';
  }
}

/**
 * Parses a value with a zod schema and throws a SchemaError naming the owner on failure.
 * @param schema - the zod schema
 * @param value - untrusted input
 * @param owner - `package.method` for the message, e.g. `store.load`
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, owner: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
  throw new SchemaError(`${owner}: invalid input at ${where}`, result.error.issues);
}
