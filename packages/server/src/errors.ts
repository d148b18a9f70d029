/**
 * HTTP errors of the API
 *
 * Turns the project's error hierarchy (FupinError codes) into JSON error bodies with an HTTP status,
 * so that every failure a client sees has the same shape: `{ "error": { "code", "message" } }`.
 * Unknown errors become a 500 whose message hides internals (the cause is logged, not sent).
 */
import { FupinError, type FupinErrorCode } from '@fupin/graph-schema';

/** Error codes the HTTP layer adds to the project's own. */
export type HttpErrorCode =
  | FupinErrorCode
  | 'HTTP_NOT_FOUND'
  | 'HTTP_BAD_REQUEST'
  | 'HTTP_PAYLOAD_TOO_LARGE'
  | 'HTTP_URI_TOO_LONG'
  | 'HTTP_INTERNAL';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: HttpErrorCode; message: string };
}

/** Status codes the API answers errors with. */
export type ErrorStatus = 400 | 404 | 413 | 414 | 500 | 503 | 504;

/**
 * An error raised inside a route with its status already decided (bad query string, unknown id…).
 * @example throw new HttpError(404, 'HTTP_NOT_FOUND', 'server.entity: no entity "region:522633000000"')
 */
export class HttpError extends Error {
  readonly status: ErrorStatus;
  readonly code: HttpErrorCode;

  constructor(status: ErrorStatus, code: HttpErrorCode, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

// Which status each project error code maps to. Anything not listed is the server's fault (500).
const STATUS_BY_CODE: Partial<Record<FupinErrorCode, ErrorStatus>> = {
  SCHEMA_INVALID: 400,
  QUERY_INVALID: 400,
  QUERY_WRITE_REFUSED: 400,
  QUERY_UNSUPPORTED: 400,
  INPUT_TOO_LARGE: 413,
  QUERY_NOT_FOUND: 404,
  QUERY_TIMEOUT: 504,
  STORE_UNAVAILABLE: 503,
  STORE_LOCKED: 503,
};

/**
 * Maps any thrown value to a status and an error body.
 * @param err - what a route threw
 * @example toErrorResponse(new QueryError('QUERY_INVALID', 'store.cypher: 语法错误')) // { status: 400, … }
 */
export function toErrorResponse(err: unknown): { status: ErrorStatus; body: ErrorBody } {
  if (err instanceof HttpError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  }
  if (err instanceof FupinError) {
    const status = STATUS_BY_CODE[err.code] ?? 500;
    return { status, body: { error: { code: err.code, message: err.message } } };
  }
  return {
    status: 500,
    body: { error: { code: 'HTTP_INTERNAL', message: 'server: internal error; see the server log' } },
  };
}
