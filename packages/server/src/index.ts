/**
 * @fupin/server
 *
 * The HTTP API over the GraphStore query API and the static host of the web explorer. Re-exports only.
 */
export { createServer, type FupinServer, type ServerOptions } from './create-server.js';
export { createApi, MAX_QUERY_STRING, type ApiOptions, type CypherCapableStore } from './api.js';
export { HttpError, toErrorResponse, type ErrorBody, type ErrorStatus, type HttpErrorCode } from './errors.js';
export { MAX_SUBGRAPH_LIMIT } from './schemas.js';
