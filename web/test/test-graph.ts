/**
 * Test graph for the browser tests
 *
 * A small GraphBatch written for these tests (not taken from any report): two eastern districts
 * (苏州市吴中区, 杭州市余杭区) assisting two Guizhou counties (从江县, 台江县) with evidence sentences,
 * the administrative chain up to the provinces, programs, a company and industries, and a document
 * whose text contains `<script>alert(1)</script>` to prove that document text is shown as text.
 */
import {
  documentId,
  entityId,
  relationId,
  sha256Hex,
  type Document,
  type Entity,
  type EntityType,
  type GraphBatch,
  type Mention,
  type Relation,
  type RelationType,
} from '@fupin/graph-schema';

/** Text of the cooperation report. */
export const COOPERATION_TEXT = [
  '吴中区与从江县东西部协作工作简报',
  '2021年，苏州市吴中区与从江县深化结对帮扶，吴中区全年投入帮扶资金6200万元。',
  '从江县在吴中区开设农特产品销售窗口，香猪和茶叶进入苏州市场。',
  '从江县持续推进易地扶贫搬迁，搬迁群众在安置点就近就业。',
  '苏州禾丰农业发展有限公司在从江县投资建设香猪养殖基地。',
].join('\n');

/** Text of the second report; it carries markup that must never run. */
export const SCRIPT_TEXT = [
  '余杭区帮扶台江县情况通报',
  '杭州市余杭区对口帮扶台江县，双方签订劳务协作协议，组织台江县群众到余杭区务工。',
  '网页转载时混入的代码<script>alert(1)</script>应当原样显示。',
  '台江县实施消费帮扶行动，茶叶销往杭州。',
].join('\n');

/** The evidence sentence the search test looks for in the panel of 吴中区. */
export const WUZHONG_EVIDENCE = '2021年，苏州市吴中区与从江县深化结对帮扶，吴中区全年投入帮扶资金6200万元。';

function doc(path: string, title: string, date: string, text: string): Document {
  const sha256 = sha256Hex(text);
  return { id: documentId(sha256), path, sha256, title, date, chars: text.length, text };
}

const docs = {
  cooperation: doc('reports/wuzhong-congjiang.txt', '吴中区与从江县东西部协作工作简报', '2021-06-30', COOPERATION_TEXT),
  script: doc('reports/yuhang-taijiang.txt', '余杭区帮扶台江县情况通报', '2020-09-15', SCRIPT_TEXT),
};

type Spec = [EntityType, string, string?, string?];
const specs = {
  guizhou: ['Province', '贵州省', '520000000000'],
  qdn: ['Prefecture', '黔东南苗族侗族自治州', '522600000000', '贵州省'],
  congjiang: ['County', '从江县', '522633000000', '黔东南苗族侗族自治州'],
  taijiang: ['County', '台江县', '522630000000', '黔东南苗族侗族自治州'],
  jiangsu: ['Province', '江苏省', '320000000000'],
  suzhou: ['Prefecture', '苏州市', '320500000000', '江苏省'],
  wuzhong: ['County', '吴中区', '320506000000', '苏州市'],
  zhejiang: ['Province', '浙江省', '330000000000'],
  hangzhou: ['Prefecture', '杭州市', '330100000000', '浙江省'],
  yuhang: ['County', '余杭区', '330110000000', '杭州市'],
  relocation: ['Program', '易地扶贫搬迁'],
  consumption: ['Program', '消费帮扶'],
  company: ['Company', '苏州禾丰农业发展有限公司'],
  pig: ['Industry', '香猪'],
  tea: ['Industry', '茶叶'],
} satisfies Record<string, Spec>;

/** Ids of the test entities, by short key. */
export const ids = Object.fromEntries(
  Object.entries(specs as Record<string, Spec>).map(([k, [type, name, code]]) => [k, entityId(type, name, code)]),
) as Record<keyof typeof specs, string>;

function evidence(d: Document, sentence: string) {
  const start = d.text!.indexOf(sentence);
  if (start < 0) throw new Error(`test-graph: sentence not in ${d.path}: ${sentence}`);
  return { documentId: d.id, sentence, start, end: start + sentence.length, extractor: 'test' };
}

function rel(type: RelationType, s: string, t: string, d?: Document, sentence?: string, props = {}): Relation {
  return {
    id: relationId(type, s, t),
    type,
    source: s,
    target: t,
    evidence: d && sentence ? [evidence(d, sentence)] : [],
    properties: props,
  };
}

/**
 * Builds the test GraphBatch.
 * @example const batch = testBatch(); await store.write(batch);
 */
export function testBatch(): GraphBatch {
  const c = docs.cooperation;
  const s = docs.script;
  const entities: Entity[] = Object.entries(specs as Record<string, Spec>).map(([k, [type, name, code, parent]]) => ({
    id: ids[k as keyof typeof specs],
    type,
    name,
    aliases: name === '从江县' ? ['從江縣', '从江'] : name === '台江县' ? ['臺江縣', '台江'] : [],
    ...(code ? { code } : {}),
    ...(parent ? { parent } : {}),
  }));
  const line = (d: Document, i: number): string => d.text!.split('\n')[i]!;
  const relations: Relation[] = [
    rel('LOCATED_IN', ids.qdn, ids.guizhou),
    rel('LOCATED_IN', ids.congjiang, ids.qdn),
    rel('LOCATED_IN', ids.taijiang, ids.qdn),
    rel('LOCATED_IN', ids.suzhou, ids.jiangsu),
    rel('LOCATED_IN', ids.wuzhong, ids.suzhou),
    rel('LOCATED_IN', ids.hangzhou, ids.zhejiang),
    rel('LOCATED_IN', ids.yuhang, ids.hangzhou),
    rel('ASSISTS', ids.wuzhong, ids.congjiang, c, WUZHONG_EVIDENCE, { fundsWan: 6200 }),
    rel('SALES_OUTLET_IN', ids.congjiang, ids.wuzhong, c, line(c, 2)),
    rel('IMPLEMENTS', ids.congjiang, ids.relocation, c, line(c, 3)),
    rel('INVESTS_IN', ids.company, ids.congjiang, c, line(c, 4)),
    rel('DEVELOPS', ids.congjiang, ids.pig, c, line(c, 2)),
    rel('DEVELOPS', ids.congjiang, ids.tea, c, line(c, 2)),
    rel('ASSISTS', ids.yuhang, ids.taijiang, s, line(s, 1)),
    rel('LABOR_COOPERATION', ids.taijiang, ids.yuhang, s, line(s, 1)),
    rel('IMPLEMENTS', ids.taijiang, ids.consumption, s, line(s, 3)),
    rel('DEVELOPS', ids.taijiang, ids.tea, s, line(s, 3)),
  ];
  const mentions: Mention[] = [];
  for (const e of entities) {
    for (const d of [c, s]) {
      const at = d.text!.indexOf(e.name);
      if (at >= 0)
        mentions.push({ entityId: e.id, documentId: d.id, surface: e.name, start: at, end: at + e.name.length });
    }
  }
  return { documents: [c, s], entities, relations, mentions };
}

/** The test documents, by key. */
export const testDocuments = docs;
