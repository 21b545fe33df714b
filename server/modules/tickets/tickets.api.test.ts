import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ticketEventProblems } from '../../../common/ticket-events.ts';
import { isPostgres, setupApp, testClock } from '../../../test/app.ts';
import { buildCategory, buildSignedInUser, buildUnit, type Session } from '../../../test/factories/orgs.ts';
import { auditLog, citizens, tickets } from '../../db/schema.ts';
import { toSearchQuery } from '../../lib/text.ts';

// Monday 2 March 2026, 10:00 in Shanghai: a plain working day.
const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock });
const db = app.services.db;

let agent: Session, dispatcher: Session, supervisor: Session, callbackAgent: Session, leader: Session;
let handlerA: Session, adminA: Session, handlerA1: Session, handlerB: Session;
let unitA: { id: number }, unitA1: { id: number }, unitB: { id: number }, category: { id: number };
// Random, so that a second run against the same database never meets a phone from the first.
const newPhone = () => `139${String(randomInt(1e8)).padStart(8, '0')}`;

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center', name: '12345热线中心' });
  unitA = await buildUnit(db, { name: '住建局' });
  unitA1 = await buildUnit(db, { name: '住建局物业科', parentId: unitA.id });
  unitB = await buildUnit(db, { name: '城管局' });
  category = await buildCategory(db, { name: '物业管理' });
  agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
  dispatcher = await buildSignedInUser(app, 'dispatcher', { unitId: center.id });
  supervisor = await buildSignedInUser(app, 'supervisor', { unitId: center.id });
  callbackAgent = await buildSignedInUser(app, 'callback_agent', { unitId: center.id });
  leader = await buildSignedInUser(app, 'leader', { unitId: center.id });
  handlerA = await buildSignedInUser(app, 'handler', { unitId: unitA.id });
  adminA = await buildSignedInUser(app, 'unit_admin', { unitId: unitA.id });
  handlerA1 = await buildSignedInUser(app, 'handler', { unitId: unitA1.id });
  handlerB = await buildSignedInUser(app, 'handler', { unitId: unitB.id });
});

async function call(session: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await app.inject({ method, url, payload: payload as any, headers: { ...(session?.headers ?? {}), ...headers } });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

async function createTicket(overrides: Record<string, unknown> = {}, session = agent) {
  const res = await call(session, 'POST', '/api/v1/tickets', {
    channel: 'phone',
    type: 'complaint',
    content: '小区楼下烧烤店油烟扰民，晚上十二点还在营业，噪音很大',
    categoryId: category.id,
    citizen: { phone: newPhone(), name: '张先生' },
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const act = (session: Session, id: number, action: string, body: Record<string, unknown> = {}) =>
  call(session, 'POST', `/api/v1/tickets/${id}/${action}`, body);

async function expectOk(p: Promise<{ status: number; body: any }>) {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('tickets API', () => {
  describe('full lifecycle', () => {
    it('takes an order from intake to closure with deadlines and history', async () => {
      const t = await createTicket({ title: '烧烤油烟扰民' });
      expect(t).toMatchObject({
        status: 'pending_dispatch',
        title: '烧烤油烟扰民',
        availableActions: expect.arrayContaining(['dispatch', 'direct_answer', 'merge']),
      });
      expect(t.number).toMatch(/^20260302-\d{5}$/);

      let d = await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id, coUnitIds: [unitB.id] }));
      expect(d.status).toBe('pending_sign');
      expect(d.leadUnitId).toBe(unitA.id);
      // sign within 2 working hours: 10:00 → 12:00 Shanghai
      expect(new Date(d.signDueAt).toISOString()).toBe('2026-03-02T04:00:00.000Z');
      expect(new Date(d.handleDueAt).getTime()).toBeGreaterThan(new Date(d.signDueAt).getTime());
      expect(d.assignments.map((a: any) => [a.unitId, a.role])).toEqual([
        [unitA.id, 'lead'],
        [unitB.id, 'co'],
      ]);

      d = await expectOk(act(handlerA, t.id, 'sign'));
      expect(d.status).toBe('handling');
      const coReplied = await expectOk(act(handlerB, t.id, 'co-reply', { content: '城管已到现场协助执法' }));
      // The co-handler's part is done: its assignment leaves the active ones and it cannot reply twice.
      expect(coReplied.assignments.find((a: any) => a.unitId === unitB.id)).toMatchObject({ role: 'co', status: 'replied' });
      expect((await act(handlerB, t.id, 'co-reply', { content: '重复提交' })).status).toBe(403);
      clock.advance(3600_000);
      d = await expectOk(
        act(handlerA, t.id, 'reply', { content: '经核查，已责令烧烤店安装油烟净化器并于22时前停止营业，执法人员将持续巡查。' }),
      );
      expect(d.status).toBe('pending_review');
      d = await expectOk(act(dispatcher, t.id, 'review', { decision: 'accept' }));
      expect(d.status).toBe('pending_callback');
      expect(d.callbackDueAt).not.toBeNull();
      d = await expectOk(act(callbackAgent, t.id, 'callback', { result: 'satisfied', isResolved: true }));
      expect(d).toMatchObject({ status: 'closed', satisfaction: 'satisfied', resolution: 'handled' });
      expect(d.closedAt).not.toBeNull();
      expect(d.events.map((e: any) => e.action)).toEqual(['create', 'dispatch', 'sign', 'co_reply', 'reply', 'review', 'callback']);
      expect(d.events[1]).toMatchObject({
        fromStatus: 'pending_dispatch',
        toStatus: 'pending_sign',
        actionLabel: { zh: '派单', en: 'Dispatch' },
      });
      expect(d.replies[0]).toMatchObject({ unitId: unitA.id, status: 'accepted' });
      clock.advance(-3600_000);
    });

    it('returns, re-dispatches and refuses the returning unit afterwards', async () => {
      const t = await createTicket();
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id }));
      const missingReason = await act(handlerA, t.id, 'return', {});
      expect(missingReason.status).toBe(400);
      let d = await expectOk(act(handlerA, t.id, 'return', { reason: '不属于本单位职责，应由城管局处理' }));
      expect(d).toMatchObject({ status: 'returned', returnCount: 1 });
      d = await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitB.id }));
      expect(d).toMatchObject({ status: 'pending_sign', leadUnitId: unitB.id });
      const late = await act(handlerA, t.id, 'sign');
      expect(late.status).toBe(403);
      expect(late.body.error.code).toBe('FORBIDDEN');
      await expectOk(act(handlerB, t.id, 'sign'));
    });

    it('pauses for an extension request and moves the deadline when approved', async () => {
      const t = await createTicket();
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id }));
      const signed = await expectOk(act(handlerA, t.id, 'sign'));
      let d = await expectOk(act(handlerA, t.id, 'request-extension', { days: 3, reason: '需协调产权单位，现场整改需要时间' }));
      expect(d.status).toBe('extension_pending');
      expect(d.extensions[0]).toMatchObject({ requestedDays: 3, status: 'pending' });
      d = await expectOk(act(supervisor, t.id, 'decide-extension', { decision: 'approve', note: '同意延期' }));
      expect(d.status).toBe('handling');
      expect(d.extensions[0].status).toBe('approved');
      expect(new Date(d.handleDueAt).getTime()).toBeGreaterThan(new Date(signed.handleDueAt).getTime() + 2 * 86_400_000);
    });

    it('reopens after an upheld unsatisfied callback', async () => {
      const t = await createTicket();
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id }));
      await expectOk(act(handlerA, t.id, 'sign'));
      await expectOk(act(handlerA, t.id, 'reply', { content: '已处理。' }));
      const rejected = await expectOk(act(dispatcher, t.id, 'review', { decision: 'reject', note: '答复过于简单，请说明处理过程和结果' }));
      expect(rejected.status).toBe('handling');
      await expectOk(act(handlerA, t.id, 'reply', { content: '3月2日执法人员现场检查，责令整改，3月3日复查已整改完毕。' }));
      await expectOk(act(dispatcher, t.id, 'review', { decision: 'accept' }));
      let d = await expectOk(act(callbackAgent, t.id, 'callback', { result: 'unreachable' }));
      expect(d.status).toBe('pending_callback');
      d = await expectOk(act(callbackAgent, t.id, 'callback', { result: 'unsatisfied', isResolved: false, note: '油烟问题依旧' }));
      expect(d.status).toBe('callback_unsatisfied');
      d = await expectOk(act(supervisor, t.id, 'reopen', { note: '市民反映属实，重办' }));
      expect(d).toMatchObject({ status: 'pending_sign', reopenCount: 1, leadUnitId: unitA.id, satisfaction: null });
    });

    it('merges a duplicate into its main order', async () => {
      const main = await createTicket();
      const dup = await createTicket();
      const d = await expectOk(act(agent, dup.id, 'merge', { mainTicketId: main.id }));
      expect(d).toMatchObject({ status: 'merged', mergedIntoId: main.id, isRepeat: true, resolution: 'merged' });
      const m = await expectOk(call(agent, 'GET', `/api/v1/tickets/${main.id}`));
      expect(m.mergedTicketIds).toContain(dup.id);
      const self = await act(agent, main.id, 'merge', { mainTicketId: main.id });
      expect(self.status).toBe(400);
      // naming a merged order as the main one merges into its final main order (no chains)
      const intoMerged = await expectOk(act(agent, (await createTicket()).id, 'merge', { mainTicketId: dup.id }));
      expect(intoMerged.mergedIntoId).toBe(main.id);
    });

    it('lets the center uphold or redirect a dispatch objection', async () => {
      const t = await createTicket();
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id }));
      let d = await expectOk(act(handlerA, t.id, 'object', { reason: '该路段由城管负责', suggestedUnitId: unitB.id }));
      expect(d.status).toBe('objected');
      d = await expectOk(act(dispatcher, t.id, 'decide-objection', { decision: 'deny', note: '按派单目录属住建职责' }));
      expect(d).toMatchObject({ status: 'pending_sign', leadUnitId: unitA.id });
      await expectOk(act(handlerA, t.id, 'sign'));
      await expectOk(act(handlerA, t.id, 'object', { reason: '再次核实属城管', suggestedUnitId: unitB.id }));
      d = await expectOk(act(dispatcher, t.id, 'decide-objection', { decision: 'approve' }));
      expect(d).toMatchObject({ status: 'pending_sign', leadUnitId: unitB.id });
      expect(d.objections.map((o: any) => o.status)).toEqual(['denied', 'approved']);
    });

    it('passes an order down to a sub-unit, which then handles it', async () => {
      const t = await createTicket();
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id }));
      await expectOk(act(handlerA, t.id, 'sign'));
      const wrong = await act(handlerA, t.id, 'subdispatch', { unitId: unitB.id });
      expect(wrong.status).toBe(400);
      const d = await expectOk(act(handlerA, t.id, 'subdispatch', { unitId: unitA1.id }));
      expect(d).toMatchObject({ status: 'pending_sign', leadUnitId: unitA1.id });
      await expectOk(act(handlerA1, t.id, 'sign'));
      // the parent unit's admin still oversees it
      await expectOk(call(adminA, 'GET', `/api/v1/tickets/${t.id}`));
    });

    it('transfers emergencies to 110 and closes nuisance calls as invalid', async () => {
      const t1 = await createTicket({ content: '有人在小区门口打架斗殴，请尽快处理' });
      const d1 = await expectOk(act(agent, t1.id, 'transfer-emergency', { line: '110', note: '已三方转接110' }));
      expect(d1).toMatchObject({ status: 'transferred', resolution: 'transferred' });
      expect(d1.events.at(-1).data).toEqual({ line: '110' });
      const t2 = await createTicket({ content: '骚扰电话，无实际诉求内容' });
      expect((await expectOk(act(agent, t2.id, 'invalidate', { reason: '骚扰电话' }))).status).toBe('invalid');
    });

    it('records supervision, urging and leader instructions without changing status', async () => {
      const t = await createTicket();
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id }));
      await expectOk(act(supervisor, t.id, 'supervise', { content: '请于今日内签收办理' }));
      await expectOk(act(dispatcher, t.id, 'urge', { content: '请尽快签收' }));
      const d = await expectOk(act(leader, t.id, 'leader-instruction', { content: '请住建局高度重视，限期解决' }));
      expect(d).toMatchObject({ status: 'pending_sign', hasLeaderInstruction: true, isSupervised: true });
      expect(d.supervisions.map((s: any) => s.kind)).toEqual(['supervise', 'urge', 'leader_instruction']);
      expect((await act(leader, t.id, 'urge', { content: 'x' })).status).toBe(403);
    });

    it('answers on the spot citing knowledge items, refusing unknown ones', async () => {
      const t = await createTicket({ type: 'inquiry', content: '请问住房公积金提取需要什么材料？' });
      const bad = await act(agent, t.id, 'direct-answer', { answer: '请携带身份证到公积金中心办理', knowledgeItemIds: [999999] });
      expect(bad.status).toBe(422);
      const d = await expectOk(act(agent, t.id, 'direct-answer', { answer: '请携带身份证和银行卡到公积金中心或线上办理。' }));
      expect(d).toMatchObject({ status: 'closed', resolution: 'direct_answer' });
    });

    it('dispatches at intake when asked', async () => {
      const t = await createTicket({ dispatch: { leadUnitId: unitA.id } });
      expect(t).toMatchObject({ status: 'pending_sign', leadUnitId: unitA.id });
    });
  });

  describe('access', () => {
    it("hides another unit's orders from a handler and lists only its own", async () => {
      const t = await createTicket({ content: '某路段井盖缺失存在安全隐患需要尽快处理' });
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id }));
      expect((await call(handlerB, 'GET', `/api/v1/tickets/${t.id}`)).status).toBe(404);
      expect((await act(handlerB, t.id, 'sign')).status).toBe(404);
      const listB = await expectOk(call(handlerB, 'GET', '/api/v1/tickets?limit=200'));
      expect(listB.items.map((i: any) => i.id)).not.toContain(t.id);
      const listA = await expectOk(call(handlerA, 'GET', '/api/v1/tickets?limit=200'));
      expect(listA.items.map((i: any) => i.id)).toContain(t.id);
      expect(listA.items.every((i: any) => i.leadUnitId !== null)).toBe(true);
    });

    it("lets a unit admin see its sub-units' orders", async () => {
      const t = await createTicket({ dispatch: { leadUnitId: unitA1.id } });
      await expectOk(call(adminA, 'GET', `/api/v1/tickets/${t.id}`));
      expect((await call(handlerA, 'GET', `/api/v1/tickets/${t.id}`)).status).toBe(404);
    });

    it('refuses staff actions to a leader and intake to a handler', async () => {
      const res = await call(handlerA, 'POST', '/api/v1/tickets', { channel: 'phone', type: 'help', content: '测试内容足够长' });
      expect(res.status).toBe(403);
    });

    it('requires the CSRF token on writes from a browser session', async () => {
      const res = await call(
        null,
        'POST',
        '/api/v1/tickets',
        { channel: 'phone', type: 'help', content: '测试内容' },
        { cookie: agent.headers.cookie },
      );
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF_FAILED');
    });

    it('requires a session', async () => {
      const res = await call(null, 'GET', '/api/v1/tickets');
      expect(res.status).toBe(401);
    });
  });

  describe('personal data', () => {
    it('masks the phone for units and reveals it, with an audit entry, to the center and to the unit holding the order', async () => {
      const phone = newPhone();
      const t = await createTicket({ citizen: { phone, name: '李女士' }, dispatch: { leadUnitId: unitA.id } });
      const forUnit = await expectOk(call(handlerA, 'GET', `/api/v1/tickets/${t.id}`));
      expect(forUnit.citizen.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      expect(JSON.stringify(forUnit)).not.toContain(phone);
      expect((await call(handlerB, 'POST', `/api/v1/tickets/${t.id}/reveal-phone`)).status).toBe(404);
      expect((await expectOk(call(handlerA, 'POST', `/api/v1/tickets/${t.id}/reveal-phone`))).phone).toBe(phone);
      const revealed = await expectOk(call(agent, 'POST', `/api/v1/tickets/${t.id}/reveal-phone`));
      expect(revealed.phone).toBe(phone);
      const audits = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.subjectId, String(t.id)));
      const reveals = audits.filter((a) => a.subjectType === 'ticket' && a.action === 'read_unmasked_phone');
      expect(reveals.map((a) => a.actorUserId).sort()).toEqual([agent.userId, handlerA.userId].sort());
      // never a whistleblower's number
      const secret = await createTicket({
        type: 'report',
        isConfidential: true,
        citizen: { phone: newPhone() },
        dispatch: { leadUnitId: unitA.id },
      });
      expect((await call(handlerA, 'POST', `/api/v1/tickets/${secret.id}/reveal-phone`)).status).toBe(403);
    });

    it("hides a whistleblower's identity from the unit entirely", async () => {
      const t = await createTicket({
        type: 'report',
        isConfidential: true,
        citizen: { phone: newPhone(), name: '王某' },
        dispatch: { leadUnitId: unitA.id },
      });
      const forUnit = await expectOk(call(handlerA, 'GET', `/api/v1/tickets/${t.id}`));
      expect(forUnit.citizen).toBeNull();
      expect(forUnit.citizenPhone).toBeNull();
      expect(JSON.stringify(forUnit)).not.toContain('王某');
      const forCenter = await expectOk(call(agent, 'GET', `/api/v1/tickets/${t.id}`));
      expect(forCenter.citizen.name).toBe('王某');
      const [row] = await db.select().from(citizens).where(eq(citizens.id, forCenter.citizen.id));
      expect(row.isConfidential).toBe(true);
    });
  });

  describe('bad input', () => {
    it('names the missing field', async () => {
      const res = await call(agent, 'POST', '/api/v1/tickets', { channel: 'phone', type: 'complaint' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String), message_en: expect.any(String) });
      expect(JSON.stringify(res.body.error.details)).toContain('content');
    });

    it('refuses oversized text, bad phones and unknown categories without creating anything', async () => {
      const before = (await expectOk(call(agent, 'GET', '/api/v1/tickets?limit=200'))).items.length;
      expect((await call(agent, 'POST', '/api/v1/tickets', { channel: 'phone', type: 'help', content: '长'.repeat(10_001) })).status).toBe(
        400,
      );
      expect(
        (await call(agent, 'POST', '/api/v1/tickets', { channel: 'phone', type: 'help', content: '内容', citizen: { phone: '12345' } }))
          .status,
      ).toBe(400);
      const unknown = await call(agent, 'POST', '/api/v1/tickets', {
        channel: 'phone',
        type: 'help',
        content: '内容',
        categoryId: 99999999,
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.code).toBe('UNKNOWN_REFERENCE');
      const unknownUnit = await call(agent, 'POST', '/api/v1/tickets', {
        channel: 'phone',
        type: 'help',
        content: '内容',
        dispatch: { leadUnitId: 99999999 },
      });
      expect(unknownUnit.status).toBe(422);
      const after = (await expectOk(call(agent, 'GET', '/api/v1/tickets?limit=200'))).items.length;
      expect(after).toBe(before);
    });

    it('refuses a transition the status does not allow, leaving the ticket unchanged', async () => {
      const t = await createTicket();
      const res = await act(handlerA, t.id, 'reply', { content: '答复' });
      expect([403, 404, 409]).toContain(res.status);
      const res2 = await act(callbackAgent, t.id, 'callback', { result: 'satisfied' });
      expect(res2.status).toBe(409);
      expect(res2.body.error.code).toBe('INVALID_TRANSITION');
      const d = await expectOk(call(agent, 'GET', `/api/v1/tickets/${t.id}`));
      expect(d.status).toBe('pending_dispatch');
      expect(d.version).toBe(t.version);
    });
  });

  describe('concurrency', () => {
    it('lets one of two simultaneous signers win and answers the other with 409', async () => {
      const t = await createTicket({ dispatch: { leadUnitId: unitA.id } });
      const results = await Promise.all([act(handlerA, t.id, 'sign'), act(adminA, t.id, 'sign')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const d = await expectOk(call(agent, 'GET', `/api/v1/tickets/${t.id}`));
      expect(d.events.filter((e: any) => e.action === 'sign')).toHaveLength(1);
    });

    it('takes in simultaneous orders together and fails only the bad one of a batch', async () => {
      const phone = newPhone();
      const tag = `批量${Date.now()}`;
      const bodies = Array.from({ length: 12 }, (_, i) => ({
        channel: 'phone',
        type: 'complaint',
        content: `${tag} 第${i}件 楼道堆放杂物`,
        categoryId: i === 5 ? 99_999_999 : category.id,
        citizen: { phone: i % 3 === 0 ? phone : newPhone(), name: i === 9 ? '李女士' : undefined },
        ...(i === 7 ? { dispatch: { leadUnitId: unitA.id } } : {}),
      }));
      const results = await Promise.all(bodies.map((body) => call(agent, 'POST', '/api/v1/tickets', body)));
      expect(results.map((r) => r.status)).toEqual(bodies.map((_, i) => (i === 5 ? 422 : 201)));
      expect(results[5].body.error.code).toBe('UNKNOWN_REFERENCE');
      const created = results.filter((r) => r.status === 201).map((r) => r.body);
      expect(new Set(created.map((t) => t.number)).size).toBe(11);
      created.forEach((t, k) => expect(t.content).toBe(bodies[k < 5 ? k : k + 1].content));
      expect(results[7].body).toMatchObject({ status: 'pending_sign', leadUnitId: unitA.id });
      const sameCaller = [results[0], results[3], results[6], results[9]].map((r) => r.body.citizen.id);
      expect(new Set(sameCaller).size).toBe(1);
      expect(results[9].body.citizen.name).toBe('李女士');
      const listed = await expectOk(call(agent, 'GET', `/api/v1/tickets?q=${encodeURIComponent(tag)}&limit=50`));
      expect(listed.items).toHaveLength(11);
    });

    it('answers a committed intake once even when its live event fails, never writing it twice', async () => {
      const content = `实时推送失败时的受理 ${Date.now()}`;
      const unsubscribe = app.services.live.subscribe((event) => {
        if (event.topic === 'ticket.created') throw new Error('a desk connection broke');
      });
      try {
        const res = await call(agent, 'POST', '/api/v1/tickets', {
          channel: 'phone',
          type: 'help',
          content,
          citizen: { phone: newPhone() },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.content).toBe(content);
      } finally {
        unsubscribe();
      }
      expect(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.content, content))).toHaveLength(1);
    });

    it('refuses a write based on a stale version', async () => {
      const t = await createTicket();
      await expectOk(act(supervisor, t.id, 'supervise', { content: '请尽快派单', version: t.version }));
      const stale = await act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id, version: t.version });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('CONFLICT');
    });
  });

  describe('idempotent intake', () => {
    it('returns the first order when a submission is retried with the same key', async () => {
      const body = { channel: 'phone', type: 'help', content: '路灯不亮已经一周了', citizen: { phone: newPhone() } };
      const key = { 'idempotency-key': `retry-${Date.now()}-${Math.random()}` };
      const first = await call(agent, 'POST', '/api/v1/tickets', body, key);
      const second = await call(agent, 'POST', '/api/v1/tickets', body, key);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body.id).toBe(first.body.id);
      const changed = await call(agent, 'POST', '/api/v1/tickets', { ...body, content: '另一件事' }, key);
      expect(changed.status).toBe(422);
      expect(changed.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
    });

    it('answers only the id and number when the client asks for Prefer: return=minimal (high-volume integrations)', async () => {
      const body = { channel: 'wechat', type: 'help', content: '小区门口路灯不亮', citizen: { phone: newPhone() } };
      const key = `minimal-${Date.now()}-${Math.random()}`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: body,
        headers: { ...agent.headers, prefer: 'return=minimal', 'idempotency-key': key },
      });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(Object.keys(created).sort()).toEqual(['id', 'number']);
      expect(res.headers['preference-applied']).toBe('return=minimal');
      expect(res.headers.location).toBe(`/api/v1/tickets/${created.id}`);
      const stored = await expectOk(call(agent, 'GET', `/api/v1/tickets/${created.id}`));
      expect(stored).toMatchObject({ number: created.number, status: 'pending_dispatch', channel: 'wechat' });
      const retried = await app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: body,
        headers: { ...agent.headers, prefer: 'return=minimal', 'idempotency-key': key },
      });
      expect(retried.json()).toEqual(created);
    });

    it('creates one order for simultaneous retries', async () => {
      const body = { channel: 'phone', type: 'help', content: '并发重试的同一诉求内容', citizen: { phone: newPhone() } };
      const key = { 'idempotency-key': `race-${Date.now()}-${Math.random()}` };
      const [a, b] = await Promise.all([
        call(agent, 'POST', '/api/v1/tickets', body, key),
        call(agent, 'POST', '/api/v1/tickets', body, key),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
    });
  });

  describe('list and search', () => {
    it('finds orders by Chinese words and pages with a cursor', async () => {
      const marker = `独特标记${Date.now()}`;
      const t = await createTicket({ content: `高架桥下积水严重，车辆无法通行 ${marker}` });
      const found = await expectOk(call(agent, 'GET', `/api/v1/tickets?q=${encodeURIComponent('积水')}&limit=200`));
      expect(found.items.map((i: any) => i.id)).toContain(t.id);
      const page1 = await expectOk(call(agent, 'GET', '/api/v1/tickets?limit=2'));
      expect(page1.items).toHaveLength(2);
      const page2 = await expectOk(call(agent, 'GET', `/api/v1/tickets?limit=2&cursor=${page1.nextCursor}`));
      expect(page2.items[0].id).not.toBe(page1.items[0].id);
      expect(new Date(page2.items[0].createdAt).getTime()).toBeLessThanOrEqual(new Date(page1.items[1].createdAt).getTime());
      expect((await call(agent, 'GET', '/api/v1/tickets?cursor=garbage')).status).toBe(400);
      const filtered = await expectOk(call(agent, 'GET', `/api/v1/tickets?status=pending_dispatch&categoryId=${category.id}&limit=200`));
      expect(filtered.items.every((i: any) => i.status === 'pending_dispatch' && i.categoryId === category.id)).toBe(true);
    });

    it('finds an order by a piece of its address the word index splits apart, or by a word of its text, and counts the same', async () => {
      const n = randomInt(10_000, 100_000);
      const byAddress = await createTicket({ content: '路面坑洼，雨天积水', address: `幸福大街${n}号B座` });
      const byText = await createTicket({ content: `窨井盖缺失，夜里有人踩空（编号${n}）`, address: '和平路1号' });
      const search = async (q: string) => {
        const res = await expectOk(call(agent, 'GET', `/api/v1/tickets?q=${encodeURIComponent(q)}&limit=200&withTotal=true`));
        expect(res.total).toBe(res.items.length);
        return res.items.map((i: any) => i.id);
      };
      // '街…号b' crosses the words of the address (幸福 / 大街 / n / 号 / b / 座), so only the address match finds it:
      // whatever the case of its letters, and not with % read as a wildcard
      const piece = `街${n}号b`;
      const result = await db.execute(
        sql`select ${tickets.search} @@ ${toSearchQuery(piece)} as hit from ${tickets} where id = ${byAddress.id}`,
      );
      const [{ hit }] = (result as unknown as { rows: { hit: boolean }[] }).rows;
      expect(hit).toBe(false);
      expect(await search(piece)).toEqual([byAddress.id]);
      expect(await search(`街${n}%b`)).toEqual([]);
      expect(await search(`大街${n}号B座`)).toEqual([byAddress.id]);
      // a word of the text; the address match alone would not find it
      const found = await search('窨井盖');
      expect(found).toContain(byText.id);
      expect(found).not.toContain(byAddress.id);
      expect(await search(`窨井盖 ${n}`)).toEqual([byText.id]);
    });

    it("finds an order by its number, the citizen's phone (center roles, audited), its address, and counts and jumps pages", async () => {
      const phone = newPhone();
      const t = await createTicket({ citizen: { phone, name: '刘女士' }, address: '解放路126号门前' });
      const ids = async (session: Session, q: string) =>
        (await expectOk(call(session, 'GET', `/api/v1/tickets?q=${encodeURIComponent(q)}&limit=200`))).items.map((i: any) => i.id);
      expect(await ids(agent, t.number)).toEqual([t.id]);
      expect(await ids(agent, t.number.replace('-', ''))).toEqual([t.id]);
      expect(await ids(agent, t.number.slice(0, 12))).toContain(t.id);
      expect(await ids(agent, phone)).toEqual([t.id]);
      const trail = await db.select().from(auditLog).where(eq(auditLog.action, 'search_by_phone'));
      expect(trail.filter((a) => a.actorUserId === agent.userId)).toHaveLength(1);
      // a unit cannot find orders by a citizen's phone, even its own
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitB.id }));
      expect(await ids(handlerB, t.number)).toEqual([t.id]);
      expect(await ids(handlerB, phone)).toEqual([]);
      expect(await ids(agent, '解放路126号')).toContain(t.id);

      await createTicket();
      await createTicket();
      const counted = await expectOk(call(agent, 'GET', '/api/v1/tickets?limit=2&withTotal=true'));
      expect(counted.total).toBeGreaterThan(2);
      const third = await expectOk(call(agent, 'GET', '/api/v1/tickets?limit=1&offset=2'));
      const firstThree = await expectOk(call(agent, 'GET', '/api/v1/tickets?limit=3'));
      expect(third.items[0].id).toBe(firstThree.items[2].id);
      expect((await call(agent, 'GET', '/api/v1/tickets?offset=-1')).status).toBe(400);
    });

    it('lists a unit only the orders it still has work on (activeOnly), so a co-handler that gave its note moves on', async () => {
      const t = await createTicket();
      await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitA.id, coUnitIds: [unitB.id] }));
      const ids = async (session: Session) =>
        (await expectOk(call(session, 'GET', '/api/v1/tickets?activeOnly=true&limit=200'))).items.map((i: any) => i.id);
      expect(await ids(handlerB)).toContain(t.id);
      await expectOk(act(handlerB, t.id, 'co-reply', { content: '已派人协助' }));
      expect(await ids(handlerB)).not.toContain(t.id);
      expect(await ids(handlerA)).toContain(t.id);
      expect(await ids(adminA)).toContain(t.id);
      // Still visible to the co-handler without the filter (its history stays readable).
      expect((await expectOk(call(handlerB, 'GET', '/api/v1/tickets?limit=200'))).items.map((i: any) => i.id)).toContain(t.id);
    });

    it('lists orders whose latest reply was sent back (被驳回) and drops them once a new reply is in', async () => {
      const sentBack = await createTicket();
      const accepted = await createTicket();
      for (const t of [sentBack, accepted]) {
        await expectOk(act(dispatcher, t.id, 'dispatch', { leadUnitId: unitB.id }));
        await expectOk(act(handlerB, t.id, 'sign'));
        await expectOk(act(handlerB, t.id, 'reply', { content: '已安排人员处理。' }));
      }
      await expectOk(act(dispatcher, sentBack.id, 'review', { decision: 'reject', note: '请说明处理结果' }));
      await expectOk(act(dispatcher, accepted.id, 'review', { decision: 'accept' }));
      const listed = await expectOk(call(handlerB, 'GET', '/api/v1/tickets?replyRejected=true&limit=200'));
      expect(listed.items.map((i: any) => i.id)).toContain(sentBack.id);
      expect(listed.items.map((i: any) => i.id)).not.toContain(accepted.id);
      await expectOk(act(handlerB, sentBack.id, 'reply', { content: '3月2日已现场处理完毕，市民可拨打12345反馈。' }));
      const after = await expectOk(call(handlerB, 'GET', '/api/v1/tickets?replyRejected=true&limit=200'));
      expect(after.items.map((i: any) => i.id)).not.toContain(sentBack.id);
    });
  });
});

describe('the ticket event contract', () => {
  // On PGlite the database holds only this file's orders, all written through the API above.
  it.runIf(!isPostgres)('holds for every event the tests above wrote through the API', async () => {
    const rows = (
      (await app.services.db.execute(sql`select action, data from ticket_events`)) as unknown as {
        rows: { action: string; data: unknown }[];
      }
    ).rows;
    const actions = new Set(rows.map((r) => r.action));
    expect(actions.size).toBeGreaterThan(10);
    expect([...new Set(rows.flatMap((r) => ticketEventProblems(r.action, r.data)))]).toEqual([]);
  });
});
