/**
 * Place names learnt from past orders' addresses (estates, roads, communities, landmarks), with the regions they were
 * filed under: the gazetteer's second source beside the region tree. Pure.
 */
import { normaliseText } from '../text/features.ts';
import { BLANK, buildGazetteer, matchGazetteer, MIN_NAME_LENGTH, type GazetteerEntry, type MinedPlace } from './gazetteer.ts';
import { findPlaceMentions, type PlaceKind } from './places.ts';

const LEADING_NUMBER = /^[\dA-Za-z-]+(?:号院?|栋|幢|弄|巷)?/;

/** A past order's confirmed address and region, with how many orders had exactly this pair. */
export interface AddressRecord {
  address: string;
  regionId: number;
  count: number;
}

/**
 * Estates, roads, communities and landmarks named in past orders' address fields, with the region
 * each was filed under: the region tree's own names are blanked first, the remaining place names
 * found by their suffixes (places.ts). A name needs `minCount` orders in all to be kept, so a
 * one-off typo does not become a place; its senses keep each region's count, so the matcher can
 * weigh them. Fed in chunks (`add`), so a caller can yield between them.
 */
export function createPlaceMiner(regions: GazetteerEntry[]) {
  const regionsOnly = buildGazetteer(regions);
  const byName = new Map<string, { kind: PlaceKind; total: number; regions: Map<number, number> }>();
  return {
    add(records: AddressRecord[]) {
      for (const r of records) {
        const text = normaliseText(r.address);
        if (!text || !(r.count > 0)) continue;
        const blanked = matchGazetteer(text, regionsOnly).reduce(
          (acc, m) => acc.slice(0, m.start) + BLANK.repeat(m.end - m.start) + acc.slice(m.end),
          text,
        );
        const seen = new Set<string>();
        for (const m of findPlaceMentions(blanked)) {
          if (m.kind === 'district' || m.kind === 'street') continue;
          // a house number run into the name (12号幸福家园) is not part of it
          const name = normaliseText(m.name).replace(LEADING_NUMBER, '');
          if ([...name].length < MIN_NAME_LENGTH + 1 || seen.has(name)) continue;
          seen.add(name);
          const entry = byName.get(name) ?? { kind: m.kind, total: 0, regions: new Map<number, number>() };
          entry.total += r.count;
          entry.regions.set(r.regionId, (entry.regions.get(r.regionId) ?? 0) + r.count);
          byName.set(name, entry);
        }
      }
    },
    places(minCount = 2): MinedPlace[] {
      const out: MinedPlace[] = [];
      for (const [name, e] of byName) {
        if (e.total < minCount) continue;
        for (const [regionId, count] of e.regions) out.push({ name, kind: e.kind, regionId, count });
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : b.count - a.count || a.regionId - b.regionId));
    },
  };
}

/** All at once: see createPlaceMiner. */
export function mineGazetteerPlaces(records: AddressRecord[], regions: GazetteerEntry[], minCount = 2): MinedPlace[] {
  const miner = createPlaceMiner(regions);
  miner.add(records);
  return miner.places(minCount);
}
