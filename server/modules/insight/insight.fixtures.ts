/** Small synthetic citizen messages for the insight unit tests (the real data sets stay outside the project). */
import { seededRandom } from './random.ts';

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
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const out: FixtureMessage[] = [];
  for (const [category, topic] of Object.entries(TOPICS)) {
    for (let i = 0; i < perClass; i++) {
      const body = [`我家住在幸福小区附近，${pick(topic.phrases)}的问题`, pick(FILLER), `${pick(topic.phrases)}和${pick(topic.phrases)}`, pick(FILLER)].join('，');
      out.push({ id: `${category}-${i}`, title: pick(topic.titles), body: `${body}。`, category });
    }
  }
  return out;
}
