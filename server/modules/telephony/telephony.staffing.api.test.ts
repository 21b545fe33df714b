/** 排班计划: the staffing plan per half hour, set by a manager, shown on the wallboard beside each half hour's calls. */
import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildSignedInUser } from '../../../test/factories/orgs.ts';
import { dayStartMs, localDayIndex } from '../../lib/calendar.ts';

const SECRET = 'staffing-test-telephony-secret-0';
// 09:10 Beijing time today: the 09:00 half hour.
const dayStart = dayStartMs(localDayIndex(new Date()));
const clock = testClock(new Date(dayStart + 9 * 3_600_000 + 10 * 60_000));
const { app } = await setupApp({ isolated: true, clock, env: { TELEPHONY_SECRET: SECRET } });
const url = '/api/v1/telephony/staffing';

describe('staffing plan', () => {
  it('is set by a manager, read by supervisors, refused to agents; bad half hours change nothing', async () => {
    const admin = await buildSignedInUser(app, 'admin');
    const supervisor = await buildSignedInUser(app, 'supervisor');
    const agent = await buildSignedInUser(app, 'agent');
    const put = (headers: Record<string, string>, slots: object[]) => app.inject({ method: 'PUT', url, headers, payload: { slots } });

    const set = await put(admin.headers, [
      { start: '09:00', plannedAgents: 12 },
      { start: '09:30', plannedAgents: 15 },
      { start: '23:30', plannedAgents: null },
    ]);
    expect(set.statusCode).toBe(200);
    expect(set.json().slots).toEqual(
      expect.arrayContaining([
        { start: '09:00', plannedAgents: 12 },
        { start: '09:30', plannedAgents: 15 },
      ]),
    );
    expect((await app.inject({ method: 'GET', url, headers: supervisor.headers })).json().slots).toEqual(
      expect.arrayContaining([{ start: '09:00', plannedAgents: 12 }]),
    );

    const refused = await put(agent.headers, [{ start: '09:00', plannedAgents: 1 }]);
    expect(refused.statusCode).toBe(403);
    const quarter = await put(admin.headers, [
      { start: '09:30', plannedAgents: 3 },
      { start: '09:15', plannedAgents: 3 },
    ]);
    expect(quarter.statusCode).toBe(400);
    expect(quarter.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '时段须为整点或半点（HH:00 或 HH:30）：09:15',
      message_en: 'A half hour starts on the hour or half past (HH:00 or HH:30): 09:15',
    });
    const twice = await put(admin.headers, [
      { start: '09:30', plannedAgents: 3 },
      { start: '09:30', plannedAgents: 4 },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message_en).toBe('The same half hour is given twice: 09:30');
    expect((await put(admin.headers, [{ start: '09:30', plannedAgents: -1 }])).statusCode).toBe(400);
    const after = (await app.inject({ method: 'GET', url, headers: supervisor.headers })).json().slots;
    expect(after).toEqual(
      expect.arrayContaining([
        { start: '09:00', plannedAgents: 12 },
        { start: '09:30', plannedAgents: 15 },
      ]),
    );

    // Clearing one half hour
    await put(admin.headers, [{ start: '09:30', plannedAgents: null }]);
    expect(
      (await app.inject({ method: 'GET', url, headers: supervisor.headers }))
        .json()
        .slots.find((s: { start: string }) => s.start === '09:30'),
    ).toBeUndefined();
  });

  it("puts the plan beside each half hour's calls on the wallboard", async () => {
    const admin = await buildSignedInUser(app, 'admin');
    const leader = await buildSignedInUser(app, 'leader');
    await app.inject({
      method: 'PUT',
      url,
      headers: admin.headers,
      payload: {
        slots: [
          { start: '09:00', plannedAgents: 12 },
          { start: '10:00', plannedAgents: 20 },
        ],
      },
    });
    const board0 = (await app.inject({ method: 'GET', url: '/api/v1/telephony/wallboard', headers: leader.headers })).json();
    const nine = new Date(dayStart + 9 * 3_600_000).toISOString();
    const offeredBefore = board0.halfHours.find((h: { start: string }) => h.start === nine)?.offered ?? 0;

    // A caller who gives up in the queue at 09:10: one more call offered in the 09:00 half hour.
    const sip = (path: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1/telephony/sip/${path}`, headers: { 'x-telephony-secret': SECRET }, payload });
    const callId = `s-${Math.random().toString(36).slice(2)}@test`;
    await sip('route', { callId, from: '13500000001', to: '123454' });
    await sip('event', { callId, event: 'cancelled' });

    const board = (await app.inject({ method: 'GET', url: '/api/v1/telephony/wallboard', headers: leader.headers })).json();
    expect(board.halfHours).toContainEqual({ start: nine, offered: offeredBefore + 1, answered: expect.any(Number), plannedAgents: 12 });
    // a planned half hour still to come is shown with its plan and no calls yet
    expect(board.halfHours).toContainEqual({
      start: new Date(dayStart + 10 * 3_600_000).toISOString(),
      offered: 0,
      answered: 0,
      plannedAgents: 20,
    });
    const starts = board.halfHours.map((h: { start: string }) => h.start);
    expect([...starts].sort()).toEqual(starts);
  });
});
