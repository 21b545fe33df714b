/**
 * The incrementally maintained rollups equal a full recount by the reference rules (rollup-spec.ts)
 * after random sequences of lifecycle events, refreshed at random moments in small batches.
 * The shared PostgreSQL test database keeps rows between runs, so every run simulates in its own window
 * of 200 days, drawn at random between the years 2100 and 2900, where no other test writes.
 */
import pg from 'pg';
import { and, gte, inArray, lt } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { TRANSITIONS, type TicketAction, type TicketStatus } from '../../../../common/ticket-lifecycle.ts';
import { analyticsDaily, analyticsExclusions, analyticsReplyFacts, ticketEvents, tickets } from '../../../db/schema.ts';
import { isPostgres, setupApp, TEST_DATABASE_URL, testClock } from '../../../../test/app.ts';
import { addEvent, buildCitizen, buildOrder, clearAnalyticsWindow } from '../../../../test/factories/analytics.ts';
import { buildCategory, buildRegion, buildUnit } from '../../../../test/factories/orgs.ts';
import { deriveRows, rollupOf, type EventRecord } from './rollup-spec.ts';
import { createRollupService } from './rollup.service.ts';
import { refreshAnalyticsRollups } from '../../../jobs/refresh-analytics-rollups.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { MEASURE_KEYS, type Measures } from '../indicators/measures.ts';
import { seededRandom } from '../../../lib/random.ts';

const { app } = await setupApp({ clock: testClock('2026-11-22T00:00:00Z') });
const db = app.services.db;
const rollups = createRollupService({ db, batchSize: 7 });

const WINDOW_DAYS = 200;
/** Start of a fresh window: [day, day + 200 days). */
function freshWindow(): { start: string; end: string; at: (hoursAfterStart: number) => string } {
  const startMs = Date.UTC(2100, 0, 1) + Math.floor(Math.random() * 1400) * WINDOW_DAYS * 86_400_000;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const w = {
    start: day(startMs),
    end: day(startMs + WINDOW_DAYS * 86_400_000),
    at: (h: number) => new Date(startMs + h * 3600_000 - 8 * 3600_000).toISOString(),
  };
  usedWindows.push(w);
  return w;
}
const usedWindows: { start: string; end: string }[] = [];
afterAll(async () => {
  for (const w of usedWindows) await clearAnalyticsWindow(db, w.start, w.end);
});

const rng = seededRandom;

const SYSTEM_ACTIONS = ['sla_overdue', 'sla_at_risk', 'auto_reminder', 'exclude_from_assessment'];
const CALLBACK_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const;

const FINAL: readonly string[] = ['closed', 'merged', 'invalid', 'transferred'];
/** Favour the main path so orders reach replies, callbacks and reopenings; endings that cut it short are rare. */
const WEIGHTS: Partial<Record<TicketAction, number>> = {
  merge: 0.1,
  invalidate: 0.1,
  transfer_emergency: 0.1,
  direct_answer: 0.3,
  close: 0.3,
  rate: 0.2,
  dispatch: 4,
  sign: 4,
  reply: 4,
  review: 4,
  callback: 4,
  reopen: 3,
  decide_objection: 3,
  decide_extension: 3,
};
function weightedPick(actions: TicketAction[], random: () => number): TicketAction {
  const total = actions.reduce((s, a) => s + (WEIGHTS[a] ?? 1), 0);
  let x = random() * total;
  for (const a of actions) {
    x -= WEIGHTS[a] ?? 1;
    if (x <= 0) return a;
  }
  return actions[actions.length - 1];
}

interface Live {
  id: number;
  status: TicketStatus;
  lead: number | null;
  wasSigned: boolean;
}

async function simulate(seed: number, startIso: string, steps: number) {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const unitIds = (await Promise.all([1, 2, 3, 4].map(() => buildUnit(db)))).map((u) => u.id);
  const categoryIds = (await Promise.all([1, 2].map(() => buildCategory(db)))).map((c) => c.id);
  const regionIds = (await Promise.all([1, 2].map(() => buildRegion(db)))).map((r) => r.id);
  const citizenIds = (await Promise.all([1, 2, 3].map(() => buildCitizen(db)))).map((c) => c.id);
  let t = Date.parse(startIso);
  const live: Live[] = [];
  const ticketIds: number[] = [];

  // an order without a create event (imported): its events are ignored by every count
  const [orphan] = await db
    .insert(tickets)
    .values({ number: `ORPHAN-${seed}-${Date.now()}`, channel: 'web', type: 'help', title: 'x', content: 'x', status: 'handling' })
    .returning();
  ticketIds.push(orphan.id);
  await addEvent(db, orphan.id, 'sign', { at: new Date(t), unitId: unitIds[0], data: { isOnTime: true } });

  for (let i = 0; i < steps; i++) {
    t += Math.floor(random() * 5 * 3600_000);
    const at = new Date(t);
    if (live.length < 3 || random() < 0.15) {
      const order = await buildOrder(db, {
        at,
        channel: pick(['phone', 'web', 'wechat']),
        type: pick(['complaint', 'complaint', 'help', 'inquiry']),
        categoryId: random() < 0.9 ? pick(categoryIds) : null,
        regionId: pick(regionIds),
        citizenId: random() < 0.9 ? pick(citizenIds) : null,
      });
      live.push({ id: order.id, status: 'pending_dispatch', lead: null, wasSigned: false });
      ticketIds.push(order.id);
    } else {
      const open = live.filter((x) => !FINAL.includes(x.status));
      const ticket = open.length && random() < 0.95 ? pick(open) : pick(live);
      const actions = (Object.keys(TRANSITIONS) as TicketAction[]).filter((a) =>
        (TRANSITIONS[a].from as readonly string[]).includes(ticket.status),
      );
      const action: string = random() < 0.08 || !actions.length ? pick(SYSTEM_ACTIONS) : weightedPick(actions, random);
      await applyRandom(ticket, action, at, { random, pick, unitIds, live });
    }
    if (random() < 0.1) await rollups.refresh();
  }
  await rollups.refresh();
  return ticketIds;
}

async function applyRandom(
  ticket: Live,
  action: string,
  at: Date,
  ctx: { random: () => number; pick: <T>(xs: readonly T[]) => T; unitIds: number[]; live: Live[] },
) {
  const { random, pick, unitIds } = ctx;
  const from = ticket.status;
  let to: TicketStatus = from;
  let unitId: number | null = ticket.lead;
  let data: Record<string, unknown> = {};
  switch (action) {
    case 'dispatch': {
      const unit = pick(unitIds);
      data = { leadUnitId: unit, coUnitIds: [], isRedispatch: from === 'returned' };
      unitId = ticket.lead = unit;
      ticket.wasSigned = false;
      break;
    }
    case 'subdispatch':
      unitId = ticket.lead = pick(unitIds);
      ticket.wasSigned = false;
      data = { parentUnitId: ticket.lead };
      break;
    case 'sign':
      data = { isOnTime: random() < 0.7 };
      ticket.wasSigned = true;
      break;
    case 'decide_objection': {
      const approve = random() < 0.5;
      data = approve ? { decision: 'approve', newUnitId: pick(unitIds) } : { decision: 'deny', newUnitId: null };
      if (approve) unitId = ticket.lead = data.newUnitId as number;
      to = TRANSITIONS.decide_objection.to(from, approve ? { decision: 'approve' } : { wasSigned: ticket.wasSigned });
      if (approve) ticket.wasSigned = false;
      break;
    }
    case 'decide_extension':
      data = { decision: random() < 0.5 ? 'approve' : 'deny', days: 3 };
      break;
    case 'reply':
      data = { replyId: 0, isOnTime: random() < 0.6 };
      break;
    case 'review':
      data = { decision: random() < 0.7 ? 'accept' : 'reject' };
      to = TRANSITIONS.review.to(from, { decision: data.decision as 'accept' });
      break;
    case 'callback': {
      const result = pick(CALLBACK_RESULTS);
      data = { result, isResolved: pick([true, false, null]) };
      to = TRANSITIONS.callback.to(from, { callback: result });
      break;
    }
    case 'reopen':
      if (random() < 0.5) unitId = null;
      break;
    case 'merge':
      data = { mainTicketId: pick(ctx.live).id };
      break;
    case 'transfer_emergency':
      data = { line: '110' };
      break;
    case 'exclude_from_assessment':
      data = { reason: '测试', isExcluded: random() < 0.7 };
      break;
    default:
      break;
  }
  if (action in TRANSITIONS && !['decide_objection', 'review', 'callback'].includes(action)) {
    to = (TRANSITIONS as any)[action].to(from, undefined);
  }
  await addEvent(db, ticket.id, action, { at, unitId, fromStatus: from, toStatus: to, data });
  ticket.status = to;
}

async function expectRollupEqualsRecount(ticketIds: number[], fromDay: string, toDay: string, minRows = 50) {
  const events = await db.select().from(ticketEvents).where(inArray(ticketEvents.ticketId, ticketIds));
  const citizenRows = await db.select({ id: tickets.id, citizenId: tickets.citizenId }).from(tickets).where(inArray(tickets.id, ticketIds));
  const citizenOf = new Map(citizenRows.map((r) => [r.id, r.citizenId]));
  const records: EventRecord[] = events.map((e) => ({ ...e, data: e.data as Record<string, unknown> }));
  const rows = deriveRows(records, (id) => citizenOf.get(id) ?? null);
  const expected = Object.fromEntries([...rollupOf(rows)].sort(([a], [b]) => a.localeCompare(b)));

  const stored = await db
    .select()
    .from(analyticsDaily)
    .where(and(gte(analyticsDaily.day, fromDay), lt(analyticsDaily.day, toDay)));
  const entries: [string, Measures][] = stored.map((r) => [
    `${r.dim}|${r.key}|${r.day}`,
    Object.fromEntries(MEASURE_KEYS.map((k) => [k, Number(r[k])])) as Measures,
  ]);
  const actual = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  expect(Object.keys(actual).length).toBeGreaterThanOrEqual(minRows);
  expect(actual).toEqual(expected);

  const facts = await db.select().from(analyticsReplyFacts).where(inArray(analyticsReplyFacts.ticketId, ticketIds));
  const expectedFacts = rows
    .filter((r) => r.handlingSeconds !== undefined)
    .map((r) => [r.eventId, r.unitId, r.day, r.handlingSeconds])
    .sort();
  expect(facts.map((f) => [f.eventId, f.unitId, f.day, f.handlingSeconds]).sort()).toEqual(expectedFacts);

  const exclusions = await db.select().from(analyticsExclusions).where(inArray(analyticsExclusions.ticketId, ticketIds));
  const lastExclusion = new Map<number, boolean>();
  for (const e of records.filter((x) => x.action === 'exclude_from_assessment').sort((a, b) => a.id - b.id))
    lastExclusion.set(e.ticketId, e.data.isExcluded !== false);
  expect(Object.fromEntries(exclusions.map((x) => [x.ticketId, x.isExcluded]))).toEqual(Object.fromEntries(lastExclusion));
}

let lastWindow = freshWindow();

describe('analytics rollups', () => {
  it('equal a full recount after random event sequences (fixed seed)', async () => {
    const w = freshWindow();
    const ids = await simulate(20311, w.at(7), 400);
    await expectRollupEqualsRecount(ids, w.start, w.end);
    lastWindow = w;
  });

  it('equal a full recount after random event sequences (random seed)', async () => {
    const seed = Math.floor(Math.random() * 1e9);
    const w = freshWindow();
    const ids = await simulate(seed, w.at(7), 400);
    try {
      await expectRollupEqualsRecount(ids, w.start, w.end);
    } catch (err) {
      throw new Error(`seed ${seed}: ${(err as Error).message}`, { cause: err });
    }
  });

  it('stays unchanged when refreshed again with no new events', async () => {
    await rollups.refresh();
    const inWindow = and(gte(analyticsDaily.day, lastWindow.start), lt(analyticsDaily.day, lastWindow.end));
    const before = await db.select().from(analyticsDaily).where(inWindow);
    expect(before.length).toBeGreaterThan(50);
    await rollups.refresh();
    const after = await db.select().from(analyticsDaily).where(inWindow);
    expect(after).toEqual(before);
  });

  it('runs as the refresh-analytics-rollups job, scheduled every minute', async () => {
    expect(jobDefinitions.map((j) => j.name)).toContain('refresh-analytics-rollups');
    const w = freshWindow();
    await buildOrder(db, { at: w.at(9), type: 'praise', channel: 'weibo' });
    const result = (await refreshAnalyticsRollups.handler(app.services, {})) as { lastEventId: number };
    expect(result.lastEventId).toBeGreaterThan(0);
    const rows = await db
      .select()
      .from(analyticsDaily)
      .where(and(gte(analyticsDaily.day, w.start), lt(analyticsDaily.day, w.end)));
    expect(rows.find((r) => r.dim === 'channel' && r.key === 'weibo')?.contacts).toBe(1);
    expect(refreshAnalyticsRollups.schedule).toEqual({ everyMs: 60_000 });
  });

  /**
   * A second connection keeps a transaction open while this one signs the order and refreshes; `during` decides when
   * the slow transaction begins and writes its dispatch event. It commits after `during`, and the rollup must then
   * equal a recount, however late that event came.
   */
  async function withSlowTransaction(
    during: (
      slow: { begin(): Promise<void>; takeTransactionId(): Promise<void>; writeDispatch(): Promise<void> },
      sign: () => Promise<void>,
    ) => Promise<void>,
  ) {
    const w = freshWindow();
    const unit = await buildUnit(db);
    const order = await buildOrder(db, { at: w.at(9), type: 'help', channel: 'sms' });
    await rollups.refresh();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await during(
        {
          begin: async () => {
            await client.query('begin');
          },
          takeTransactionId: async () => {
            await client.query('select pg_current_xact_id()');
          },
          writeDispatch: async () => {
            await client.query(
              `insert into ticket_events (ticket_id, action, unit_id, data, created_at) values ($1, 'dispatch', $2, $3, $4)`,
              [order.id, unit.id, JSON.stringify({ leadUnitId: unit.id }), w.at(10)],
            );
          },
        },
        async () => {
          await addEvent(db, order.id, 'sign', { at: w.at(11), unitId: unit.id, data: { isOnTime: true } });
        },
      );
      await client.query('commit');
    } finally {
      await client.end();
    }
    await rollups.refresh();
    await expectRollupEqualsRecount([order.id], w.start, w.end, 6);
  }

  it.runIf(isPostgres)('counts an event whose transaction committed after later ones were processed', async () => {
    await withSlowTransaction(async (slow, sign) => {
      await slow.begin();
      await slow.writeDispatch();
      await sign();
      expect((await rollups.refresh()).heldBackEvents).toBeGreaterThan(0);
    });
  });

  it.runIf(isPostgres)('counts an event written late by a transaction that began writing early, however long it stays open', async () => {
    await withSlowTransaction(async (slow, sign) => {
      await slow.begin();
      await slow.takeTransactionId(); // its transaction id is now older than the next event's
      await sign();
      await rollups.refresh();
      await slow.writeDispatch(); // after the sign event took its id, committing long after any timeout
    });
  });
});
