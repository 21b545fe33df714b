import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { findCjkFont } from './fonts.ts';
import { DEFAULT_INDICATOR_SETTINGS } from '../indicators/indicators.ts';
import { emptyMeasures, type Measures } from '../indicators/measures.ts';
import { changeOf, formatChange, formatValue, headlineOf, rankUnits, withShares } from './reports.content.ts';

const m = (over: Partial<Measures>): Measures => ({ ...emptyMeasures(), ...over });

describe('report content', () => {
  it('compares counts in per cent and rates in percentage points', () => {
    expect(changeOf('count', 120, 100)).toEqual({ delta: 20, relative: 0.2 });
    expect(changeOf('count', 5, 0)).toEqual({ delta: 5, relative: null });
    expect(changeOf('rate', 0.9, 0.85).relative).toBeNull();
    expect(changeOf('rate', null, 0.5)).toEqual({ delta: null, relative: null });
    expect(formatChange('count', changeOf('count', 120, 100))).toBe('+20.0%');
    expect(formatChange('count', changeOf('count', 75, 100))).toBe('−25.0%');
    expect(formatChange('count', changeOf('count', 5, 0))).toBe('+5');
    expect(formatChange('rate', changeOf('rate', 0.9, 0.85))).toBe('+5.0个百分点');
    expect(formatChange('score', changeOf('score', 80, 82.5))).toBe('−2.50');
    expect(formatValue('rate', 0.8766)).toBe('87.7%');
    expect(formatValue('count', 12345)).toBe('12,345');
    expect(formatValue('rate', null)).toBe('—');
  });

  it('prints a change that rounds to zero unsigned, as the web preview does: no change is neither up nor down', () => {
    expect(formatChange('rate', changeOf('rate', 0.8, 0.8))).toBe('0.0个百分点');
    expect(formatChange('rate', changeOf('rate', 0.80004, 0.8))).toBe('0.0个百分点');
    expect(formatChange('rate', changeOf('rate', 0.79996, 0.8))).toBe('0.0个百分点');
    expect(formatChange('count', changeOf('count', 100, 100))).toBe('0.0%');
    expect(formatChange('count', changeOf('count', 10_000, 10_001))).toBe('0.0%');
    expect(formatChange('count', changeOf('count', 0, 0))).toBe('0');
    expect(formatChange('score', changeOf('score', 80.001, 80))).toBe('0.00');
    expect(formatChange('rate', changeOf('rate', 0.8006, 0.8))).toBe('+0.1个百分点');
  });

  it('builds headline rows for the current, previous and year-ago periods', () => {
    const rows = headlineOf(
      m({ contacts: 10, directAnswered: 5 }),
      m({ contacts: 8, directAnswered: 2 }),
      m({ contacts: 0 }),
      DEFAULT_INDICATOR_SETTINGS,
    );
    expect(rows[0]).toMatchObject({
      id: 'contacts',
      value: 10,
      previous: 8,
      yearAgo: 0,
      vsPrevious: { delta: 2, relative: 0.25 },
      vsYearAgo: { delta: 10, relative: null },
    });
    expect(rows.find((r) => r.id === 'direct_answer_rate')).toMatchObject({
      value: 0.5,
      previous: 0.25,
      vsPrevious: { delta: 0.25 },
      yearAgo: null,
    });
  });

  it('does not compare a composite score weighed from other rates (a day without callbacks has only the response rate)', () => {
    const monday = m({ signs: 10, signsOnTime: 9, resolvedAnswered: 10, resolved: 8, satisfied: 7, unsatisfied: 3 });
    const sunday = m({ signs: 4, signsOnTime: 4 });
    const lastYear = m({ signs: 5, signsOnTime: 5, resolvedAnswered: 2, resolved: 2, satisfied: 2 });
    const composite = headlineOf(monday, sunday, lastYear, DEFAULT_INDICATOR_SETTINGS).find((r) => r.id === 'composite_score')!;
    // Sunday's 100 is the response rate alone: 76.5 against it would read as a fall of 23.5 points
    expect(composite).toMatchObject({ value: 76.5, previous: 100, vsPrevious: { delta: null, relative: null } });
    expect(formatChange('score', composite.vsPrevious)).toBe('—');
    expect(composite.vsYearAgo.delta).toBeCloseTo(-23.5);
    const both = headlineOf(sunday, sunday, lastYear, DEFAULT_INDICATOR_SETTINGS).find((r) => r.id === 'composite_score')!;
    expect(both.vsPrevious).toEqual({ delta: 0, relative: null });
  });

  it('ranks units by the composite within peer groups and computes shares', () => {
    const good = m({ signs: 2, signsOnTime: 2, resolvedAnswered: 1, resolved: 1, satisfied: 1 });
    const fair = m({ signs: 2, signsOnTime: 1, resolvedAnswered: 1, resolved: 1, satisfied: 1 });
    const ranked = rankUnits(
      [
        { unitId: 1, unitName: '乙', peerGroup: 'district', measures: fair },
        { unitId: 2, unitName: '甲', peerGroup: 'district', measures: good },
        { unitId: 3, unitName: '丙', peerGroup: 'department', measures: emptyMeasures() },
      ],
      DEFAULT_INDICATOR_SETTINGS,
    );
    expect(ranked.map((u) => [u.unitId, u.rank, u.compositeScore])).toEqual([
      [3, null, null],
      [2, 1, 100],
      [1, 2, 95],
    ]);
    expect(
      withShares(
        [
          { name: 'a', value: 3 },
          { name: 'b', value: 1 },
        ],
        4,
        1,
      ),
    ).toEqual([{ name: 'a', contacts: 3, share: 0.75 }]);
  });

  it('embeds the font shipped with the npm packages unless another is configured', () => {
    expect(existsSync(findCjkFont().path)).toBe(true);
    expect(findCjkFont(`${findCjkFont().path}#Face`)).toEqual({ path: findCjkFont().path, family: 'Face' });
  });

  it('says what to do when the configured font is missing', () => {
    try {
      findCjkFont('/nonexistent/font.ttc');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toContain('LIANXIN_CJK_FONT');
    }
  });
});
