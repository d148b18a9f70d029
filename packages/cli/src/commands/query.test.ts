import { beforeAll, describe, expect, it } from 'vitest';
import { S, runCli, sampleDataDir } from '../../test/sample-graph.js';
import { registerQuery } from './query.js';

describe('registerQuery', () => {
  let dir: string;
  const run = (...args: string[]) => runCli([registerQuery], ['query', ...args, '--data', dir]);

  beforeAll(async () => {
    dir = await sampleDataDir();
  });

  it('should search traditional input and print JSON summaries', async () => {
    const hits = JSON.parse(await run('search', '從江', '--json'));
    expect(hits[0]).toMatchObject({ id: S.从江县.id, name: '从江县' });
  });

  it('should print partners as a table with the numbers and evidence', async () => {
    const text = await run('partners', '从江');
    expect(text).toContain('吴江区');
    expect(text).toContain('funds=1200');
    expect(text).toContain('吴江区对口帮扶从江县');
  });

  it('should answer children, companies, programs and path', async () => {
    expect(JSON.parse(await run('children', '从江县', '--json')).map((c: { name: string }) => c.name)).toEqual([
      '丙妹镇',
    ]);
    expect(await run('companies', '从江县')).toContain('苏新农业发展有限公司');
    expect(await run('programs', '岜沙村')).toContain('春风行动');
    const path = JSON.parse(await run('path', '吴江区', '岜沙村', '--json'));
    expect(path.path).toEqual([S.吴江区.id, S.从江县.id, S.丙妹镇.id, S.岜沙村.id]);
  });

  it('should show an entity by id with its parent chain', async () => {
    const text = await run('entity', S.岜沙村.id);
    expect(text).toContain('上级：丙妹镇 → 从江县');
  });

  it('should expand neighbours with a relation filter', async () => {
    const subgraph = JSON.parse(await run('neighbours', '从江县', '--depth', '2', '--rel', 'LOCATED_IN', '--json'));
    expect(subgraph.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['丙妹镇', '从江县', '岜沙村'].sort());
  });

  it('should print counts by type', async () => {
    const stats = JSON.parse(await run('stats', '--json'));
    expect(stats).toMatchObject({ documents: 1, nodes: 6, relations: 5 });
    expect(await run('stats')).toContain('ASSISTS');
  });

  it('should refuse a bad type filter and an unknown name with error codes', async () => {
    await expect(run('search', '江', '--type', 'Town')).rejects.toMatchObject({ code: 'SCHEMA_INVALID' });
    await expect(run('partners', '不存在县')).rejects.toMatchObject({ code: 'QUERY_NOT_FOUND' });
  });
});
