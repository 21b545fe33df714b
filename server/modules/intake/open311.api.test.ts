import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildCategory, buildSignedInUser, buildUnit, uid, type Session } from '../../../test/factories/orgs.ts';
import { tickets } from '../../db/schema.ts';

// Monday 2 March 2026, 10:00 in Shanghai.
const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock });
const db = app.services.db;
const JURISDICTION = app.services.config.JURISDICTION_ID;
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'request_update', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});

let apiKey: string;
let dispatcher: Session, handler: Session, callbackAgent: Session;
let unit: { id: number; name: string };
let group: { name: string; code: string }, lamp: { id: number; code: string; name: string }, pothole: { code: string };
let branch: { code: string };

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center', name: '12345热线中心' });
  unit = await buildUnit(db, { name: `市政设施管理处${uid()}` });
  const prefix = `O${uid()}`;
  group = await buildCategory(db, { code: prefix, name: `城市管理${uid()}` });
  branch = await buildCategory(db, {
    code: `${prefix}01`,
    name: '市政设施',
    parentId: (group as any).id,
    level: 2,
    pathName: `${group.name} / 市政设施`,
  });
  lamp = await buildCategory(db, {
    code: `${prefix}0101`,
    name: '路灯不亮',
    parentId: (branch as any).id,
    level: 3,
    pathName: `${group.name} / 市政设施 / 路灯不亮`,
  });
  pothole = await buildCategory(db, {
    code: `${prefix}0102`,
    name: '道路破损',
    parentId: (branch as any).id,
    level: 3,
    pathName: `${group.name} / 市政设施 / 道路破损`,
  });
  apiKey = (await app.services.auth.createApiKey({ name: `311 app ${uid()}`, role: 'agent' })).plainKey;
  dispatcher = await buildSignedInUser(app, 'dispatcher', { unitId: center.id });
  handler = await buildSignedInUser(app, 'handler', { unitId: unit.id });
  callbackAgent = await buildSignedInUser(app, 'callback_agent', { unitId: center.id });
});

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url, remoteAddress: '10.31.0.1' });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
}

async function post(format: 'json' | 'xml', fields: Record<string, string>) {
  const res = await app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    remoteAddress: '10.31.0.1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
}

const json = (res: { body: string }) => JSON.parse(res.body);

function report(overrides: Record<string, string> = {}) {
  return {
    api_key: apiKey,
    jurisdiction_id: JURISDICTION,
    service_code: lamp.code,
    lat: '31.2304',
    long: '121.4737',
    address_string: '幸福路12号',
    description: `路灯不亮已经三天，联系我13812345678 ${uid()}`,
    phone: '13812345678',
    first_name: '明',
    last_name: '李',
    email: 'li.ming@example.com',
    media_url: 'https://img.example.com/lamp.jpg',
    'attribute[urgency]': 'urgent',
    'attribute[address_detail]': '3号楼前',
    ...overrides,
  };
}

async function staffAct(session: Session, id: number, action: string, body: Record<string, unknown> = {}) {
  const res = await app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/${action}`, headers: session.headers, payload: body });
  expect(res.statusCode, res.body).toBe(200);
}

describe('Open311 GeoReport v2', () => {
  it('publishes discovery in JSON and XML', async () => {
    const j = await get('/open311/v2/discovery.json');
    expect(j.status).toBe(200);
    expect(j.type).toBe('application/json; charset=utf-8');
    expect(json(j).endpoints).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://localhost:80/open311/v2',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      }),
    ]);
    const x = await get('/open311/v2/discovery.xml');
    expect(x.type).toBe('text/xml; charset=utf-8');
    expect(x.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml.parse(x.body).discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists leaf categories as services and defines their attributes', async () => {
    const list = await get(`/open311/v2/services.json?jurisdiction_id=${JURISDICTION}`);
    expect(list.status, list.body.slice(0, 500)).toBe(200);
    const services = json(list);
    const mine = services.filter((s: any) => s.service_code.startsWith(group.code));
    expect(mine).toEqual([
      {
        service_code: lamp.code,
        service_name: '路灯不亮',
        description: `${group.name} / 市政设施 / 路灯不亮`,
        metadata: true,
        type: 'realtime',
        keywords: `${group.name}, 市政设施, 路灯不亮`,
        group: group.name,
      },
      expect.objectContaining({ service_code: pothole.code, group: group.name }),
    ]);
    const servicesXml = xml.parse((await get('/open311/v2/services.xml')).body);
    expect(servicesXml.services.service.find((s: any) => s.service_code === lamp.code)).toMatchObject({
      service_name: '路灯不亮',
      metadata: 'true',
      type: 'realtime',
      group: group.name,
    });

    const definition = json(await get(`/open311/v2/services/${lamp.code}.json`));
    expect(definition.service_code).toBe(lamp.code);
    expect(definition.attributes.map((a: any) => [a.code, a.datatype, a.required, a.order])).toEqual([
      ['urgency', 'singlevaluelist', false, 1],
      ['request_type', 'singlevaluelist', false, 2],
      ['address_detail', 'string', false, 3],
    ]);
    expect(definition.attributes[0]).toMatchObject({
      variable: true,
      datatype_description: null,
      values: [
        { key: 'normal', name: '一般' },
        { key: 'urgent', name: '紧急' },
      ],
    });
    const definitionXml = xml.parse((await get(`/open311/v2/services/${lamp.code}.xml`)).body);
    expect(definitionXml.service_definition.attributes.attribute[0]).toMatchObject({ code: 'urgency', variable: 'true', order: '1' });
    expect(definitionXml.service_definition.attributes.attribute[0].values.value[1]).toEqual({ key: 'urgent', name: '紧急' });
  });

  it('files a form-encoded request and serves it back in JSON and XML', async () => {
    const fields = report();
    const created = await post('json', fields);
    expect(created.status, created.body).toBe(200);
    const [receipt] = json(created);
    expect(receipt).toEqual({
      service_request_id: expect.stringMatching(/^20260302-\d{5}$/),
      service_notice: expect.any(String),
      account_id: null,
    });
    const id = receipt.service_request_id;

    const ticket = (await app.inject({ method: 'GET', url: `/api/v1/tickets/by-number/${id}`, headers: dispatcher.headers })).json();
    expect(ticket).toMatchObject({
      channel: 'open311',
      type: 'help',
      urgency: 'urgent',
      categoryId: lamp.id,
      address: '幸福路12号 3号楼前',
      lat: 31.2304,
      lng: 121.4737,
    });
    expect(ticket.citizen).toMatchObject({ name: '李明', phone: '138****5678' });

    const single = await get(`/open311/v2/requests/${id}.json`);
    expect(single.status).toBe(200);
    const [request] = json(single);
    expect(request).toEqual({
      service_request_id: id,
      status: 'open',
      status_notes: '待派单',
      service_name: '路灯不亮',
      service_code: lamp.code,
      description: expect.stringContaining('138****5678'),
      agency_responsible: null,
      service_notice: null,
      requested_datetime: '2026-03-02T10:00:00+08:00',
      updated_datetime: '2026-03-02T10:00:00+08:00',
      expected_datetime: null,
      address: '幸福路12号 3号楼前',
      address_id: null,
      zipcode: null,
      lat: 31.2304,
      long: 121.4737,
      media_url: 'https://img.example.com/lamp.jpg',
    });
    expect(request.description).not.toContain('13812345678');

    const singleXml = await get(`/open311/v2/requests/${id}.xml`);
    expect(singleXml.type).toBe('text/xml; charset=utf-8');
    const parsed = xml.parse(singleXml.body).service_requests.request;
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: lamp.code, zipcode: '', lat: '31.2304' });

    const viaXml = await post(
      'xml',
      report({ service_code: pothole.code, 'attribute[urgency]': 'normal', 'attribute[request_type]': 'complaint' }),
    );
    expect(viaXml.status, viaXml.body).toBe(200);
    const xmlReceipt = xml.parse(viaXml.body).service_requests.request;
    expect(xmlReceipt).toEqual([
      { service_request_id: expect.stringMatching(/^20260302-\d{5}$/), service_notice: expect.any(String), account_id: '' },
    ]);
    const second = (
      await app.inject({ method: 'GET', url: `/api/v1/tickets/by-number/${xmlReceipt[0].service_request_id}`, headers: dispatcher.headers })
    ).json();
    expect(second).toMatchObject({ type: 'complaint', urgency: 'normal' });

    // Filters: several ids at once; by service code and status; tokens.
    const both = json(await get(`/open311/v2/requests.json?service_request_id=${id},${xmlReceipt[0].service_request_id}`));
    expect(both.map((r: any) => r.service_request_id).sort()).toEqual([id, xmlReceipt[0].service_request_id].sort());
    const lampOpen = json(await get(`/open311/v2/requests.json?service_code=${lamp.code}&status=open`));
    expect(lampOpen.map((r: any) => r.service_request_id)).toContain(id);
    expect(lampOpen.every((r: any) => r.service_code === lamp.code && r.status === 'open')).toBe(true);
    expect(
      json(await get(`/open311/v2/requests.json?service_code=${lamp.code}&status=closed`)).map((r: any) => r.service_request_id),
    ).not.toContain(id);
    const windowed = json(
      await get(
        `/open311/v2/requests.json?service_code=${lamp.code},${pothole.code}&start_date=2026-03-02T09:00:00%2B08:00&end_date=2026-03-02T11:00:00%2B08:00`,
      ),
    );
    expect(windowed.length).toBeGreaterThanOrEqual(2);
    expect(json(await get(`/open311/v2/requests.json?service_code=${lamp.code}&start_date=2026-03-03T00:00:00Z`))).toEqual([]);
    const listXml = xml.parse((await get(`/open311/v2/requests.xml?service_code=${lamp.code}`)).body);
    expect(listXml.service_requests.request.map((r: any) => r.service_request_id)).toContain(id);

    const [{ publicToken }] = await db.select({ publicToken: tickets.publicToken }).from(tickets).where(eq(tickets.number, id));
    expect(json(await get(`/open311/v2/tokens/${publicToken}.json`))).toEqual([{ service_request_id: id, token: publicToken }]);
    expect(xml.parse((await get(`/open311/v2/tokens/${publicToken}.xml`)).body).service_requests.request).toEqual([
      { service_request_id: id, token: publicToken },
    ]);
  });

  it('follows a request to closure through service request updates', async () => {
    const [{ service_request_id: id }] = json(await post('json', report({ description: `井盖旁路灯不亮 ${uid()}` })));
    const ticket = (await app.inject({ method: 'GET', url: `/api/v1/tickets/by-number/${id}`, headers: dispatcher.headers })).json();
    clock.advance(60_000);
    await staffAct(dispatcher, ticket.id, 'dispatch', { leadUnitId: unit.id, note: '内部说明' });
    await staffAct(handler, ticket.id, 'sign');
    await staffAct(dispatcher, ticket.id, 'urge', { content: '内部催办' });
    const answer = '已更换路灯灯具，恢复照明。如有问题请致电010-62345678。';
    await staffAct(handler, ticket.id, 'reply', { content: '第一次答复' });
    await staffAct(dispatcher, ticket.id, 'review', { decision: 'reject', note: '答复不完整' });
    await staffAct(handler, ticket.id, 'reply', { content: answer });
    await staffAct(dispatcher, ticket.id, 'review', { decision: 'accept' });
    clock.advance(60_000);
    await staffAct(callbackAgent, ticket.id, 'callback', { result: 'satisfied', isResolved: true });
    clock.advance(-120_000);

    const [closed] = json(await get(`/open311/v2/requests/${id}.json`));
    expect(closed).toMatchObject({
      status: 'closed',
      agency_responsible: unit.name,
      status_notes: expect.stringContaining('已更换路灯灯具'),
    });
    expect(closed.status_notes).not.toContain('62345678');
    expect(closed.expected_datetime).toMatch(/\+08:00$/);

    const window = 'start_date=2026-03-02T00:00:00%2B08:00&end_date=2026-03-02T23:59:59%2B08:00';
    const updates = json(await get(`/open311/v2/servicerequestupdates.json?${window}`)).filter((u: any) => u.service_request_id === id);
    expect(updates.map((u: any) => u.status)).toEqual(['open', 'open', 'open', 'open', 'open', 'closed']);
    expect(updates.map((u: any) => u.description)).toEqual([
      `派单（${unit.name}）`,
      `签收（${unit.name}）`,
      `答复（${unit.name}）`,
      `答复（${unit.name}）`,
      `办理结果（${unit.name}）：已更换路灯灯具，恢复照明。如有问题请致电010-******78。`,
      '回访：满意',
    ]);
    for (const u of updates) {
      expect(u).toEqual({
        update_id: expect.stringMatching(/^\d+$/),
        service_request_id: id,
        status: expect.any(String),
        updated_datetime: expect.stringMatching(/^2026-03-02T10:0\d:00\+08:00$/),
        description: expect.any(String),
        media_url: null,
      });
    }
    expect(JSON.stringify(updates)).not.toMatch(/内部|第一次答复|答复不完整/);
    const updatesXml = xml.parse((await get(`/open311/v2/servicerequestupdates.xml?${window}`)).body);
    const mineXml = updatesXml.service_request_updates.request_update.filter((u: any) => u.service_request_id === id);
    expect(mineXml.map((u: any) => u.update_id)).toEqual(updates.map((u: any) => u.update_id));
    expect(mineXml.at(-1)).toMatchObject({ status: 'closed', media_url: '' });
  });

  it('takes the key from an Authorization header too, and an Idempotency-Key makes a retry return the first request', async () => {
    const { api_key: _, ...fields } = report();
    const key = `o311-${uid()}-${uid()}`;
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        remoteAddress: '10.31.0.2',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${apiKey}`, 'idempotency-key': key },
        payload: new URLSearchParams(fields).toString(),
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()[0].service_request_id).toBe(first.json()[0].service_request_id);
    expect(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.content, fields.description))).toHaveLength(1);
  });

  it('never publishes confidential orders', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: dispatcher.headers,
      payload: {
        channel: 'phone',
        type: 'report',
        content: `举报：路灯被私接电线 ${uid()}`,
        categoryId: lamp.id,
        isConfidential: true,
        citizen: { phone: '13912340000' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const number = res.json().number;
    expect((await get(`/open311/v2/requests/${number}.json`)).status).toBe(404);
    expect(json(await get(`/open311/v2/requests.json?service_code=${lamp.code}`)).map((r: any) => r.service_request_id)).not.toContain(
      number,
    );
  });

  describe('errors', () => {
    const expectErrors = (res: { status: number; body: string; type: string }, status: number, format: 'json' | 'xml') => {
      expect(res.status, res.body).toBe(status);
      if (format === 'json') {
        const body = JSON.parse(res.body);
        expect(body).toEqual([{ code: status, description: expect.any(String) }]);
      } else {
        expect(res.type).toBe('text/xml; charset=utf-8');
        const errors = xml.parse(res.body).errors.error;
        expect(errors).toEqual([{ code: String(status), description: expect.any(String) }]);
      }
    };

    it('answers 403 without a valid api_key on POST', async () => {
      const { api_key: _, ...withoutKey } = report();
      expectErrors(await post('json', withoutKey), 403, 'json');
      expectErrors(await post('xml', withoutKey), 403, 'xml');
      expectErrors(await post('json', report({ api_key: 'lx_not-a-key' })), 403, 'json');
    });

    it('answers 400 for bad input on POST', async () => {
      expectErrors(await post('json', report({ service_code: 'NOPE' })), 400, 'json');
      expectErrors(await post('xml', report({ service_code: 'NOPE' })), 400, 'xml');
      expectErrors(await post('json', report({ service_code: '' })), 400, 'json');
      expectErrors(await post('json', report({ lat: '', long: '', address_string: '' })), 400, 'json');
      expectErrors(await post('json', report({ long: '' })), 400, 'json');
      expectErrors(await post('json', report({ jurisdiction_id: 'elsewhere.example' })), 400, 'json');
      expectErrors(await post('json', report({ 'attribute[urgency]': 'asap' })), 400, 'json');
      expectErrors(await post('json', report({ lat: '123' })), 400, 'json');
      expectErrors(await post('json', report({ phone: '12345' })), 400, 'json');
      expectErrors(await post('json', report({ description: 'x'.repeat(4001) })), 400, 'json');
    });

    it('answers 404 for what does not exist and 400 for bad filters', async () => {
      expectErrors(await get('/open311/v2/requests/19990101-99999.json'), 404, 'json');
      expectErrors(await get('/open311/v2/requests/19990101-99999.xml'), 404, 'xml');
      expectErrors(await get('/open311/v2/services/NOPE.json'), 404, 'json');
      expectErrors(await get('/open311/v2/tokens/nope.xml'), 404, 'xml');
      expectErrors(await get('/open311/v2/services.json?jurisdiction_id=elsewhere.example'), 404, 'json');
      expectErrors(await get('/open311/v2/no-such-method.json'), 404, 'json');
      expectErrors(await get('/open311/v2/requests.html'), 404, 'xml');
      expectErrors(await get('/open311/v2/requests.json?start_date=yesterday'), 400, 'json');
      expectErrors(await get('/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'), 400, 'json');
      expectErrors(await get('/open311/v2/requests.xml?status=pending'), 400, 'xml');
      expectErrors(await get('/open311/v2/servicerequestupdates.json?end_date=nope'), 400, 'json');
    });
  });

  it('documents its routes in the OpenAPI description', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/open311/v2/requests.json',
        '/open311/v2/servicerequestupdates.xml',
        '/api/v1/public/requests',
        '/api/v1/public/requests/track',
        '/api/v1/public/nearby',
      ]),
    );
  });
});
