/**
 * The district map: the demo city's schematic GeoJSON when the districts match it, otherwise a
 * generated schematic (one square per district on a grid) so any city's regions can be shown.
 */
import demoCity from '../../assets/lianxin-city.geo.json';

export interface GeoFeature {
  type: 'Feature';
  properties: { name: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}
export interface GeoJson {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

export function cityGeoJson(districtNames: string[]): GeoJson {
  const shipped = demoCity as unknown as GeoJson;
  const known = new Set(shipped.features.map((f) => f.properties.name));
  if (districtNames.length === 0 || districtNames.every((n) => known.has(n))) return shipped;
  return gridGeoJson(districtNames);
}

export function gridGeoJson(names: string[]): GeoJson {
  const columns = Math.max(1, Math.ceil(Math.sqrt(names.length)));
  const size = 0.1;
  const gap = 0.008;
  return {
    type: 'FeatureCollection',
    features: names.map((name, i) => {
      const x = (i % columns) * size;
      const y = -Math.floor(i / columns) * size;
      const ring = [
        [x, y],
        [x + size - gap, y],
        [x + size - gap, y + size - gap],
        [x, y + size - gap],
        [x, y],
      ];
      return { type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [ring] } };
    }),
  };
}
