/**
 * 质检 arithmetic (pure): form rules, scoring an inspection against its form, the seeded sample, and
 * the agent performance figures.
 */
import { validation } from '../../lib/errors.ts';
import { seededRandom } from '../../lib/random.ts';

/** The points of a form's scored items must add up to this. */
export const FORM_TOTAL_POINTS = 100;

export interface FormItem {
  /** Stable key within the form, e.g. 'greeting'. */
  key: string;
  label: string;
  /** Points for a scored item; 0 for a fatal item. */
  maxPoints: number;
  /** 致命项: violating it zeroes the whole inspection, whatever the other items scored. */
  isFatal: boolean;
}

export interface ItemScore {
  key: string;
  /** Points given to a scored item, 0 … maxPoints. */
  points?: number | null;
  /** For a fatal item: whether the agent violated it. */
  isViolated?: boolean | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Throws VALIDATION_FAILED (with a reason) unless the items make a usable form; returns them. */
export function validateFormItems(items: readonly FormItem[]): FormItem[] {
  const fail = (zh: string, en: string, details: Record<string, unknown>) => {
    throw validation(zh, en, details);
  };
  const scored = items.filter((i) => !i.isFatal);
  if (scored.length === 0) fail('评分表至少需要一个计分项', 'A form needs at least one scored item', { reason: 'no_scored_items' });
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.key))
      fail(`评分项编码重复：${item.key}`, `Item key used twice: ${item.key}`, {
        reason: 'duplicate_item_key',
        path: `items.${index}.key`,
        key: item.key,
      });
    seen.add(item.key);
    if (item.isFatal && item.maxPoints !== 0)
      fail('致命项不计分，分值应为 0', 'A fatal item carries no points; its maxPoints must be 0', {
        reason: 'fatal_item_points',
        path: `items.${index}.maxPoints`,
      });
    if (!item.isFatal && !(item.maxPoints > 0))
      fail('计分项分值应大于 0', 'A scored item needs maxPoints above 0', {
        reason: 'item_points_not_positive',
        path: `items.${index}.maxPoints`,
      });
  });
  const total = round2(scored.reduce((s, i) => s + i.maxPoints, 0));
  if (total !== FORM_TOTAL_POINTS) {
    fail(
      `计分项分值之和应为 ${FORM_TOTAL_POINTS}，当前为 ${total}`,
      `The scored items' points must sum to ${FORM_TOTAL_POINTS}, not ${total}`,
      { reason: 'points_not_100', total },
    );
  }
  return items.map((i) => ({ key: i.key, label: i.label, maxPoints: i.maxPoints, isFatal: i.isFatal }));
}

export interface InspectionScore {
  /** 0–100, two decimals; 0 when a fatal item was violated. */
  score: number;
  hasFatal: boolean;
  /** One entry per form item, in the form's order. */
  scores: { key: string; points: number | null; isViolated: boolean | null }[];
}

/** Scores an inspection: every item of the form exactly once, points within range, fatal items as violated or not. */
export function scoreInspection(form: readonly FormItem[], given: readonly ItemScore[]): InspectionScore {
  const byKey = new Map<string, ItemScore>();
  given.forEach((g, index) => {
    const item = form.find((i) => i.key === g.key);
    if (!item)
      throw validation(`评分表中没有该评分项：${g.key}`, `The form has no item ${g.key}`, {
        reason: 'unknown_item',
        path: `scores.${index}.key`,
        key: g.key,
      });
    if (byKey.has(g.key))
      throw validation(`评分项重复：${g.key}`, `Item scored twice: ${g.key}`, {
        reason: 'duplicate_item',
        path: `scores.${index}.key`,
        key: g.key,
      });
    if (item.isFatal) {
      if (typeof g.isViolated !== 'boolean')
        throw validation(`致命项需标明是否违反：${item.label}`, `Say whether the fatal item was violated: ${item.label}`, {
          reason: 'fatal_needs_violation_flag',
          path: `scores.${index}.isViolated`,
          key: g.key,
        });
    } else {
      const p = g.points;
      if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > item.maxPoints) {
        throw validation(
          `${item.label} 的得分应在 0 到 ${item.maxPoints} 之间`,
          `${item.label} must score between 0 and ${item.maxPoints}`,
          { reason: 'points_out_of_range', path: `scores.${index}.points`, key: g.key, maxPoints: item.maxPoints },
        );
      }
    }
    byKey.set(g.key, g);
  });
  const missing = form.filter((i) => !byKey.has(i.key)).map((i) => i.key);
  if (missing.length)
    throw validation('评分表的每一项都需要评分', 'Every item of the form needs a score', { reason: 'missing_items', keys: missing });
  const scores = form.map((i) => {
    const g = byKey.get(i.key)!;
    return i.isFatal
      ? { key: i.key, points: null, isViolated: g.isViolated as boolean }
      : { key: i.key, points: g.points as number, isViolated: null };
  });
  const hasFatal = scores.some((s) => s.isViolated === true);
  return { score: hasFatal ? 0 : round2(scores.reduce((s, x) => s + (x.points ?? 0), 0)), hasFatal, scores };
}

/**
 * Draws `n` of the candidate ids, deterministically: the candidates are sorted, shuffled by a PRNG seeded
 * with `seed` mixed with `salt` (the agent's id, so agents get independent draws), and the first n taken.
 * Same seed, salt and candidates → the same sample, whatever order the candidates came in.
 */
export function drawSample(candidates: readonly number[], n: number, seed: number, salt = 0): number[] {
  const pool = [...new Set(candidates)].sort((a, b) => a - b);
  const random = seededRandom((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(salt >>> 0, 0x85ebca6b)) >>> 0);
  const take = Math.min(n, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}

/** What one agent did in a period (sums from calls, orders and inspections). */
export interface AgentSums {
  callsAnswered: number;
  talkSeconds: number;
  wrapUpSeconds: number;
  /** Orders the agent created, all channels. */
  ordersCreated: number;
  /** Of those, through channels other than the phone (contacts taken in from web, SMS, mail…). */
  nonPhoneOrders: number;
  /** Of those, closed as invalid, transferred to an emergency line, or merged into another order. */
  notOrders: number;
  directAnswered: number;
  inspections: number;
  qaScoreSum: number;
}

export interface AgentFigures {
  contactsHandled: number;
  directAnswerRate: number | null;
  /** Average handling time of answered calls (talk + after-call work), seconds. */
  averageHandlingSeconds: number | null;
  averageQaScore: number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

export function agentFigures(s: AgentSums): AgentFigures {
  return {
    contactsHandled: s.callsAnswered + s.nonPhoneOrders,
    directAnswerRate: ratio(s.directAnswered, s.ordersCreated - s.notOrders),
    averageHandlingSeconds: ratio(s.talkSeconds + s.wrapUpSeconds, s.callsAnswered),
    averageQaScore: s.inspections > 0 ? round2(s.qaScoreSum / s.inspections) : null,
  };
}
