/**
 * Benchmark graph generator
 *
 * Builds a synthetic GraphBatch of the shape real ingest produces, at any scale, deterministically
 * (seeded): western prefectures → counties → townships → villages linked by LOCATED_IN (with codes and
 * parentCodes), eastern districts ASSISTS-ing and LABOR_COOPERATION-ing with counties, programs
 * IMPLEMENTed, companies INVESTS_IN, industries DEVELOPed — every relation with one evidence item. Names
 * are random two-character stems from common place-name characters, so (as in real data) many
 * villages share a name. Used by neo4j-load.mjs and query-latency.mjs.
 */
import { entityId, relationId } from '@fupin/graph-schema';

const STEMS =
  '安平和兴新东西南北中上下大小长高龙凤石山水河江溪坝坪塘坡岭沟湾田林花桥口寨屯营关门岩洞阳明清白青红黄金银宝丰乐富康宁华';
const PROGRAMS = [
  '春风行动',
  '雨露计划',
  '易地扶贫搬迁',
  '组组通',
  '产业扶贫',
  '消费扶贫',
  '以工代赈',
  '光伏扶贫',
  '健康扶贫',
  '教育扶贫',
];
const INDUSTRIES = [
  '茶叶',
  '辣椒',
  '中药材',
  '食用菌',
  '生猪',
  '肉牛',
  '百香果',
  '刺梨',
  '蓝莓',
  '精品水果',
  '蔬菜',
  '油茶',
];

/** Mulberry32: small seeded PRNG so every run builds the same graph. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates the benchmark graph.
 * @param {{ counties?: number, townshipsPerCounty?: number, villagesPerTownship?: number, seed?: number }} options
 * @returns {import('@fupin/graph-schema').GraphBatch}
 */
export function generateGraph({ counties = 100, townshipsPerCounty = 10, villagesPerTownship = 100, seed = 7 } = {}) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const stem = () => pick(STEMS) + pick(STEMS);
  const entities = [];
  const relations = [];
  const evidence = (n) => [
    {
      documentId: `doc:bench${String(n % 997).padStart(4, '0')}`,
      sentence: '（合成基准数据）',
      start: n % 1000,
      end: (n % 1000) + 8,
      extractor: 'bench',
    },
  ];
  const region = (type, name, code, parentCode, aliases = []) => {
    const entity = { id: entityId(type, name, code), type, name, aliases, code };
    if (parentCode) entity.parentCode = parentCode;
    entities.push(entity);
    return entity;
  };
  const link = (type, source, target, properties = {}) => {
    relations.push({
      id: relationId(type, source.id, target.id),
      type,
      source: source.id,
      target: target.id,
      evidence: evidence(relations.length),
      properties,
    });
  };

  const province = region('Province', '贵州省', '520000000000');
  const prefectures = Array.from({ length: Math.max(1, Math.ceil(counties / 12)) }, (_, p) => {
    const prefecture = region(
      'Prefecture',
      `${stem()}州`,
      `52${String(p + 1).padStart(2, '0')}00000000`,
      province.code,
    );
    link('LOCATED_IN', prefecture, province);
    return prefecture;
  });
  const east = region('Province', '江苏省', '320000000000');
  const eastCities = Array.from({ length: 10 }, (_, c) =>
    region('Prefecture', `${stem()}市`, `32${String(c + 1).padStart(2, '0')}00000000`, east.code),
  );
  const eastDistricts = Array.from({ length: Math.max(1, counties) }, (_, d) => {
    const city = eastCities[d % eastCities.length];
    const district = region(
      'County',
      `${stem()}区`,
      `${city.code.slice(0, 4)}${String(Math.floor(d / eastCities.length) + 1).padStart(2, '0')}000000`,
      city.code,
    );
    link('LOCATED_IN', district, city);
    return district;
  });
  const programs = PROGRAMS.map((name) => ({ id: entityId('Program', name), type: 'Program', name, aliases: [] }));
  const industries = INDUSTRIES.map((name) => ({
    id: entityId('Industry', name),
    type: 'Industry',
    name,
    aliases: [],
  }));
  entities.push(...programs, ...industries);

  for (let c = 0; c < counties; c++) {
    const prefecture = prefectures[Math.floor(c / 12)];
    const county = region(
      'County',
      `${stem()}县`,
      `${prefecture.code.slice(0, 4)}${String((c % 12) + 1).padStart(2, '0')}000000`,
      prefecture.code,
      [],
    );
    county.aliases.push(county.name.slice(0, 2));
    link('LOCATED_IN', county, prefecture);
    const partner = eastDistricts[c];
    link('ASSISTS', partner, county, { funds: Math.round(random() * 5000) });
    link('LABOR_COOPERATION', county, partner);
    link('SALES_OUTLET_IN', county, eastCities[c % eastCities.length]);
    for (let k = 0; k < 3; k++) link('IMPLEMENTS', county, programs[(c + k) % programs.length]);
    for (let k = 0; k < 2; k++) link('DEVELOPS', county, industries[(c + k * 5) % industries.length]);
    for (let k = 0; k < 5; k++) {
      // Names repeat across counties, so the id carries the county and index (as a resolver would disambiguate).
      const company = {
        id: `Company:bench-${c}-${k}`,
        type: 'Company',
        name: `${stem()}${stem()}农业发展有限公司`,
        aliases: [],
      };
      entities.push(company);
      link('INVESTS_IN', company, county);
    }
    for (let t = 0; t < townshipsPerCounty; t++) {
      const township = region(
        'Township',
        `${stem()}镇`,
        `${county.code.slice(0, 6)}${String(t + 1).padStart(3, '0')}000`,
        county.code,
      );
      link('LOCATED_IN', township, county);
      for (let v = 0; v < villagesPerTownship; v++) {
        const village = region(
          'Village',
          `${stem()}村`,
          `${township.code.slice(0, 9)}${String(v + 1).padStart(3, '0')}`,
          township.code,
        );
        link('LOCATED_IN', village, township);
      }
    }
  }
  return { documents: [], entities, relations, mentions: [] };
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// Traditional forms of the stem and suffix characters that have one (for traditional-input searches).
const TRADITIONAL = new Map(
  [
    ...'东東兴興长長龙龍凤鳳坝壩湾灣桥橋门門宝寶丰豐乐樂华華宁寧岭嶺沟溝银銀红紅黄黃关關镇鎮县縣区區营營阳陽'.matchAll(
      /(.)(.)/gu,
    ),
  ].map((match) => [match[1], match[2]]),
);

/** The name with every character that has a traditional form converted (从江县-style → 從江縣-style). */
export function toTraditionalSample(name) {
  return [...name].map((char) => TRADITIONAL.get(char) ?? char).join('');
}
