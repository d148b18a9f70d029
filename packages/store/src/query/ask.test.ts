import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '@fupin/graph-schema';
import { E, fixtureBatchA, fixtureBatchB } from '../../test/fixtures/cooperation-graph.js';
import { EmbeddedStore } from '../embedded/embedded-store.js';
import type { EntitySummary, RelationView, Subgraph } from '../graph-store.js';
import { ask, normaliseQuestion, resolveName, supportedQuestionForms } from './ask.js';

describe('ask', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  const pairs = (answer: unknown) =>
    (answer as RelationView[]).map((view) => `${view.type} ${view.source.name}→${view.target.name}`);
  const names = (answer: unknown) => (answer as EntitySummary[]).map((item) => item.name);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fupin-ask-'));
    store = new EmbeddedStore({ dataDir });
    await store.write(fixtureBatchA());
    await store.write(fixtureBatchB());
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should normalise traditional script, courtesy words and punctuation', () => {
    expect(normaliseQuestion('請問 吳江區幫扶了哪些地區？')).toBe('吴江区帮扶了哪些地区');
  });

  it('should resolve short and traditional names to stored entities', async () => {
    expect((await resolveName(store, '從江')).id).toBe(E.从江县.id);
    expect((await resolveName(store, '「餘杭」')).id).toBe(E.余杭区.id);
    await expect(resolveName(store, '不存在县')).rejects.toMatchObject({ code: 'QUERY_NOT_FOUND' });
  });

  it.each([
    ['谁帮扶了从江县？', 'assisted-by', ['ASSISTS 吴江区→从江县']],
    ['哪些地区帮扶從江縣', 'assisted-by', ['ASSISTS 吴江区→从江县']],
    ['吴江区帮扶了哪些地区？', 'assists', ['ASSISTS 吴江区→从江县']],
    ['餘杭區對口幫扶了哪個縣', 'assists', ['ASSISTS 余杭区→台江县']],
    ['台江县实施了哪些项目', 'programs', ['IMPLEMENTS 台江县→东西部协作', 'IMPLEMENTS 台江县→易地扶贫搬迁']],
    ['岜沙村开展了什么行动？', 'programs', ['IMPLEMENTS 岜沙村→春风行动']],
    ['哪些企业在从江投资？', 'companies', ['INVESTS_IN 苏新农业发展有限公司→从江县']],
    ['台江县引进了哪些企业', 'companies-introduced', ['INVESTS_IN 杭黔茶业有限公司→台江县']],
    ['杭黔茶业有限公司在哪里投资', 'invests-where', ['INVESTS_IN 杭黔茶业有限公司→台江县']],
    ['台江縣發展了哪些產業？', 'industries', ['DEVELOPS 台江县→茶叶']],
    ['从江县在哪里设立了销售窗口', 'sales-outlets', ['SALES_OUTLET_IN 从江县→苏州市']],
    ['从江县的劳务协作地区', 'labor-cooperation', ['LABOR_COOPERATION 从江县→吴江区']],
    ['吴江区的协作地区有哪些', 'partners', ['ASSISTS 吴江区→从江县', 'LABOR_COOPERATION 从江县→吴江区']],
  ])('should answer 「%s」 with template %s', async (question, template, expected) => {
    const result = await ask(store, question);
    expect(result.template).toBe(template);
    expect(pairs(result.answer)).toEqual(expected);
    expect(result.text.length).toBeGreaterThan(0);
  });

  it('should list townships and descend to villages for 下辖哪些乡镇（村）', async () => {
    const townships = await ask(store, '从江县下辖哪些乡镇？');
    expect(townships.template).toBe('children');
    expect(names(townships.answer)).toEqual(['丙妹镇', '贯洞镇']);
    expect(names((await ask(store, '从江县有哪些村')).answer)).toEqual(['岜沙村']);
  });

  it('should answer 在哪个县 from the administrative chain', async () => {
    const result = await ask(store, '岜沙村在哪个县？');
    expect(result.template).toBe('located-in');
    expect(names(result.answer)).toEqual(['从江县']);
    expect(names((await ask(store, '岜沙村位于哪个省')).answer)).toEqual(['贵州省']);
  });

  it('should answer X和Y有什么联系 with the shortest path', async () => {
    const result = await ask(store, '苏新农业发展有限公司和岜沙村有什么联系？');
    expect(result.template).toBe('connection');
    expect((result.answer as Subgraph).path).toEqual([E.苏新农业.id, E.从江县.id, E.丙妹镇.id, E.岜沙村.id]);
    expect(result.text).toBe(
      '苏新农业发展有限公司与岜沙村的最短联系（3 步）：苏新农业发展有限公司 —投资/引进→ 从江县 ←位于— 丙妹镇 ←位于— 岜沙村',
    );
  });

  it('should refuse an unsupported question with QUERY_UNSUPPORTED listing at least ten forms', async () => {
    const failure = await ask(store, '今天天气怎么样？').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryError);
    expect(failure).toMatchObject({ code: 'QUERY_UNSUPPORTED' });
    expect(supportedQuestionForms().length).toBeGreaterThanOrEqual(10);
    for (const form of supportedQuestionForms()) expect((failure as Error).message).toContain(form);
  });
});
