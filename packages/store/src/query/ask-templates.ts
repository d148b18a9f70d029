/**
 * Question templates
 *
 * The Chinese questions `fupin ask` understands, each a regular expression over the simplified
 * question with named slots (`x`, `y`) for entity names, and the query API call that answers it.
 * Patterns are built from the schema's vocabulary (帮扶/实施/投资/下辖/发展/销售窗口/劳务协作 …) and
 * common synonyms, never from particular places, so they work for any county and partner city.
 * Order matters: more specific forms come first.
 */
import { REGION_LEVELS, RELATION_TYPE_LABELS_ZH, type EntityType, type RegionLevel } from '@fupin/graph-schema';
import type { EntitySummary, GraphStore, RelationView, Subgraph } from '../graph-store.js';

/** The answer of one template. */
export type AskAnswer = RelationView[] | EntitySummary[] | Subgraph | null;

/** An entity slot resolved to a stored entity. */
export type Resolve = (name: string, types?: readonly EntityType[]) => Promise<EntitySummary>;

/** One supported question form. */
export interface AskTemplate {
  id: string;
  /** The form as users would write it, with X / Y for names. */
  form: string;
  pattern: RegExp;
  answer(
    store: GraphStore,
    slots: Record<string, string>,
    resolve: Resolve,
  ): Promise<{ answer: AskAnswer; text: string; resolved: EntitySummary[] }>;
}

const REGIONS: readonly EntityType[] = REGION_LEVELS;
const ASSIST = '(?:对口)?(?:帮扶|帮助|支援|援助|结对帮扶)';
const WHICH = '(?:哪些|哪个|什么|哪几个|哪里|哪儿)';
const PLACE = '(?:地区|地方|县|区|市|州|省|乡镇|村|城市)?';

const list = (names: string[]): string => (names.length > 0 ? names.join('、') : '（无）');
const others = (views: RelationView[], id: string): string[] => [
  ...new Set(views.map((view) => (view.source.id === id ? view.target.name : view.source.name))),
];

/** Relations of one type where the entity is on the given side. */
async function relationsWhere(
  store: GraphStore,
  entity: EntitySummary,
  pick: (view: RelationView) => boolean,
): Promise<RelationView[]> {
  const detail = await store.entity(entity.id);
  return (detail?.relations ?? []).filter(pick);
}

/**
 * A path as names joined by the relations between them, e.g. `萧山区 —帮扶→ 从江县 ←位于— 丙妹镇`.
 * @param path - a shortestPath subgraph
 */
export function describePath(path: Subgraph): string {
  const parts = [path.nodes[0]?.name ?? ''];
  for (let index = 1; index < path.nodes.length; index++) {
    const a = path.nodes[index - 1] as EntitySummary;
    const b = path.nodes[index] as EntitySummary;
    const links = path.edges
      .filter(
        (edge) => (edge.source === a.id && edge.target === b.id) || (edge.source === b.id && edge.target === a.id),
      )
      .map((edge) =>
        edge.source === a.id ? `—${RELATION_TYPE_LABELS_ZH[edge.type]}→` : `←${RELATION_TYPE_LABELS_ZH[edge.type]}—`,
      );
    parts.push(` ${[...new Set(links)].join(' ')} ${b.name}`);
  }
  return parts.join('');
}

/** Administrative level asked for by a suffix such as 县 or 镇. */
function levelOf(suffix: string | undefined): RegionLevel | undefined {
  if (!suffix) return undefined;
  if (/省/.test(suffix)) return 'Province';
  if (/市|州|地区/.test(suffix)) return 'Prefecture';
  if (/县|区/.test(suffix)) return 'County';
  if (/乡|镇|街道/.test(suffix)) return 'Township';
  if (/村|社区/.test(suffix)) return 'Village';
  return undefined;
}

/**
 * Every supported question form, most specific first.
 * @example ASK_TEMPLATES.find((t) => t.pattern.test('谁帮扶了从江县'))?.id // 'assisted-by'
 */
export const ASK_TEMPLATES: readonly AskTemplate[] = [
  {
    id: 'connection',
    form: 'X和Y有什么联系',
    pattern: /^(?<x>.+?)(?:和|与|跟|同)(?<y>.+?)(?:之间)?(?:有|存在)?(?:什么|哪些|何种|怎样的)(?:联系|关系|关联)$/u,
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string);
      const y = await resolve(slots.y as string);
      const path = await store.shortestPath(x.id, y.id);
      const text = path
        ? `${x.name}与${y.name}的最短联系（${path.nodes.length - 1} 步）：${describePath(path)}`
        : `${x.name}与${y.name}在图中没有联系。`;
      return { answer: path, text, resolved: [x, y] };
    },
  },
  {
    id: 'assisted-by',
    form: '谁帮扶了X',
    pattern: new RegExp(`^(?:是)?(?:谁|${WHICH}${PLACE}|哪些单位|哪些城市)(?:在)?${ASSIST}了?(?<x>.+?)$`, 'u'),
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const views = (await store.partners(x.id)).filter((view) => view.type === 'ASSISTS' && view.target.id === x.id);
      return { answer: views, text: `帮扶${x.name}的：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'assists',
    form: 'X帮扶了哪些地区',
    pattern: new RegExp(`^(?<x>.+?)${ASSIST}了?${WHICH}${PLACE}$`, 'u'),
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const views = (await store.partners(x.id)).filter((view) => view.type === 'ASSISTS' && view.source.id === x.id);
      return { answer: views, text: `${x.name}帮扶的地区：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'labor-cooperation',
    form: 'X的劳务协作地区',
    pattern: new RegExp(`^(?<x>.+?)的?劳务(?:协作|合作|输出)(?:地区|对象|伙伴|城市)?(?:是|有)?${WHICH}?${PLACE}$`, 'u'),
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const views = (await store.partners(x.id)).filter((view) => view.type === 'LABOR_COOPERATION');
      return { answer: views, text: `${x.name}的劳务协作地区：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'sales-outlets',
    form: 'X在哪里设立了销售窗口',
    pattern:
      /^(?<x>.+?)(?:在)?(?:哪里|哪儿|哪些地方|什么地方|哪些城市|哪些地区)(?:设立|开设|建立|设置|开)了?(?:消费帮扶)?(?:销售窗口|销售专柜|专柜|窗口|门店|体验店|展销中心)$/u,
    async answer(store, _slots, resolve) {
      const x = await resolve(_slots.x as string);
      const views = await relationsWhere(
        store,
        x,
        (view) => view.type === 'SALES_OUTLET_IN' && view.source.id === x.id,
      );
      return { answer: views, text: `${x.name}设立销售窗口的地方：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'partners',
    form: 'X的协作地区有哪些',
    pattern: new RegExp(
      `^(?<x>.+?)的?(?:东西部)?(?:协作|帮扶|结对|对口)(?:地区|伙伴|对象|城市|关系)(?:是|有)?${WHICH}?${PLACE}$`,
      'u',
    ),
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const views = await store.partners(x.id);
      return { answer: views, text: `${x.name}的东西部协作伙伴：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'programs',
    form: 'X实施了哪些项目（行动、工程）',
    pattern: new RegExp(
      `^(?<x>.+?)(?:实施|开展|推进|推行|落实|启动)了?${WHICH}(?:项目|行动|工程|政策|工作|举措|措施|计划)?$`,
      'u',
    ),
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const views = await store.programsOf(x.id);
      return { answer: views, text: `${x.name}实施的项目：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'companies',
    form: '哪些企业在X投资',
    pattern:
      /^(?:有)?(?:哪些|哪家|什么|哪几家)(?:企业|公司|龙头企业)(?:在|到|落户)(?<x>.+?)(?:投资|落户|兴业|建厂|办厂)?(?:了)?$/u,
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const views = await store.companiesIn(x.id);
      return { answer: views, text: `在${x.name}投资的企业：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'companies-introduced',
    form: 'X引进了哪些企业',
    pattern: new RegExp(`^(?<x>.+?)(?:引进|招引|招商引资)了?${WHICH}(?:企业|公司|项目)$`, 'u'),
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const views = await store.companiesIn(x.id);
      return { answer: views, text: `${x.name}引进的企业：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'invests-where',
    form: 'X在哪里投资',
    pattern: /^(?<x>.+?)(?:在|到)(?:哪里|哪儿|哪些地方|哪些地区|哪个县)(?:投资|落户|建厂)了?$/u,
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, ['Company', 'Organization']);
      const views = await relationsWhere(store, x, (view) => view.type === 'INVESTS_IN' && view.source.id === x.id);
      return { answer: views, text: `${x.name}投资的地区：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'children',
    form: 'X下辖哪些乡镇（村）',
    pattern:
      /^(?<x>.+?)(?:下辖|下设|管辖|辖|包括|有)(?:哪些|几个|什么|多少)(?<level>乡镇|乡|镇|街道|村|社区|行政村|县|区|县区|市|州)$/u,
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const level = levelOf(slots.level);
      // 县有哪些村: villages are grandchildren, so descend (at most three levels) until the level appears.
      let generation = await store.children(x.id);
      for (
        let depth = 1;
        level && depth < 3 && generation.length > 0 && !generation.some((c) => c.type === level);
        depth++
      ) {
        generation = (await Promise.all(generation.map((child) => store.children(child.id)))).flat();
      }
      const children = generation.filter((child) => !level || child.type === level);
      return { answer: children, text: `${x.name}下辖：${list(children.map((child) => child.name))}`, resolved: [x] };
    },
  },
  {
    id: 'industries',
    form: 'X发展了哪些产业',
    pattern: new RegExp(`^(?<x>.+?)(?:发展|培育|壮大|种植|养殖)了?${WHICH}(?:特色)?(?:产业|产品|作物)?$`, 'u'),
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string, REGIONS);
      const views = await store.industriesOf(x.id);
      return { answer: views, text: `${x.name}发展的产业：${list(others(views, x.id))}`, resolved: [x] };
    },
  },
  {
    id: 'located-in',
    form: 'X在哪个县',
    pattern: /^(?<x>.+?)(?:在|位于|属于|地处)(?:哪个|哪一个|哪|什么)(?<level>省|市|州|地区|县|区|乡|镇|街道)$/u,
    async answer(store, slots, resolve) {
      const x = await resolve(slots.x as string);
      const detail = await store.entity(x.id);
      const level = levelOf(slots.level);
      const chain = (detail?.parentChain ?? []).filter((ancestor) => !level || ancestor.type === level);
      const located = await relationsWhere(store, x, (view) => view.type === 'LOCATED_IN' && view.source.id === x.id);
      const answer =
        chain.length > 0 ? chain : located.map((view) => view.target).filter((t) => !level || t.type === level);
      return { answer, text: `${x.name}位于：${list(answer.map((ancestor) => ancestor.name))}`, resolved: [x] };
    },
  },
];
