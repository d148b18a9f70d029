/**
 * Neo4jStore
 *
 * The GraphStore on a real Neo4j 5 server, for graphs larger than one machine's memory and for users
 * who want Cypher and Neo4j's tools. `init()` checks the connection (so a wrong password or a stopped
 * server fails at once with one clear line) and creates the constraints and indexes graph-schema
 * defines. Writes are batched and idempotent (neo4j-writes.ts), reads parameterised (neo4j-queries.ts),
 * and free-form Cypher runs read-only (read-only-cypher.ts).
 */
import type { Driver } from 'neo4j-driver';
import {
  GraphBatchSchema,
  RELATION_TYPES,
  neo4jSchemaStatements,
  parseOrThrow,
  type Document,
  type EntityType,
  type GraphBatch,
  type Mention,
  type RelationType,
} from '@fupin/graph-schema';
import type {
  DocumentSummary,
  EntityDetail,
  EntitySummary,
  GraphStats,
  GraphStore,
  RelationView,
  Subgraph,
  SubgraphFilter,
  WriteSummary,
  WriteOptions,
} from '../graph-store.js';
import {
  SEARCH_DEFAULT_LIMIT,
  SEARCH_MAX_LIMIT,
  canonicalBatch,
  compareDocuments,
  normaliseForSearch,
} from '../query/canonical.js';
import { checkDepth, checkTypes } from '../query/validate.js';
import {
  createDriver,
  resolveNeo4jConnection,
  toStoreError,
  type Neo4jConnection,
  type Neo4jOptions,
} from './connection.js';
import {
  childrenOf,
  filteredSubgraph,
  neighbourhood,
  parentOf,
  relationsOf,
  requireEntity,
  searchEntities,
  shortestPathBetween,
  summariesOf,
} from './neo4j-queries.js';
import { removeDocumentFrom, writeBatch } from './neo4j-writes.js';
import { runReadOnlyCypher, type CypherResult } from './read-only-cypher.js';
import { documentFromRow, documentProjection, evidenceFromRow, propertiesFromRow } from './rows.js';
import { CypherRunner, type CypherParams } from './runner.js';

/** Indexes the store adds to graph-schema's (children look regions up by parentCode). */
const EXTRA_SCHEMA = ['CREATE INDEX region_parent_code IF NOT EXISTS FOR (n:Region) ON (n.parentCode)'];

/**
 * GraphStore on Neo4j.
 * @example
 * const store = new Neo4jStore({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: '…' });
 * await store.init();
 * await store.partners('region:522633000000'); // ASSISTS 苏州市 → 从江县 …
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  readonly connection: Neo4jConnection;
  private readonly batchSize: number;
  private readonly driver: Driver;
  private readonly runner: CypherRunner;

  constructor(options: Neo4jOptions = {}) {
    this.connection = resolveNeo4jConnection(options);
    this.batchSize = options.batchSize ?? 2000;
    this.driver = createDriver(this.connection);
    this.runner = new CypherRunner(this.driver, this.connection);
  }

  /** Checks the connection and creates constraints and indexes (idempotent). */
  async init(): Promise<void> {
    try {
      await this.driver.verifyConnectivity(this.connection.database ? { database: this.connection.database } : {});
    } catch (error) {
      throw toStoreError(error, 'store.init', this.connection.uri);
    }
    for (const statement of [...neo4jSchemaStatements(), ...EXTRA_SCHEMA]) {
      try {
        await this.runner.write('store.init', (tx) => tx.run(statement));
      } catch (error) {
        // `IF NOT EXISTS` is not atomic: another fupin starting at the same moment may create the same
        // index first, and this statement then fails with EquivalentSchemaRuleAlreadyExists. It exists.
        const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
        if (
          !/^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists)$/.test(
            code,
          )
        ) {
          throw error;
        }
      }
    }
    await this.runner.write('store.init', (tx) => tx.run('CALL db.awaitIndexes(300)'));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async documentHashes(): Promise<Map<string, string>> {
    const rows = await this.runner.read(
      'MATCH (d:Document) RETURN d.path AS path, d.sha256 AS sha',
      {},
      'store.documentHashes',
    );
    return new Map(rows.map((row) => [row.path as string, row.sha as string]));
  }

  async write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteSummary> {
    const valid = parseOrThrow(GraphBatchSchema, batch, 'store.write');
    const summary = await writeBatch(this.runner, valid, this.batchSize);
    const keep = new Set(valid.documents.map((document) => document.id));
    for (const id of options.replaceDocuments ?? []) if (!keep.has(id)) await removeDocumentFrom(this.runner, id);
    return summary;
  }

  async removeDocument(documentId: string): Promise<void> {
    await removeDocumentFrom(this.runner, documentId);
  }

  async document(documentId: string): Promise<Document | null> {
    const [row] = await this.runner.read(
      `MATCH (d:Document {id: $id}) RETURN ${documentProjection('d', true)} AS d`,
      { id: documentId },
      'store.document',
    );
    return row ? documentFromRow(row.d) : null;
  }

  async documents(): Promise<DocumentSummary[]> {
    const rows = await this.runner.read(
      `MATCH (d:Document) RETURN ${documentProjection('d', false)} AS d`,
      {},
      'store.documents',
    );
    return rows.map((row) => documentFromRow(row.d)).sort(compareDocuments);
  }

  async search(text: string, options: { types?: EntityType[]; limit?: number } = {}): Promise<EntitySummary[]> {
    const query = normaliseForSearch(text);
    if (!query) return [];
    const limit = Math.min(Math.max(1, options.limit ?? SEARCH_DEFAULT_LIMIT), SEARCH_MAX_LIMIT);
    return searchEntities(this.runner, query, options.types, limit);
  }

  async entity(id: string): Promise<EntityDetail | null> {
    const [entity] = await summariesOf(this.runner, [id]);
    if (!entity) return null;
    const chain: string[] = [];
    const seen = new Set([id]);
    for (let current = await parentOf(this.runner, id); current && !seen.has(current);) {
      seen.add(current);
      chain.push(current);
      current = await parentOf(this.runner, current);
    }
    const byId = new Map((await summariesOf(this.runner, chain)).map((summary) => [summary.id, summary]));
    const rows = await this.runner.read(
      `MATCH (:Entity {id: $id})-[:MENTIONED_IN]->(d:Document) RETURN ${documentProjection('d', false)} AS d`,
      { id },
      'store.entity',
    );
    return {
      entity,
      parentChain: chain.map((ancestor) => byId.get(ancestor) as EntitySummary),
      relations: await relationsOf(this.runner, id, RELATION_TYPES, 'both'),
      documents: rows.map((row) => documentFromRow(row.d)).sort(compareDocuments),
    };
  }

  async neighbours(id: string, depth: number, relationTypes?: RelationType[]): Promise<Subgraph> {
    const valid = checkDepth(depth);
    const types = checkTypes(relationTypes);
    await requireEntity(this.runner, id, 'neighbours');
    return neighbourhood(this.runner, id, valid, types);
  }

  async partners(regionId: string): Promise<RelationView[]> {
    await requireEntity(this.runner, regionId, 'partners');
    return relationsOf(this.runner, regionId, ['ASSISTS', 'LABOR_COOPERATION', 'SALES_OUTLET_IN'], 'both');
  }

  async programsOf(regionId: string): Promise<RelationView[]> {
    await requireEntity(this.runner, regionId, 'programsOf');
    return relationsOf(this.runner, regionId, ['IMPLEMENTS'], 'out');
  }

  async companiesIn(regionId: string): Promise<RelationView[]> {
    await requireEntity(this.runner, regionId, 'companiesIn');
    return relationsOf(this.runner, regionId, ['INVESTS_IN'], 'in');
  }

  async industriesOf(regionId: string): Promise<RelationView[]> {
    await requireEntity(this.runner, regionId, 'industriesOf');
    return relationsOf(this.runner, regionId, ['DEVELOPS'], 'out');
  }

  async children(regionId: string): Promise<EntitySummary[]> {
    await requireEntity(this.runner, regionId, 'children');
    return childrenOf(this.runner, regionId);
  }

  async shortestPath(fromId: string, toId: string): Promise<Subgraph | null> {
    await requireEntity(this.runner, fromId, 'shortestPath');
    await requireEntity(this.runner, toId, 'shortestPath');
    return shortestPathBetween(this.runner, fromId, toId);
  }

  async subgraph(filter: SubgraphFilter): Promise<Subgraph> {
    return filteredSubgraph(this.runner, filter);
  }

  async stats(): Promise<GraphStats> {
    const read = (query: string) => this.runner.read(query, {}, 'store.stats');
    const [documents] = await read('MATCH (d:Document) RETURN count(d) AS c');
    const nodeRows = await read('MATCH (n:Entity) RETURN n.type AS t, count(*) AS c');
    const relationRows = await read('MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS t, count(*) AS c');
    const [mentions] = await read('MATCH (:Entity)-[m:MENTIONED_IN]->(:Document) RETURN sum(size(m.keys)) AS c');
    const nodesByType: GraphStats['nodesByType'] = {};
    const relationsByType: GraphStats['relationsByType'] = {};
    for (const row of nodeRows) nodesByType[row.t as EntityType] = row.c as number;
    for (const row of relationRows) relationsByType[row.t as RelationType] = row.c as number;
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
    return {
      documents: (documents?.c as number | undefined) ?? 0,
      nodes: total(nodesByType),
      relations: total(relationsByType),
      mentions: (mentions?.c as number | undefined) ?? 0,
      nodesByType,
      relationsByType,
    };
  }

  /** Every stored item as one GraphBatch (JSON export, backups). */
  async exportBatch(): Promise<GraphBatch> {
    const documentRows = await this.runner.read(
      `MATCH (d:Document) RETURN ${documentProjection('d', true)} AS d`,
      {},
      'store.export',
    );
    const entityRows = await this.runner.read(
      'MATCH (n:Entity) RETURN n {.id, .type, .name, .aliases, .code, .parentCode, .parent} AS n',
      {},
      'store.export',
    );
    const relationRows = await this.runner.read(
      `MATCH (a:Entity)-[rel]->(b:Entity)
       RETURN rel.id AS id, type(rel) AS type, a.id AS source, b.id AS target, rel.evidence AS evidence, properties(rel) AS properties`,
      {},
      'store.export',
    );
    const mentionRows = await this.runner.read(
      `MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document)
       RETURN e.id AS entityId, d.id AS documentId, m.starts AS starts, m.ends AS ends, m.surfaces AS surfaces`,
      {},
      'store.export',
    );
    const mentions: Mention[] = [];
    for (const row of mentionRows) {
      const starts = row.starts as number[];
      starts.forEach((start, index) =>
        mentions.push({
          entityId: row.entityId as string,
          documentId: row.documentId as string,
          surface: (row.surfaces as string[])[index] ?? '',
          start,
          end: (row.ends as number[])[index] ?? start,
        }),
      );
    }
    const dropNulls = (value: unknown) =>
      Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== null));
    const batch = parseOrThrow(
      GraphBatchSchema,
      {
        documents: documentRows.map((row) => dropNulls(row.d)),
        entities: entityRows.map((row) => ({ aliases: [], ...dropNulls(row.n) })),
        relations: relationRows.map((row) => ({
          id: row.id,
          type: row.type,
          source: row.source,
          target: row.target,
          evidence: evidenceFromRow(row.evidence),
          properties: propertiesFromRow(row.properties),
        })),
        mentions,
      },
      'store.export',
    );
    return canonicalBatch(batch);
  }

  /**
   * Runs free-form Cypher read-only (see read-only-cypher.ts).
   * @example await store.cypher('MATCH (a)-[:ASSISTS]->(b {name: $name}) RETURN a.name AS partner', { name: '从江县' })
   */
  async cypher(query: string, params: CypherParams = {}, options: { timeoutMs?: number } = {}): Promise<CypherResult> {
    return runReadOnlyCypher(this.runner, query, params, options.timeoutMs ?? 10_000);
  }
}
