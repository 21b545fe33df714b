/**
 * The gazetteer in use (地名库): the region tree, re-read every few minutes (cheap), plus places
 * mined from recent orders' confirmed addresses, re-mined when the dispatch models are trained
 * and in the background every few hours otherwise (until the first mining ends, suggestions use
 * the region names alone). Kept in memory per process; no HTTP here.
 */
import type { Clock } from '../../../lib/actor.ts';
import { buildGazetteer, type Gazetteer, type GazetteerEntry, type MinedPlace } from './gazetteer.ts';
import { createPlaceMiner, type AddressRecord } from './gazetteer-mining.ts';

const REGIONS_TTL_MS = 5 * 60_000;
const MINED_TTL_MS = 6 * 3600_000;
/** Most recent orders whose addresses are mined: enough for a large city's estates and roads, bounded in time. */
export const MINED_ADDRESS_LIMIT = 100_000;
/** Orders a mined name needs before it counts as a place. */
export const MIN_PLACE_ORDERS = 2;
/** Addresses mined between yields to the event loop (about 50 ms of work), so requests keep flowing. */
const MINING_CHUNK = 1000;

/** What the cache reads (the insight repository's methods). */
export interface GazetteerSource {
  findRegions(): Promise<GazetteerEntry[]>;
  findAddressRecords(limit: number): Promise<AddressRecord[]>;
}
type RegionRows = GazetteerEntry[];

export function createGazetteerCache(repo: GazetteerSource, clock: Clock) {
  let regions: { at: number; rows: RegionRows } | null = null;
  let mined: { at: number; places: MinedPlace[] } | null = null;
  let built: Gazetteer | null = null;
  let mining: Promise<void> | null = null;
  /** Runs started and the latest applied: a slower, older run must not overwrite a newer one. */
  let started = 0;
  let applied = 0;

  const isStale = (at: number, ttl: number, now: number) => now - at > ttl || now < at;

  async function mine(now: number, rows: RegionRows) {
    const run = ++started;
    const records = await repo.findAddressRecords(MINED_ADDRESS_LIMIT);
    const miner = createPlaceMiner(rows);
    for (let i = 0; i < records.length; i += MINING_CHUNK) {
      miner.add(records.slice(i, i + MINING_CHUNK));
      if (i + MINING_CHUNK < records.length) await new Promise((resolve) => setImmediate(resolve));
    }
    if (run > applied) {
      applied = run;
      mined = { at: now, places: miner.places(MIN_PLACE_ORDERS) };
      built = null;
    }
  }

  return {
    async gazetteer(): Promise<Gazetteer> {
      const now = clock.now().getTime();
      if (!regions || isStale(regions.at, REGIONS_TTL_MS, now)) {
        regions = { at: now, rows: await repo.findRegions() };
        built = null;
      }
      if (!mining && (!mined || isStale(mined.at, MINED_TTL_MS, now))) {
        // in the background: a failed run (e.g. the database closing) keeps the places mined before
        mining = mine(now, regions.rows)
          .catch(() => undefined)
          .finally(() => {
            mining = null;
          });
      }
      built ??= buildGazetteer(regions.rows, mined?.places ?? []);
      return built;
    },

    /** Re-reads regions and re-mines addresses now (after training); returns the gazetteer's size. */
    async refresh(): Promise<{ names: number; minedPlaces: number }> {
      const now = clock.now().getTime();
      regions = { at: now, rows: await repo.findRegions() };
      await mine(now, regions.rows);
      built = buildGazetteer(regions.rows, mined!.places);
      return { names: built.size, minedPlaces: built.minedCount };
    },
  };
}
