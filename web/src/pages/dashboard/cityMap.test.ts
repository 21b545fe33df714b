import { describe, expect, it } from 'vitest';
import { cityGeoJson, gridGeoJson } from './cityMap.ts';

describe('city map', () => {
  it('uses the shipped schematic for the demo districts', () => {
    const geo = cityGeoJson(['中山区', '临江区', '云溪县']);
    expect(geo.features.map((f) => f.properties.name)).toEqual(
      expect.arrayContaining(['中山区', '临江区', '金湖区', '北岭区', '青川县', '云溪县']),
    );
  });
  it('draws one closed square per district for another city', () => {
    const geo = cityGeoJson(['东城区', '西城区', '南城区']);
    expect(geo.features).toHaveLength(3);
    for (const f of geo.features) {
      const ring = f.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });
  it('lays squares out without overlap', () => {
    const geo = gridGeoJson(['a', 'b', 'c', 'd', 'e']);
    const origins = geo.features.map((f) => f.geometry.coordinates[0][0].join(','));
    expect(new Set(origins).size).toBe(5);
  });
});
