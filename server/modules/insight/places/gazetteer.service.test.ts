import { describe, expect, it } from 'vitest';
import { locate, type GazetteerEntry } from './gazetteer.ts';
import { createGazetteerCache } from './gazetteer.service.ts';

const regions: GazetteerEntry[] = [
  { id: 1, name: '临江市', aliases: [], level: 'city', parentId: null },
  { id: 2, name: '市北区', aliases: [], level: 'district', parentId: 1 },
  { id: 3, name: '湖光街道', aliases: [], level: 'street', parentId: 2 },
];

/** A repository stand-in whose address records can change, counting the reads. */
function fakeRepo() {
  const state = { records: [] as { address: string; regionId: number; count: number }[], regionReads: 0, addressReads: 0 };
  return {
    state,
    repo: {
      findRegions: async () => {
        state.regionReads++;
        return regions;
      },
      findAddressRecords: async () => {
        state.addressReads++;
        return [...state.records];
      },
    },
  };
}
const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createGazetteerCache', () => {
  it('answers with region names at once and adds mined places when the background mining ends', async () => {
    const { repo, state } = fakeRepo();
    state.records = [{ address: '市北区湖光街道开元路8号金桂家园', regionId: 3, count: 2 }];
    let now = 0;
    const cache = createGazetteerCache(repo, { now: () => new Date(now) });
    const first = await cache.gazetteer();
    expect(first.minedCount).toBe(0);
    expect(locate('市北区路灯坏了', first).regionId).toBe(2);
    await settle();
    const second = await cache.gazetteer();
    expect(locate('金桂家园3栋漏水', second)).toMatchObject({ regionId: 3, address: '金桂家园3栋' });
    expect(await cache.gazetteer()).toBe(second);
    expect(state.addressReads).toBe(1);
    // region names are re-read after five minutes; addresses not before six hours
    now = 6 * 60_000;
    await cache.gazetteer();
    expect([state.regionReads, state.addressReads]).toEqual([2, 1]);
    now = 7 * 3600_000;
    await cache.gazetteer();
    await settle();
    expect(state.addressReads).toBe(2);
  });

  it('re-mines at once on refresh, and an older run finishing later does not undo it', async () => {
    const { repo, state } = fakeRepo();
    // the first read (the background run's) is slow and sees no records yet
    const read = repo.findAddressRecords;
    let isFirst = true;
    repo.findAddressRecords = async () => {
      const records = await read();
      if (isFirst) {
        isFirst = false;
        await settle(100);
      }
      return records;
    };
    const cache = createGazetteerCache(repo, { now: () => new Date(0) });
    await cache.gazetteer();
    state.records = [{ address: '湖光街道银杏苑5栋', regionId: 3, count: 3 }];
    expect(await cache.refresh()).toMatchObject({ minedPlaces: 1 });
    await settle(200);
    expect(state.addressReads).toBe(2);
    expect(locate('银杏苑5栋', await cache.gazetteer()).regionId).toBe(3);
  });

  it('keeps serving when mining fails', async () => {
    const { repo } = fakeRepo();
    repo.findAddressRecords = async () => {
      throw new Error('database closed');
    };
    const cache = createGazetteerCache(repo, { now: () => new Date(0) });
    expect(locate('市北区', await cache.gazetteer()).regionId).toBe(2);
    await settle();
    expect(locate('市北区', await cache.gazetteer()).regionId).toBe(2);
  });
});
