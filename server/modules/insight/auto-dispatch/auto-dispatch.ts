/**
 * Auto-dispatch (自动派单) decisions: whether a suggestion is sure enough to dispatch an order
 * without a human, under the per-category rules the administrator set (off by default). Pure.
 */

export interface AutoDispatchRule {
  id: number;
  categoryId: number;
  /** Calibrated confidence, 0–1, that both the category and the unit suggestion must reach. */
  minConfidence: number;
  isEnabled: boolean;
}

/**
 * The rule governing a category: its own, else its nearest ancestor's, so a rule on 交通运输 covers
 * its sub-categories and a (disabled) rule on one sub-category can exempt it.
 */
export function ruleFor(
  categoryId: number,
  rules: ReadonlyMap<number, AutoDispatchRule>,
  parentOf: ReadonlyMap<number, number | null>,
): AutoDispatchRule | null {
  const seen = new Set<number>();
  for (let id: number | null | undefined = categoryId; id != null && !seen.has(id); id = parentOf.get(id)) {
    seen.add(id);
    const rule = rules.get(id);
    if (rule) return rule;
  }
  return null;
}

export type AutoDispatchSkip =
  | 'no_suggestion'
  | 'category_mismatch'
  | 'no_rule'
  | 'rule_disabled'
  | 'low_confidence'
  | 'no_unit'
  | 'unit_not_allowed'
  | 'low_unit_confidence';

export type AutoDispatchDecision =
  | { isDispatch: true; categoryId: number; unitId: number; confidence: number; unitConfidence: number; ruleId: number }
  | { isDispatch: false; reason: AutoDispatchSkip; message: string; messageEn: string; ruleId: number | null };

export interface AutoDispatchInput {
  /** The category the agent already gave the order at intake, if any: a different suggestion is not acted on. */
  ticketCategoryId: number | null;
  /** Suggested categories, most likely first. */
  categories: { categoryId: number; confidence: number }[];
  /** Suggested units, most likely first; confidence is null when there is no unit model. */
  units: { unitId: number; categoryId: number; confidence: number | null }[];
  /** Units the dispatch catalogue allows for the top category in the order's region. */
  allowedUnitIds: number[];
  rule: AutoDispatchRule | null;
}

const SKIP: Record<AutoDispatchSkip, [string, string]> = {
  no_suggestion: ['没有可用的分类建议', 'There is no category suggestion'],
  category_mismatch: ['话务员受理时选择的分类与建议不一致', 'The agent chose another category at intake'],
  no_rule: ['该分类未设置自动派单规则', 'No auto-dispatch rule covers this category'],
  rule_disabled: ['该分类的自动派单规则未启用', 'The auto-dispatch rule for this category is disabled'],
  low_confidence: ['分类建议的置信度低于规则阈值', 'The category suggestion is less confident than the rule requires'],
  no_unit: ['没有与建议分类对应的承办单位建议', 'There is no unit suggestion for the suggested category'],
  unit_not_allowed: [
    '建议的承办单位不在该分类和区域的派单目录中',
    'The dispatch catalogue does not allow the suggested unit for this category and region',
  ],
  low_unit_confidence: ['承办单位建议的置信度低于规则阈值', 'The unit suggestion is less confident than the rule requires'],
};

function skip(reason: AutoDispatchSkip, rule: AutoDispatchRule | null): AutoDispatchDecision {
  const [message, messageEn] = SKIP[reason];
  return { isDispatch: false, reason, message, messageEn, ruleId: rule?.id ?? null };
}

/**
 * Dispatch only when the top category is covered by an enabled rule, its confidence and the top
 * unit's reach the rule's threshold, and the catalogue allows that unit. Without a unit model the
 * unit is only sure when the catalogue leaves a single choice.
 */
export function decideAutoDispatch(input: AutoDispatchInput): AutoDispatchDecision {
  const top = input.categories[0];
  const { rule } = input;
  if (!top) return skip('no_suggestion', rule);
  if (input.ticketCategoryId !== null && input.ticketCategoryId !== top.categoryId) return skip('category_mismatch', rule);
  if (!rule) return skip('no_rule', rule);
  if (!rule.isEnabled) return skip('rule_disabled', rule);
  if (!(top.confidence >= rule.minConfidence)) return skip('low_confidence', rule);
  const unit = input.units[0];
  if (!unit || unit.categoryId !== top.categoryId) return skip('no_unit', rule);
  if (!input.allowedUnitIds.includes(unit.unitId)) return skip('unit_not_allowed', rule);
  const unitConfidence = unit.confidence ?? (input.allowedUnitIds.length === 1 ? top.confidence : null);
  if (unitConfidence === null || !(unitConfidence >= rule.minConfidence)) return skip('low_unit_confidence', rule);
  return { isDispatch: true, categoryId: top.categoryId, unitId: unit.unitId, confidence: top.confidence, unitConfidence, ruleId: rule.id };
}
