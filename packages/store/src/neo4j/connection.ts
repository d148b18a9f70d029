/**
 * Neo4j connection
 *
 * Where the Neo4j store connects (options, else NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, else a local
 * server) and how driver failures become errors a user can act on: a wrong password is STORE_AUTH in
 * one line, an unreachable server STORE_UNAVAILABLE (retriable) naming the URI, a write in a read
 * session QUERY_WRITE_REFUSED, a transaction timeout QUERY_TIMEOUT, a bad statement QUERY_INVALID.
 * `neo4j://` routing URIs work unchanged: reads go through executeRead and writes through
 * executeWrite, which is all the driver needs to route them.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';
import { FupinError, QueryError, StoreError, parseOrThrow } from '@fupin/graph-schema';

/** Connection options of the Neo4j store. */
export const Neo4jOptionsSchema = z.object({
  uri: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a bolt:// or neo4j:// URI')
    .optional(),
  user: z.string().min(1).optional(),
  password: z.string().optional(),
  database: z.string().min(1).optional(),
  /** Rows per UNWIND statement when writing; default 2000. */
  batchSize: z.number().int().min(1).max(100_000).optional(),
});

export type Neo4jOptions = z.infer<typeof Neo4jOptionsSchema>;

/** Resolved connection settings. */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/**
 * Resolves options against the environment.
 * @param options - explicit options (win over the environment)
 * @example resolveNeo4jConnection({ uri: 'bolt://127.0.0.1:7687' }).user // 'neo4j'
 */
export function resolveNeo4jConnection(options: Neo4jOptions = {}): Neo4jConnection {
  const valid = parseOrThrow(Neo4jOptionsSchema, options, 'store.neo4j');
  const env = parseOrThrow(
    Neo4jOptionsSchema.pick({ uri: true, user: true, password: true }),
    {
      uri: process.env.NEO4J_URI || undefined,
      user: process.env.NEO4J_USER || undefined,
      password: process.env.NEO4J_PASSWORD,
    },
    'store.neo4j (NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD)',
  );
  const connection: Neo4jConnection = {
    uri: valid.uri ?? env.uri ?? 'bolt://127.0.0.1:7687',
    user: valid.user ?? env.user ?? 'neo4j',
    password: valid.password ?? env.password ?? '',
  };
  if (valid.database) connection.database = valid.database;
  return connection;
}

/**
 * Creates a driver that returns plain JS numbers (graph counts stay far below 2^53).
 * @param connection - resolved settings
 */
export function createDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 5000,
    maxTransactionRetryTime: 15_000,
    logging: { level: 'error', logger: () => undefined },
  });
}

interface DriverFailure {
  code?: string;
  message?: string;
  retriable?: boolean;
}

/**
 * Turns a driver failure into a FupinError; FupinErrors pass through unchanged.
 * @param error - what the driver threw
 * @param owner - `store.method` for the message
 * @param uri - the server, for connection messages
 * @example toStoreError(authFailure, 'store.init', 'bolt://127.0.0.1:7687').code // 'STORE_AUTH'
 */
export function toStoreError(error: unknown, owner: string, uri: string): FupinError {
  if (error instanceof FupinError) return error;
  const failure = (error ?? {}) as DriverFailure;
  const code = failure.code ?? '';
  const message = firstLine(failure.message ?? String(error));
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new StoreError(
      'STORE_AUTH',
      `${owner}: Neo4j at ${uri} refused the credentials (${message}); check NEO4J_USER / NEO4J_PASSWORD`,
      { cause: error },
    );
  }
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH/.test(message)
  ) {
    return new StoreError(
      'STORE_UNAVAILABLE',
      `${owner}: cannot reach Neo4j at ${uri} (${message}); start it (pnpm neo4j:start) or pass --neo4j / NEO4J_URI`,
      { cause: error, retriable: true },
    );
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || /read access mode/i.test(message)) {
    return new QueryError(
      'QUERY_WRITE_REFUSED',
      `${owner}: the query writes to the graph; expected a read-only query`,
      {
        cause: error,
      },
    );
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || /timed out/i.test(code)) {
    return new QueryError('QUERY_TIMEOUT', `${owner}: the query ran past its timeout (${message})`, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
    return new QueryError('QUERY_INVALID', `${owner}: Neo4j rejected the query (${message})`, { cause: error });
  }
  return new StoreError('STORE_UNAVAILABLE', `${owner}: Neo4j failed (${code || 'error'}: ${message})`, {
    cause: error,
    retriable: failure.retriable === true,
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
