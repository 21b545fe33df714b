import { describe, expect, it } from 'vitest';
import { CITY_MAP, distanceWords, districtAt, roundPoint } from './place.ts';

describe('portal place', () => {
  it("finds the district of each district's own label point", () => {
    const cp = (name: string) =>
      (CITY_MAP.features.find((f) => f.properties.name === name)!.properties as unknown as { cp: [number, number] }).cp;
    for (const name of ['中山区', '临江区', '金湖区', '北岭区', '青川县', '云溪县']) {
      const [lng, lat] = cp(name);
      expect(districtAt({ lng, lat }), name).toBe(name);
    }
  });

  it('answers null far outside the city', () => {
    expect(districtAt({ lng: 121.47, lat: 31.23 })).toBeNull();
  });

  it('rounds to six decimals', () => {
    expect(roundPoint({ lng: 117.123456789, lat: 36.987654321 })).toEqual({ lng: 117.123457, lat: 36.987654 });
  });

  it('says metres under a kilometre and kilometres beyond', () => {
    expect(distanceWords(347)).toEqual({ key: 'portal.metres', count: 350 });
    expect(distanceWords(1234)).toEqual({ key: 'portal.km', count: '1.2' });
  });
});
