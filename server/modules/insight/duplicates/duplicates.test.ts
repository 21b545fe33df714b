import { describe, expect, it } from 'vitest';
import { createDuplicateIndex } from './duplicate-index.ts';
import { rankDuplicates } from './duplicates.ts';
import { jaccard, minhash, shingles, signatureSimilarity, SIGNATURE_LENGTH, textSignature } from './minhash.ts';
import { seededRandom } from '../../../lib/random.ts';

const A = '幸福小区门口的路灯坏了一个多月，晚上一片漆黑，老人小孩出行很不安全，希望尽快维修';
const A2 = '幸福小区门口路灯坏了快一个月了，晚上漆黑一片，老人小孩出行不安全，请尽快维修';
const B = '学校周边的早餐摊点卫生条件很差，学生吃了拉肚子，希望市场监管部门检查';

describe('minhash', () => {
  it('estimates Jaccard similarity of character shingles', () => {
    const exact = jaccard(shingles(A), shingles(A2));
    const estimate = signatureSimilarity(minhash(shingles(A)), minhash(shingles(A2)));
    expect(exact).toBeGreaterThan(0.5);
    expect(Math.abs(estimate - exact)).toBeLessThan(0.2);
    expect(signatureSimilarity(textSignature({ body: A }), textSignature({ body: B }))).toBeLessThan(0.15);
  });

  it('is deterministic and ignores width and case', () => {
    expect([...textSignature({ body: 'ＡＢＣ路灯坏了' })]).toEqual([...textSignature({ body: 'abc路灯坏了' })]);
    expect(textSignature({ body: A })).toHaveLength(SIGNATURE_LENGTH);
  });

  it('gives empty text a signature that matches nothing', () => {
    expect(signatureSimilarity(textSignature({ body: '' }), textSignature({ body: '' }))).toBe(0);
  });
});

describe('createDuplicateIndex', () => {
  const day = 86_400_000;

  it('finds a retyped order among unrelated ones, within the time window and region', () => {
    const index = createDuplicateIndex({ expectedSize: 16 });
    const random = seededRandom(3);
    const words = ['噪音', '停车', '垃圾', '物业', '供暖', '学校', '公交', '医保', '拆迁', '漏水', '绿化', '占道'];
    for (let i = 0; i < 2000; i++) {
      const body = Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]).join('') + i;
      index.add({ id: i, signature: textSignature({ body }), regionId: i % 5, at: i * 1000 });
    }
    index.add({ id: 9001, signature: textSignature({ body: A }), regionId: 7, at: 10 * day });
    index.add({ id: 9002, signature: textSignature({ body: A }), regionId: 8, at: 10 * day });
    index.add({ id: 9003, signature: textSignature({ body: A }), regionId: 7, at: 100 * day });
    expect(index.size).toBe(2003);
    const found = index.lookup(
      { signature: textSignature({ body: A2 }), regionId: 7, at: 11 * day },
      { windowMs: 30 * day, minSimilarity: 0.3, limit: 5, isSameRegionRequired: true },
    );
    expect(found.map((f) => f.id)).toEqual([9001]);
    expect(found[0]).toMatchObject({ isSameRegion: true, regionId: 7 });
    const anyRegion = index.lookup(
      { signature: textSignature({ body: A2 }), at: 11 * day },
      { windowMs: 30 * day, minSimilarity: 0.3, limit: 5 },
    );
    expect(anyRegion.map((f) => f.id).sort()).toEqual([9001, 9002]);
    expect(
      index
        .lookup(
          { signature: textSignature({ body: A2 }), at: 11 * day },
          { windowMs: 30 * day, minSimilarity: 0.3, limit: 5, excludeId: 9001 },
        )
        .map((f) => f.id),
    ).toEqual([9002]);
  });

  it('keeps working as it grows past its expected size', () => {
    const index = createDuplicateIndex({ expectedSize: 2 });
    for (let i = 0; i < 3000; i++) index.add({ id: i, signature: textSignature({ body: `${A}${i}` }), regionId: null, at: 0 });
    const found = index.lookup({ signature: textSignature({ body: `${A}17` }), at: 0 }, { windowMs: 1, minSimilarity: 0.99, limit: 3000 });
    expect(found.some((f) => f.id === 17)).toBe(true);
  });

  it('ranks the best matches first and, told to, looks at only the latest few orders sharing each band', () => {
    const index = createDuplicateIndex({ expectedSize: 16 });
    // a template's copies share every band by the hundred
    for (let i = 0; i < 500; i++) index.add({ id: i, signature: textSignature({ body: A }), regionId: null, at: i });
    index.add({ id: 500, signature: textSignature({ body: A2 }), regionId: null, at: 500 });
    const query = { signature: textSignature({ body: A }), at: 0 };
    const all = index.lookup(query, { windowMs: 1_000, minSimilarity: 0.3, limit: 4 });
    expect(all.map((f) => f.id)).toEqual([499, 498, 497, 496]);
    expect(all.every((f) => f.similarity === 1)).toBe(true);
    const latest = index.lookup(query, { windowMs: 1_000, minSimilarity: 0.3, limit: 100, maxPerBand: 3 });
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.every((f) => f.id >= 497)).toBe(true);
    expect(
      index.lookup({ signature: textSignature({ body: A2 }), at: 0 }, { windowMs: 1_000, minSimilarity: 0.3, limit: 1, maxPerBand: 3 })[0]
        .id,
    ).toBe(500);
  });

  it('rejects impossible banding and wrong signatures', () => {
    expect(() => createDuplicateIndex({ bands: 20, rows: 2 })).toThrow();
    expect(() => createDuplicateIndex().add({ id: 1, signature: new Uint32Array(3), regionId: null, at: 0 })).toThrow();
  });
});

describe('rankDuplicates', () => {
  const at = new Date('2026-03-02T02:00:00Z');
  const hoursLater = (h: number) => new Date(at.getTime() + h * 3600_000);
  const subject = { id: 100, title: '幸福小区路灯坏了', content: A2, at: hoursLater(48), citizenKey: 'c1', regionId: 5 };

  it('flags a repeat contact by the same citizen and advises merging into the open order', () => {
    const [first] = rankDuplicates(subject, [
      { id: 1, title: '幸福小区门口路灯不亮', content: A, at, citizenKey: 'c1', regionId: 5, isOpen: true },
    ]);
    expect(first).toMatchObject({ id: 1, isRepeat: true, shouldMerge: true });
    expect(first.reasons).toEqual(expect.arrayContaining(['same_citizen', 'same_place', 'same_region']));
    expect(first.sharedPlaces).toContain('幸福小区');
  });

  it('links another citizen about the same place without calling it a repeat', () => {
    const [r] = rankDuplicates(subject, [{ id: 2, title: '幸福小区路灯', content: A, at, citizenKey: 'c2', regionId: 5, isOpen: false }]);
    expect(r).toMatchObject({ id: 2, isRepeat: false, shouldMerge: false });
    expect(r.score).toBeGreaterThan(0.5);
  });

  it('leaves out unrelated orders and orders outside the window', () => {
    const results = rankDuplicates(subject, [
      { id: 3, title: '早餐摊卫生差', content: B, at, citizenKey: 'c3', regionId: 5 },
      { id: 4, title: '幸福小区路灯坏了', content: A, at: new Date(at.getTime() - 90 * 86_400_000), citizenKey: 'c4', regionId: 5 },
    ]);
    expect(results).toEqual([]);
  });
});
