import { describe, expect, it } from 'vitest';
import { pathMatches, searchTerms } from './categorySearch.ts';

const initials = (label: string) => (({ 生态环境: 'sthj', 噪声污染: 'zswr', 社会生活噪声: 'shshzs' }) as Record<string, string>)[label];

describe('category search', () => {
  it("looks for the tree's word when the everyday one is typed", () => {
    expect(searchTerms('噪音')).toContain('噪声');
    expect(pathMatches(['生态环境', '噪声污染', '社会生活噪声'], '噪音')).toBe(true);
    expect(pathMatches(['城市管理', '市政设施', '路灯不亮'], '噪音')).toBe(false);
  });
  it('matches pinyin initials of a label or of the whole path once the dictionary is there', () => {
    expect(pathMatches(['生态环境', '噪声污染', '社会生活噪声'], 'shshzs', initials)).toBe(true);
    expect(pathMatches(['生态环境', '噪声污染'], 'ZSWR', initials)).toBe(true);
    expect(pathMatches(['生态环境', '噪声污染'], 'shshzs', initials)).toBe(false);
    expect(pathMatches(['生态环境', '噪声污染', '社会生活噪声'], 'shshzs')).toBe(false);
  });
});
