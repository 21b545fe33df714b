import { describe, expect, it } from 'vitest';
import { rankDuplicates } from './duplicates.ts';
import { jaccard, minhash, shingles, signatureSimilarity, SIGNATURE_LENGTH, textSignature } from './minhash.ts';

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

describe('rankDuplicates', () => {
  const at = new Date('2026-03-02T02:00:00Z');
  const hoursLater = (h: number) => new Date(at.getTime() + h * 3600_000);
  const subject = { id: 100, title: '幸福小区路灯坏了', content: A2, at: hoursLater(48), citizenKey: 'c1', regionId: 5 };

  it('flags a repeat contact by the same citizen and advises merging into the open order', () => {
    const [first] = rankDuplicates(subject, [{ id: 1, title: '幸福小区门口路灯不亮', content: A, at, citizenKey: 'c1', regionId: 5, isOpen: true }]);
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
