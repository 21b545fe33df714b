import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../test/app.ts';
import { buildUnit, uid } from '../../test/factories/orgs.ts';
import { supervisions, ticketEvents, tickets } from '../db/schema.ts';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import type { LiveEvent } from '../lib/live.ts';
import { markOverdueOrders } from './mark-overdue-orders.ts';
import { enqueueJob, runDueJobs } from './runner.ts';

const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const clock = testClock(at('2026-03-02 10:00'));
const { app } = await setupApp({ clock });
const db = app.services.db;
const live: LiveEvent[] = [];
app.services.live.subscribe((e) => live.push(e));

type TicketInsert = typeof tickets.$inferInsert;
async function buildTicket(unitId: number, over: Partial<TicketInsert>) {
  const [row] = await db
    .insert(tickets)
    .values({
      number: `T${uid()}`,
      channel: 'phone',
      type: 'complaint',
      urgency: 'normal',
      title: '测试工单',
      content: '测试内容',
      status: 'handling',
      leadUnitId: unitId,
      dispatchedAt: at('2026-03-02 10:00'),
      signDueAt: at('2026-03-02 12:00'),
      handleDueAt: at('2026-03-09 10:00'),
      ...over,
    })
    .returning();
  return row;
}

const stateOf = async (id: number) => (await db.select({ s: tickets.slaState }).from(tickets).where(eq(tickets.id, id)))[0].s;
const eventsOf = (id: number) => db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id)).orderBy(ticketEvents.id);
const remindersOf = (id: number) =>
  db
    .select()
    .from(supervisions)
    .where(and(eq(supervisions.ticketId, id), eq(supervisions.kind, 'auto_reminder')));
const run = (unitIds: number[]) =>
  markOverdueOrders.handler(app.services, { unitIds }) as Promise<{ scanned: number; changed: number; escalated: number }>;

describe('mark-overdue-orders job', () => {
  it('marks at-risk and overdue orders once each, with events, reminders and live updates', async () => {
    clock.set(at('2026-03-02 10:00'));
    const unit = await buildUnit(db);
    // Dispatched Monday 10:00, 5 working days (35 h): 80 % = 28 working hours → Friday 10:00.
    const normal = await buildTicket(unit.id, {});
    // Urgent, 24 clock hours from Thursday 10:00: 80 % → Friday 05:12.
    const urgent = await buildTicket(unit.id, {
      urgency: 'urgent',
      dispatchedAt: at('2026-03-05 10:00'),
      handleDueAt: at('2026-03-06 10:00'),
    });
    const unsigned = await buildTicket(unit.id, { status: 'pending_sign', signDueAt: at('2026-03-05 11:00') });
    const paused = await buildTicket(unit.id, {
      status: 'extension_pending',
      pausedAt: at('2026-03-03 10:00'),
      handleDueAt: at('2026-03-04 10:00'),
    });
    const closed = await buildTicket(unit.id, { status: 'closed', handleDueAt: at('2026-03-03 10:00') });

    clock.set(at('2026-03-05 10:59'));
    expect((await run([unit.id])).changed).toBe(0);

    clock.set(at('2026-03-06 05:12'));
    await enqueueJob(app.services, markOverdueOrders, { unitIds: [unit.id] });
    const outcomes = await runDueJobs(app.services, [markOverdueOrders]);
    expect(outcomes).toEqual([expect.objectContaining({ name: 'mark-overdue-orders', status: 'done' })]);
    expect([await stateOf(normal.id), await stateOf(urgent.id), await stateOf(unsigned.id)]).toEqual(['normal', 'at_risk', 'overdue']);
    expect([await stateOf(paused.id), await stateOf(closed.id)]).toEqual(['normal', 'normal']);

    const unsignedEvents = await eventsOf(unsigned.id);
    expect(unsignedEvents.map((e) => e.action)).toEqual(expect.arrayContaining(['sla_overdue', 'auto_reminder']));
    expect(unsignedEvents).toHaveLength(2);
    const overdueEvent = unsignedEvents.find((e) => e.action === 'sla_overdue')!;
    expect(overdueEvent).toMatchObject({ unitId: unit.id, fromStatus: 'pending_sign', toStatus: 'pending_sign', actorUserId: null });
    expect(overdueEvent.data).toMatchObject({ previousState: 'normal', state: 'overdue', dueKind: 'sign' });
    expect(overdueEvent.createdAt.toISOString()).toBe(at('2026-03-06 05:12').toISOString());
    const [reminder] = await remindersOf(unsigned.id);
    expect(reminder).toMatchObject({ unitId: unit.id, content: '工单已超过签收时限，请立即签收。' });
    expect(reminder.dueAt?.toISOString()).toBe(at('2026-03-05 11:00').toISOString());
    expect(unsignedEvents.find((e) => e.action === 'auto_reminder')!.data).toMatchObject({ supervisionId: reminder.id });
    expect((await eventsOf(urgent.id)).map((e) => e.action).sort()).toEqual(['auto_reminder', 'sla_at_risk']);
    expect(
      live.filter((e) => e.topic === 'ticket.sla_changed' && e.unitIds[0] === unit.id).map((e) => [e.ticketId, e.payload?.slaState]),
    ).toEqual(
      expect.arrayContaining([
        [urgent.id, 'at_risk'],
        [unsigned.id, 'overdue'],
      ]),
    );

    // Running again changes nothing and writes nothing.
    expect((await run([unit.id])).changed).toBe(0);
    expect(await eventsOf(unsigned.id)).toHaveLength(2);

    clock.set(at('2026-03-06 10:00'));
    await run([unit.id]);
    expect([await stateOf(normal.id), await stateOf(urgent.id)]).toEqual(['at_risk', 'overdue']);
    expect((await eventsOf(urgent.id)).map((e) => e.action).sort()).toEqual([
      'auto_reminder',
      'auto_reminder',
      'sla_at_risk',
      'sla_overdue',
    ]);
    expect(await remindersOf(urgent.id)).toHaveLength(2);

    clock.set(at('2026-03-09 10:00'));
    await run([unit.id]);
    expect(await stateOf(normal.id)).toBe('overdue');
    expect((await eventsOf(normal.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['sla_at_risk', 'sla_overdue']));
    expect(await eventsOf(paused.id)).toHaveLength(0);
    expect(await eventsOf(closed.id)).toHaveLength(0);
  });

  it('counts at-risk time in working hours for working-day policies', async () => {
    clock.set(at('2026-02-12 16:00'));
    const unit = await buildUnit(db);
    // Thursday before Spring Festival: 5 working days end Thursday Feb 26 16:00; 80 % (28 h) is reached Feb 25 16:00,
    // although by clock time 80 % of the span would already be on Feb 23, inside the holiday.
    const t = await buildTicket(unit.id, { dispatchedAt: at('2026-02-12 16:00'), handleDueAt: at('2026-02-26 16:00') });
    clock.set(at('2026-02-25 15:59'));
    await run([unit.id]);
    expect(await stateOf(t.id)).toBe('normal');
    clock.set(at('2026-02-25 16:00'));
    await run([unit.id]);
    expect(await stateOf(t.id)).toBe('at_risk');
  });

  it('returns an order to normal without announcing it when its deadline moves out', async () => {
    clock.set(at('2026-03-16 10:00'));
    const unit = await buildUnit(db);
    const t = await buildTicket(unit.id, { dispatchedAt: at('2026-03-16 10:00'), handleDueAt: at('2026-03-17 10:00') });
    clock.set(at('2026-03-17 11:00'));
    await run([unit.id]);
    expect(await stateOf(t.id)).toBe('overdue');
    await db
      .update(tickets)
      .set({ handleDueAt: at('2026-03-24 10:00') })
      .where(eq(tickets.id, t.id)); // extension approved
    const result = await run([unit.id]);
    expect(result).toMatchObject({ changed: 1, escalated: 0 });
    expect(await stateOf(t.id)).toBe('normal');
    expect((await eventsOf(t.id)).map((e) => e.action).sort()).toEqual(['auto_reminder', 'sla_overdue']);
  });

  it('sweeps thousands of orders in batches with set-based statements', async () => {
    clock.set(at('2026-03-02 10:00'));
    const unit = await buildUnit(db);
    const n = 3_000;
    const rows: TicketInsert[] = Array.from({ length: n }, (_, i) => ({
      number: `B${uid()}-${i}`,
      channel: 'web',
      type: i % 3 === 0 ? 'inquiry' : 'complaint',
      urgency: 'normal',
      title: '批量',
      content: '批量',
      status: i % 2 ? 'handling' : 'pending_sign',
      leadUnitId: unit.id,
      dispatchedAt: at('2026-03-02 10:00'),
      signDueAt: at('2026-03-02 12:00'),
      handleDueAt: i % 4 === 0 ? at('2026-03-03 10:00') : at('2026-03-09 10:00'),
    }));
    for (let i = 0; i < n; i += 1_000) await db.insert(tickets).values(rows.slice(i, i + 1_000));
    clock.set(at('2026-03-06 11:00'));
    const started = performance.now();
    const result = await app.services.sla.markOverdueOrders(SYSTEM_ACTOR, { unitIds: [unit.id], batchSize: 1_000 });
    const elapsed = performance.now() - started;
    expect(result.scanned).toBe(n);
    // Even: pending_sign past its sign-by time → overdue. Odd: handling, 29 of 35 working hours gone → at risk.
    expect(result.changes.filter((c) => c.to === 'overdue')).toHaveLength(n / 2);
    expect(result.changes.filter((c) => c.to === 'at_risk')).toHaveLength(n / 2);
    expect(result.changes).toHaveLength(n);
    const ids = result.changes.map((c) => c.ticketId);
    const events = await db.select({ id: ticketEvents.id }).from(ticketEvents).where(inArray(ticketEvents.ticketId, ids));
    expect(events).toHaveLength(2 * n);
    expect(elapsed).toBeLessThan(30_000);
    console.log(`swept ${n} orders in ${elapsed.toFixed(0)} ms`);
    const again = await app.services.sla.markOverdueOrders(SYSTEM_ACTOR, { unitIds: [unit.id], batchSize: 1_000 });
    expect(again.changes).toHaveLength(0);
  });

  it('refuses to run for a non-admin actor', async () => {
    await expect(
      app.services.sla.markOverdueOrders({
        kind: 'user',
        userId: 1,
        apiKeyId: null,
        role: 'handler',
        unitId: null,
        displayName: 'x',
        ip: null,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
