/** Small synthetic citizen messages for the insight unit tests (the real data sets stay outside the project). */
import { seededRandom } from '../../lib/random.ts';

const TOPICS: Record<string, { titles: string[]; phrases: string[] }> = {
  交通运输: {
    titles: ['公交车长期晚点', '路口红绿灯坏了', '出租车拒载乘客', '道路拥堵严重'],
    phrases: ['公交车站', '红绿灯', '出租车司机', '早高峰拥堵', '公交线路', '客运站', '道路通行'],
  },
  教育文体: {
    titles: ['学校乱收补课费', '孩子入学难', '老师体罚学生', '体育馆不开放'],
    phrases: ['学校', '老师', '学生', '补课费', '入学报名', '教育局', '家长'],
  },
  环境保护: {
    titles: ['工厂排放废气', '夜间施工噪音扰民', '河道污染发臭', '垃圾焚烧污染'],
    phrases: ['噪音', '污染', '废气', '排放', '环保局', '河水发臭', '粉尘'],
  },
};

const FILLER = ['希望有关部门尽快处理', '已经反映多次没有结果', '严重影响居民生活', '请领导重视', '附近居民意见很大'];

export interface FixtureMessage {
  id: string;
  title: string;
  body: string;
  category: string;
}

/** `perClass` messages for each of three categories, reproducible from `seed`. */
export function buildMessages(perClass: number, seed = 1): FixtureMessage[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const out: FixtureMessage[] = [];
  for (const [category, topic] of Object.entries(TOPICS)) {
    for (let i = 0; i < perClass; i++) {
      const body = [
        `我家住在幸福小区附近，${pick(topic.phrases)}的问题`,
        pick(FILLER),
        `${pick(topic.phrases)}和${pick(topic.phrases)}`,
        pick(FILLER),
      ].join('，');
      out.push({ id: `${category}-${i}`, title: pick(topic.titles), body: `${body}。`, category });
    }
  }
  return out;
}

const SYLLABLES = [...'金银锦绣翠华兴盛福泰安康和平祥瑞嘉宏远明德新城湖山江河枫林松竹梅兰桂荷星月阳光春秋'];
const PLACE_SUFFIXES = ['小区', '花园', '家园', '新城', '公寓', '苑'];
const ISSUES = [
  ['夜间施工噪音扰民', '工地晚上施工到凌晨，噪音很大，无法休息'],
  ['路灯不亮', '路灯坏了很久，晚上出行很不安全'],
  ['下水道堵塞', '下水道堵了，污水外溢，臭气熏天'],
  ['物业乱收费', '物业公司乱收停车费和管理费，没有任何公示'],
  ['停水没有通知', '突然停水，没有任何通知，生活受到很大影响'],
  ['垃圾无人清运', '垃圾堆了好几天没有人清运，蚊蝇滋生'],
  ['餐馆油烟扰民', '楼下餐馆油烟直排，家里窗户都不敢开'],
  ['电梯经常故障', '电梯经常坏，老人上下楼很困难'],
  ['违章搭建', '有人在楼顶违章搭建，存在安全隐患'],
  ['道路坑洼', '道路坑坑洼洼，下雨天积水严重'],
  ['广场舞噪音', '广场舞音响声音太大，影响休息'],
  ['占道经营', '小贩占道经营，交通堵塞'],
];

export interface FixtureOrder {
  title: string;
  body: string;
  at: Date;
  citizen: string;
  place: string;
}

/**
 * `count` orders of a synthetic city over `[from, from + days)`: each about one of many places and one of a dozen
 * everyday issues, in varied words; reproducible from `seed`. For load tests and benchmarks, not for quality figures.
 */
export function buildCityOrders(count: number, from: Date, days: number, seed = 1): FixtureOrder[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const placeCount = Math.max(10, Math.round(count / 8));
  const places = Array.from(
    { length: placeCount },
    (_, i) => `${pick(SYLLABLES)}${pick(SYLLABLES)}${i % 7 === 0 ? pick(SYLLABLES) : ''}${pick(PLACE_SUFFIXES)}`,
  );
  return Array.from({ length: count }, () => {
    const place = pick(places);
    const [title, text] = pick(ISSUES);
    const body = [`我住在${place}`, text, pick(FILLER), `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`, pick(FILLER)].join('，');
    return {
      title: `${place}${title}`,
      body: `${body}。`,
      at: new Date(from.getTime() + random() * days * 86_400_000),
      citizen: `c${Math.floor(random() * count * 4)}`,
      place,
    };
  });
}
