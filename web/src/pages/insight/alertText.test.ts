import { describe, expect, it } from 'vitest';
import { alertWindowShort, categoryLabels } from './alertText.ts';

describe('categoryLabels', () => {
  it('names a category by its last level, and by its whole path where two shown alerts share that last level', () => {
    const labels = categoryLabels([
      { categoryId: 1, categoryName: '城市管理 / 市政设施 / 路灯不亮' },
      { categoryId: 2, categoryName: '城市管理 / 市容环境 / 其他' },
      { categoryId: 3, categoryName: '生态环境 / 噪声污染 / 其他' },
      { categoryId: 1, categoryName: '城市管理 / 市政设施 / 路灯不亮' },
      { categoryId: null, categoryName: null },
    ]);
    expect([...labels]).toEqual([
      [1, '路灯不亮'],
      [2, '城市管理 / 市容环境 / 其他'],
      [3, '生态环境 / 噪声污染 / 其他'],
      [null, null],
    ]);
  });
});

describe('alertWindowShort', () => {
  it('tells an hour from a whole day', () => {
    expect(alertWindowShort({ granularity: 'hour', period: '2026-12-07T09' })).toBe('12-07 09:00–10:00');
    expect(alertWindowShort({ granularity: 'day', period: '2026-12-07' })).toMatch(/^12-07 (全天|Day)$/);
  });
});
