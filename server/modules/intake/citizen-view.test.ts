import { describe, expect, it } from 'vitest';
import { citizenTimeline, isPublicUpdate, updateDescription, type HistoryEvent } from './citizen-view.ts';

const at = new Date('2026-03-02T02:00:00Z');
const event = (action: string, extra: Partial<HistoryEvent> = {}): HistoryEvent => ({
  id: 1,
  action,
  toStatus: 'handling',
  data: {},
  note: null,
  createdAt: at,
  unitName: null,
  ...extra,
});

describe('citizen view', () => {
  describe('citizenTimeline', () => {
    it('keeps lifecycle steps and drops internal work, staff notes and rejected reviews', () => {
      const timeline = citizenTimeline([
        event('create'),
        event('dispatch', { unitName: '住建局' }),
        event('return', { unitName: '住建局', note: '不属于本单位职责，内部意见' }),
        event('co_reply', { unitName: '城管局', note: '协办意见' }),
        event('supervise', { note: '督办内容' }),
        event('sla_overdue'),
        event('review', { data: { decision: 'reject' }, unitName: '住建局' }),
        event('review', { data: { decision: 'accept' }, unitName: '住建局' }),
        event('callback', { data: { result: 'satisfied' } }),
      ]);
      expect(timeline.map((t) => t.action)).toEqual(['create', 'dispatch', 'return', 'review', 'callback']);
      expect(timeline[1]).toEqual({ action: 'dispatch', label: { zh: '派单', en: 'Dispatch' }, at, unitName: '住建局' });
      expect(timeline[3].label).toEqual({ zh: '答复审核通过', en: 'Reply approved' });
      expect(JSON.stringify(timeline)).not.toContain('内部意见');
    });

    it('shows 办结 after the callback that closed the order, once', () => {
      const closedByCallback = citizenTimeline([
        event('create'),
        event('callback', { toStatus: 'closed', data: { result: 'satisfied' } }),
        event('rate', { toStatus: 'closed' }),
      ]);
      expect(closedByCallback.map((t) => t.action)).toEqual(['create', 'callback', 'close', 'rate']);
      expect(closedByCallback[2]).toEqual({ action: 'close', label: { zh: '办结', en: 'Completed' }, at, unitName: null });
      const closedExplicitly = citizenTimeline([
        event('callback', { toStatus: 'callback_unsatisfied' }),
        event('close', { toStatus: 'closed' }),
      ]);
      expect(closedExplicitly.map((t) => t.action)).toEqual(['callback', 'close']);
    });
  });

  describe('updates', () => {
    it('leaves out intake and the citizen rating', () => {
      expect(isPublicUpdate(event('create'))).toBe(false);
      expect(isPublicUpdate(event('rate'))).toBe(false);
      expect(isPublicUpdate(event('sign'))).toBe(true);
      expect(isPublicUpdate(event('urge'))).toBe(false);
    });

    it('describes the step with its unit and the official answer', () => {
      expect(updateDescription(event('dispatch', { unitName: '住建局' }))).toBe('派单（住建局）');
      expect(updateDescription(event('review', { data: { decision: 'accept' }, unitName: '住建局', acceptedReply: '已修复' }))).toBe(
        '办理结果（住建局）：已修复',
      );
      expect(updateDescription(event('direct_answer', { note: '请携带身份证到政务中心办理' }))).toBe(
        '直接办结：请携带身份证到政务中心办理',
      );
      expect(updateDescription(event('callback', { data: { result: 'basically_satisfied' } }))).toBe('回访：基本满意');
      expect(updateDescription(event('invalidate', { note: '骚扰电话' }))).toBe('无效件');
    });
  });
});
