import { describe, expect, it } from 'vitest';
import { checkReplyQuality } from './reply-quality.ts';

const request = { title: 'A2区幸福花园小区门口路灯损坏', content: '幸福花园小区门口的路灯坏了一个多月，晚上一片漆黑，老人出行不安全，希望尽快维修。' };

describe('checkReplyQuality', () => {
  it('scores a complete, relevant reply highly', () => {
    const q = checkReplyQuality(request, '网友您好！您反映的幸福花园小区门口路灯损坏问题已收悉。经现场核实，该处路灯因线路老化损坏，我局于2026年3月5日安排市政维修队完成线路更换，路灯已恢复照明。下一步我局将加强日常巡查，如仍有问题，可拨打市政服务热线12319反映。感谢您的监督！');
    expect(q.score).toBeGreaterThanOrEqual(85);
    expect(q.isAcceptable).toBe(true);
    expect(q.checks).toMatchObject({ hasAction: true, hasTime: true, hasActor: true, hasNextStep: true, mentionsPlace: true });
    expect(q.matchedTerms).toEqual(expect.arrayContaining(['路灯']));
    expect(q.problems).toEqual([]);
  });

  it('explains what a bare acknowledgement lacks', () => {
    const q = checkReplyQuality(request, '已收悉');
    expect(q.isAcceptable).toBe(false);
    expect(q.score).toBeLessThan(30);
    const codes = q.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['off_topic', 'no_action', 'no_time', 'no_actor', 'no_next_step', 'too_short', 'acknowledgement_only']));
    expect(q.problems.find((p) => p.code === 'no_time')).toMatchObject({ message: expect.stringMatching(/时间/), messageEn: expect.stringMatching(/when/) });
  });

  it('flags a reply about something else', () => {
    const q = checkReplyQuality(request, '您好！经核实，您反映的学校食堂收费问题，我局已于3月5日责令学校整改，如有疑问可致电教育局咨询。');
    expect(q.relevance).toBeLessThan(0.25);
    expect(q.problems.map((p) => p.code)).toContain('off_topic');
    expect(q.problems.map((p) => p.code)).toContain('place_missing');
  });

  it('flags placeholders and a reply that copies the request', () => {
    expect(checkReplyQuality(request, '您好，路灯问题已由XXX单位于【日期】处理完毕，如有疑问请联系。').problems.map((p) => p.code)).toContain('placeholder');
    expect(checkReplyQuality(request, `您好，${request.content}${request.content}`).problems.map((p) => p.code)).toContain('copies_request');
  });

  it('copes with empty input', () => {
    const q = checkReplyQuality({ title: '', content: '' }, '');
    expect(q.score).toBeGreaterThanOrEqual(0);
    expect(q.isAcceptable).toBe(false);
  });
});
