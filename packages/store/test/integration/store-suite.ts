/**
 * Shared store suite
 *
 * One set of expectations that every GraphStore must meet, run against the EmbeddedStore and a real
 * Neo4j: writing the fixture batches, every query of the API, re-ingest idempotence (counts and
 * evidence unchanged), document removal, traditional-script search and the error codes. Because both
 * stores must pass the very same assertions, they give the same answers; `defineStoreComparison`
 * additionally compares two stores' answers item by item.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryError, StoreError, type GraphBatch } from '@fupin/graph-schema';
import type { GraphStore } from '../../src/graph-store.js';
import { DOC_A, DOC_B, E, fixtureBatchA, fixtureBatchB } from '../fixtures/cooperation-graph.js';

/** How the suite gets an empty store of the kind under test. */
export interface StoreUnderTest {
  /** Returns an opened, EMPTY store (wipe or create a fresh one). */
  fresh(): Promise<GraphStore>;
}

const names = (items: { name: string }[]) => items.map((item) => item.name);
const relationNames = (items: { type: string; source: { name: string }; target: { name: string } }[]) =>
  items.map((item) => `${item.type} ${item.source.name}→${item.target.name}`);

async function loaded(subject: StoreUnderTest): Promise<GraphStore> {
  const store = await subject.fresh();
  await store.write(fixtureBatchA());
  await store.write(fixtureBatchB());
  return store;
}

/**
 * Defines the describe blocks of the shared suite for one store kind.
 * @param label - e.g. `EmbeddedStore`
 * @param subject - how to get a fresh store
 */
export function defineStoreSuite(label: string, subject: StoreUnderTest): void {
  describe(`${label} (shared store suite)`, () => {
    describe('write', () => {
      it('should store every entity, relation, mention and document of the batches', async () => {
        const store = await loaded(subject);
        const stats = await store.stats();
        expect(stats.documents).toBe(2);
        expect(stats.nodes).toBe(19);
        expect(stats.relations).toBe(19);
        expect(stats.relationsByType).toEqual({
          ASSISTS: 2,
          LABOR_COOPERATION: 1,
          SALES_OUTLET_IN: 1,
          IMPLEMENTS: 5,
          DEVELOPS: 2,
          INVESTS_IN: 2,
          LOCATED_IN: 6,
        });
        expect(stats.nodesByType.County).toBe(4);
        const mentions = fixtureBatchA().mentions.length + fixtureBatchB().mentions.length;
        expect(stats.mentions).toBe(mentions);
        await store.close();
      });

      it('should leave counts and evidence unchanged when the same batches are written again', async () => {
        const store = await loaded(subject);
        const before = await store.stats();
        const evidenceBefore = (await store.partners(E.从江县.id)).map((view) => view.evidence.length);
        await store.write(fixtureBatchB());
        await store.write(fixtureBatchA());
        expect(await store.stats()).toEqual(before);
        expect((await store.partners(E.从江县.id)).map((view) => view.evidence.length)).toEqual(evidenceBefore);
        await store.close();
      });

      it('should union evidence of one relation from two documents without duplicates', async () => {
        const store = await loaded(subject);
        const assists = (await store.partners(E.从江县.id)).find((view) => view.type === 'ASSISTS');
        expect(assists?.evidence.map((item) => item.documentId).sort()).toEqual([DOC_A.id, DOC_B.id].sort());
        expect(assists?.properties).toEqual({ funds: 3500 });
        await store.close();
      });

      it('should hold and export the same graph whatever order the batches were written in', async () => {
        const forward = await loaded(subject);
        const exported = await forward.exportBatch();
        const partners = await forward.partners(E.从江县.id);
        await forward.close();
        const backward = await subject.fresh();
        await backward.write(fixtureBatchB());
        await backward.write(fixtureBatchA());
        expect(await backward.exportBatch()).toEqual(exported);
        expect(await backward.partners(E.从江县.id)).toEqual(partners);
        await backward.close();
      });

      it('should merge the numbers of one relation from two documents the same in either order', async () => {
        // Two reports state different figures for the same relation: the store keeps one answer
        // whatever order they arrive in (per-key maximum), so sharded loads equal one ingest.
        const first = fixtureBatchA();
        const rel = first.relations[0]!;
        rel.properties = { mu: 5000 };
        const second: GraphBatch = {
          documents: [],
          entities: first.entities.filter((e) => e.id === rel.source || e.id === rel.target),
          relations: [{ ...rel, properties: { mu: 6200, households: 80 } }],
          mentions: [],
        };
        const forward = await subject.fresh();
        await forward.write(first);
        await forward.write(second);
        const one = (await forward.exportBatch()).relations.find((r) => r.id === rel.id);
        await forward.close();
        const backward = await subject.fresh();
        await backward.write(second);
        await backward.write(first);
        const other = (await backward.exportBatch()).relations.find((r) => r.id === rel.id);
        await backward.close();
        expect(one?.properties).toEqual({ mu: 6200, households: 80 });
        expect(other?.properties).toEqual(one?.properties);
      });

      it('should refuse a relation whose endpoint exists nowhere with STORE_WRITE', async () => {
        const store = await subject.fresh();
        const batch = fixtureBatchA();
        const broken: GraphBatch = { ...batch, entities: batch.entities.filter((entity) => entity.id !== E.苏州市.id) };
        await expect(store.write(broken)).rejects.toMatchObject({ code: 'STORE_WRITE' });
        await expect(store.write(broken)).rejects.toBeInstanceOf(StoreError);
        await store.close();
      });

      it('should merge aliases when an entity is written again with new ones', async () => {
        const store = await loaded(subject);
        await store.write({
          documents: [],
          relations: [],
          mentions: [],
          entities: [{ ...E.从江县, aliases: ['從江'] }],
        });
        const detail = await store.entity(E.从江县.id);
        expect(detail?.entity.aliases).toEqual(['从江', '從江', '從江縣']);
        await store.close();
      });
    });

    describe('documents', () => {
      it('should keep documents with their text and hashes', async () => {
        const store = await loaded(subject);
        expect((await store.document(DOC_B.id))?.text).toBe(DOC_B.text);
        expect(await store.document('doc:missing')).toBeNull();
        expect((await store.documents()).map((doc) => doc.path)).toEqual([DOC_A.path, DOC_B.path]);
        expect((await store.documents())[0]).not.toHaveProperty('text');
        expect(await store.documentHashes()).toEqual(
          new Map([
            [DOC_A.path, DOC_A.sha256],
            [DOC_B.path, DOC_B.sha256],
          ]),
        );
        await store.close();
      });
    });

    describe('search', () => {
      it('should find a county from traditional input (從江 → 从江县)', async () => {
        const store = await loaded(subject);
        const hits = await store.search('從江');
        expect(hits[0]?.id).toBe(E.从江县.id);
        await store.close();
      });

      it('should rank exact before prefix before contains matches', async () => {
        const store = await loaded(subject);
        expect(names(await store.search('茶叶'))).toEqual(['茶叶']);
        expect(names(await store.search('江'))).toEqual(
          expect.arrayContaining(['从江县', '台江县', '吴江区', '江苏省']),
        );
        const hits = names(await store.search('江'));
        expect(hits.indexOf('江苏省')).toBeLessThan(hits.indexOf('从江县'));
        await store.close();
      });

      it('should filter by entity type and respect the limit', async () => {
        const store = await loaded(subject);
        expect(names(await store.search('江', { types: ['County'] })).sort()).toEqual(
          ['从江县', '台江县', '吴江区'].sort(),
        );
        expect(await store.search('江', { limit: 2 })).toHaveLength(2);
        expect(await store.search('不存在的地名')).toEqual([]);
        expect(await store.search('   ')).toEqual([]);
        await store.close();
      });

      it('should search literally when the input holds query syntax', async () => {
        const store = await loaded(subject);
        expect(await store.search('从江 OR "*')).toEqual([]);
        expect(names(await store.search('3500'))).toEqual([]);
        await store.close();
      });
    });

    describe('entity', () => {
      it('should give the parent chain, relations and documents of a village', async () => {
        const store = await loaded(subject);
        const detail = await store.entity(E.岜沙村.id);
        expect(names(detail?.parentChain ?? [])).toEqual(['丙妹镇', '从江县', '黔东南苗族侗族自治州', '贵州省']);
        expect(relationNames(detail?.relations ?? [])).toEqual([
          'IMPLEMENTS 岜沙村→春风行动',
          'LOCATED_IN 岜沙村→丙妹镇',
        ]);
        expect(detail?.documents.map((doc) => doc.id)).toEqual([DOC_A.id]);
        expect(await store.entity('region:000000000000')).toBeNull();
        await store.close();
      });
    });

    describe('region queries', () => {
      it('should list east-west partners in both directions', async () => {
        const store = await loaded(subject);
        expect(relationNames(await store.partners(E.从江县.id))).toEqual([
          'ASSISTS 吴江区→从江县',
          'LABOR_COOPERATION 从江县→吴江区',
          'SALES_OUTLET_IN 从江县→苏州市',
        ]);
        expect(relationNames(await store.partners(E.吴江区.id))).toEqual([
          'ASSISTS 吴江区→从江县',
          'LABOR_COOPERATION 从江县→吴江区',
        ]);
        await store.close();
      });

      it('should list programs, companies and industries of a county', async () => {
        const store = await loaded(subject);
        expect(relationNames(await store.programsOf(E.台江县.id))).toEqual([
          'IMPLEMENTS 台江县→东西部协作',
          'IMPLEMENTS 台江县→易地扶贫搬迁',
        ]);
        expect(relationNames(await store.companiesIn(E.从江县.id))).toEqual(['INVESTS_IN 苏新农业发展有限公司→从江县']);
        expect(relationNames(await store.industriesOf(E.台江县.id))).toEqual(['DEVELOPS 台江县→茶叶']);
        await store.close();
      });

      it('should list the administrative children by code', async () => {
        const store = await loaded(subject);
        expect(names(await store.children(E.从江县.id))).toEqual(['丙妹镇', '贯洞镇']);
        expect(names(await store.children(E.丙妹镇.id))).toEqual(['岜沙村']);
        expect(names(await store.children(E.黔东南州.id))).toEqual(['台江县', '从江县']);
        await store.close();
      });

      it('should refuse an unknown region with QUERY_NOT_FOUND', async () => {
        const store = await loaded(subject);
        await expect(store.partners('region:000000000000')).rejects.toBeInstanceOf(QueryError);
        await expect(store.children('region:000000000000')).rejects.toMatchObject({ code: 'QUERY_NOT_FOUND' });
        await store.close();
      });
    });

    describe('graph queries', () => {
      it('should expand neighbours breadth-first with the relations among them', async () => {
        const store = await loaded(subject);
        const one = await store.neighbours(E.岜沙村.id, 1);
        expect(names(one.nodes).sort()).toEqual(['丙妹镇', '岜沙村', '春风行动'].sort());
        expect(one.edges.map((edge) => edge.type).sort()).toEqual(['IMPLEMENTS', 'LOCATED_IN']);
        const assists = await store.neighbours(E.吴江区.id, 2, ['ASSISTS']);
        expect(names(assists.nodes).sort()).toEqual(['从江县', '吴江区'].sort());
        expect(assists.edges).toEqual([
          expect.objectContaining({ type: 'ASSISTS', source: E.吴江区.id, target: E.从江县.id, evidenceCount: 2 }),
        ]);
        await expect(store.neighbours(E.岜沙村.id, 99)).rejects.toMatchObject({ code: 'QUERY_INVALID' });
        await store.close();
      });

      it('should find the shortest path, choosing the smallest ids among equal paths', async () => {
        const store = await loaded(subject);
        const path = await store.shortestPath(E.苏新农业.id, E.岜沙村.id);
        expect(path?.path).toEqual([E.苏新农业.id, E.从江县.id, E.丙妹镇.id, E.岜沙村.id]);
        expect(path?.edges).toHaveLength(3);
        const tie = await store.shortestPath(E.从江县.id, E.台江县.id);
        expect(tie?.path).toEqual([E.从江县.id, E.东西部协作.id, E.台江县.id]);
        expect(await store.shortestPath(E.贯洞镇.id, E.岜沙村.id)).toBeNull();
        expect((await store.shortestPath(E.岜沙村.id, E.岜沙村.id))?.path).toEqual([E.岜沙村.id]);
        await store.close();
      });

      it('should cut subgraphs by cooperation, type, year and limit', async () => {
        const store = await loaded(subject);
        const cooperation = await store.subgraph({ cooperation: true });
        expect(names(cooperation.nodes).sort()).toEqual(['从江县', '台江县', '吴江区', '余杭区', '苏州市'].sort());
        expect(cooperation.edges.map((edge) => edge.type).sort()).toEqual([
          'ASSISTS',
          'ASSISTS',
          'LABOR_COOPERATION',
          'SALES_OUTLET_IN',
        ]);
        const programs = await store.subgraph({ types: ['Program', 'Village'] });
        expect(programs.nodes.every((node) => node.type === 'Program' || node.type === 'Village')).toBe(true);
        expect(programs.edges.map((edge) => edge.id)).toEqual([`IMPLEMENTS|${E.岜沙村.id}|${E.春风行动.id}`]);
        const year = await store.subgraph({ year: 2024 });
        expect(names(year.nodes)).toContain('杭黔茶业有限公司');
        expect(names(year.nodes)).not.toContain('苏新农业发展有限公司');
        const top = await store.subgraph({ limit: 1 });
        expect(names(top.nodes)).toEqual(['从江县']);
        // Degrees: 从江县 8, 台江县 6, 吴江区 4, 东西部协作 3, then five regions tie at 2 — smaller ids win.
        const six = await store.subgraph({ limit: 6 });
        expect(names(six.nodes).sort()).toEqual(
          ['从江县', '台江县', '吴江区', '东西部协作', '苏州市', '余杭区'].sort(),
        );
        await store.close();
      });
    });

    describe('removeDocument', () => {
      it('should take a document, its mentions, its evidence and what only it kept alive', async () => {
        const store = await loaded(subject);
        const before = await store.stats();
        await store.removeDocument(DOC_B.id);
        expect(await store.document(DOC_B.id)).toBeNull();
        const assists = (await store.partners(E.从江县.id)).find((view) => view.type === 'ASSISTS');
        expect(assists?.evidence.map((item) => item.documentId)).toEqual([DOC_A.id]);
        expect(await store.entity(E.杭黔茶业.id)).toBeNull();
        expect(await store.entity(E.茶叶.id)).toBeNull();
        // 台江县 keeps its (evidence-less) LOCATED_IN link, so it stays; its programs went.
        expect(await store.programsOf(E.台江县.id)).toEqual([]);
        expect((await store.stats()).documents).toBe(1);
        await store.write(fixtureBatchB());
        expect(await store.stats()).toEqual(before);
        await store.close();
      });
    });
  });
}

/**
 * Compares two stores holding the same batches: every query must return deep-equal answers.
 * @param label - e.g. `EmbeddedStore vs Neo4jStore`
 * @param pair - returns the two loaded stores
 */
export function defineStoreComparison(label: string, pair: () => Promise<[GraphStore, GraphStore]>): void {
  describe(label, () => {
    let left: GraphStore;
    let right: GraphStore;
    beforeAll(async () => {
      [left, right] = await pair();
      for (const store of [left, right]) {
        await store.write(fixtureBatchA());
        await store.write(fixtureBatchB());
      }
    });

    const ids = Object.values(E).map((entity) => entity.id);
    const queries: [string, (store: GraphStore) => Promise<unknown>][] = [
      ['stats', (store) => store.stats()],
      ['documents', (store) => store.documents()],
      ['search 江', (store) => store.search('江', { limit: 50 })],
      ['search 從江', (store) => store.search('從江')],
      ['search 有限公司', (store) => store.search('有限公司')],
      ['subgraph', (store) => store.subgraph({})],
      ['subgraph cooperation', (store) => store.subgraph({ cooperation: true })],
      ['subgraph limit 3', (store) => store.subgraph({ limit: 3 })],
      ['subgraph limit 6', (store) => store.subgraph({ limit: 6 })],
      ['subgraph 2023', (store) => store.subgraph({ year: 2023 })],
      ...ids.flatMap((id): [string, (store: GraphStore) => Promise<unknown>][] => [
        [`entity ${id}`, (store) => store.entity(id)],
        [`neighbours ${id}`, (store) => store.neighbours(id, 2)],
        [`neighbours depth 3 ${id}`, (store) => store.neighbours(id, 3)],
        [`neighbours depth 0 ${id}`, (store) => store.neighbours(id, 0, ['ASSISTS'])],
        [`partners ${id}`, (store) => store.partners(id)],
        [`programsOf ${id}`, (store) => store.programsOf(id)],
        [`companiesIn ${id}`, (store) => store.companiesIn(id)],
        [`industriesOf ${id}`, (store) => store.industriesOf(id)],
        [`children ${id}`, (store) => store.children(id)],
        [`shortestPath ${id}`, (store) => store.shortestPath(E.吴江区.id, id)],
      ]),
    ];
    it.each(queries)('should answer %s identically', async (_name, query) => {
      expect(await query(right)).toEqual(await query(left));
    });
  });
}
