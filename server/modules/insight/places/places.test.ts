import { describe, expect, it } from 'vitest';
import { buildGazetteer, locate, matchGazetteer, type GazetteerEntry } from './gazetteer.ts';
import { findPlaceMentions, minePlaceNames, mostSpecificPlace } from './places.ts';

const names = (text: string) => findPlaceMentions(text).map((m) => `${m.name}/${m.kind}`);

describe('findPlaceMentions', () => {
  it('finds estates, roads, streets, communities and coded districts', () => {
    expect(names('A7县星沙街道松雅湖社区伊景园滨河苑捆绑车位销售')).toEqual([
      'A7县/district',
      '星沙街道/street',
      '松雅湖社区/community',
      '伊景园/estate',
      '滨河苑/estate',
    ]);
    expect(names('K8县冷江东路蓝波旺酒店外墙装修无人施工')).toEqual(['K8县/district', '冷江东路/road', '蓝波旺酒店/landmark']);
    expect(names('我家住在丽发新城小区，旁边的搅拌站噪音太大')).toEqual(['丽发新城/estate']);
    expect(names('投诉J10 县华邦小区物业')).toEqual(['J10县/district', '华邦小区/estate']);
  });

  it('does not take common words for places', () => {
    expect(names('小区门口路灯坏了，城管不管，请求政府处理')).toEqual([]);
    expect(names('希望开办公办幼儿园')).toEqual([]);
  });

  it('starts a name where a word starts and keeps break characters that belong to a name', () => {
    expect(names('青竹湖街道太阳山小区加层出租')).toEqual(['青竹湖街道/street', '太阳山小区/estate']);
    expect(names('在和平路上摆摊')).toEqual(['和平路/road']);
    expect(names('A7县长龙街道托塘组')).toEqual(['A7县/district', '长龙街道/street']);
    expect(names('父母的户口迁入居住地城镇地区')).toEqual([]);
    expect(names('长郡中学、楚一外国语学校')).toEqual(['长郡中学/landmark', '楚一外国语学校/landmark']);
  });

  it('picks the most specific mention', () => {
    expect(mostSpecificPlace(findPlaceMentions('A2区桂花坪街道景蓉华苑'))?.name).toBe('景蓉华苑');
    expect(mostSpecificPlace(findPlaceMentions('A2区'))).toBeNull();
  });

  it('mines names repeated across orders', () => {
    const mined = minePlaceNames(['开元路堵车', '开元路又堵车', '幸福小区停水'], 2);
    expect(mined).toEqual([{ name: '开元路', kind: 'road', count: 2 }]);
  });
});

describe('gazetteer', () => {
  const entries: GazetteerEntry[] = [
    { id: 1, name: '临江市', aliases: [], level: 'city', parentId: null },
    { id: 2, name: '天河区', aliases: ['天河'], level: 'district', parentId: 1 },
    { id: 3, name: '石牌街道', aliases: ['石牌街'], level: 'street', parentId: 2 },
    { id: 4, name: '海珠区', aliases: [], level: 'district', parentId: 1 },
    { id: 5, name: '南洲街道', aliases: [], level: 'street', parentId: 4 },
    { id: 6, name: '龙口社区', aliases: ['华景新城'], level: 'community', parentId: 3 },
    { id: 7, name: '新村社区', aliases: [], level: 'community', parentId: 3 },
    { id: 8, name: '新村社区', aliases: [], level: 'community', parentId: 5 },
  ];
  const gazetteer = buildGazetteer(entries);

  it('matches the longest name at each position', () => {
    expect(matchGazetteer('天河区石牌街道', gazetteer).map((m) => m.name)).toEqual(['天河区', '石牌街道']);
  });

  it('reads the deepest region, confirmed by its ancestors, and an address', () => {
    const loc = locate('天河区华景新城12栋3单元楼上漏水', gazetteer);
    expect(loc.regionId).toBe(6);
    expect(loc.regionPath).toEqual(['临江市', '天河区', '石牌街道', '龙口社区']);
    expect(loc.address).toBe('华景新城12栋3单元');
    expect(loc.confidence).toBeGreaterThan(0.5);
  });

  it('settles an ambiguous name by the district the text also names', () => {
    expect(locate('海珠区新村社区垃圾没人清理', gazetteer).regionId).toBe(8);
    expect(locate('天河区新村社区垃圾没人清理', gazetteer).regionId).toBe(7);
  });

  it('returns no region rather than a guess when the name is ambiguous', () => {
    const loc = locate('新村社区垃圾没人清理', gazetteer);
    expect(loc.regionId).toBeNull();
    expect(loc.confidence).toBe(0);
  });

  it('copes with text naming no place at all', () => {
    expect(locate('', gazetteer)).toMatchObject({ regionId: null, address: null });
  });
});
