import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../../test/app.ts';
import { randomMobile } from '../../../../test/factories/citizens.ts';
import { buildCategory, buildSignedInUser, buildUnit, type Session } from '../../../../test/factories/orgs.ts';

// Monday 2 March 2026, 10:00 in Shanghai: a plain working day.
const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock });
const db = app.services.db;

const center = await buildUnit(db, { kind: 'center' });
const unit = await buildUnit(db, { name: '市政管理处' });
const category = await buildCategory(db, { name: '市政设施' });
const agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
const dispatcher = await buildSignedInUser(app, 'dispatcher', { unitId: center.id });
const supervisor = await buildSignedInUser(app, 'supervisor', { unitId: center.id });
const leader = await buildSignedInUser(app, 'leader', { unitId: center.id });
const handler = await buildSignedInUser(app, 'handler', { unitId: unit.id });

const post = async (s: Session, url: string, payload: unknown = {}) => {
  const res = await app.inject({ method: 'POST', url, headers: s.headers, payload: payload as any });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};
const quality = (s: Session, ticketId: number) =>
  app.inject({ method: 'GET', url: `/api/v1/insight/reply-quality/${ticketId}`, headers: s.headers });

/** An order about a broken street light, dispatched and signed by the unit; the reply is up to the test. */
async function signedOrder() {
  const t = await post(agent, '/api/v1/tickets', {
    channel: 'phone',
    type: 'help',
    title: '幸福花园小区门口路灯损坏',
    categoryId: category.id,
    citizen: { phone: randomMobile() },
    content: '幸福花园小区门口的路灯坏了一个多月，晚上一片漆黑，老人出行不安全，希望尽快维修。',
  });
  await post(dispatcher, `/api/v1/tickets/${t.id}/dispatch`, { leadUnitId: unit.id });
  await post(handler, `/api/v1/tickets/${t.id}/sign`);
  return t.id as number;
}

const GOOD_REPLY =
  '网友您好！您反映的幸福花园小区门口路灯损坏问题已收悉。经现场核实，该处路灯因线路老化损坏，我处于2026年3月5日安排维修班组完成线路更换，路灯已恢复照明。下一步我处将加强日常巡查，如仍有问题，可拨打市政服务热线12319反映。感谢您的监督！';

describe('GET /api/v1/insight/reply-quality/:ticketId', () => {
  it('scores the reply awaiting review, with sub-scores and explanations in Chinese and English', async () => {
    const ticketId = await signedOrder();
    await post(handler, `/api/v1/tickets/${ticketId}/reply`, { content: GOOD_REPLY });
    const res = await quality(dispatcher, ticketId);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      ticketId,
      threshold: 60,
      isAcceptable: true,
      reply: { status: 'submitted', unitId: unit.id, unitName: unit.name },
      checks: { hasAction: true, hasTime: true, hasActor: true, hasNextStep: true, mentionsPlace: true },
      problems: [],
      summary: { message: expect.stringMatching(/可以受理/), messageEn: expect.stringMatching(/acceptable/) },
    });
    expect(body.score).toBeGreaterThanOrEqual(85);
    expect(body.matchedTerms).toContain('路灯');
    expect(body.subScores.map((s: any) => [s.key, s.score])).toEqual([
      ['relevance', body.relevance],
      ['completeness', body.completeness],
      ['form', body.form],
    ]);
  });

  it('explains a weak reply to the reviewer, and judges the newest reply after a rejection', async () => {
    const ticketId = await signedOrder();
    await post(handler, `/api/v1/tickets/${ticketId}/reply`, { content: '已收悉' });
    const weak = (await quality(supervisor, ticketId)).json();
    expect(weak.isAcceptable).toBe(false);
    expect(weak.score).toBeLessThan(30);
    expect(weak.problems.map((p: any) => p.code)).toEqual(expect.arrayContaining(['no_action', 'no_time', 'too_short']));
    expect(weak.summary.message).toMatch(/低于 60 分/);
    expect(weak.summary.messageEn).toMatch(/below 60/);
    for (const p of weak.problems) expect(p.messageEn.length).toBeGreaterThan(0);

    // the reviewer sends it back, the unit answers properly: the new reply is the one judged
    await post(dispatcher, `/api/v1/tickets/${ticketId}/review`, { decision: 'reject', note: '答复过于简单' });
    await post(handler, `/api/v1/tickets/${ticketId}/reply`, { content: GOOD_REPLY });
    const better = (await quality(leader, ticketId)).json();
    expect(better.reply).toMatchObject({ status: 'submitted' });
    expect(better.reply.id).not.toBe(weak.reply.id);
    expect(better.isAcceptable).toBe(true);

    // once accepted there is nothing awaiting review: the latest reply is shown as it was judged
    await post(dispatcher, `/api/v1/tickets/${ticketId}/review`, { decision: 'accept' });
    expect((await quality(dispatcher, ticketId)).json().reply).toMatchObject({ id: better.reply.id, status: 'accepted' });
  });

  it('answers 404 for an order without a reply or an unknown order', async () => {
    const ticketId = await signedOrder();
    const none = await quality(dispatcher, ticketId);
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toMatchObject({ code: 'NOT_FOUND', message: '该工单还没有答复', message_en: 'This ticket has no reply yet' });
    expect((await quality(dispatcher, 2_147_483_000)).statusCode).toBe(404);
    expect((await quality(dispatcher, 0)).statusCode).toBe(400);
  });

  it('is for the centre, not for units', async () => {
    const ticketId = await signedOrder();
    await post(handler, `/api/v1/tickets/${ticketId}/reply`, { content: GOOD_REPLY });
    expect((await quality(handler, ticketId)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/v1/insight/reply-quality/${ticketId}` })).statusCode).toBe(401);
  });
});
