import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { agentFigures, drawSample, scoreInspection, validateFormItems, type FormItem } from './quality-scoring.ts';

const FORM: FormItem[] = [
  { key: 'greeting', label: '规范用语', maxPoints: 20, isFatal: false },
  { key: 'accuracy', label: '答复准确', maxPoints: 50, isFatal: false },
  { key: 'record', label: '工单记录完整', maxPoints: 30, isFatal: false },
  { key: 'leak', label: '泄露举报人信息', maxPoints: 0, isFatal: true },
];

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return ((e as AppError).details as { reason: string }).reason;
  }
  throw new Error('expected an error');
};

describe('validateFormItems', () => {
  it('accepts scored items summing to 100 plus fatal items', () => {
    expect(validateFormItems(FORM)).toEqual(FORM);
  });
  it('rejects points not summing to 100, duplicate keys, points on fatal items, no scored item', () => {
    expect(
      reasonOf(() =>
        validateFormItems([
          { key: 'a', label: 'A', maxPoints: 60, isFatal: false },
          { key: 'b', label: 'B', maxPoints: 30, isFatal: false },
        ]),
      ),
    ).toBe('points_not_100');
    expect(
      reasonOf(() =>
        validateFormItems([
          { key: 'a', label: 'A', maxPoints: 50, isFatal: false },
          { key: 'a', label: 'B', maxPoints: 50, isFatal: false },
        ]),
      ),
    ).toBe('duplicate_item_key');
    expect(
      reasonOf(() =>
        validateFormItems([
          { key: 'a', label: 'A', maxPoints: 100, isFatal: false },
          { key: 'f', label: 'F', maxPoints: 5, isFatal: true },
        ]),
      ),
    ).toBe('fatal_item_points');
    expect(reasonOf(() => validateFormItems([{ key: 'f', label: 'F', maxPoints: 0, isFatal: true }]))).toBe('no_scored_items');
    expect(
      reasonOf(() =>
        validateFormItems([
          { key: 'a', label: 'A', maxPoints: 0, isFatal: false },
          { key: 'b', label: 'B', maxPoints: 100, isFatal: false },
        ]),
      ),
    ).toBe('item_points_not_positive');
  });
});

describe('scoreInspection', () => {
  const ok = [
    { key: 'greeting', points: 18 },
    { key: 'accuracy', points: 45.5 },
    { key: 'record', points: 30 },
  ];
  it('sums the points when no fatal item is violated', () => {
    expect(scoreInspection(FORM, [...ok, { key: 'leak', isViolated: false }])).toEqual({
      score: 93.5,
      hasFatal: false,
      scores: [
        { key: 'greeting', points: 18, isViolated: null },
        { key: 'accuracy', points: 45.5, isViolated: null },
        { key: 'record', points: 30, isViolated: null },
        { key: 'leak', points: null, isViolated: false },
      ],
    });
  });
  it('zeroes the score when a fatal item is violated', () => {
    expect(scoreInspection(FORM, [{ key: 'leak', isViolated: true }, ...ok])).toMatchObject({ score: 0, hasFatal: true });
  });
  it('rejects unknown, repeated, missing and out-of-range items', () => {
    expect(reasonOf(() => scoreInspection(FORM, [...ok, { key: 'leak', isViolated: false }, { key: 'smile', points: 1 }]))).toBe(
      'unknown_item',
    );
    expect(reasonOf(() => scoreInspection(FORM, [...ok, ok[0], { key: 'leak', isViolated: false }]))).toBe('duplicate_item');
    expect(reasonOf(() => scoreInspection(FORM, ok))).toBe('missing_items');
    expect(
      reasonOf(() => scoreInspection(FORM, [{ key: 'greeting', points: 21 }, ...ok.slice(1), { key: 'leak', isViolated: false }])),
    ).toBe('points_out_of_range');
    expect(
      reasonOf(() => scoreInspection(FORM, [{ key: 'greeting', points: -1 }, ...ok.slice(1), { key: 'leak', isViolated: false }])),
    ).toBe('points_out_of_range');
    expect(reasonOf(() => scoreInspection(FORM, [...ok, { key: 'leak', points: 0 }]))).toBe('fatal_needs_violation_flag');
  });
});

describe('drawSample', () => {
  const ids = Array.from({ length: 50 }, (_, i) => 1000 + i * 3);
  it("is deterministic for a seed and independent of the candidates' order", () => {
    const a = drawSample(ids, 5, 42, 7);
    expect(a).toHaveLength(5);
    expect(drawSample([...ids].reverse(), 5, 42, 7)).toEqual(a);
    expect(new Set(a).size).toBe(5);
    for (const id of a) expect(ids).toContain(id);
  });
  it('draws differently for another seed or another agent', () => {
    const a = drawSample(ids, 5, 42, 7);
    expect(drawSample(ids, 5, 43, 7)).not.toEqual(a);
    expect(drawSample(ids, 5, 42, 8)).not.toEqual(a);
  });
  it('takes everything when there are fewer candidates than asked, and nothing from nothing', () => {
    expect(drawSample([3, 1, 2], 10, 1).sort()).toEqual([1, 2, 3]);
    expect(drawSample([], 3, 1)).toEqual([]);
  });
  it('gives every candidate a fair chance', () => {
    const hits = new Map<number, number>();
    for (let seed = 0; seed < 2000; seed++) for (const id of drawSample([1, 2, 3, 4], 1, seed)) hits.set(id, (hits.get(id) ?? 0) + 1);
    for (const id of [1, 2, 3, 4]) expect(hits.get(id)).toBeGreaterThan(400);
  });
});

describe('agentFigures', () => {
  it('computes contacts, direct-answer rate, AHT and the QA average exactly', () => {
    expect(
      agentFigures({
        callsAnswered: 120,
        talkSeconds: 24_000,
        wrapUpSeconds: 6_000,
        ordersCreated: 90,
        nonPhoneOrders: 10,
        notOrders: 10,
        directAnswered: 20,
        inspections: 3,
        qaScoreSum: 265,
      }),
    ).toEqual({ contactsHandled: 130, directAnswerRate: 0.25, averageHandlingSeconds: 250, averageQaScore: 88.33 });
  });
  it('leaves figures empty without their denominators', () => {
    expect(
      agentFigures({
        callsAnswered: 0,
        talkSeconds: 0,
        wrapUpSeconds: 0,
        ordersCreated: 0,
        nonPhoneOrders: 0,
        notOrders: 0,
        directAnswered: 0,
        inspections: 0,
        qaScoreSum: 0,
      }),
    ).toEqual({ contactsHandled: 0, directAnswerRate: null, averageHandlingSeconds: null, averageQaScore: null });
  });
});
