import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tickets } from '../../db/schema.ts';
import { setupApp, testClock } from '../../../test/app.ts';
import { addEvent, buildOrder, clearAnalyticsWindow, orderStory } from '../../../test/factories/analytics.ts';
import { buildSignedInUser, buildUnit } from '../../../test/factories/orgs.ts';
import { randomTestMonth } from '../../../test/factories/windows.ts';
import { addDays } from './periods.ts';

const w = randomTestMonth();
const clock = testClock(w.at(12, '16:00'));
const { app } = await setupApp({ clock });
const db = app.services.db;
afterAll(() => clearAnalyticsWindow(db, addDays(w.day(1), -40), addDays(w.day(12), 40)));

const leader = await buildSignedInUser(app, 'leader');
const get = (url: string) => app.inject({ method: 'GET', url, headers: leader.headers });
const unit = await buildUnit(db);

// today: two orders and one invalid contact; earlier this month: a merged contact, a transferred one, an open overdue
// order and one at risk; the last day of the month before: an order that no card of this month counts
await buildOrder(db, { at: w.at(12, '00:05') });
const closedToday = await buildOrder(db, { at: w.at(12, '09:00') });
await orderStory(db, closedToday.id).directAnswer(w.at(12, '09:10'));
await orderStory(db, (await buildOrder(db, { at: w.at(12, '10:00') })).id).invalidate(w.at(12, '10:05'));
for (const [action, status] of [
  ['merge', 'merged'],
  ['transfer_emergency', 'transferred'],
] as const) {
  const contact = await buildOrder(db, { at: w.at(3, '11:00') });
  await addEvent(db, contact.id, action, { at: w.at(3, '11:05'), fromStatus: 'pending_dispatch', toStatus: status });
  await db.update(tickets).set({ status }).where(eq(tickets.id, contact.id));
}
const overdue = await buildOrder(db, { at: w.at(2, '08:00') });
await (await orderStory(db, overdue.id).dispatch(w.at(2, '08:30'), unit.id)).overdue(w.at(9, '09:00'));
const atRisk = await buildOrder(db, { at: w.at(1, '00:00') });
await orderStory(db, atRisk.id).dispatch(w.at(1, '08:30'), unit.id);
await db.update(tickets).set({ slaState: 'at_risk' }).where(eq(tickets.id, atRisk.id));
await buildOrder(db, { at: `${addDays(w.day(1), -1)}T23:59:00+08:00` });
await app.services.analytics.rollups.refresh();

describe('dashboard count cards', () => {
  it('name for each card the order list that counts exactly the orders the card counts', async () => {
    const d = (await get('/api/v1/analytics/dashboard')).json();
    const cards = { today: d.today.orders, month: d.month.orders, overdue: d.overdue.openOverdue, atRisk: d.overdue.openAtRisk };
    expect(cards.today).toBe(2);
    expect(cards.month).toBe(4);
    for (const [card, count] of Object.entries(cards)) {
      const list = await get(`/api/v1/tickets?${new URLSearchParams({ ...d.orderLists[card], withTotal: 'true', limit: '200' })}`);
      expect(list.statusCode, card).toBe(200);
      expect({ card, total: list.json().total }).toEqual({ card, total: count });
    }
    const monthList = (await get(`/api/v1/tickets?${new URLSearchParams({ ...d.orderLists.month, limit: '200' })}`))
      .json()
      .items.map((t: { id: number }) => t.id);
    expect(monthList).toEqual(expect.arrayContaining([closedToday.id, overdue.id, atRisk.id]));
    const overdueList = (await get(`/api/v1/tickets?${new URLSearchParams({ ...d.orderLists.overdue, limit: '200' })}`))
      .json()
      .items.map((t: { id: number }) => t.id);
    expect(overdueList).toContain(overdue.id);
  });
});
