/**
 * Cypher runner
 *
 * The only place the Neo4j store opens sessions. Reads run in READ sessions through `executeRead` and
 * writes in WRITE sessions through `executeWrite`, so the driver retries transient failures and routes
 * both on a cluster (`neo4j://`). Rows come back as plain objects; every failure is mapped to a
 * FupinError by toStoreError so callers never see a raw driver error.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { toStoreError, type Neo4jConnection } from './connection.js';

/** Parameters of a Cypher statement. */
export type CypherParams = Record<string, unknown>;

/** A row as a plain object keyed by the RETURN names. */
export type CypherRow = Record<string, unknown>;

/** Runs parameterised Cypher in managed read/write transactions. */
export class CypherRunner {
  constructor(
    private readonly driver: Driver,
    private readonly connection: Neo4jConnection,
  ) {}

  /**
   * Runs a read query.
   * @param owner - `store.method` for error messages
   * @param timeoutMs - transaction timeout, enforced by the server
   * @example await runner.read('MATCH (n:Entity {name: $name}) RETURN n.id AS id', { name: '从江县' }, 'store.search')
   */
  async read(query: string, params: CypherParams, owner: string, timeoutMs?: number): Promise<CypherRow[]> {
    return (await this.readWithColumns(query, params, owner, timeoutMs)).rows;
  }

  /** Like `read`, also returning the column names (known even when there are no rows). */
  async readWithColumns(
    query: string,
    params: CypherParams,
    owner: string,
    timeoutMs?: number,
  ): Promise<{ columns: string[]; rows: CypherRow[] }> {
    const session = this.session('READ');
    try {
      return await session.executeRead(
        async (tx) => {
          const result = tx.run(query, params);
          const columns = (await result.keys()).map(String);
          const { records } = await result;
          return { columns, rows: records.map((record) => record.toObject() as CypherRow) };
        },
        timeoutMs === undefined ? undefined : { timeout: timeoutMs },
      );
    } catch (error) {
      throw toStoreError(error, owner, this.connection.uri);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction (retried by the driver on transient errors, so it must be
   * idempotent — every statement of the store is a MERGE or a conditional update).
   */
  async write<T>(owner: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw toStoreError(error, owner, this.connection.uri);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs an `UNWIND $rows AS r …` statement over rows in chunks, one write transaction per chunk.
   * @param batchSize - rows per transaction
   */
  async writeRows(query: string, rows: readonly unknown[], batchSize: number, owner: string): Promise<void> {
    for (let start = 0; start < rows.length; start += batchSize) {
      const chunk = rows.slice(start, start + batchSize);
      await this.write(owner, async (tx) => {
        await tx.run(query, { rows: chunk });
      });
    }
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.connection.database ? { database: this.connection.database } : {}),
    });
  }
}
