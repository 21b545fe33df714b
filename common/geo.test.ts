import { describe, expect, it } from 'vitest';
import { boundingBox, distanceMetres } from './geo.ts';

describe('distanceMetres', () => {
  it('is zero for the same point', () => {
    expect(distanceMetres({ lng: 117.1, lat: 36.2 }, { lng: 117.1, lat: 36.2 })).toBe(0);
  });
  it('measures one hundredth of a degree of latitude as about 1.11 km', () => {
    expect(distanceMetres({ lng: 117.1, lat: 36.2 }, { lng: 117.1, lat: 36.21 })).toBeCloseTo(1112, -1);
  });
  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const atEquator = distanceMetres({ lng: 0, lat: 0 }, { lng: 0.01, lat: 0 });
    const at60 = distanceMetres({ lng: 0, lat: 60 }, { lng: 0.01, lat: 60 });
    expect(at60 / atEquator).toBeCloseTo(0.5, 2);
  });
});

describe('boundingBox', () => {
  it('holds the points at the given distance north and east of the centre', () => {
    const centre = { lng: 117.1, lat: 36.2 };
    const box = boundingBox(centre, 1000);
    expect(distanceMetres(centre, { lng: centre.lng, lat: box.maxLat })).toBeCloseTo(1000, -1);
    expect(distanceMetres(centre, { lng: box.maxLng, lat: centre.lat })).toBeCloseTo(1000, -1);
  });
});
