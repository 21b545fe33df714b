import { describe, expect, it } from 'vitest';
import { buildTree, categoryPaths, defaultPeerGroup, isValidRegionChild, rankCatalogueCandidates, wouldCreateCycle } from './orgs.tree.ts';

describe('orgs tree logic', () => {
  describe('buildTree', () => {
    it('nests rows under their parents in input order and keeps orphans as roots', () => {
      const tree = buildTree([
        { id: 1, parentId: null, name: 'city' },
        { id: 2, parentId: 1, name: 'district A' },
        { id: 3, parentId: 2, name: 'street' },
        { id: 4, parentId: 1, name: 'district B' },
        { id: 5, parentId: 99, name: 'orphan' },
      ]);
      expect(tree.map((n) => n.id)).toEqual([1, 5]);
      expect(tree[0].children.map((n) => n.id)).toEqual([2, 4]);
      expect(tree[0].children[0].children.map((n) => n.id)).toEqual([3]);
      expect(tree[1].children).toEqual([]);
    });
  });

  describe('isValidRegionChild', () => {
    it('allows a child strictly below its parent', () => {
      expect(isValidRegionChild('city', 'district')).toBe(true);
      expect(isValidRegionChild('district', 'community')).toBe(true);
    });
    it('refuses a child at the same level or above', () => {
      expect(isValidRegionChild('street', 'street')).toBe(false);
      expect(isValidRegionChild('street', 'district')).toBe(false);
    });
  });

  describe('wouldCreateCycle', () => {
    it('detects moving a node under itself or a descendant', () => {
      expect(wouldCreateCycle(3, [1, 2, 3])).toBe(true);
      expect(wouldCreateCycle(1, [1, 2])).toBe(true);
      expect(wouldCreateCycle(7, [1, 2])).toBe(false);
      expect(wouldCreateCycle(null, [1, 2])).toBe(false);
    });
  });

  describe('defaultPeerGroup', () => {
    it('ranks districts, streets, communities and utilities separately from departments', () => {
      expect(defaultPeerGroup('street')).toBe('street');
      expect(defaultPeerGroup('utility')).toBe('utility');
      expect(defaultPeerGroup('department')).toBe('department');
      expect(defaultPeerGroup('center')).toBe('department');
    });
  });

  describe('categoryPaths', () => {
    const subtree = [
      { id: 10, parentId: 1, name: '住房管理' },
      { id: 11, parentId: 10, name: '物业管理' },
      { id: 12, parentId: 10, name: '房屋租赁' },
    ];
    it('computes levels and path names below a new parent', () => {
      expect(categoryPaths(subtree, 10, { level: 1, pathName: '城乡建设' })).toEqual([
        { id: 10, level: 2, pathName: '城乡建设 / 住房管理' },
        { id: 11, level: 3, pathName: '城乡建设 / 住房管理 / 物业管理' },
        { id: 12, level: 3, pathName: '城乡建设 / 住房管理 / 房屋租赁' },
      ]);
    });
    it('makes the subtree root a first-level category when it has no parent', () => {
      expect(categoryPaths(subtree, 10, null).map((p) => [p.level, p.pathName])).toEqual([
        [1, '住房管理'],
        [2, '住房管理 / 物业管理'],
        [2, '住房管理 / 房屋租赁'],
      ]);
    });
  });

  describe('rankCatalogueCandidates', () => {
    // region chain: community 4 → street 3 → district 2 → city 1; category chain: 30 → 20 → 10
    const regionChain = [4, 3, 2, 1];
    const categoryChain = [30, 20, 10];
    const row = (catalogueId: number, categoryId: number, regionId: number | null, unitId: number) => ({
      catalogueId,
      categoryId,
      regionId,
      unitId,
    });

    it('puts the most specific region first, region-less rows last', () => {
      const ranked = rankCatalogueCandidates(
        [row(1, 30, null, 100), row(2, 30, 2, 200), row(3, 30, 4, 300), row(4, 30, 1, 400)],
        regionChain,
        categoryChain,
      );
      expect(ranked.map((r) => r.unitId)).toEqual([300, 200, 400, 100]);
    });

    it('lists parent-category rows after every row of the exact category', () => {
      const ranked = rankCatalogueCandidates([row(1, 20, 4, 100), row(2, 30, null, 200)], regionChain, categoryChain);
      expect(ranked.map((r) => r.unitId)).toEqual([200, 100]);
    });

    it('keeps each unit once, at its best position, and ignores rows outside the chains', () => {
      const ranked = rankCatalogueCandidates(
        [row(1, 30, null, 100), row(2, 30, 3, 100), row(3, 30, 99, 200), row(4, 77, 4, 300)],
        regionChain,
        categoryChain,
      );
      expect(ranked).toEqual([{ ...row(2, 30, 3, 100), rank: 1 }]);
    });

    it('without a region only region-less rows rank', () => {
      const ranked = rankCatalogueCandidates([row(1, 30, null, 100), row(2, 30, 4, 200)], [], categoryChain);
      expect(ranked.map((r) => r.unitId)).toEqual([100]);
    });
  });
});
