import { afterAll, describe, expect, it } from 'vitest';
import { isPostgres, setupApp, TEST_DATABASE_URL } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildCategory, buildRegion, buildSignedInUser, buildUnit, uid } from '../../../test/factories/orgs.ts';
import { openSse, type SseEvent, type SseStream } from './live.sse-client.ts';

// On PostgreSQL the app runs in server mode: events also travel through NOTIFY, payload included.
const { app } = await setupApp({ env: isPostgres ? { DATABASE_URL: TEST_DATABASE_URL } : {} });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const streams: SseStream[] = [];
afterAll(() => streams.forEach((s) => s.close()));

async function stream(headers: Record<string, string>) {
  const s = await openSse(`${base}/api/v1/live`, headers);
  streams.push(s);
  await s.waitFor((e) => e.event === 'ready');
  return s;
}
const about = (ticketId: number, topic?: string) => (e: SseEvent) =>
  e.event === 'ticket' && JSON.parse(e.data).ticketId === ticketId && (!topic || JSON.parse(e.data).topic === topic);

const db = app.services.db;
const tag = uid();
const district = await buildRegion(db, { name: `望江${tag}区`, level: 'district' });
const category = await buildCategory(db, { name: `路灯不亮${tag}` });
const unit = await buildUnit(db, { name: `市政处${tag}` });
const otherUnit = await buildUnit(db);
const agent = await buildSignedInUser(app, 'agent');
const handlerOf = async (unitId: number) => stream((await buildSignedInUser(app, 'handler', { unitId })).headers);

async function intake(body: Record<string, unknown>) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: agent.headers,
    payload: { channel: 'phone', type: 'complaint', urgency: 'normal', categoryId: category.id, regionId: district.id, ...body } as never,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; number: string };
}

describe('live ticket events carry the order (number, title, category, region)', () => {
  it('names the order to the centre and to the unit it is dispatched to, without citizen data or content', async () => {
    const center = await stream((await buildSignedInUser(app, 'leader')).headers);
    const handler = await handlerOf(unit.id);
    const other = await handlerOf(otherUnit.id);
    const phone = randomMobile();
    const created = await intake({
      title: '望江路三盏路灯不亮',
      content: `望江路三盏路灯连续一周不亮，联系人张三 ${phone}，住址幸福小区5号楼。`,
      address: '幸福小区5号楼',
      citizen: { phone, name: '张三' },
      dispatch: { leadUnitId: unit.id },
    });

    const seenByCenter = JSON.parse((await center.waitFor(about(created.id, 'ticket.created'))).data);
    expect(seenByCenter.payload).toEqual({
      number: created.number,
      title: '望江路三盏路灯不亮',
      categoryName: category.name,
      regionName: district.name,
      urgency: 'normal',
      status: 'pending_sign',
      isConfidential: false,
    });
    const seenByUnit = JSON.parse((await handler.waitFor(about(created.id))).data);
    expect(seenByUnit.payload).toMatchObject({ number: created.number, title: '望江路三盏路灯不亮', regionName: district.name });
    for (const raw of [center, handler].flatMap((s) => s.events.filter(about(created.id)).map((e) => e.data))) {
      expect(raw).not.toContain(phone);
      expect(raw).not.toContain('张三');
      expect(raw).not.toContain('幸福小区');
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(other.events.some(about(created.id))).toBe(false);
  });

  it('masks long digit runs in a title made from the content', async () => {
    const center = await stream((await buildSignedInUser(app, 'dispatcher')).headers);
    const phone = randomMobile();
    const created = await intake({ content: `请回电${phone}，小区门口井盖缺失。`, citizen: { phone } });
    const { payload } = JSON.parse((await center.waitFor(about(created.id, 'ticket.created'))).data);
    expect(payload.title).not.toContain(phone);
    expect(payload.title).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  });

  it('keeps a confidential report’s title out of the stream (举报人保密)', async () => {
    const center = await stream((await buildSignedInUser(app, 'supervisor')).headers);
    const handler = await handlerOf(unit.id);
    const created = await intake({
      type: 'report',
      title: `举报${tag}单位违规收费`,
      content: '该单位工作人员违规收取费用。',
      isConfidential: true,
      citizen: { phone: randomMobile() },
      dispatch: { leadUnitId: unit.id },
    });
    for (const s of [center, handler]) {
      const { payload } = JSON.parse((await s.waitFor(about(created.id))).data);
      expect(payload).toMatchObject({ number: created.number, title: null, isConfidential: true, categoryName: category.name });
    }
    expect(
      handler.events
        .filter(about(created.id))
        .map((e) => e.data)
        .join(''),
    ).not.toContain('违规收费');
  });
});

describe('surge alerts on the live stream', () => {
  it('arrive as `alert` events for dispatchers, supervisors, leaders and admins only', async () => {
    const [supervisor, leader, admin, dispatcher] = await Promise.all(
      ['supervisor', 'leader', 'admin', 'dispatcher'].map(async (role) => stream((await buildSignedInUser(app, role as never)).headers)),
    );
    const agentStream = await stream(agent.headers);
    const callback = await stream((await buildSignedInUser(app, 'callback_agent')).headers);
    const handler = await handlerOf(unit.id);
    const marker = `alert-${tag}`;
    app.services.live.publish({ topic: 'alert.raised', unitIds: [], payload: { message: marker, level: 'critical' } });
    const isOurs = (e: SseEvent) => e.event === 'alert' && JSON.parse(e.data).payload?.message === marker;
    for (const s of [supervisor, leader, admin, dispatcher]) {
      expect(JSON.parse((await s.waitFor(isOurs)).data)).toMatchObject({ topic: 'alert.raised', payload: { level: 'critical' } });
    }
    await new Promise((r) => setTimeout(r, 200));
    for (const s of [agentStream, callback, handler]) expect(s.events.some((e) => e.data.includes(marker))).toBe(false);
    // and never under the ticket event name
    expect(supervisor.events.some((e) => e.event === 'ticket' && e.data.includes(marker))).toBe(false);
  });
});
