import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { setupApp, testClock } from '../../test/app.ts';
import { buildOrder, clearAnalyticsWindow, orderStory } from '../../test/factories/analytics.ts';
import { buildSignedInUser, buildUnit } from '../../test/factories/orgs.ts';
import { randomTestMonth, testMonth } from '../../test/factories/windows.ts';
import { assessmentRuns, jobs } from '../db/schema.ts';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import { shiftMonth } from '../modules/analytics/periods.ts';
import { computeMonthlyAssessments } from './compute-monthly-assessments.ts';
import { enqueueJob, runDueJobs } from './runner.ts';

const w = randomTestMonth();
const next = testMonth(shiftMonth(w.month, 1));
const clock = testClock(w.at(10, '10:00'));
const { app } = await setupApp({ clock });
const db = app.services.db;
afterAll(() => clearAnalyticsWindow(db, w.day(1), next.day(28)));

const unit = await buildUnit(db);
let supervisor = await buildSignedInUser(app, 'supervisor');
const unitAdmin = await buildSignedInUser(app, 'unit_admin', { unitId: unit.id });
const order = await buildOrder(db, { at: w.at(3, '08:00'), type: 'complaint' });
await (await orderStory(db, order.id).dispatch(w.at(3, '09:00'), unit.id)).sign(w.at(3, '10:00'), true);

const get = (month: string, headers?: Record<string, string>) =>
  app.inject({ method: 'GET', url: `/api/v1/analytics/assessments/${month}`, headers: headers ?? supervisor.headers });
const queuedFor = async (month: string) =>
  (
    await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.name, computeMonthlyAssessments.name),
          eq(jobs.status, 'queued'),
          sql`${jobs.payload} = ${JSON.stringify({ month })}::jsonb`,
        ),
      )
  ).length;
/** Runs the job until none is due: what the app's job loop does in the background. */
const runJobs = () => runDueJobs(app.services, [computeMonthlyAssessments], { batchSize: 50 });
const versionsOf = async (month: string) => (await get(month)).json().versions?.map((v: { version: number }) => v.version) ?? [];

describe('compute-monthly-assessments', () => {
  it('computes a month on its first view in the background: the view says it is computing, then shows the result', async () => {
    const first = await get(w.month);
    expect(first.statusCode).toBe(404);
    expect(first.json().error).toMatchObject({
      code: 'NOT_FOUND',
      message: `${w.month} 考核结果正在计算，请稍候`,
      details: { reason: 'not_computed', isComputing: true },
    });
    // a second look while it waits does not ask again
    expect((await get(w.month)).json().error.details.isComputing).toBe(true);
    expect(await queuedFor(w.month)).toBe(1);

    await runJobs();
    const computed = await get(w.month);
    expect(computed.statusCode).toBe(200);
    expect(computed.json().run).toMatchObject({ month: w.month, version: 1, status: 'draft' });
    expect(computed.json().results.find((r: { unitId: number }) => r.unitId === unit.id)).toMatchObject({
      unitId: unit.id,
      score: expect.any(Number),
    });
    // asking again adds no version
    await app.services.analytics.assessments.computeDue(SYSTEM_ACTOR, { month: w.month });
    expect(await versionsOf(w.month)).toEqual([1]);
  });

  it('does not ask for a computation when a unit looks at a month it may not see yet', async () => {
    const month = shiftMonth(w.month, -1);
    const res = await get(month, unitAdmin.headers);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toMatchObject({ reason: 'not_computed', isComputing: false });
    expect(await queuedFor(month)).toBe(0);
  });

  it('computes on schedule last month once more when it is over, not the month just begun; a second run adds nothing', async () => {
    clock.set(next.at(1, '01:00'));
    supervisor = await buildSignedInUser(app, 'supervisor'); // a session of the new day
    await app.services.analytics.rollups.refresh();
    await enqueueJob(app.services, computeMonthlyAssessments, {});
    await runJobs();
    expect(await versionsOf(w.month)).toEqual([2, 1]);
    // the month just begun is computed when someone first looks at it
    expect(await db.select().from(assessmentRuns).where(eq(assessmentRuns.month, next.month))).toEqual([]);

    await enqueueJob(app.services, computeMonthlyAssessments, {});
    await runJobs();
    expect(await versionsOf(w.month)).toEqual([2, 1]);
  });

  it('leaves a month alone once someone computed it', async () => {
    clock.set(next.at(2, '09:00'));
    supervisor = await buildSignedInUser(app, 'supervisor');
    const month = shiftMonth(w.month, -1);
    const manual = await app.inject({
      method: 'POST',
      url: `/api/v1/analytics/assessments/${month}/compute`,
      headers: supervisor.headers,
      payload: {},
    });
    expect(manual.statusCode).toBe(200);
    await app.services.analytics.assessments.computeDue(SYSTEM_ACTOR, { month });
    expect(await versionsOf(month)).toEqual([1]);
  });
});
