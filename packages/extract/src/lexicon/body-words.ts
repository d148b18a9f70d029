/**
 * Company, organization and site word lists
 *
 * The suffixes that end the names of enterprises (有限公司, 集团, 合作社, 农投), public bodies (局,
 * 办, 医院, 大学, 中心) and physical sites (安置点, 基地, 开发区), and the generic words that make a
 * phrase with such a suffix a common noun rather than a name (农民专业合作社, 便民服务中心,
 * 集中安置点). Generic Chinese only; no company, body or site of any report is listed.
 */

/**
 * Company name suffixes, longest first so that 集团公司 wins over 公司.
 * @example '宁波甬丰农业发展有限公司' ends in '有限公司'
 */
export const COMPANY_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '股份公司',
  '专业合作社',
  '合作社',
  '集团',
  '公司',
  '农投',
  '旅投',
  '城投',
  '实业',
] as const;

/**
 * Public body suffixes, longest first.
 * @example '从江县人民医院' ends in '医院'
 */
export const ORGANIZATION_SUFFIXES = [
  '纪委监委',
  '办公室',
  '委员会',
  '研究院',
  '研究所',
  '科学院',
  '保健院',
  '卫生院',
  '检察院',
  '医院',
  '法院',
  '大学',
  '学院',
  '中学',
  '小学',
  '学校',
  '银行',
  '支行',
  '分行',
  '协会',
  '商会',
  '基金会',
  '中心',
  '科院',
  '局',
  '厅',
  '办',
  '站',
  '所',
] as const;

/**
 * Site name suffixes, longest first.
 * @example '台江县城南安置点' ends in '安置点'
 */
export const SITE_SUFFIXES = [
  '易地扶贫安置社区',
  '安置社区',
  '安置小区',
  '安置点',
  '种植基地',
  '养殖基地',
  '生产基地',
  '示范基地',
  '基地',
  '种植点',
  '经济开发区',
  '开发区',
  '工业园区',
  '产业园区',
  '工业园',
  '产业园',
  '示范园',
  '农业园区',
  '扶贫车间',
  '产业带',
  '林场',
  '农场',
  '牧场',
  '茶园',
  '果园',
] as const;

/**
 * Words that describe a kind of body or site rather than name one; a name needs some other word.
 * @example 农民专业合作社, 县城集中安置点, 便民服务中心
 */
export const GENERIC_NAME_WORDS = new Set<string>([
  '农民',
  '专业',
  '村',
  '村级',
  '集体',
  '集体经济',
  '经济',
  '股份',
  '股份经济',
  '党组织',
  '领办',
  '基层',
  '党',
  '国有',
  '龙头',
  '龙头企业',
  '平台',
  '投资',
  '运营',
  '分',
  '子',
  '母',
  '便民',
  '服务',
  '便民服务',
  '政务',
  '政务服务',
  '党群',
  '卫生',
  '医疗',
  '文化',
  '配套',
  '移民',
  '集中',
  '搬迁',
  '易地',
  '扶贫',
  '易地扶贫',
  '易地搬迁',
  '安置',
  '县城',
  '城区',
  '大型',
  '小型',
  '农村',
  '产业',
  '示范',
  '种植',
  '养殖',
  '生产',
  '新',
  '建成',
  '一个个',
  '个',
  '各',
  '这',
  '该',
  '本',
  '其',
  '软弱',
  '涣散',
  '软弱涣散',
  '社会',
  '贫困',
  '监督',
  '工作',
  '社区',
  '飞地',
  '车间',
  '上级',
  '有关',
  '相关',
  '职能',
  '部门',
  '定点',
  '医疗机构',
  '金融',
  '机构',
  '规划',
  '建设',
  '农业',
  '规划建设',
  '加工',
]);

/**
 * Administrative level words that may open a body's name (县人民医院) but do not name it.
 * @example 县人民医院 — 县 opens the name
 */
export const LEVEL_WORDS = new Set<string>([
  '省',
  '市',
  '州',
  '县',
  '区',
  '乡',
  '镇',
  '街道',
  '村',
  '县城',
  '全县',
  '全省',
  '全市',
]);

/**
 * National enterprises every report may name by a short form, as [canonical, ...short forms].
 * General knowledge (state-owned carriers, grids, post), not taken from any report.
 * @example ['中国移动', '移动'] — 组织移动、联通、电信三大运营商
 */
export const NATIONAL_COMPANIES: readonly (readonly string[])[] = [
  ['中国移动', '移动'],
  ['中国联通', '联通'],
  ['中国电信', '电信'],
  ['国家电网'],
  ['南方电网'],
  ['中国邮政'],
];

/**
 * Common words that end in a one-character body suffix without naming a body (格局 ends in 局,
 * 督办 in 办, 网站 in 站, 场所 in 所): a name never ends in one of them.
 * @example 社会发展新格局 is not a bureau
 */
export const SUFFIX_LOOKALIKES = new Set<string>([
  '格局',
  '布局',
  '结局',
  '大局',
  '全局',
  '当局',
  '开局',
  '出局',
  '时局',
  '变局',
  '残局',
  '新局',
  '督办',
  '举办',
  '操办',
  '承办',
  '创办',
  '主办',
  '开办',
  '兴办',
  '代办',
  '帮办',
  '包办',
  '查办',
  '筹办',
  '协办',
  '领办',
  '合办',
  '试办',
  '交办',
  '转办',
  '批办',
  '滥办',
  '要办',
  '去办',
  '来办',
  '好办',
  '难办',
  '网站',
  '驿站',
  '车站',
  '站站',
  '场所',
  '住所',
  '厕所',
  '处所',
  '哨所',
  '诊所',
  '会所',
  '寓所',
]);
