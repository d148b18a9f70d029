/**
 * Interface text
 *
 * The Chinese interface strings and their English counterparts. Elements carry `data-i18n="key"` and
 * are relabelled in place when the language changes; everything is set with textContent.
 */
import type { EntityType, RelationType } from '@fupin/graph-schema';

/** Interface languages. */
export type Lang = 'zh' | 'en';

const ZH = {
  title: '扶贫知识图谱',
  searchPlaceholder: '搜索地区、项目、企业…（按 / 聚焦）',
  viewAll: '全图',
  viewCooperation: '东西部协作',
  viewCypher: 'Cypher 查询',
  legendTypes: '节点类型',
  legendRelations: '关系类型',
  communities: '社区着色',
  exportPng: '导出 PNG',
  exportGexf: '导出 GEXF',
  language: 'English',
  pathFrom: '设为起点',
  pathTo: '设为终点',
  pathFind: '最短路径',
  pathClear: '清除路径',
  pathNone: '两点之间没有路径',
  pathLabel: '路径',
  expand: '展开邻居',
  type: '类型',
  code: '区划代码',
  parentChain: '上级',
  aliases: '别名',
  allYears: '全部年份',
  relations: '关系',
  documents: '来源文档',
  evidence: '证据',
  noEvidence: '（无证据句）',
  close: '关闭',
  ask: '提问',
  askPlaceholder: '例如：从江县的帮扶城市是哪里？',
  cypherRun: '运行（只读）',
  noSelection: '点击节点或搜索以查看详情。Esc 取消选择。',
  loading: '加载中…',
  layoutRunning: '布局计算中…',
  layoutDone: '布局完成',
  nodes: '节点',
  edges: '边',
  eastern: '东部',
  western: '西部',
  error: '出错了',
  noResults: '无结果',
};

const EN: typeof ZH = {
  title: 'Poverty-alleviation knowledge graph',
  searchPlaceholder: 'Search regions, programs, companies… (press /)',
  viewAll: 'Whole graph',
  viewCooperation: 'East–west cooperation',
  viewCypher: 'Cypher',
  legendTypes: 'Node types',
  legendRelations: 'Relation types',
  communities: 'Communities',
  exportPng: 'Export PNG',
  exportGexf: 'Export GEXF',
  language: '中文',
  pathFrom: 'Path start',
  pathTo: 'Path end',
  pathFind: 'Shortest path',
  pathClear: 'Clear path',
  pathNone: 'No path between these nodes',
  pathLabel: 'Path',
  expand: 'Expand neighbours',
  type: 'Type',
  code: 'Division code',
  parentChain: 'Parents',
  aliases: 'Aliases',
  allYears: 'All years',
  relations: 'Relations',
  documents: 'Source documents',
  evidence: 'Evidence',
  noEvidence: '(no evidence sentence)',
  close: 'Close',
  ask: 'Ask',
  askPlaceholder: 'e.g. 从江县的帮扶城市是哪里？',
  cypherRun: 'Run (read-only)',
  noSelection: 'Click a node or search to see details. Esc clears the selection.',
  loading: 'Loading…',
  layoutRunning: 'Computing layout…',
  layoutDone: 'Layout done',
  nodes: 'nodes',
  edges: 'edges',
  eastern: 'East',
  western: 'West',
  error: 'Error',
  noResults: 'No results',
};

/** Keys of the interface strings. */
export type TextKey = keyof typeof ZH;

const TYPE_ZH: Record<EntityType, string> = {
  Province: '省级',
  Prefecture: '地级',
  County: '县级',
  Township: '乡镇',
  Village: '村/社区',
  Program: '项目/政策',
  Company: '企业',
  Organization: '机构',
  Industry: '产业',
  Site: '场所/基地',
};

const RELATION_ZH: Record<RelationType, string> = {
  LOCATED_IN: '位于',
  ASSISTS: '帮扶',
  LABOR_COOPERATION: '劳务协作',
  SALES_OUTLET_IN: '设立销售窗口',
  IMPLEMENTS: '实施',
  INVESTS_IN: '投资/引进',
  PARTNERS_WITH: '合作',
  DEVELOPS: '发展产业',
  PART_OF: '属于',
};

let lang: Lang = 'zh';

/** Current language. */
export function currentLang(): Lang {
  return lang;
}

/**
 * Sets the language and relabels every `[data-i18n]` / `[data-i18n-placeholder]` element under root.
 * @example setLang('en', document.body)
 */
export function setLang(next: Lang, root: ParentNode): void {
  lang = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as TextKey);
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-i18n-placeholder]'))
    el.placeholder = t(el.dataset.i18nPlaceholder as TextKey);
}

/**
 * Interface string in the current language.
 * @example t('viewCooperation') // '东西部协作'
 */
export function t(key: TextKey): string {
  return (lang === 'zh' ? ZH : EN)[key];
}

/**
 * Display name of an entity type.
 * @example typeLabel('County') // '县级'
 */
export function typeLabel(type: EntityType): string {
  return lang === 'zh' ? TYPE_ZH[type] : type;
}

/**
 * Display name of a relation type.
 * @example relationLabel('ASSISTS') // '帮扶'
 */
export function relationLabel(type: RelationType): string {
  return lang === 'zh' ? RELATION_ZH[type] : type.replace(/_/g, ' ').toLowerCase();
}
