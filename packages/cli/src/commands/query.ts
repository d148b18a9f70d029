/**
 * fupin query
 *
 * The typed query API from the shell: `fupin query search 從江`, `fupin query partners 从江县`,
 * `fupin query path 吴江区 岜沙村`, `fupin query stats` … on either store. Entities are named as users
 * know them (full, short or traditional names, or ids), resolved through search. Output is a readable
 * table, or with `--json` exactly what the API returned, for scripts.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import {
  ENTITY_TYPE_LABELS_ZH,
  EntityTypeSchema,
  REGION_LEVELS,
  RELATION_TYPE_LABELS_ZH,
  RelationTypeSchema,
  parseOrThrow,
  type EntityType,
} from '@fupin/graph-schema';
import { resolveName, type EntitySummary, type GraphStore, type RelationView, type Subgraph } from '@fupin/store';
import {
  addStoreOptions,
  formatTable,
  printJson,
  printLine,
  truncate,
  withStore,
  type StoreCliOptions,
} from './store-options.js';

interface JsonOption {
  json?: boolean;
}

/**
 * Finds the entity a command-line argument names: an id as-is, else the best search hit.
 * @example await resolveArgument(store, '從江') // { id: 'region:522633000000', name: '从江县', … }
 */
export async function resolveArgument(
  store: GraphStore,
  argument: string,
  types?: readonly EntityType[],
): Promise<EntitySummary> {
  if (argument.includes(':')) {
    const detail = await store.entity(argument);
    if (detail) return detail.entity;
  }
  return resolveName(store, argument, types);
}

/** Table of entity summaries. */
export function formatEntities(entities: EntitySummary[]): string {
  if (entities.length === 0) return '（无结果）';
  return formatTable(
    ['名称', '类型', '代码', '上级', '关系数', 'id'],
    entities.map((entity) => [
      entity.name,
      ENTITY_TYPE_LABELS_ZH[entity.type],
      entity.code ?? '',
      entity.parent ?? '',
      String(entity.degree),
      entity.id,
    ]),
  );
}

/** Table of relations with their numbers and first evidence sentence. */
export function formatRelations(relations: RelationView[]): string {
  if (relations.length === 0) return '（无结果）';
  return formatTable(
    ['关系', '来源', '目标', '数值', '证据'],
    relations.map((relation) => [
      RELATION_TYPE_LABELS_ZH[relation.type],
      relation.source.name,
      relation.target.name,
      Object.entries(relation.properties)
        .map(([key, value]) => `${key}=${value}`)
        .join(' '),
      relation.evidence.length === 0
        ? ''
        : `${truncate(relation.evidence[0]?.sentence ?? '', 60)}${relation.evidence.length > 1 ? ` (+${relation.evidence.length - 1})` : ''}`,
    ]),
  );
}

/** A subgraph as a node list and an edge list. */
export function formatSubgraph(subgraph: Subgraph): string {
  const names = new Map(subgraph.nodes.map((node) => [node.id, node.name]));
  const path = subgraph.path ? `路径：${subgraph.path.map((id) => names.get(id) ?? id).join(' — ')}\n\n` : '';
  const edges = formatTable(
    ['关系', '来源', '目标', '证据数'],
    subgraph.edges.map((edge) => [
      RELATION_TYPE_LABELS_ZH[edge.type],
      names.get(edge.source) ?? edge.source,
      names.get(edge.target) ?? edge.target,
      String(edge.evidenceCount),
    ]),
  );
  return `${path}${formatEntities(subgraph.nodes)}\n\n${edges}`;
}

function output(options: JsonOption, value: unknown, text: () => string): void {
  if (options.json) printJson(value);
  else printLine(text());
}

const positiveInt = (owner: string) => (text: string) =>
  parseOrThrow(z.coerce.number().int().min(0).max(10_000), text, owner);

/**
 * Registers `fupin query <search|entity|neighbours|partners|programs|companies|industries|children|path|stats>`.
 * @param program - the root command
 * @example fupin query partners 从江县 --json
 */
export function registerQuery(program: Command): void {
  const query = program.command('query').description('query the graph (查询图谱)');
  const sub = (name: string, description: string) =>
    addStoreOptions(query.command(name).description(description)).option('--json', 'print JSON');

  sub('search', 'find entities by name or alias, simplified or traditional (按名称搜索)')
    .argument('<text>', 'name, short name or alias, e.g. 從江')
    .option('--type <type...>', 'only these entity types, e.g. County Township')
    .option('--limit <n>', 'maximum hits', '20')
    .action(async (text: string, options: StoreCliOptions & JsonOption & { type?: string[]; limit: string }) => {
      const types = (options.type ?? []).map((type) => parseOrThrow(EntityTypeSchema, type, 'cli.query.search --type'));
      const limit = positiveInt('cli.query.search --limit')(options.limit);
      const hits = await withStore(options, (store) => store.search(text, { types, limit }));
      output(options, hits, () => formatEntities(hits));
    });

  sub('entity', 'show an entity with its parents, relations and documents (实体详情)')
    .argument('<name>', 'name or id')
    .action(async (name: string, options: StoreCliOptions & JsonOption) => {
      await withStore(options, async (store) => {
        const entity = await resolveArgument(store, name);
        const detail = await store.entity(entity.id);
        output(options, detail, () =>
          [
            `${entity.name}（${ENTITY_TYPE_LABELS_ZH[entity.type]}${entity.code ? `，${entity.code}` : ''}）`,
            detail && detail.parentChain.length > 0 ? `上级：${detail.parentChain.map((p) => p.name).join(' → ')}` : '',
            `别名：${entity.aliases.join('、') || '（无）'}`,
            '',
            formatRelations(detail?.relations ?? []),
            '',
            `来源文档：${(detail?.documents ?? []).map((doc) => doc.title ?? doc.path).join('；') || '（无）'}`,
          ].join('\n'),
        );
      });
    });

  sub('neighbours', 'entities within N relations (邻居)')
    .alias('neighbors')
    .argument('<name>', 'name or id')
    .option('--depth <n>', 'how many relations away', '1')
    .option('--rel <type...>', 'only these relation types, e.g. ASSISTS LOCATED_IN')
    .action(async (name: string, options: StoreCliOptions & JsonOption & { depth: string; rel?: string[] }) => {
      const types = (options.rel ?? []).map((type) =>
        parseOrThrow(RelationTypeSchema, type, 'cli.query.neighbours --rel'),
      );
      const depth = positiveInt('cli.query.neighbours --depth')(options.depth);
      await withStore(options, async (store) => {
        const entity = await resolveArgument(store, name);
        const subgraph = await store.neighbours(entity.id, depth, types);
        output(options, subgraph, () => formatSubgraph(subgraph));
      });
    });

  const relationCommand = (
    name: string,
    description: string,
    run: (store: GraphStore, id: string) => Promise<RelationView[]>,
  ) =>
    sub(name, description)
      .argument('<region>', 'region name or id, e.g. 从江县')
      .action(async (region: string, options: StoreCliOptions & JsonOption) => {
        await withStore(options, async (store) => {
          const entity = await resolveArgument(store, region, REGION_LEVELS);
          const relations = await run(store, entity.id);
          output(options, relations, () => formatRelations(relations));
        });
      });
  relationCommand('partners', 'east-west partners in both directions (东西部协作伙伴)', (store, id) =>
    store.partners(id),
  );
  relationCommand('programs', 'programs a region implements (实施的项目)', (store, id) => store.programsOf(id));
  relationCommand('companies', 'companies investing in a region (投资企业)', (store, id) => store.companiesIn(id));
  relationCommand('industries', 'industries a region develops (产业)', (store, id) => store.industriesOf(id));

  sub('children', 'administrative children of a region (下辖区划)')
    .argument('<region>', 'region name or id')
    .action(async (region: string, options: StoreCliOptions & JsonOption) => {
      await withStore(options, async (store) => {
        const entity = await resolveArgument(store, region, REGION_LEVELS);
        const children = await store.children(entity.id);
        output(options, children, () => formatEntities(children));
      });
    });

  sub('path', 'shortest connection between two entities (最短路径)')
    .argument('<from>', 'name or id')
    .argument('<to>', 'name or id')
    .action(async (from: string, to: string, options: StoreCliOptions & JsonOption) => {
      await withStore(options, async (store) => {
        const source = await resolveArgument(store, from);
        const target = await resolveArgument(store, to);
        const path = await store.shortestPath(source.id, target.id);
        output(options, path, () => (path ? formatSubgraph(path) : `${source.name}与${target.name}之间没有路径`));
      });
    });

  sub('stats', 'node and relation counts by type (统计)').action(async (options: StoreCliOptions & JsonOption) => {
    const stats = await withStore(options, (store) => store.stats());
    output(options, stats, () =>
      [
        `文档 ${stats.documents}  节点 ${stats.nodes}  关系 ${stats.relations}  提及 ${stats.mentions}`,
        '',
        formatTable(
          ['节点类型', '数量'],
          Object.entries(stats.nodesByType).map(([type, count]) => [
            `${type} ${ENTITY_TYPE_LABELS_ZH[type as EntityType]}`,
            String(count),
          ]),
        ),
        '',
        formatTable(
          ['关系类型', '数量'],
          Object.entries(stats.relationsByType).map(([type, count]) => [
            `${type} ${RELATION_TYPE_LABELS_ZH[type as keyof typeof RELATION_TYPE_LABELS_ZH]}`,
            String(count),
          ]),
        ),
      ].join('\n'),
    );
  });
}
