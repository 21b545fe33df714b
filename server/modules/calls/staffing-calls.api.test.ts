import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildSignedInUser, buildUser, uid } from '../../../test/factories/orgs.ts';
import { randomTestMonth } from '../../../test/factories/windows.ts';
import { addDays } from '../analytics/periods.ts';

const w = randomTestMonth();
const clock = testClock(w.at(20, '15:00'));
const { app } = await setupApp({ clock });
const db = app.services.db;
const admin = await buildSignedInUser(app, 'admin');
const agent = await buildUser(db, 'agent');
const tomorrow = addDays(w.day(20), 1);

// on each of the 8 same weekdays before tomorrow, 10 calls at 09:00–09:30: 7 answered after 10 s (200 s talk, 40 s wrap-up), 3 abandoned after 60 s
const calls = [];
for (let week = 1; week <= 8; week++) {
  const day = addDays(tomorrow, -7 * week);
  for (let i = 0; i < 10; i++) {
    const offered = new Date(`${day}T09:${String(i * 2).padStart(2, '0')}:00+08:00`).getTime();
    const isAnswered = i < 7;
    calls.push({
      externalId: `s${week}-${i}`,
      offeredAt: new Date(offered).toISOString(),
      answeredAt: isAnswered ? new Date(offered + 10_000).toISOString() : null,
      endedAt: new Date(offered + (isAnswered ? 210_000 : 60_000)).toISOString(),
      wrapUpSeconds: isAnswered ? 40 : 0,
      agentUserId: isAnswered ? agent.id : null,
    });
  }
}
const imported = await app.inject({
  method: 'POST',
  url: '/api/v1/calls/import',
  headers: admin.headers,
  payload: { source: `st-${uid()}`, calls },
});
if (imported.statusCode !== 200) throw new Error(imported.body);

const plan = async (query: string) => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/analytics/staffing?serviceLevel=0.8&targetSeconds=15&aht=240&days=1&${query}`,
    headers: admin.headers,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('staffing from call records', () => {
  it('forecasts calls offered and switches to Erlang A with the patience estimated from abandonment', async () => {
    const body = await plan('channel=phone');
    expect(body).toMatchObject({
      volumeSource: 'calls',
      model: 'erlang_a',
      patienceSource: 'estimated',
      patience: 83.3,
      calls: {
        offered: 80,
        answered: 56,
        abandoned: 24,
        answeredWithinTarget: 56,
        answerRate: 0.7,
        answer15sRate: 0.7,
        averageHandlingSeconds: 240,
        estimatedPatienceSeconds: 83.3,
      },
    });
    const [day] = body.days;
    expect(day.day).toBe(tomorrow);
    expect(day.volume).toBe(10);
    expect(day.slots.find((s: any) => s.start === '09:00').volume).toBe(10);
    expect(day.slots.find((s: any) => s.start === '09:00').required.agents).toBeGreaterThan(0);
  });

  it('keeps a patience given by the caller, and other channels on their orders', async () => {
    expect(await plan('channel=phone&patience=120')).toMatchObject({
      volumeSource: 'calls',
      patienceSource: 'input',
      patience: 120,
      model: 'erlang_a',
    });
    expect(await plan('channel=sms')).toMatchObject({ volumeSource: 'contacts', patienceSource: null, model: 'erlang_c', calls: null });
  });
});
