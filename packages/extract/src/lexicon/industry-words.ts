/**
 * Industry word lists
 *
 * Generic words for finding the products and sectors a region develops: the words that stand
 * between a product and its quantity (面积, 存栏, 种植…), the units of farm quantities, the verbs of
 * growing and raising, and the collective nouns that are never an industry's name (农产品, 产业,
 * 经济作物). No product list: products are found by their position, so any crop or breed works.
 */

/**
 * Words allowed between a product and its quantity: 茶园面积20万亩, 生猪养殖年存栏40万头.
 * @example '面积', '存栏', '种植'
 */
export const QUANTITY_AUX_WORDS = new Set<string>([
  '面积',
  '种植面积',
  '养殖规模',
  '规模',
  '种植',
  '养殖',
  '栽种',
  '栽植',
  '存栏',
  '出栏',
  '年存栏',
  '年出栏',
  '总存栏',
  '总',
  '年',
  '达',
  '达到',
  '超',
  '超过',
  '约',
  '近',
  '共',
  '累计',
  '投产',
  '产量',
  '年产量',
  '总产量',
  '发展',
  '新增',
  '新建',
  '完成',
  '已',
  '已完成',
  '其中',
  '基地',
  '种植基地',
  '生产基地',
  '总计',
  '合计',
  '>',
  '＞',
  '余',
  '多',
]);

/**
 * Units of farm quantities whose noun is a crop, breed or product: 亩 (land), 头/羽/只 (livestock),
 * 棒 (mushroom logs), 担 (tobacco), 株 (seedlings), 箱/群 (bees), 尾 (fish).
 * @example 刺梨12万亩, 肉牛8万头, 食用菌300万棒
 */
export const FARM_UNITS = ['亩', '棒', '头', '羽', '只', '株', '担', '箱', '群', '尾', '吨'] as const;

/**
 * Verbs of growing and raising that take a product: 种植X, X养殖.
 * @example 种植魔芋, 香猪养殖
 */
export const GROWING_VERBS = new Set<string>([
  '种植',
  '种',
  '养殖',
  '栽种',
  '栽植',
  '养',
  '发展',
  '培育',
  '收购',
  '出栏',
]);

/**
 * Suffixes of a production site named after its product: 香葱基地 → 香葱.
 * @example 茶叶基地 → 茶叶
 */
export const PRODUCT_SITE_SUFFIXES = [
  '基地',
  '种植点',
  '种植园',
  '产业带',
  '示范园',
  '产业园',
  '种植基地',
  '养殖基地',
  '养殖场',
] as const;

/**
 * Collective or generic nouns that are never an industry's own name.
 * @example 农产品, 经济作物, 特色产业
 */
export const GENERIC_PRODUCT_WORDS = new Set<string>([
  '产业',
  '特色产业',
  '主导产业',
  '扶贫产业',
  '农产品',
  '特色农产品',
  '绿色农产品',
  '农特产品',
  '产品',
  '农作物',
  '作物',
  '经济作物',
  '低效农作物',
  '粮食作物',
  '粮食',
  '林地',
  '土地',
  '耕地',
  '山地',
  '坝区',
  '基地',
  '项目',
  '企业',
  '合作社',
  '扶贫',
  '群众',
  '农户',
  '村民',
  '贫困户',
  '集体',
  '种植',
  '养殖',
  '面积',
  '规模',
  '其他',
  '其它',
  '苗',
  '种苗',
  '树苗',
  '农业',
  '工业',
  '物资',
  '房屋',
  '住房',
  '危房',
  '平方米',
  '公里',
  '模式',
  '技术',
  '要点',
  '指导',
  '现场',
  '任务',
  '规划',
  '总计',
  '合计',
  '专业',
  '合作社',
  '专业合作社',
  '能力',
  '加工能力',
  '产能',
  '库容',
  '订单',
  '协议',
  '合同',
  '计划',
  '方案',
  '目标',
  '特色',
  '主导',
  '主打',
  '优势',
  '支柱',
  '新兴',
  '富民',
  '产业带',
  '产业园',
  '示范园',
  '经济',
  '集体经济',
  '村集体经济',
  '村级集体经济',
  '壮大村集体经济',
  '实体经济',
  '县域经济',
  '地方经济',
  '鲜果',
  '农田',
  '高标准农田',
  '梯田',
  '大棚',
  '温室',
  '标准化',
  '乡',
  '镇',
  '村',
  '县',
  '组',
]);

/**
 * jieba POS tags a product word may carry (nouns, abbreviations, a leading adjective of a breed).
 * @example 刺梨/n, 光伏/j
 */
export const PRODUCT_TAGS = new Set<string>(['n', 'nz', 'ng', 'nr', 'j', 'l']);
