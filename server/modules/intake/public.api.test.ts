import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildCategory, buildSignedInUser, buildUnit, uid, type Session } from '../../../test/factories/orgs.ts';
import { tickets } from '../../db/schema.ts';

// Monday 2 March 2026, 10:00 in Shanghai: a plain working day.
const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock });
const db = app.services.db;

/** 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let dispatcher: Session, handler: Session, callbackAgent: Session;
let unit: { id: number; name: string }, category: { id: number }, subCategory: { id: number }, leafCategory: { id: number };

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center', name: '12345热线中心' });
  unit = await buildUnit(db, { name: `市政设施管理处${uid()}` });
  category = await buildCategory(db, { name: `城市管理${uid()}` });
  subCategory = await buildCategory(db, { name: '市政设施', parentId: category.id, level: 2, pathName: '城市管理 / 市政设施' });
  leafCategory = await buildCategory(db, {
    name: '路灯不亮',
    parentId: subCategory.id,
    level: 3,
    pathName: '城市管理 / 市政设施 / 路灯不亮',
  });
  dispatcher = await buildSignedInUser(app, 'dispatcher', { unitId: center.id, displayName: `派单员${uid()}` });
  handler = await buildSignedInUser(app, 'handler', { unitId: unit.id, displayName: `承办人${uid()}` });
  callbackAgent = await buildSignedInUser(app, 'callback_agent', { unitId: center.id });
});

const newPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
let ipSeq = 0;
/** Each test speaks from its own address so the per-client rate limit of one does not leak into another. */
const newIp = () => `10.20.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

function multipart(fields: Record<string, string>, files: { filename: string; type: string; content: Buffer }[]) {
  const boundary = `----lianxin${uid()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function call(
  method: 'GET' | 'POST',
  url: string,
  opts: { payload?: unknown; headers?: Record<string, string>; ip?: string; session?: Session } = {},
) {
  const res = await app.inject({
    method,
    url,
    payload: opts.payload as any,
    remoteAddress: opts.ip ?? '10.20.255.1',
    headers: { ...(opts.session?.headers ?? {}), ...(opts.headers ?? {}) },
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

const staff = (session: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => call(method, url, { session, payload });

async function staffOk(session: Session, id: number, action: string, body: Record<string, unknown> = {}) {
  const res = await staff(session, 'POST', `/api/v1/tickets/${id}/${action}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** 查询进度: the proof goes in the body, never in the URL. */
const track = (proof: Record<string, unknown>, ip?: string) => call('POST', '/api/v1/public/requests/track', { payload: proof, ip });

async function submitJson(body: Record<string, unknown>, ip = newIp(), headers: Record<string, string> = {}) {
  return call('POST', '/api/v1/public/requests', { payload: body, ip, headers });
}

describe('public portal API', () => {
  it('takes a request with a photo, lets the citizen follow it to the official reply, and takes one rating', async () => {
    const ip = newIp();
    const phone = newPhone();
    const form = multipart(
      {
        type: 'help',
        content: '幸福路与和平街交叉口的路灯已经三天不亮了，晚上出行很不安全',
        phone,
        name: '王女士',
        address: '幸福路12号',
        categoryId: String(leafCategory.id),
      },
      [{ filename: '路灯.png', type: 'image/png', content: PNG }],
    );
    const submitted = await call('POST', '/api/v1/public/requests', { ...form, ip });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const { number, token } = submitted.body;
    expect(number).toMatch(/^20260302-\d{5}$/);
    expect(token).toEqual(expect.any(String));

    const last4 = phone.slice(-4);
    let tracked = await track({ number: number, phoneLast4: last4 }, ip);
    expect(tracked.status, JSON.stringify(tracked.body)).toBe(200);
    expect(tracked.body).toMatchObject({
      number,
      status: 'pending_dispatch',
      statusLabel: { zh: '待派单', en: 'Awaiting dispatch' },
      closedAt: null,
      reply: null,
      canRate: false,
      rating: null,
    });
    expect(tracked.body.timeline).toEqual([
      { action: 'create', label: { zh: '受理', en: 'Taken in' }, at: '2026-03-02T02:00:00.000Z', unitName: null },
    ]);

    // The hotline sees it like any other order, photo attached.
    const list = await staff(dispatcher, 'GET', `/api/v1/tickets?channel=web&categoryId=${leafCategory.id}&limit=200`);
    expect(list.status).toBe(200);
    const summary = list.body.items.find((t: any) => t.number === number);
    expect(summary).toMatchObject({
      channel: 'web',
      type: 'help',
      status: 'pending_dispatch',
      citizenPhone: `${phone.slice(0, 3)}****${last4}`,
    });
    const detail = (await staff(dispatcher, 'GET', `/api/v1/tickets/${summary.id}`)).body;
    expect(detail.attachments).toEqual([expect.objectContaining({ filename: '路灯.png', mimeType: 'image/png', sizeBytes: PNG.length })]);
    expect(detail.address).toBe('幸福路12号');
    const photo = await app.inject({ method: 'GET', url: `/api/v1/attachments/${detail.attachments[0].id}`, headers: dispatcher.headers });
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.equals(PNG)).toBe(true);

    const early = await call('POST', `/api/v1/public/requests/${number}/rating`, { ip, payload: { phoneLast4: last4, rating: 5 } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');

    await staffOk(dispatcher, summary.id, 'dispatch', { leadUnitId: unit.id, note: '内部派单说明：请尽快处理' });
    await staffOk(handler, summary.id, 'return', { reason: '内部退单理由：设施产权待核实' });
    await staffOk(dispatcher, summary.id, 'dispatch', { leadUnitId: unit.id });
    await staffOk(handler, summary.id, 'sign');
    await staffOk(dispatcher, summary.id, 'urge', { content: '内部催办：群众反映强烈' });
    const replyText = '经现场核查，路灯线路老化，已于3月3日更换线路并恢复照明。';
    await staffOk(handler, summary.id, 'reply', { content: replyText });
    await staffOk(dispatcher, summary.id, 'review', { decision: 'accept' });
    const closed = await staffOk(callbackAgent, summary.id, 'callback', { result: 'satisfied', isResolved: true });
    expect(closed.status).toBe('closed');

    tracked = await track({ number: number, phoneLast4: last4 }, ip);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({
      status: 'closed',
      statusLabel: { zh: '已办结', en: 'Closed' },
      canRate: true,
      rating: null,
      reply: { content: replyText, unitName: unit.name },
    });
    expect(tracked.body.closedAt).not.toBeNull();
    expect(tracked.body.timeline.map((t: any) => t.action)).toEqual([
      'create',
      'dispatch',
      'return',
      'dispatch',
      'sign',
      'reply',
      'review',
      'callback',
      'close',
    ]);
    expect(tracked.body.timeline[1].unitName).toBe(unit.name);
    const text = JSON.stringify(tracked.body);
    for (const secret of ['内部派单说明', '内部退单理由', '内部催办', '派单员', '承办人', 'actorName']) expect(text).not.toContain(secret);

    const rated = await call('POST', `/api/v1/public/requests/${number}/rating`, {
      ip,
      payload: { phoneLast4: last4, rating: 5, comment: '处理很及时' },
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body).toEqual({ number, rating: 5 });
    const again = await call('POST', `/api/v1/public/requests/${number}/rating`, { ip, payload: { phoneLast4: last4, rating: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');

    tracked = await track({ number: number, token: token }, ip);
    expect(tracked.body).toMatchObject({ rating: 5, canRate: false });
    expect(tracked.body.timeline.at(-1).action).toBe('rate');
    expect((await staff(dispatcher, 'GET', `/api/v1/tickets/${summary.id}`)).body.citizenRating).toBe(5);
  });

  it('answers 404 alike for a wrong phone, a wrong token and an unknown number', async () => {
    const phone = newPhone();
    const { body } = await submitJson({ content: '小区垃圾清运不及时，气味很大', phone });
    const wrongLast4 = phone.slice(-4) === '0000' ? '1111' : '0000';
    const wrong = await track({ number: body.number, phoneLast4: wrongLast4 });
    const wrongToken = await track({ number: body.number, token: 'not-the-token' });
    const unknown = await track({ number: '19990101-99999', phoneLast4: phone.slice(-4) });
    for (const res of [wrong, wrongToken, unknown]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: '工单不存在', message_en: 'Order not found' });
    }
    const rating = await call('POST', `/api/v1/public/requests/${body.number}/rating`, { payload: { phoneLast4: wrongLast4, rating: 3 } });
    expect(rating.status).toBe(404);
    const noProof = await track({ number: body.number });
    expect(noProof.status).toBe(400);
    expect(noProof.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('returns the first order for a retried submission with the same Idempotency-Key', async () => {
    const ip = newIp();
    const key = `portal-${uid()}-${uid()}`;
    const content = `重复提交测试：楼道灯不亮 ${uid()}`;
    const body = { content, phone: newPhone(), categoryId: leafCategory.id };
    const first = await submitJson(body, ip, { 'idempotency-key': key });
    const second = await submitJson(body, ip, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.content, content))).toHaveLength(1);
  });

  it('returns the first order for a retried multipart submission with photos', async () => {
    const ip = newIp();
    const key = `portal-${uid()}-${uid()}`;
    const content = `重复提交测试（带照片）${uid()}`;
    const phone = newPhone();
    const send = () => {
      const form = multipart({ content, phone }, [{ filename: 'a.png', type: 'image/png', content: PNG }]);
      return call('POST', '/api/v1/public/requests', { payload: form.payload, ip, headers: { ...form.headers, 'idempotency-key': key } });
    };
    const first = await send();
    const second = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.content, content))).toHaveLength(1);
  });

  it('refuses bad input with specific errors and creates nothing', async () => {
    const content = `校验测试 ${uid()}`;
    const noPhone = await submitJson({ content });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.code).toBe('VALIDATION_FAILED');
    const badPhone = await submitJson({ content, phone: '12345' });
    expect(badPhone.status).toBe(400);
    const unknownCategory = await submitJson({ content, phone: newPhone(), categoryId: 999_999_999 });
    expect(unknownCategory.status).toBe(422);
    expect(unknownCategory.body.error.code).toBe('UNKNOWN_REFERENCE');
    const pdf = multipart({ content, phone: newPhone() }, [
      { filename: 'x.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4\n') },
    ]);
    const notPhoto = await call('POST', '/api/v1/public/requests', { ...pdf, ip: newIp() });
    expect(notPhoto.status).toBe(415);
    expect(notPhoto.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const fake = multipart({ content, phone: newPhone() }, [{ filename: 'x.png', type: 'image/png', content: Buffer.from('not a png') }]);
    expect((await call('POST', '/api/v1/public/requests', { ...fake, ip: newIp() })).status).toBe(415);
    const missingContent = multipart({ phone: newPhone() }, []);
    const res = await call('POST', '/api/v1/public/requests', { ...missingContent, ip: newIp() });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'content' })]);
    expect(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.content, content))).toHaveLength(0);
  });

  it('rate-limits each client with the API error shape', async () => {
    const ip = newIp();
    const limit = app.services.config.PUBLIC_RATE_LIMIT;
    let last = { status: 0, body: null as any };
    for (let i = 0; i <= limit; i++) last = await track({ number: '19990101-00001', phoneLast4: '1234' }, ip);
    expect(last.status).toBe(429);
    expect(last.body).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.any(String), message_en: expect.any(String), details: null },
    });
    // Another client is not affected.
    expect((await track({ number: '19990101-00001', phoneLast4: '1234' }, newIp())).status).toBe(404);
  });

  it('stores the picked place and the portal language, and refuses half a point or one out of range', async () => {
    const content = `坐标测试：井盖缺失 ${uid()}`;
    const form = multipart({ content, phone: newPhone(), lng: '117.1301', lat: '36.2002', language: 'ko' }, []);
    const created = await call('POST', '/api/v1/public/requests', { ...form, ip: newIp() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [row] = await db
      .select({ lng: tickets.lng, lat: tickets.lat, language: tickets.language })
      .from(tickets)
      .where(eq(tickets.number, created.body.number));
    expect(row).toEqual({ lng: 117.1301, lat: 36.2002, language: 'ko' });
    const detail = await staff(dispatcher, 'GET', `/api/v1/tickets/by-number/${created.body.number}`);
    expect(detail.body).toMatchObject({ lng: 117.1301, lat: 36.2002, language: 'ko' });

    const json = await submitJson({ content: `${content} JSON`, phone: newPhone(), lng: 117.2, lat: 36.1 });
    expect(json.status).toBe(201);
    const [plain] = await db
      .select({ lng: tickets.lng, language: tickets.language })
      .from(tickets)
      .where(eq(tickets.number, json.body.number));
    expect(plain).toEqual({ lng: 117.2, language: 'zh' });

    for (const bad of [
      { lng: 117.2 },
      { lat: 36.1 },
      { lng: 181, lat: 36 },
      { lng: 117, lat: -91 },
      { lng: 'east', lat: 36 },
      { language: 'fr' },
    ]) {
      const res = await submitJson({ content: `${content} bad`, phone: newPhone(), ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(
      await db
        .select({ id: tickets.id })
        .from(tickets)
        .where(eq(tickets.content, `${content} bad`)),
    ).toHaveLength(0);
  });

  it('lists open reports near a point or of the category with public facts only', async () => {
    // A spot of its own far from other tests' points, so only this test's orders are near it.
    const spot = { lng: 100 + Math.random() * 10, lat: 20 + Math.random() * 10 };
    const phone = newPhone();
    const near = await submitJson({
      content: `路灯不亮，联系电话${phone}，附近 ${uid()}`,
      phone,
      name: '李先生',
      address: '和平街8号',
      ...spot,
      lat: spot.lat + 0.002,
    });
    const far = await submitJson({ content: `路灯不亮（远处）${uid()}`, phone: newPhone(), lng: spot.lng + 0.1, lat: spot.lat });
    const secret = await submitJson({ type: 'report', content: `举报（保密）${uid()}`, phone: newPhone(), isConfidential: true, ...spot });
    const closedOne = await submitJson({ content: `已处理的 ${uid()}`, phone: newPhone(), ...spot });
    await db.update(tickets).set({ status: 'closed' }).where(eq(tickets.number, closedOne.body.number));

    const res = await call('GET', `/api/v1/public/nearby?lng=${spot.lng}&lat=${spot.lat}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const numbers = res.body.items.map((i: any) => i.number);
    expect(numbers).toEqual([near.body.number]);
    const [item] = res.body.items;
    expect(Object.keys(item).sort()).toEqual(['createdAt', 'distanceMetres', 'isSameCategory', 'number', 'status', 'statusLabel', 'title']);
    expect(item.distanceMetres).toBeGreaterThan(200);
    expect(item.distanceMetres).toBeLessThan(240);
    expect(item.status).toBe('pending_dispatch');
    const text = JSON.stringify(res.body);
    for (const personal of [phone, '李先生', '和平街8号']) expect(text).not.toContain(personal);
    expect(numbers).not.toContain(far.body.number);
    expect(numbers).not.toContain(secret.body.number);

    // The same kind reaches further (5 km): a report 3 km away shows when the citizen has picked its category.
    const sameKindFar = await submitJson({
      content: `同类较远 ${uid()}`,
      phone: newPhone(),
      categoryId: leafCategory.id,
      lng: spot.lng,
      lat: spot.lat + 0.027,
    });
    expect((await call('GET', `/api/v1/public/nearby?lng=${spot.lng}&lat=${spot.lat}`)).body.items.map((i: any) => i.number)).not.toContain(
      sameKindFar.body.number,
    );
    const withKind = await call('GET', `/api/v1/public/nearby?lng=${spot.lng}&lat=${spot.lat}&categoryId=${category.id}`);
    // Nearest first; same-kind reports without a place (from other tests) come after those with one.
    expect(withKind.body.items.slice(0, 2).map((i: any) => i.number)).toEqual([near.body.number, sameKindFar.body.number]);
    expect(withKind.body.items.slice(2).every((i: any) => i.distanceMetres === null && i.isSameCategory)).toBe(true);
    expect(withKind.body.items[1]).toMatchObject({ isSameCategory: true, distanceMetres: expect.any(Number) });
    expect(withKind.body.items[1].distanceMetres).toBeGreaterThan(2900);

    const inCategory = await submitJson({ content: `同类诉求 ${uid()}`, phone: newPhone(), categoryId: leafCategory.id });
    const byCategory = await call('GET', `/api/v1/public/nearby?categoryId=${category.id}`);
    expect(byCategory.status).toBe(200);
    expect(byCategory.body.items).toContainEqual(
      expect.objectContaining({ number: inCategory.body.number, isSameCategory: true, distanceMetres: null }),
    );

    expect((await call('GET', `/api/v1/public/nearby?lng=${spot.lng}`)).status).toBe(400);
    expect((await call('GET', '/api/v1/public/nearby')).status).toBe(400);
    expect((await call('GET', '/api/v1/public/nearby?lng=200&lat=10')).status).toBe(400);
  });

  it("shows the photos of the accepted reply to the order's citizen only, and 办结 once the callback closes it", async () => {
    const ip = newIp();
    const phone = newPhone();
    const last4 = phone.slice(-4);
    const submitted = await submitJson({ content: `路面塌陷 ${uid()}`, phone, categoryId: leafCategory.id }, ip);
    const { number } = submitted.body;
    const [{ id }] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number));
    await staffOk(dispatcher, id, 'dispatch', { leadUnitId: unit.id });
    await staffOk(handler, id, 'sign');
    const upload = async (session: Session) => {
      const form = multipart({}, [{ filename: '现场.png', type: 'image/png', content: PNG }]);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/attachments',
        payload: form.payload,
        headers: { ...session.headers, ...form.headers },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const rejectedPhoto = await upload(handler);
    await staffOk(handler, id, 'reply', { content: '第一次答复', attachmentIds: [rejectedPhoto] });
    await staffOk(dispatcher, id, 'review', { decision: 'reject', note: '照片不清楚' });
    let tracked = await track({ number, phoneLast4: last4 }, ip);
    expect(tracked.body.replyPhotos).toEqual([]);
    const hidden = await call('POST', '/api/v1/public/requests/reply-photo', {
      ip,
      payload: { number, phoneLast4: last4, attachmentId: rejectedPhoto },
    });
    expect(hidden.status).toBe(404);

    const acceptedPhoto = await upload(handler);
    await staffOk(handler, id, 'reply', { content: '已修复路面', attachmentIds: [acceptedPhoto] });
    await staffOk(dispatcher, id, 'review', { decision: 'accept' });
    await staffOk(callbackAgent, id, 'callback', { result: 'satisfied', isResolved: true });
    tracked = await track({ number, phoneLast4: last4 }, ip);
    expect(tracked.body.replyPhotos).toEqual([{ id: acceptedPhoto, filename: '现场.png' }]);
    expect(tracked.body.timeline.slice(-2).map((t: any) => [t.action, t.label.zh])).toEqual([
      ['callback', '回访'],
      ['close', '办结'],
    ]);

    const photo = await app.inject({
      method: 'POST',
      url: '/api/v1/public/requests/reply-photo',
      remoteAddress: ip,
      payload: { number, phoneLast4: last4, attachmentId: acceptedPhoto },
    });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    const wrongLast4 = last4 === '0000' ? '1111' : '0000';
    expect(
      (
        await call('POST', '/api/v1/public/requests/reply-photo', {
          ip,
          payload: { number, phoneLast4: wrongLast4, attachmentId: acceptedPhoto },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call('POST', '/api/v1/public/requests/reply-photo', {
          ip,
          payload: { number, phoneLast4: last4, attachmentId: rejectedPhoto },
        })
      ).status,
    ).toBe(404);
  });

  it('lists the first two category levels for the portal form without signing in', async () => {
    const res = await call('GET', '/api/v1/public/categories');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((c: any) => c.id);
    expect(ids).toContain(category.id);
    expect(ids).toContain(subCategory.id);
    expect(ids).not.toContain(leafCategory.id);
  });
});
