import { describe, expect, it } from 'vitest';
import { normaliseText } from '../text/features.ts';
import { buildGazetteer, locate, matchGazetteer, shortForm, type GazetteerEntry, type MinedPlace } from './gazetteer.ts';
import { mineGazetteerPlaces } from './gazetteer-mining.ts';

/** 临江市 → 市北区 → 湖光街道 → 龙口社区 / 新村社区; 临江市 → 海珠区 → 南洲街道 → 新村社区 / 沙园社区. */
const regions: GazetteerEntry[] = [
  { id: 1, name: '临江市', aliases: [], level: 'city', parentId: null },
  { id: 2, name: '市北区', aliases: [], level: 'district', parentId: 1 },
  { id: 3, name: '湖光街道', aliases: [], level: 'street', parentId: 2 },
  { id: 4, name: '海珠区', aliases: [], level: 'district', parentId: 1 },
  { id: 5, name: '南洲街道', aliases: [], level: 'street', parentId: 4 },
  { id: 6, name: '龙口社区', aliases: ['华景新城'], level: 'community', parentId: 3 },
  { id: 7, name: '新村社区', aliases: [], level: 'community', parentId: 3 },
  { id: 8, name: '新村社区', aliases: [], level: 'community', parentId: 5 },
  { id: 9, name: '沙园社区', aliases: [], level: 'community', parentId: 5 },
];

const mined: MinedPlace[] = [
  { name: '幸福家园', kind: 'estate', regionId: 7, count: 3 },
  // a road through two communities of one street, and one name in two districts (mostly in 海珠区)
  { name: '开元路', kind: 'road', regionId: 8, count: 2 },
  { name: '开元路', kind: 'road', regionId: 9, count: 2 },
  { name: '滨江路', kind: 'road', regionId: 8, count: 8 },
  { name: '滨江路', kind: 'road', regionId: 3, count: 2 },
  // the region table's own name wins over a mined reading of it
  { name: '湖光街道', kind: 'street', regionId: 9, count: 50 },
];
const gazetteer = buildGazetteer(regions, mined);
const brief = (text: string) => {
  const l = locate(text, gazetteer);
  return { regionId: l.regionId, address: l.address, confidence: l.confidence, evidence: l.evidence.map((e) => `${e.text}:${e.source}`) };
};

describe('shortForm', () => {
  it('drops the level suffix when two or more characters remain', () => {
    expect(['市北区', '湖光街道', '长沙县', '浏阳市', '柳岸街道', '张家村', '东区'].map((n) => shortForm(n))).toEqual([
      '市北',
      '湖光',
      '长沙',
      '浏阳',
      '柳岸',
      null,
      null,
    ]);
  });

  it('gives no short form that is an ordinary word, below district level not even a noun', () => {
    expect(
      [
        ['建设街道', 'street'],
        ['幸福社区', 'community'],
        ['高新区', 'district'],
        ['人民街道', 'street'],
        ['海珠区', 'district'],
        ['海珠街道', 'street'],
      ].map(([n, level]) => shortForm(n, level)),
    ).toEqual([null, null, null, null, '海珠', null]);
  });
});

describe('buildGazetteer', () => {
  it('knows names, short forms, aliases and mined places, keeping the region table authoritative', () => {
    expect(gazetteer.names.get('市北')).toEqual([{ regionId: 2, source: 'short', weight: 1, kind: 'region' }]);
    expect(gazetteer.names.get('华景新城')).toEqual([{ regionId: 6, source: 'alias', weight: 1, kind: 'estate' }]);
    expect(gazetteer.names.get('湖光街道')).toEqual([{ regionId: 3, source: 'name', weight: 1, kind: 'region' }]);
    expect(gazetteer.names.get('滨江路')!.map((s) => [s.regionId, s.weight])).toEqual([
      [8, 8],
      [3, 2],
    ]);
    expect(gazetteer.minedCount).toBe(5);
  });
});

describe('matchGazetteer', () => {
  it('takes the longest name at each position, left to right', () => {
    expect(matchGazetteer('市北区湖光街道华景新城', gazetteer).map((m) => [m.name, m.start, m.end])).toEqual([
      ['市北区', 0, 3],
      ['湖光街道', 3, 7],
      ['华景新城', 7, 11],
    ]);
  });

  it('reads a short form only where a word starts', () => {
    expect(matchGazetteer('市北湖光开元路', gazetteer).map((m) => m.name)).toEqual(['市北', '湖光', '开元路']);
    expect(matchGazetteer('城市北部的道路坑洼不平', gazetteer)).toEqual([]);
  });

  it('works on normalised text: full-width letters and spaces do not hide a name', () => {
    expect(matchGazetteer('  海珠区  南洲街道', gazetteer).map((m) => m.name)).toEqual(['海珠区', '南洲街道']);
  });
});

describe('locate', () => {
  it('fills region and address from a mined estate, with the evidence spans', () => {
    const text = '市北湖光开元路12号幸福家园3栋2单元楼上漏水';
    const loc = locate(text, gazetteer);
    // 开元路 is known only in 南洲街道: it costs some confidence but does not outweigh three agreeing names
    expect(loc).toMatchObject({
      regionId: 7,
      regionPath: ['临江市', '市北区', '湖光街道', '新村社区'],
      address: '开元路12号幸福家园3栋2单元',
      confidence: 0.86,
    });
    expect(brief('幸福家园3栋')).toMatchObject({ regionId: 7, address: '幸福家园3栋', confidence: 0.8 });
    expect(loc.evidence.map(({ text: t, start, end, source, regionId }) => [t, start, end, source, regionId])).toEqual([
      ['市北', 0, 2, 'short', 2],
      ['湖光', 2, 4, 'short', 3],
      ['幸福家园', 10, 14, 'mined', 7],
    ]);
    for (const e of loc.evidence) expect(normaliseText(text).slice(e.start, e.end)).toBe(e.text);
  });

  it('keeps the road and number in front of an estate in the address', () => {
    expect(brief('海珠区开元路12号华景新城5栋').address).toBe('开元路12号华景新城5栋');
  });

  it('settles a name shared by two regions by the district the text also names', () => {
    expect(brief('市北区滨江路路灯不亮')).toEqual({
      regionId: 3,
      address: '滨江路',
      confidence: 0.6,
      evidence: ['市北区:name', '滨江路:mined'],
    });
    expect(brief('海珠区新村社区垃圾没人清理').regionId).toBe(8);
    expect(brief('市北区新村社区垃圾没人清理').regionId).toBe(7);
  });

  it('settles it by frequency when nothing else is said, with a lower confidence', () => {
    expect(brief('滨江路上路灯不亮')).toEqual({ regionId: 8, address: '滨江路', confidence: 0.51, evidence: ['滨江路:mined'] });
  });

  it('falls back to the region two readings share, or to none when that is the whole city', () => {
    // 开元路 runs through 新村社区 and 沙园社区 of 南洲街道 equally often
    expect(brief('开元路下水道堵了')).toMatchObject({ regionId: 5, confidence: 0.5 });
    expect(brief('新村社区垃圾没人清理')).toMatchObject({ regionId: null, confidence: 0 });
    expect(brief('我住在市北区，但是在南洲街道上班')).toMatchObject({ regionId: null, confidence: 0 });
  });

  it('gives no region for text naming no known place, and an address from the place pattern when there is one', () => {
    expect(brief('路灯坏了好几天了')).toEqual({ regionId: null, address: null, confidence: 0, evidence: [] });
    expect(brief('金色年华小区门口积水')).toEqual({
      regionId: null,
      address: '金色年华小区',
      confidence: 0,
      evidence: ['金色年华小区:pattern'],
    });
  });

  it('copes with empty text and other scripts', () => {
    for (const text of ['', '   ', 'The street light on Main Road is broken', 'Улица не убрана', 'شارع مكسور', '🚧🚧🚧', '12345']) {
      expect(locate(text, gazetteer)).toMatchObject({ regionId: null, address: null, confidence: 0, evidence: [] });
    }
    expect(brief('Please fix 市北区 湖光街道 road').regionId).toBe(3);
  });

  it('reads a very long text quickly, looking at its first part only', () => {
    const filler = '这里的情况一直没有得到解决，'.repeat(20_000);
    locate('华景新城', gazetteer); // loads jieba's dictionary
    const started = performance.now();
    const loc = locate(`华景新城5栋${filler}海珠区`, gazetteer);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(loc).toMatchObject({ regionId: 6, address: '华景新城5栋' });
  });

  it('matches against a city-sized gazetteer without scanning its names (about 0.4 ms a text measured; the bound is 60 times that, for loaded machines)', () => {
    const many: MinedPlace[] = Array.from({ length: 50_000 }, (_, i) => ({
      name: `测试${i.toString(36)}家园`,
      kind: 'estate',
      regionId: 6 + (i % 4),
      count: 2,
    }));
    const big = buildGazetteer(regions, many);
    expect(big.minedCount).toBe(50_000);
    const texts = Array.from(
      { length: 200 },
      (_, i) => `投诉测试${(i * 97).toString(36)}家园3栋楼下烧烤油烟扰民，多次反映没有人管，希望尽快处理`,
    );
    locate(texts[0], big); // loads jieba's dictionary
    const started = performance.now();
    const found = texts.map((t) => locate(t, big).regionId);
    expect((performance.now() - started) / texts.length).toBeLessThan(25);
    expect(found.every((id) => id !== null && id >= 6 && id <= 9)).toBe(true);
  });
});

describe('mineGazetteerPlaces', () => {
  it('learns estates and roads from confirmed addresses, with the regions they were filed under', () => {
    const places = mineGazetteerPlaces(
      [
        { address: '市北区湖光街道开元路12号幸福家园', regionId: 7, count: 2 },
        { address: '海珠区南洲街道开元路8号', regionId: 8, count: 1 },
        { address: '市北区湖光街道', regionId: 3, count: 9 },
        { address: '丽景花园5栋', regionId: 9, count: 1 },
        { address: '', regionId: 9, count: 4 },
      ],
      regions,
      2,
    );
    expect(places).toEqual([
      { name: '幸福家园', kind: 'estate', regionId: 7, count: 2 },
      { name: '开元路', kind: 'road', regionId: 7, count: 2 },
      { name: '开元路', kind: 'road', regionId: 8, count: 1 },
    ]);
  });

  it('returns nothing from nothing', () => {
    expect(mineGazetteerPlaces([], regions)).toEqual([]);
  });
});
