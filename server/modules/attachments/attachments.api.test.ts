/** The photos of an order and of its reply, as the desks show them (thumbnails load from GET /api/v1/attachments/:id). */
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildSignedInUser, buildUnit, uid, type Session } from '../../../test/factories/orgs.ts';

const { app } = await setupApp();
const db = app.services.db;
/** 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
let agent: Session, dispatcher: Session, holder: Session, stranger: Session;
let unitId: number;

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center' });
  const unit = await buildUnit(db, { name: '市城市管理局' });
  const other = await buildUnit(db, { name: '市教育局' });
  unitId = unit.id;
  agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
  dispatcher = await buildSignedInUser(app, 'dispatcher', { unitId: center.id });
  holder = await buildSignedInUser(app, 'handler', { unitId: unit.id });
  stranger = await buildSignedInUser(app, 'handler', { unitId: other.id });
});

async function upload(session: Session, filename: string) {
  const boundary = `----lianxin${uid()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    payload,
    headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

async function post(session: Session, url: string, payload: unknown) {
  const res = await app.inject({ method: 'POST', url, payload: payload as never, headers: session.headers });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

const download = (session: Session, id: number) => app.inject({ url: `/api/v1/attachments/${id}`, headers: session.headers });

describe('GET /api/v1/attachments/:id', () => {
  let photo: number, replyPhoto: number;

  beforeAll(async () => {
    photo = await upload(agent, '现场.png');
    let order = await post(agent, '/api/v1/tickets', {
      channel: 'phone',
      type: 'complaint',
      content: '人行道井盖缺失',
      citizen: { phone: randomMobile() },
      attachmentIds: [photo],
      dispatch: { leadUnitId: unitId },
    });
    order = await post(holder, `/api/v1/tickets/${order.id}/sign`, { version: order.version });
    replyPhoto = await upload(holder, '修复后.png');
    await post(holder, `/api/v1/tickets/${order.id}/reply`, {
      version: order.version,
      content: '已补装井盖。',
      attachmentIds: [replyPhoto],
    });
  });

  it("serves the citizen's photo to the unit holding the order and the reply's photo to the reviewer, as images", async () => {
    for (const [session, id] of [
      [holder, photo],
      [dispatcher, replyPhoto],
      [holder, replyPhoto],
    ] as const) {
      const res = await download(session, id);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.rawPayload.equals(PNG)).toBe(true);
    }
  });

  it('answers a unit the order never went to as if the photo were not there', async () => {
    expect((await download(stranger, photo)).statusCode).toBe(404);
    expect((await download(stranger, replyPhoto)).statusCode).toBe(404);
  });
});
