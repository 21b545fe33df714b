/**
 * Builds the demo city's regions and units as plain rows with pre-allocated ids (pure: no I/O).
 * The geography is the same for every seed; only the orders depend on the seed.
 */
import type { UnitKind } from '../../../common/enums.ts';
import {
  CITY,
  CITY_LANDMARKS,
  COMMUNITY_ROOTS,
  DEPARTMENTS,
  DISTRICT_OFFICES,
  DISTRICTS,
  ESTATE_PREFIXES,
  ESTATE_SUFFIXES,
  ROAD_ROOTS,
  ROAD_SUFFIXES,
  TOWN_LANDMARKS,
  URBAN_LANDMARKS,
  UTILITIES,
  VILLAGE_ROOTS,
  type DistrictSpec,
  type UnitSpec,
} from './city.data.ts';
import { Rng } from './prng.ts';

export interface RegionRow {
  id: number;
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parentId: number | null;
  aliases: string[];
  geo: { lng: number; lat: number };
}

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  peerGroup: 'department' | 'district' | 'street' | 'utility';
  parentId: number | null;
  regionId: number | null;
  phone: string | null;
  /** How the unit refers to itself in replies (我局, 我中心…). */
  self: string;
}

export interface Community {
  region: RegionRow;
  street: Street;
  /** Estates (or the village itself) residents name as their address. */
  estates: string[];
  isVillage: boolean;
}

export interface Street {
  region: RegionRow;
  district: District;
  root: string;
  roads: string[];
  landmarks: string[];
  communities: Community[];
  isTown: boolean;
  unit: UnitRow;
}

export interface District {
  region: RegionRow;
  spec: DistrictSpec;
  streets: Street[];
  government: UnitRow;
  offices: Record<string, UnitRow>;
}

export interface City {
  region: RegionRow;
  regions: RegionRow[];
  units: UnitRow[];
  districts: District[];
  streets: Street[];
  communities: Community[];
  center: UnitRow;
  /** City departments and their sub-units by key ('zjj', 'gaj.jj'), utilities by key ('water'). */
  departments: Record<string, UnitRow>;
  utilities: Record<string, UnitRow>;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** `nextId(table)` hands out ids reserved in the database; `namespace` prefixes unique codes (tests). */
export function buildCity(nextId: (table: 'regions' | 'units') => number, namespace = ''): City {
  const rng = new Rng(20261122); // fixed: the map does not change with the seed
  const code = (c: string) => (namespace ? `${namespace}-${c}` : c);
  const regions: RegionRow[] = [];
  const units: UnitRow[] = [];
  const addRegion = (row: Omit<RegionRow, 'id'>) => {
    const region = { id: nextId('regions'), ...row, code: code(row.code) };
    regions.push(region);
    return region;
  };
  const addUnit = (row: Omit<UnitRow, 'id' | 'code'> & { code: string }) => {
    const unit = { ...row, id: nextId('units'), code: code(row.code) };
    units.push(unit);
    return unit;
  };

  const cityRegion = addRegion({
    code: CITY.code,
    name: CITY.name,
    level: 'city',
    parentId: null,
    aliases: ['连城'],
    geo: { lng: CITY.lng, lat: CITY.lat },
  });
  const center = addUnit({
    code: 'center',
    name: '连城市12345政务服务便民热线',
    kind: 'center',
    peerGroup: 'department',
    parentId: null,
    regionId: cityRegion.id,
    phone: '12345',
    self: '我中心',
  });

  const departments: Record<string, UnitRow> = {};
  const addDepartment = (spec: UnitSpec, parent: UnitRow | null) => {
    const unit = addUnit({
      code: `city.${spec.key}`,
      name: spec.name,
      kind: 'department',
      peerGroup: 'department',
      parentId: parent?.id ?? null,
      regionId: cityRegion.id,
      phone: spec.phone ?? null,
      self: spec.self,
    });
    departments[spec.key] = unit;
    for (const child of spec.children ?? []) addDepartment(child, unit);
  };
  for (const spec of DEPARTMENTS) addDepartment(spec, null);
  const utilities: Record<string, UnitRow> = {};
  for (const spec of UTILITIES) {
    utilities[spec.key] = addUnit({
      code: `util.${spec.key}`,
      name: spec.name,
      kind: 'utility',
      peerGroup: 'utility',
      parentId: null,
      regionId: cityRegion.id,
      phone: spec.phone ?? null,
      self: spec.self,
    });
  }

  const estateNames = rng.shuffle(ESTATE_PREFIXES.flatMap((p) => ESTATE_SUFFIXES.map((s) => p + s)));
  const roadNames = rng.shuffle(ROAD_ROOTS.flatMap((r) => ROAD_SUFFIXES.map((s) => r + s)));
  const usedRoads = new Set<string>();
  const usedRoadRoots = new Set<string>();
  const rootOf = (road: string) => road.replace(/(东|西|南|北)?(路|街|大道)$/, '');
  let estateIndex = 0;
  let communityIndex = 0;
  let villageIndex = 0;
  /** A road name used nowhere else, preferring a root no other street has ("人民东路" and "人民西路" only when roots run out). */
  const nextRoad = () => {
    const road = roadNames.find((n) => !usedRoads.has(n) && !usedRoadRoots.has(rootOf(n))) ?? roadNames.find((n) => !usedRoads.has(n))!;
    usedRoads.add(road);
    usedRoadRoots.add(rootOf(road));
    return road;
  };

  const districts: District[] = [];
  const streets: Street[] = [];
  const communities: Community[] = [];
  for (const spec of DISTRICTS) {
    const region = addRegion({
      code: spec.code,
      name: spec.name,
      level: 'district',
      parentId: cityRegion.id,
      aliases: [spec.name.slice(0, 2)],
      geo: { lng: spec.lng, lat: spec.lat },
    });
    const government = addUnit({
      code: `d${spec.code}`,
      name: `${spec.name}人民政府`,
      kind: 'district',
      peerGroup: 'district',
      parentId: null,
      regionId: region.id,
      phone: null,
      self: spec.isCounty ? '我县' : '我区',
    });
    const offices: Record<string, UnitRow> = { gov: government };
    for (const office of DISTRICT_OFFICES) {
      offices[office.key] = addUnit({
        code: `d${spec.code}.${office.key}`,
        name: office.name.replace('{d}', spec.name),
        kind: 'department',
        peerGroup: 'district',
        parentId: government.id,
        regionId: region.id,
        phone: null,
        self: office.self,
      });
    }
    const district: District = { region, spec, streets: [], government, offices };
    districts.push(district);

    spec.streets.forEach((streetName, si) => {
      const isTown = /[镇乡]$/.test(streetName);
      const root = streetName.replace(/(街道|镇|乡)$/, '');
      const geo = { lng: round(spec.lng + rng.range(-0.05, 0.05)), lat: round(spec.lat + rng.range(-0.04, 0.04)) };
      const roads = isTown ? [`${root}大街`, `${root}中路`, nextRoad()] : [nextRoad(), nextRoad(), nextRoad()];
      const landmarks = (isTown ? TOWN_LANDMARKS : URBAN_LANDMARKS).map((l) => l.replace('{root}', root));
      for (const [name, d, s] of CITY_LANDMARKS) if (DISTRICTS[d] === spec && s === si) landmarks.push(name);
      const streetCode = `${spec.code}${String(si + 1).padStart(3, '0')}`;
      const streetRegion = addRegion({
        code: streetCode,
        name: streetName,
        level: 'street',
        parentId: region.id,
        aliases: [...roads, ...landmarks],
        geo,
      });
      const unit = addUnit({
        code: `s${streetCode}`,
        name: isTown ? `${spec.name}${streetName}人民政府` : `${spec.name}${streetName}办事处`,
        kind: 'street',
        peerGroup: 'street',
        parentId: government.id,
        regionId: streetRegion.id,
        phone: null,
        self: isTown ? '我镇' : '我街道',
      });
      const street: Street = { region: streetRegion, district, root, roads, landmarks, communities: [], isTown, unit };
      district.streets.push(street);
      streets.push(street);

      const count = isTown ? 6 : 5;
      for (let ci = 0; ci < count; ci++) {
        // a town has one residential community at its seat; the rest are villages
        const isVillage = isTown && ci > 0;
        const name = isVillage
          ? `${VILLAGE_ROOTS[villageIndex++ % VILLAGE_ROOTS.length]}村`
          : `${isTown ? root : COMMUNITY_ROOTS[communityIndex++ % COMMUNITY_ROOTS.length]}社区`;
        const estates = isVillage ? [name] : [estateNames[estateIndex++], ...(rng.chance(0.5) ? [estateNames[estateIndex++]] : [])];
        const communityRegion = addRegion({
          code: `${streetCode}${String(ci + 1).padStart(3, '0')}`,
          name,
          level: 'community',
          parentId: streetRegion.id,
          aliases: estates,
          geo: { lng: round(geo.lng + rng.range(-0.012, 0.012)), lat: round(geo.lat + rng.range(-0.01, 0.01)) },
        });
        const community: Community = { region: communityRegion, street, estates, isVillage };
        street.communities.push(community);
        communities.push(community);
      }
    });
  }

  return { region: cityRegion, regions, units, districts, streets, communities, center, departments, utilities };
}

/**
 * The unit a category handler string (see categories.data.ts) names for an order in `street`
 * (null street: city-wide handlers only; district and street handlers fall back to the district government or the center).
 */
export function resolveHandler(city: City, handler: string, street: Street | null): UnitRow {
  const [kind, key] = handler.split(':');
  switch (kind) {
    case 'city':
      return city.departments[key] ?? fail(handler);
    case 'util':
      return city.utilities[key] ?? fail(handler);
    case 'district':
      return street ? (street.district.offices[key] ?? fail(handler)) : city.center;
    case 'street':
      return street ? street.unit : city.center;
    case 'center':
      return city.center;
    default:
      return fail(handler);
  }
}

function fail(handler: string): never {
  throw new Error(`unknown category handler ${handler}`);
}
