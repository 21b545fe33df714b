import { describe, expect, it } from 'vitest';
import { findHotspots, heatIndex, locateOrders, placeKeyOf, trendOf, type HotspotOrder } from './hotspots.ts';

const day = (d: number, h = 10) => new Date(Date.UTC(2026, 2, d, h - 8));
let seq = 0;
const order = (title: string, body: string, at: Date, citizen: string, extra: Partial<HotspotOrder> = {}): HotspotOrder => ({
  id: ++seq,
  title,
  body,
  at,
  citizen,
  ...extra,
});

const orders: HotspotOrder[] = [
  // a construction-noise problem at one estate, raised by four people, growing
  order('A2区幸福花园旁工地夜间施工噪音扰民', '幸福花园小区旁边的工地每天晚上施工到凌晨，噪音很大，居民无法休息', day(2), 'u1'),
  order('幸福花园附近工地深夜施工噪音大', 'A2区幸福花园附近工地深夜还在施工，噪音太大了，孩子睡不着觉', day(20), 'u2'),
  order('投诉A2区幸福花园工地噪音', '幸福花园小区周边工地夜间施工噪音扰民，请求环保部门查处', day(25), 'u3', { likes: 12 }),
  order('A2区幸福花园工地夜间施工', '幸福花园工地夜间施工噪音严重影响休息，多次投诉无果', day(28), 'u4'),
  // a different problem at the same estate: must not join the noise problem
  order('A2区幸福花园小区停车收费太高', '幸福花园小区物业停车收费标准太高，每月三百元，业主意见很大', day(10), 'u5'),
  // a bus-route problem raised twice by one person elsewhere
  order('B1区开元路公交站撤销后出行不便', '开元路公交站被撤销，附近居民出行不便，希望恢复站点', day(5), 'u6'),
  order('B1区开元路公交站撤销后出行不便', '开元路公交站被撤销，附近居民出行不便，希望恢复站点，已经反映过一次', day(6), 'u6'),
  // unrelated singles
  order('咨询社保卡补办流程', '社保卡丢了，想问一下补办需要什么材料', day(7), 'u7'),
  order('C3县某村自来水停水三天', '村里停水三天了没人管，生活很不方便', day(8), 'u8'),
];

describe('findHotspots', () => {
  const hotspots = findHotspots(orders, { from: day(1, 0), to: day(31, 0) });

  it('groups orders about the same place and issue, hottest first', () => {
    expect(hotspots).toHaveLength(1);
    const [noise, bus] = findHotspots(orders, { from: day(1, 0), to: day(31, 0), minCitizens: 1 });
    expect(noise.ids.sort()).toEqual([1, 2, 3, 4]);
    expect(noise).toMatchObject({ rank: 1, region: 'A2区', place: '幸福花园', count: 4, citizens: 4 });
    expect(noise.components.likes).toBe(12);
    expect(noise.title).toMatch(/幸福花园/);
    expect(noise.terms.join(' ')).toMatch(/噪音|施工|工地/);
    expect(bus).toMatchObject({ rank: 2, count: 2, citizens: 1, region: 'B1区' });
    expect(noise.heat).toBeGreaterThan(bus.heat);
  });

  it('leaves out a problem raised by one citizen only: that is a repeat, not a hotspot', () => {
    expect(hotspots.flatMap((h) => h.ids)).not.toContain(6);
  });

  it('keeps a different issue at the same place apart', () => {
    expect(hotspots.flatMap((h) => h.ids)).not.toContain(5);
  });

  it('reports the trend over the period', () => {
    expect(hotspots[0].trend.unit).toBe('day');
    expect(hotspots[0].trend.direction).toBe('rising');
    expect(hotspots[0].trend.series.reduce((a, s) => a + s.count, 0)).toBe(4);
  });

  it('respects the period and the size limits', () => {
    expect(findHotspots(orders, { from: day(1, 0), to: day(9, 0), minCitizens: 1 }).map((h) => h.count)).toEqual([2]);
    expect(findHotspots(orders, { from: day(1, 0), to: day(9, 0) })).toEqual([]);
    expect(findHotspots(orders, { top: 1 })).toHaveLength(1);
    expect(findHotspots([], {})).toEqual([]);
    expect(findHotspots([{ ...orders[0], at: new Date('invalid') }], {})).toEqual([]);
  });

  it("does not take a form's wording for a problem: a template spread over many categories links nothing", () => {
    const topics = [
      '停车收费',
      '企业安全隐患',
      '非法用工',
      '养老保险',
      '博物馆开放',
      '助学金',
      '银行服务',
      '燃气检查',
      '户籍迁移',
      '危险废物',
      '广播电视',
      '农资质量',
    ];
    const template = topics.map((topic, k) =>
      order(`关于${topic}的咨询`, `您好！咨询${topic}相关规定，需要准备哪些材料，请给予答复。谢谢！`, day(3 + k), `t${k}`, {
        category: `c${k}`,
      }),
    );
    const filed = orders.map((o, k) => ({ ...o, category: k < 4 ? 'noise' : `other${k}` }));
    const found = findHotspots([...filed, ...template], { from: day(1, 0), to: day(31, 0) });
    expect(found.map((h) => h.ids.sort())).toEqual([[1, 2, 3, 4]]);
  });

  it('is deterministic', () => {
    expect(findHotspots([...orders].reverse(), { from: day(1, 0), to: day(31, 0) })).toEqual(hotspots);
  });
});

describe('heatIndex', () => {
  it('weighs distinct citizens above repeat calls by one person', () => {
    const many = heatIndex({ count: 4, citizens: 4, growth: 0, urgency: 0, likes: 0 });
    const one = heatIndex({ count: 4, citizens: 1, growth: 0, urgency: 0, likes: 0 });
    expect(many).toBeGreaterThan(one);
    expect(heatIndex({ count: 4, citizens: 1, growth: 0, urgency: 1, likes: 100 })).toBeGreaterThan(one);
  });
});

describe('trendOf', () => {
  it('picks weeks for a quarter and months for a year and more', () => {
    expect(trendOf([day(2)], day(1), new Date(Date.UTC(2026, 5, 1))).unit).toBe('week');
    expect(trendOf([day(2)], day(1), new Date(Date.UTC(2028, 0, 1))).unit).toBe('month');
  });

  it('counts every period of the span, quiet ones as 0, so a last-day burst shows as a spike', () => {
    const trend = trendOf([day(7, 9), day(7, 10), day(7, 11)], day(1, 0), day(8, 0));
    expect(trend.series.map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 0, 3]);
    expect(trend.series[0].period).toBe('2026-03-01');
    expect(trend.direction).toBe('rising');
    const months = trendOf([day(2)], day(1), new Date('2028-01-01T00:00:00+08:00'));
    expect(months.series).toHaveLength(22);
    expect(months.series[0]).toEqual({ period: '2026-03', count: 1 });
    expect(months.series.at(-1)).toEqual({ period: '2027-12', count: 0 });
  });
});

describe('findHotspots on one village with several issues', () => {
  // one village, many callers, three issues told with the hotline's usual filler phrases; before grouping
  // needed both place and issue, single-link chains through the shared place and filler made one problem of all
  let n = 100;
  const at = (d: number) => day(d, 9 + (n % 8));
  const village = (title: string, body: string, d: number) => ({ id: ++n, title, body, at: at(d), citizen: `v${n}`, region: '王庄村' });
  const villageOrders: HotspotOrder[] = [
    village(
      '王庄村暖气不热',
      '来电人称，北岭区双桥镇王庄村28号楼暖气一直不热，室内温度只有十四五度，找过相关单位都没有结果，严重影响周边居民的正常生活。请尽快处理。',
      3,
    ),
    village(
      '王庄村供暖温度太低',
      '来电人称，北岭区双桥镇王庄村，整栋楼的暖气都不热，室内温度只有十四度，找过相关单位都没有结果。请尽快处理。',
      5,
    ),
    village(
      '王庄村暖气不热',
      '市民来电反映：王庄村9号楼暖气不热，室内温度只有十五度，家里老人孩子都感冒了，大家意见很大。请相关部门核实处理。',
      9,
    ),
    village(
      '王庄村路灯不亮',
      '来电人称，北岭区双桥镇王庄村村口的路灯已经不亮半个多月了，晚上漆黑一片，找过相关单位都没有结果，严重影响周边居民的正常生活。请尽快处理。',
      4,
    ),
    village('王庄村路灯坏了没人修', '市民来电反映：王庄村村口路灯不亮半个多月了，晚上漆黑一片，大家意见很大。请相关部门核实处理。', 12),
    village(
      '王庄村工地拖欠农民工工资',
      '来电人称，北岭区双桥镇王庄村安置房工地拖欠农民工工资三个月了，老板一直说没钱，找过相关单位都没有结果，严重影响周边居民的正常生活。请尽快处理。',
      6,
    ),
    village(
      '王庄村安置房工地欠薪',
      '市民来电反映：王庄村安置房工地老板拖欠农民工三个月工资，一直说没钱，大家意见很大。请相关部门核实处理。',
      15,
    ),
    // one order each about health care and water: no problem of their own
    village(
      '王庄村卫生室看病排队时间长',
      '来电人称，北岭区双桥镇王庄村卫生室看病排了四个小时，找过相关单位都没有结果，严重影响周边居民的正常生活。请尽快处理。',
      7,
    ),
    village('王庄村自来水有异味', '市民来电反映：王庄村自来水有一股消毒水的味道，大家意见很大。请相关部门核实处理。', 8),
  ];
  const found = findHotspots(villageOrders, { from: day(1, 0), to: day(31, 0) });

  it('keeps heating, street lights and wages apart, and each wording of one problem together', () => {
    expect(found.map((h) => [...h.ids].sort((a, b) => Number(a) - Number(b)))).toEqual(
      expect.arrayContaining([
        [101, 102, 103],
        [104, 105],
        [106, 107],
      ]),
    );
    expect(found).toHaveLength(3);
    expect(found.map((h) => h.place)).toEqual(['王庄村', '王庄村', '王庄村']);
    expect(found.find((h) => h.ids.includes(101))!.terms.join(' ')).toMatch(/暖气/);
  });

  it('does not pull the village into a problem of the same issue elsewhere', () => {
    const elsewhere = village(
      '李庄村暖气不热',
      '来电人称，北岭区双桥镇李庄村5号楼暖气一直不热，室内温度只有十四五度，找过相关单位都没有结果，严重影响周边居民的正常生活。请尽快处理。',
      10,
    );
    const withNeighbour = findHotspots([...villageOrders, { ...elsewhere, region: '李庄村' }], { from: day(1, 0), to: day(31, 0) });
    expect(withNeighbour.flatMap((h) => h.ids)).not.toContain(elsewhere.id);
    expect(withNeighbour.map((h) => h.count).sort()).toEqual([2, 2, 3]);
  });
});

describe('findHotspots with categories', () => {
  // a period's background, so that 停水 is as rare a word as in a real city's week
  const topics = [
    '路灯不亮',
    '噪音扰民',
    '占道经营',
    '垃圾清运不及时',
    '公交线路调整',
    '医保报销',
    '学校招生',
    '工资拖欠',
    '燃气费',
    '物业服务差',
    '井盖缺失',
    '违章停车',
    '宠物扰民',
    '油烟污染',
    '广告牌松动',
  ];
  const background = Array.from({ length: 150 }, (_, i) =>
    order(
      `${['东区', '西区', '南区'][i % 3]}${topics[i % topics.length]}`,
      `反映${topics[i % topics.length]}的问题，第${i}次，请有关部门处理`,
      day(5 + (i % 20)),
      `g${i}`,
      { category: `c${i % topics.length}` },
    ),
  );
  // a burst main at one estate: residents put it in two ways that share little beyond 停水
  const burst = Array.from({ length: 12 }, (_, i) =>
    i % 2 === 0
      ? order('A1区金色花园停水', '从早上开始就停水了，也没有提前通知，家里老人孩子没水用', day(3, 8 + (i % 10)), `b${i}`, {
          category: 'water',
        })
      : order(
          '金色花园突然停水没有通知',
          'A1区金色花园小区已经停水一天多了，问物业说是水务的问题，到底什么时候来水',
          day(3, 8 + (i % 10)),
          `b${i}`,
          { category: 'water' },
        ),
  );
  const parking = order('A1区金色花园停车收费太高', '金色花园小区物业停车收费太高，没有通知就涨价', day(3, 12), 'p1', {
    category: 'property',
  });
  const atEstate = (list: HotspotOrder[]) =>
    findHotspots(list, { from: day(1, 0), to: day(31, 0), top: 100 }).filter((h) => h.place === '金色花园');

  it('joins the wordings of one problem filed under one category at one place', () => {
    const found = atEstate([...background, ...burst, parking]);
    expect(found.map((h) => h.count)).toEqual([12]);
    expect(found[0].ids).not.toContain(parking.id);
  });

  it('joins them without a category too, once the period is large enough for its word weights to mean something', () => {
    const found = atEstate([...background, ...burst, parking].map((o) => ({ ...o, category: undefined })));
    expect(found[0].ids).toEqual(expect.arrayContaining(burst.map((o) => o.id)));
  });

  // Known weakness: without categories the estate's easing also takes in its parking-fee order, which shares
  // 没有通知 and 物业 with the burst. Kept as a failing expectation until issue words are weighed apart from filler.
  it.fails('keeps the estate’s other problem apart without a category', () => {
    const found = atEstate([...background, ...burst, parking].map((o) => ({ ...o, category: undefined })));
    expect(found[0].ids).not.toContain(parking.id);
  });
});

describe('places of a period', () => {
  it('reads one estate however it is written', () => {
    expect(placeKeyOf('丽发新城小区')).toBe('丽发');
    expect(placeKeyOf('丽发小区')).toBe('丽发');
    expect(placeKeyOf('伊景园·滨河苑')).toBe(placeKeyOf('伊景园滨河苑'));
  });

  it('takes a developer or road in front, and a shortened name, as the same estate', () => {
    const at = day(3);
    const located = locateOrders([
      order('万科魅力之城商铺油烟扰民', '小区底层商铺油烟直排', at, 'a'),
      order('劳动东路魅力之城小区夜宵摊噪音', '一楼夜宵摊营业到凌晨', at, 'b'),
      order('魅力之城小区临街门面油烟', '门面油烟扰民', at, 'c'),
      order('伊景园滨河苑捆绑销售车位', '强制捆绑车位', at, 'd'),
      order('投诉伊景园开发商', '捆绑车位', at, 'e'),
    ]);
    expect(new Set(located.slice(0, 3).map((l) => l.place)).size).toBe(1);
    expect(located[3].place).toBe(located[4].place);
  });

  it('prefers the place the body shares with many others over a title’s rarely named one', () => {
    const many = Array.from({ length: 6 }, (_, i) => order(`伊景园滨河苑捆绑车位${i}`, '捆绑销售车位', day(3), `m${i}`));
    const located = locateOrders([...many, order('武广新城违法捆绑销售车位', '我们是伊景园滨河苑的业主，被要求捆绑买车位', day(4), 'x')]);
    expect(located.at(-1)!.place).toBe(located[0].place);
  });
});

describe('heat of a small group with many likes', () => {
  it('counts likes at most as much as the people who wrote', () => {
    const fewLiked = heatIndex({ count: 3, citizens: 2, growth: 0, urgency: 0, likes: 99 });
    const many = heatIndex({ count: 30, citizens: 30, growth: 0, urgency: 0, likes: 0 });
    expect(many).toBeGreaterThan(fewLiked);
    expect(fewLiked).toBe(heatIndex({ count: 3, citizens: 2, growth: 0, urgency: 0, likes: 2 }));
  });
});
