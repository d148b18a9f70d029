/**
 * Program word lists
 *
 * Generic words that tell a named program (campaign, project, policy, working method) from the
 * surrounding prose: the suffixes such names end in, the verbs that introduce them, the words that
 * follow a quoted program name, and the few NATIONAL policies every county report may name without
 * quotes. Nothing here names a place or a local program: the lists must hold for any Chinese county.
 */

/**
 * Suffixes after which an unquoted phrase is taken as a program name (longest first).
 * @example '农村饮水安全工程' ends in '工程'; '一线工作法' ends in '工作法'
 */
export const PROGRAM_NAME_SUFFIXES = [
  '战略行动',
  '专项行动',
  '工作法',
  '战略',
  '行动',
  '工程',
  '革命',
  '机制',
] as const;

/**
 * One-character abbreviations of provinces and of the eastern partner cities whose pairs name an east-west
 * cooperation (闽宁协作, 粤桂扶贫协作, 沪滇扶贫协作, 甬黔协作). General knowledge of Chinese abbreviations.
 * @example '闽' (Fujian) + '宁' (Ningxia) + 协作
 */
export const REGION_ABBREVIATIONS =
  '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕秦甘陇青宁新甬杭穗厦深榕锡常连珠莞佛汕温嘉湖绍台';

/**
 * Words right after a closing quote that mark the quoted text as a program name (strong evidence).
 * @example “大花园大果园”项目, “党建+积分”模式, “双台账、双追责、双销号”制度
 */
export const PROGRAM_FOLLOWERS_STRONG = [
  '模式',
  '机制',
  '长效机制',
  '工作法',
  '行动',
  '专项行动',
  '战略',
  '项目',
  '工程',
  '政策',
  '制度',
  '制',
  '体系',
  '工作体系',
  '工作方案',
  '攻坚战',
  '整治',
  '格局',
  '做法',
  '组织机制',
  '工作机制',
  '示范点',
  '管理',
  '产业发展',
  '产业',
  '保障',
  '结算',
  '为主线',
  '为导向',
  '为主体',
  '即',
  '等金融产品',
  '金融产品',
  '大数据',
  '资金',
  '短板',
  '取得',
] as const;

/**
 * Words right after a closing quote that count a little (shared with slogans, so weak evidence).
 * @example 按照“能带不停”原则 (weak: slogans take 原则 too)
 */
export const PROGRAM_FOLLOWERS_WEAK = [
  '帮扶',
  '医疗帮扶',
  '教育帮扶',
  '下沉',
  '对子',
  '入股',
  '活动',
  '等活动',
  '问题',
  '突出问题',
  '要求',
  '的要求',
  '原则',
  '的原则',
  '方式',
  '等方式',
  '的方式',
  '程序',
  '的申报程序',
  '案例',
] as const;

/**
 * Words right after a closing quote that rule the quoted text out as a program: titles, honours,
 * plan periods, media accounts, figurative nicknames.
 * @example “时代楷模”光荣称号, “十四五”时期, “清廉某县”微信公众号, “5+2”精神
 */
export const NON_PROGRAM_FOLLOWERS = [
  '精神',
  '称号',
  '光荣称号',
  '荣誉',
  '时期',
  '期间',
  '之年',
  '开局',
  '规划',
  '微信',
  '公众号',
  '平台',
  '软件',
  '作用',
  '班子',
  '成员',
  '干部',
  '的困境',
  '的现象',
  '的问题',
  '的成效',
  '的攻坚氛围',
  '到现在',
] as const;

/**
 * Verbs (and a few prepositions) that introduce a program name when they stand right before it.
 * @example 创新实施“三下沉、五示范”, 积极推广“龙头企业+合作社+农户”模式
 */
export const PROGRAM_TRIGGERS = [
  '实施',
  '开展',
  '推行',
  '推进',
  '实行',
  '创新',
  '探索',
  '打造',
  '建立',
  '健全',
  '完善',
  '推广',
  '采取',
  '按照',
  '落实',
  '通过',
  '聚焦',
  '抓好',
  '坚持',
  '形成',
  '开发',
  '运用',
  '制定',
  '强化',
  '构建',
  '建成',
  '发展',
  '践行',
  '深化',
  '启动',
  '学习',
  '研讨',
  '对照',
  '把握',
  '围绕',
  '补齐',
  '解决',
  '明确',
  '作为',
  '遏制',
  '设立',
  '结成',
] as const;

/**
 * Verbs that by themselves make the quoted phrase after them a program (推行“积分超市”).
 * @example 实行“集团化作战”
 */
export const PROGRAM_STRONG_TRIGGERS = [
  '实施',
  '推行',
  '推广',
  '实行',
  '创新',
  '探索',
  '打造',
  '启动',
  '创建',
  '开展',
] as const;

/**
 * Quoted words that are generic terms, never program names, though they look like one.
 * @example 村“两委”, “第一书记”, “边缘户”
 */
export const NON_PROGRAM_QUOTES = [
  '两委',
  '村两委',
  '第一书记',
  '边缘户',
  '脱贫监测户',
  '贫困户',
  '清零',
  '三农',
  '空心村',
  '留守儿童',
  '线上+线下',
  '线上线下',
] as const;

/**
 * National poverty-alleviation and rural policies, named in reports of every county without quotes.
 * Each entry is [canonical name, ...surface variants]. Kept short and national on purpose: these are
 * general knowledge (State Council / ministry programs), not names taken from any one report.
 * @example ['易地扶贫搬迁', '易地搬迁'] — 威宁县大力开展易地扶贫搬迁 → Program 易地扶贫搬迁
 */
export const NATIONAL_PROGRAMS: readonly (readonly string[])[] = [
  ['易地扶贫搬迁', '易地搬迁'],
  ['东西部扶贫协作', '东西部协作'],
  ['对口支援'],
  ['精准扶贫'],
  ['乡村振兴战略'],
  ['两不愁三保障', '两不愁、三保障'],
  ['一达标两不愁三保障'],
  ['五个一批'],
  ['四个不摘'],
  ['春风行动'],
  ['雨露计划'],
  ['以工代赈'],
  ['万企帮万村'],
  ['百企帮百村'],
  ['携手奔小康', '携手奔小康行动'],
  ['村企结对'],
  ['控辍保学'],
  ['消费扶贫'],
  ['农村危房改造', '农村危改', '危房改造'],
  ['挂牌督战'],
  ['三重医疗保障'],
  ['先诊疗后付费', '先诊疗、后付费'],
  ['一站式结算'],
  ['农校对接'],
  ['农超对接'],
  ['厕所革命'],
  ['扶贫小额信贷'],
  ['光伏扶贫'],
];

/**
 * Heads that make an unquoted suffix phrase generic rather than a named program (民生工程, 头号工程, 长效机制).
 * @example '头号' — 把茶产业作为头号工程 names no program
 */
export const GENERIC_PROGRAM_HEADS: readonly string[] = [
  '民生',
  '主体',
  '重点',
  '扶贫',
  '长效',
  '专项',
  '相关',
  '系列',
  '各项',
  '这项',
  '此次',
  '重大',
  '发展',
  '系统',
  '基础设施',
  '水利',
  '建设',
  '本次',
  '实际',
  '具体',
  // 头号工程, 一号工程, 民心工程: figures of speech for a priority, not a program's name
  '头号',
  '一号',
  '民心',
  '德政',
  // 工作机制, 长效机制, 利益联结机制: kinds of mechanism
  '工作',
  '协调',
  '联动',
  '利益联结',
  '联结',
  '管理',
  '运行',
  '保障',
  '激励',
  '考核',
  '常态化',
];

/**
 * Category nouns a numbered phrase may end in without being a program (三类人员, 五大产业, 五星级).
 * @example '三类人员'
 */
export const PROGRAM_NUMBERED_CATEGORY_ENDS = ['级', '户', '家庭', '人员', '产业', '班子', '方面', '大变化'] as const;

/**
 * Program words a quoted name may itself end in (“某县模式”, “冲刺90天打赢歼灭战”): strong evidence.
 * @example '某县模式'
 */
export const PROGRAM_INNER_STRONG_SUFFIXES = [
  '行动',
  '工程',
  '项目',
  '计划',
  '模式',
  '机制',
  '工作法',
  '战略',
  '攻坚战',
  '歼灭战',
] as const;

/**
 * Words of a scheme a quoted name may end in (“积分制”, “助学金”): weaker evidence.
 * @example '积分制'
 */
export const PROGRAM_INNER_SUFFIXES = [
  '制',
  '体系',
  '政策',
  '制度',
  '产业带',
  '示范带',
  '示范区',
  '助学金',
  '基金',
  '课堂',
  '直通车',
] as const;

/**
 * Words before 机制 that make it the mechanism of a routine task (劳务协作机制, 后续管护机制), not a named one.
 * @example '后续管护机制'
 */
export const PROGRAM_GENERIC_MECHANISM_ENDS = [
  '工作',
  '长效',
  '管理',
  '协调',
  '联动',
  '协作',
  '管护',
  '处理',
  '常态化',
  '运行',
  '运营',
  '合作',
] as const;
