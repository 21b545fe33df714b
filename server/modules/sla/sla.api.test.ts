import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildCategory, buildSignedInUser } from '../../../test/factories/orgs.ts';
import { dayStartMs, localDayIndex } from '../../lib/calendar.ts';
import { slaPolicies } from '../../db/schema.ts';
import { createSlaSweepRepository } from './sla-sweep.repository.ts';
import { createSlaService } from './sla.service.ts';

const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock });
const sla = app.services.sla;
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const admin = await buildSignedInUser(app, 'admin');
const supervisor = await buildSignedInUser(app, 'supervisor');
const handler = await buildSignedInUser(app, 'handler');

const policyBody = (over: Record<string, unknown> = {}) => ({
  name: '测试策略',
  signWorkingHours: 1,
  handleUnit: 'working_days',
  handleAmount: 1,
  ...over,
});

describe('SlaService deadlines (seeded defaults and holidays)', () => {
  it('gives 2 working hours to sign and 5 working days to handle across Spring Festival 2026', async () => {
    const d = await sla.deadlinesFor({ type: 'complaint', urgency: 'normal', categoryId: null }, at('2026-02-12 16:00'));
    expect([fmt(d.signDueAt), fmt(d.handleDueAt)]).toEqual(['2026-02-13 09:30', '2026-02-26 16:00']);
  });

  it('gives urgent orders 24 clock hours and inquiries 3 working days', async () => {
    const urgent = await sla.deadlinesFor({ type: 'help', urgency: 'urgent', categoryId: null }, at('2025-09-30 20:00'));
    expect(fmt(urgent.handleDueAt)).toBe('2025-10-01 20:00');
    const inquiry = await sla.deadlinesFor({ type: 'inquiry', urgency: 'normal', categoryId: null }, at('2026-09-30 10:00'));
    expect(fmt(inquiry.handleDueAt)).toBe('2026-10-10 10:00');
    const urgentInquiry = await sla.deadlinesFor({ type: 'inquiry', urgency: 'urgent', categoryId: null }, at('2026-09-30 10:00'));
    expect(fmt(urgentInquiry.handleDueAt)).toBe('2026-10-01 10:00');
    expect(new Set([urgent.policyId, inquiry.policyId, urgentInquiry.policyId]).size).toBe(3);
  });

  it('extends, resumes and sets the callback deadline on the calendar', async () => {
    expect(fmt(await sla.extendDeadline(at('2026-09-30 17:30'), 2))).toBe('2026-10-09 17:30');
    // Paused over the National Day holiday: only Sep 30 15:30–17:30 and Oct 8 09:00–10:00 count (3 h).
    expect(fmt(await sla.resumeDeadline(at('2026-10-09 16:00'), at('2026-09-30 15:30'), at('2026-10-08 10:00'), 'normal'))).toBe(
      '2026-10-10 10:30',
    ); // 1.5 h on Friday Oct 9, 1.5 h on the adjusted Saturday
    expect(fmt(await sla.resumeDeadline(at('2026-10-01 16:00'), at('2026-09-30 15:30'), at('2026-10-01 10:00'), 'urgent'))).toBe(
      '2026-10-02 10:30',
    );
    expect(fmt(await sla.callbackDueAt(at('2026-02-13 11:00')))).toBe('2026-02-24 11:00'); // 14 (调休), 24
  });

  it('resolves a synchronous calculator per order that agrees with the async functions', async () => {
    const urgent = await sla.calculatorFor({ type: 'help', urgency: 'urgent', categoryId: null });
    const normal = await sla.calculatorFor({ type: 'complaint', urgency: 'normal', categoryId: null });
    const from = at('2026-02-12 16:00');
    expect(normal.deadlines(from)).toEqual({
      ...(await sla.deadlinesFor({ type: 'complaint', urgency: 'normal', categoryId: null }, from)),
      policyId: undefined,
    });
    expect(fmt(urgent.resume(at('2026-10-01 16:00'), at('2026-09-30 15:30'), at('2026-10-01 10:00')))).toBe('2026-10-02 10:30');
    expect(fmt(normal.resume(at('2026-10-09 16:00'), at('2026-09-30 15:30'), at('2026-10-08 10:00')))).toBe('2026-10-10 10:30');
    expect(fmt(normal.extend(at('2026-09-30 17:30'), 2))).toBe('2026-10-09 17:30');
    expect(fmt(normal.callbackDue(at('2026-02-13 11:00')))).toBe('2026-02-24 11:00');
    expect(urgent.policyId).not.toBe(normal.policyId);
  });
});

describe('SlaService policy cache', () => {
  it('reads the policies once per cache period: a policy added by another process shows only after it', async () => {
    const category = await buildCategory(app.services.db, { name: '缓存测试分类' });
    const order = { type: 'complaint', urgency: 'normal', categoryId: category.id };
    const service = createSlaService({ db: app.services.db, clock, audit: app.services.audit, cacheTtlMs: 60_000 });
    const before = await service.calculatorFor(order);
    const [added] = await app.services.db
      .insert(slaPolicies)
      .values({
        name: '另一进程新增',
        categoryId: category.id,
        signWorkingHours: 1,
        handleUnit: 'working_days',
        handleAmount: 1,
        callbackWorkingDays: 2,
      })
      .returning();
    expect((await service.calculatorFor(order)).policyId).toBe(before.policyId);
    const uncached = createSlaService({ db: app.services.db, clock, audit: app.services.audit, cacheTtlMs: 0 });
    expect((await uncached.calculatorFor(order)).policyId).toBe(added.id);
  });
});

describe('SLA policies API', () => {
  it('lets an admin create, update and delete a category policy, audited, and applies it to sub-categories', async () => {
    const root = await buildCategory(app.services.db);
    const leaf = await buildCategory(app.services.db, { parentId: root.id, level: 2 });
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/sla-policies',
      headers: admin.headers,
      payload: policyBody({ name: '供水抢修', categoryId: root.id, handleAmount: 1 }),
    });
    expect(created.statusCode).toBe(201);
    const policy = created.json();
    expect(policy).toMatchObject({
      categoryId: root.id,
      ticketType: null,
      urgency: null,
      atRiskRatio: 0.8,
      callbackWorkingDays: 2,
      isActive: true,
    });

    const d = await sla.deadlinesFor({ type: 'complaint', urgency: 'normal', categoryId: leaf.id }, at('2026-03-02 10:00'));
    expect(d.policyId).toBe(policy.id);
    expect([fmt(d.signDueAt), fmt(d.handleDueAt)]).toEqual(['2026-03-02 11:00', '2026-03-03 10:00']);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/sla-policies/${policy.id}`,
      headers: admin.headers,
      payload: { handleAmount: 2, atRiskRatio: 0.5 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ handleAmount: 2, atRiskRatio: 0.5, name: '供水抢修' });
    expect(
      fmt((await sla.deadlinesFor({ type: 'help', urgency: 'normal', categoryId: leaf.id }, at('2026-03-02 10:00'))).handleDueAt),
    ).toBe('2026-03-04 10:00');

    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/sla-policies', headers: supervisor.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: any) => p.id)).toContain(policy.id);

    const removed = await app.inject({ method: 'DELETE', url: `/api/v1/admin/sla-policies/${policy.id}`, headers: admin.headers });
    expect(removed.statusCode).toBe(204);
    const again = await app.inject({ method: 'DELETE', url: `/api/v1/admin/sla-policies/${policy.id}`, headers: admin.headers });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('NOT_FOUND');
    expect((await sla.deadlinesFor({ type: 'help', urgency: 'normal', categoryId: leaf.id }, at('2026-03-02 10:00'))).policyId).not.toBe(
      policy.id,
    );

    const audit = await app.services.audit.findBySubject('sla_policy', policy.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['sla_policy.create', 'sla_policy.delete', 'sla_policy.update']);
    expect(audit.every((a) => a.actorUserId === admin.user.id)).toBe(true);
  });

  it('refuses writes to non-admins and reads to unit staff', async () => {
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/sla-policies',
      headers: supervisor.headers,
      payload: policyBody(),
    });
    expect(post.statusCode).toBe(403);
    expect(post.json().error.code).toBe('FORBIDDEN');
    const read = await app.inject({ method: 'GET', url: '/api/v1/admin/sla-policies', headers: handler.headers });
    expect(read.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/admin/sla-policies' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('rejects bad input with specific codes', async () => {
    const ratio = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/sla-policies',
      headers: admin.headers,
      payload: policyBody({ atRiskRatio: 1.5 }),
    });
    expect(ratio.statusCode).toBe(400);
    expect(ratio.json().error.code).toBe('VALIDATION_FAILED');
    const unit = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/sla-policies',
      headers: admin.headers,
      payload: policyBody({ handleUnit: 'weeks' }),
    });
    expect(unit.statusCode).toBe(400);
    const category = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/sla-policies',
      headers: admin.headers,
      payload: policyBody({ categoryId: 987_654_321 }),
    });
    expect(category.statusCode).toBe(422);
    expect(category.json().error.code).toBe('UNKNOWN_REFERENCE');
    const empty = await app.inject({ method: 'PATCH', url: '/api/v1/admin/sla-policies/1', headers: admin.headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    const missing = await app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/sla-policies/987654321',
      headers: admin.headers,
      payload: { handleAmount: 3 },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps the last catch-all policy', async () => {
    const policies = await app.inject({ method: 'GET', url: '/api/v1/admin/sla-policies', headers: admin.headers });
    const catchAll = policies.json().items.filter((p: any) => p.isActive && !p.ticketType && !p.urgency && !p.categoryId);
    expect(catchAll).toHaveLength(1);
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/admin/sla-policies/${catchAll[0].id}`, headers: admin.headers });
    expect(del.statusCode).toBe(400);
    expect(del.json().error.message_en).toMatch(/catch-all/);
    const narrow = await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/sla-policies/${catchAll[0].id}`,
      headers: admin.headers,
      payload: { ticketType: 'complaint' },
    });
    expect(narrow.statusCode).toBe(400);
    const after = await app.inject({ method: 'GET', url: '/api/v1/admin/sla-policies', headers: admin.headers });
    expect(after.json().items.find((p: any) => p.id === catchAll[0].id)).toEqual(catchAll[0]);
  });
});

describe('working calendar API', () => {
  it('lists a preloaded year with its working-day count', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/admin/calendar?year=2026', headers: supervisor.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.workingDays).toBe(248);
    expect(body.days).toHaveLength(39);
    expect(body.days.find((d: any) => d.day === '2026-02-14')).toEqual({ day: '2026-02-14', isWorkday: true, name: '春节调休上班' });
    const openapi = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/admin/sla-policies',
        '/api/v1/admin/sla-policies/{id}',
        '/api/v1/admin/calendar',
        '/api/v1/admin/calendar/{day}',
        '/api/v1/admin/calendar/import',
      ]),
    );
  });

  it('sets and removes a day, and deadlines follow at once', async () => {
    // 2032-02-27 is a Friday; making Monday 2032-03-01 a holiday pushes "1 working day" to Tuesday.
    const before = await sla.deadlinesFor({ type: 'complaint', urgency: 'normal', categoryId: null }, at('2032-02-27 10:00'));
    expect(fmt(await sla.extendDeadline(at('2032-02-27 10:00'), 1))).toBe('2032-03-01 10:00');
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2032-03-01',
      headers: admin.headers,
      payload: { isWorkday: false, name: '测试假日' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ day: '2032-03-01', isWorkday: false, name: '测试假日' });
    expect(fmt(await sla.extendDeadline(at('2032-02-27 10:00'), 1))).toBe('2032-03-02 10:00');
    const during = await sla.deadlinesFor({ type: 'complaint', urgency: 'normal', categoryId: null }, at('2032-02-27 10:00'));
    expect([fmt(before.handleDueAt), fmt(during.handleDueAt)]).toEqual(['2032-03-05 10:00', '2032-03-08 10:00']);

    const del = await app.inject({ method: 'DELETE', url: '/api/v1/admin/calendar/2032-03-01', headers: admin.headers });
    expect(del.statusCode).toBe(204);
    expect(fmt(await sla.extendDeadline(at('2032-02-27 10:00'), 1))).toBe('2032-03-01 10:00');
    const gone = await app.inject({ method: 'DELETE', url: '/api/v1/admin/calendar/2032-03-01', headers: admin.headers });
    expect(gone.statusCode).toBe(404);
    const audit = (await app.services.audit.findBySubject('calendar_day', '2032-03-01')).filter((a) => a.actorUserId === admin.user.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar_day.delete', 'calendar_day.upsert']);
  });

  it('imports a later year, replacing what was there', async () => {
    const first = [
      { day: '2031-01-01', isWorkday: false, name: '元旦' },
      { day: '2031-01-04', isWorkday: true, name: '元旦调休上班' },
    ];
    const res = await app.inject({ method: 'POST', url: '/api/v1/admin/calendar/import', headers: admin.headers, payload: first });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2031, imported: 2 }); // the PostgreSQL test database keeps earlier runs' rows
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/calendar/import',
      headers: admin.headers,
      payload: [{ day: '2031-02-03', isWorkday: false, name: '春节' }],
    });
    expect(second.json()).toEqual({ year: 2031, imported: 1, replaced: 2 });
    const year = await app.inject({ method: 'GET', url: '/api/v1/admin/calendar?year=2031', headers: admin.headers });
    expect(year.json().days).toEqual([{ day: '2031-02-03', isWorkday: false, name: '春节' }]);
    expect((await sla.getCalendar()).isWorkingDay('2031-02-03')).toBe(false);
    expect((await sla.getCalendar()).isWorkingDay('2031-01-01')).toBe(true);
  });

  it('rejects impossible days, mixed years and non-admins', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2032-02-30',
      headers: admin.headers,
      payload: { isWorkday: false, name: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const mixed = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/calendar/import',
      headers: admin.headers,
      payload: [
        { day: '2033-01-01', isWorkday: false, name: 'a' },
        { day: '2034-01-01', isWorkday: false, name: 'b' },
      ],
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details).toEqual({ day: '2034-01-01' });
    const year = await app.inject({ method: 'GET', url: '/api/v1/admin/calendar?year=2033', headers: admin.headers });
    expect(year.json().days).toEqual([]);
    const forbidden = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2032-05-03',
      headers: supervisor.headers,
      payload: { isWorkday: false, name: 'x' },
    });
    expect(forbidden.statusCode).toBe(403);
    const noYear = await app.inject({ method: 'GET', url: '/api/v1/admin/calendar', headers: admin.headers });
    expect(noYear.statusCode).toBe(400);
  });
});

describe('working time in SQL', () => {
  it('matches the calendar for instants around holidays, lunch breaks and nights', async () => {
    const cal = await sla.getCalendar();
    const now = at('2026-03-02 10:00');
    const baseDay = localDayIndex(now) - 730;
    const table = { baseDay, prefix: cal.workingMsPrefix(baseDay, 1461), periods: cal.periods };
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const origin = at('2025-01-01 00:00').getTime();
    const pairs: [Date, Date][] = [];
    for (let i = 0; i < 300; i++) {
      const a = origin + Math.floor(random() * 700) * 86_400_000 + Math.floor(random() * 1440) * 60_000;
      pairs.push([new Date(a), new Date(a + Math.floor((random() * 20 * 86_400_000) / 60_000) * 60_000)]);
    }
    pairs.push([at('2026-02-14 16:30'), at('2026-02-24 10:00')], [new Date(dayStartMs(baseDay)), now]);
    const fromSql = await createSlaSweepRepository(app.services.db).workingMsBetween(pairs, table);
    expect(fromSql).toEqual(pairs.map(([a, b]) => cal.workingMsBetween(a, b)));
  });
});
