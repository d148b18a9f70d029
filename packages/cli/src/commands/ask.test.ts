import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, sampleDataDir } from '../../test/sample-graph.js';
import { registerAsk } from './ask.js';

describe('registerAsk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await sampleDataDir();
  });

  it('should print the answer line and the relations behind it', async () => {
    const text = await runCli([registerAsk], ['ask', '谁帮扶了從江縣？', '--data', dir]);
    expect(text.split('\n')[0]).toBe('帮扶从江县的：吴江区');
    expect(text).toContain('吴江区对口帮扶从江县');
  });

  it('should print the template and typed answer with --json', async () => {
    const result = JSON.parse(await runCli([registerAsk], ['ask', '从江县下辖哪些乡镇', '--json', '--data', dir]));
    expect(result.template).toBe('children');
    expect(result.answer.map((child: { name: string }) => child.name)).toEqual(['丙妹镇']);
  });

  it('should refuse an unsupported question with QUERY_UNSUPPORTED', async () => {
    await expect(runCli([registerAsk], ['ask', '明天会下雨吗', '--data', dir])).rejects.toMatchObject({
      code: 'QUERY_UNSUPPORTED',
    });
  });
});
