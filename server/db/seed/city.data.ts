/**
 * The fictional city 连城市: its districts and streets, the city departments, utilities and the
 * offices every district has. Names are invented; codes follow the 6/9/12-digit 行政区划 pattern.
 */

export const CITY = { code: '370900', name: '连城市', lng: 117.12, lat: 36.19 };

export interface DistrictSpec {
  code: string;
  name: string;
  /** Share of the city's population, which drives how many orders come from here. */
  weight: number;
  isCounty: boolean;
  lng: number;
  lat: number;
  streets: string[];
}

export const DISTRICTS: DistrictSpec[] = [
  {
    code: '370902',
    name: '中山区',
    weight: 24,
    isCounty: false,
    lng: 117.13,
    lat: 36.2,
    streets: ['人民路街道', '解放街道', '鼓楼街道', '文化路街道', '和平街道', '新华街道', '东关街道', '光明街道'],
  },
  {
    code: '370903',
    name: '临江区',
    weight: 20,
    isCounty: false,
    lng: 117.06,
    lat: 36.17,
    streets: ['滨江街道', '江北街道', '望江街道', '码头街道', '沿河街道', '青年路街道', '长兴街道'],
  },
  {
    code: '370911',
    name: '金湖区',
    weight: 19,
    isCounty: false,
    lng: 117.22,
    lat: 36.15,
    streets: ['金湖街道', '高新街道', '科技城街道', '湖畔街道', '翠苑街道', '白鹭街道', '会展街道'],
  },
  {
    code: '370912',
    name: '北岭区',
    weight: 14,
    isCounty: false,
    lng: 117.1,
    lat: 36.29,
    streets: ['北岭街道', '龙山街道', '矿区街道', '工业园街道', '岭南街道', '双桥镇'],
  },
  {
    code: '370921',
    name: '青川县',
    weight: 12,
    isCounty: true,
    lng: 116.88,
    lat: 36.05,
    streets: ['青川镇', '城关镇', '河口镇', '石桥镇', '柳林乡', '马坊镇'],
  },
  {
    code: '370923',
    name: '云溪县',
    weight: 11,
    isCounty: true,
    lng: 117.4,
    lat: 35.96,
    streets: ['云溪镇', '清泉镇', '桃源镇', '凤凰镇', '大河乡', '白云乡'],
  },
];

/** Roots for urban community names (…社区); taken in order, never repeated. */
export const COMMUNITY_ROOTS = (
  '东风 红旗 幸福 和平 建设 胜利 团结 友谊 朝阳 向阳 新城 北苑 南苑 西苑 东苑 花园 桂花 玉兰 丁香 海棠 ' +
  '槐荫 柳营 梧桐 银杏 枫林 松竹 青松 翠竹 长青 康乐 安居 福寿 祥和 兴隆 永安 太平 新民 富强 育才 书院 ' +
  '府前 钟楼 文昌 金桥 银河 星光 明珠 锦江 玉泉 清河 湖滨 江畔 港湾 园丁 铁路 电厂 纺织 机械 化工 矿务 ' +
  '林苑 荷花 芙蓉 紫薇 牡丹 月季 杏园 桃园 梨园 枣林 龙泉 凤鸣 麒麟 白鹤 金鸡 万福 千禧 百合 春晖 秋实 ' +
  '晨曦 彩虹 碧水 蓝天 青云 紫云 祥云 瑞泽 德馨 仁和 信义 崇文 尚武 敬老 孝友 泰和 宁安 康宁 嘉禾 丰收 ' +
  '科苑 学苑 新村 旧城 南关 北关 西关 鼓楼 城南 城北 江景 滨湖 高新 会展 白鹭 翠屏 锦绣 华章 金湖 湖心 ' +
  '明湖 雅苑 鸿福 金穗 银座 开元 天和 光华 中兴 兴华 振兴 复兴 繁荣 昌盛 瑞景 嘉园 春晓 秋韵 冬青 夏荷 ' +
  '松柏 竹园 兰亭 菊苑 梅园 望湖 观澜 听涛 揽月 星河 云帆 锦程 同心 民安 惠民 乐民 和美 东兴 西城 南湖'
).split(' ');

/** Roots for village names (…村) in towns and townships. */
export const VILLAGE_ROOTS = (
  '王庄 李家 张湾 刘营 陈楼 杨树 赵坊 孙集 周店 吴桥 郑庄 马庄 后屯 前进 红星 东岗 西岭 南洼 北台 大营 ' +
  '小营 河西 河东 石门 柳树 枣园 杏花 桑园 榆林 槐树 高庄 徐庄 郭家 何楼 罗湾 梁集 宋庄 唐店 韩庄 冯楼 ' +
  '新庄 老庄 东庄 西庄 南庄 北庄 张庄 李庄 赵庄 孙庄 姜家 崔家 彭楼 潘集 龙王庙 白马 青龙 黄土 红土 石岗 ' +
  '泉头 水口 井沿 大柳 小柳 双庙 三里 五里 八里 十里'
).split(' ');

export const ESTATE_PREFIXES = (
  '锦绣 阳光 翠湖 金色 御景 滨江 东方 世纪 幸福 和谐 绿城 碧水 紫荆 香榭 书香 华府 名门 国泰 泰和 万科 ' +
  '恒大 保利 龙湖 中海 金茂 雅居 丽景 春天 盛世 新天地'
).split(' ');
export const ESTATE_SUFFIXES = '花园 家园 小区 嘉苑 名苑 新村 公寓 雅居 佳园 华庭 御府 城 府 湾'.split(' ');

export const ROAD_ROOTS = (
  '人民 解放 建设 和平 胜利 文化 青年 中山 长江 黄河 泰山 华山 迎宾 滨河 工业 学府 新华 光明 振兴 站前 ' +
  '东风 朝阳 红旗 健康 幸福 花园 体育 科技 创新 望江 沿江 天山 昆仑 长白 太行 燕山 南京 北京 上海 广州 ' +
  '深圳 杭州 西安 成都 青岛 济南 兴华 永安 平安 通达 育英 明德 博文 府前 金湖 白鹭 龙山 凤凰 青川 云溪'
).split(' ');
export const ROAD_SUFFIXES = ['路', '街', '大道', '东路', '西路', '南路', '北路'];

/** Landmarks a street's residents name in their messages; `{root}` is the street's name without 街道/镇/乡. */
export const URBAN_LANDMARKS = ['{root}小学', '{root}农贸市场', '{root}公园', '{root}社区卫生服务中心', '{root}广场', '{root}购物中心'];
export const TOWN_LANDMARKS = ['{root}中心小学', '{root}集贸市场', '{root}卫生院', '{root}汽车站', '{root}敬老院'];
/** City-wide landmarks, each placed in one street (district index, street index). */
export const CITY_LANDMARKS: [string, number, number][] = [
  ['市第一人民医院', 0, 0],
  ['连城火车站', 1, 3],
  ['连城东站', 2, 1],
  ['市体育中心', 2, 6],
  ['万达广场', 0, 5],
  ['市中心医院', 1, 0],
  ['市图书馆', 0, 3],
  ['连城大学', 2, 2],
  ['市妇幼保健院', 1, 5],
  ['长途汽车总站', 3, 0],
];

export interface UnitSpec {
  key: string;
  name: string;
  /** Short name used in replies ("我局", "我中心"…). */
  self: string;
  phone?: string;
  children?: UnitSpec[];
}

/** City departments (市直部门), peer group 'department'. */
export const DEPARTMENTS: UnitSpec[] = [
  { key: 'zjj', name: '市住房和城乡建设局', self: '我局', children: [{ key: 'zjj.wy', name: '市物业服务管理中心', self: '我中心' }] },
  { key: 'jtj', name: '市交通运输局', self: '我局', children: [{ key: 'jtj.gj', name: '市公共交通集团', self: '我集团' }] },
  { key: 'sthj', name: '市生态环境局', self: '我局' },
  { key: 'jyj', name: '市教育局', self: '我局' },
  { key: 'rsj', name: '市人力资源和社会保障局', self: '我局', children: [{ key: 'rsj.jc', name: '市劳动保障监察支队', self: '我支队' }] },
  { key: 'wjw', name: '市卫生健康委员会', self: '我委' },
  { key: 'scjg', name: '市市场监督管理局', self: '我局' },
  { key: 'cgj', name: '市城市管理局', self: '我局', children: [{ key: 'cgj.sz', name: '市市政设施管理中心', self: '我中心' }] },
  {
    key: 'gaj',
    name: '市公安局',
    self: '我局',
    children: [
      { key: 'gaj.jj', name: '市公安局交通警察支队', self: '我支队' },
      { key: 'gaj.crj', name: '市公安局出入境管理支队', self: '我支队' },
    ],
  },
  { key: 'zrzy', name: '市自然资源和规划局', self: '我局' },
  { key: 'slj', name: '市水利局', self: '我局' },
  { key: 'mzj', name: '市民政局', self: '我局' },
  { key: 'wlj', name: '市文化和旅游局', self: '我局' },
  { key: 'ybj', name: '市医疗保障局', self: '我局' },
  { key: 'gjj', name: '市住房公积金管理中心', self: '我中心' },
  { key: 'nyj', name: '市农业农村局', self: '我局' },
  { key: 'yjj', name: '市应急管理局', self: '我局' },
  { key: 'swj', name: '市商务局', self: '我局' },
  { key: 'sfj', name: '市司法局', self: '我局' },
  { key: 'tyjr', name: '市退役军人事务局', self: '我局' },
  { key: 'spj', name: '市行政审批服务局', self: '我局' },
  { key: 'fgw', name: '市发展和改革委员会', self: '我委' },
  { key: 'gxj', name: '市工业和信息化局', self: '我局' },
  { key: 'tyj', name: '市体育局', self: '我局' },
  { key: 'xf', name: '市消防救援支队', self: '我支队' },
  { key: 'tax', name: '国家税务总局连城市税务局', self: '我局' },
  { key: 'cjl', name: '市残疾人联合会', self: '我会' },
];

/** Public utilities (公共服务企业), peer group 'utility'. */
export const UTILITIES: UnitSpec[] = [
  { key: 'water', name: '连城水务集团有限公司', self: '我公司', phone: '0538-96677' },
  { key: 'power', name: '国网连城供电公司', self: '我公司', phone: '95598' },
  { key: 'heat', name: '连城市热力有限公司', self: '我公司', phone: '0538-96390' },
  { key: 'gas', name: '连城港华燃气有限公司', self: '我公司', phone: '0538-96777' },
];

/** Offices every district or county government has; `{d}` is the district's name. */
export const DISTRICT_OFFICES: UnitSpec[] = [
  { key: 'zjj', name: '{d}住房和城乡建设局', self: '我局' },
  { key: 'zf', name: '{d}综合行政执法局', self: '我局' },
  { key: 'scjg', name: '{d}市场监督管理局', self: '我局' },
  { key: 'jyj', name: '{d}教育和体育局', self: '我局' },
];

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
export const GIVEN_NAMES = (
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 华 建华 建国 玉兰 志强 海燕 晓东 ' +
  '文博 子涵 雨桐 浩然 欣怡 思远 晨曦 佳琪 宇航 梓萱 国庆 红梅 春花 秋菊 德明 振华 立新 卫东 淑珍 凤英'
).split(' ');
