/** The portal's map of the city (pure): which points lie inside it, and how far away a report is, in words. */
import city from '../../assets/lianxin-city.geo.json';

export interface Point {
  lng: number;
  lat: number;
}
interface Polygon {
  type: 'Polygon';
  coordinates: number[][][];
}
interface CityMap {
  type: 'FeatureCollection';
  features: { properties: { name: string }; geometry: Polygon }[];
}

/** The city drawn offline (a city's intranet has no tile server): its districts as GeoJSON. */
export const CITY_MAP = city as unknown as CityMap;

/** Ray casting on one ring: an odd number of crossings means inside. */
function inRing(point: Point, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The district a point falls in, or null outside the city. */
export function districtAt(point: Point, map: CityMap = CITY_MAP): string | null {
  for (const feature of map.features) {
    const [outer, ...holes] = feature.geometry.coordinates;
    if (inRing(point, outer) && !holes.some((hole) => inRing(point, hole))) return feature.properties.name;
  }
  return null;
}

/** Six decimals are about 0.1 m: more than a phone's fix is worth. */
export function roundPoint(point: Point): Point {
  return { lng: Math.round(point.lng * 1e6) / 1e6, lat: Math.round(point.lat * 1e6) / 1e6 };
}

/** "350 米" under a kilometre, "1.2 公里" beyond (as i18n keys and counts). */
export function distanceWords(metres: number): { key: 'portal.metres' | 'portal.km'; count: number | string } {
  return metres < 1000
    ? { key: 'portal.metres', count: Math.round(metres / 10) * 10 }
    : { key: 'portal.km', count: (metres / 1000).toFixed(1) };
}
