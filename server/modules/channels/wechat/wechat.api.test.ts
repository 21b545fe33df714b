/** The WeChat endpoint with fixtures built by the published protocol, and a local server standing in for WeChat's API. */
import { randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { setupApp } from '../../../../test/app.ts';
import { buildSignedInUser } from '../../../../test/factories/orgs.ts';
import { buildCitizen, insertTicketRow, randomMobile } from '../../../../test/factories/citizens.ts';
import { channelMessages, citizenChannelAddresses, citizens, outbox, writtenContacts } from '../../../db/schema.ts';
import { runDueJobs } from '../../../jobs/runner.ts';
import { sendChannelMessage } from '../../../jobs/send-channel-message.ts';
import { aesKeyOf, decryptMessage, encryptMessage, wechatSignature } from './wechat.crypto.ts';
import { parseWechatXml } from './wechat.xml.ts';
import { ticketEventProblems } from '../../../../common/ticket-events.ts';

const TOKEN = 'lianxin-token';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP_ID = 'wxb11529c136998cb6';
const key = aesKeyOf(AES_KEY);

// WeChat's API, played by a local server: it hands out a token and records what it is asked to send.
const sentToWechat: { path: string; body: any }[] = [];
const api = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    const url = new URL(req.url!, 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/cgi-bin/token') return res.end(JSON.stringify({ access_token: 'ACCESS-1', expires_in: 7200 }));
    if (url.searchParams.get('access_token') !== 'ACCESS-1')
      return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
    sentToWechat.push({ path: url.pathname, body: JSON.parse(body) });
    res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: 1000 + sentToWechat.length }));
  });
});
await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

const { app } = await setupApp({
  // its own database: other files' job loops would send this file's queued messages through their gateways
  isolated: true,
  env: {
    WECHAT_TOKEN: TOKEN,
    WECHAT_APP_ID: APP_ID,
    WECHAT_APP_SECRET: 'secret',
    WECHAT_AES_KEY: AES_KEY,
    WECHAT_TEMPLATE_ID: 'TPL-ORDER',
    WECHAT_API_BASE_URL: `http://127.0.0.1:${(api.address() as { port: number }).port}`,
    NOTICE_QUIET_HOURS: '',
  },
});
const db = app.services.db;

let n = 0;
const openId = () => `oLianxin${Date.now().toString(36)}${++n}`;
const signedQuery = (extra = '') => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `n${++n}`;
  return { timestamp, nonce, query: `signature=${wechatSignature(TOKEN, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}${extra}` };
};
/** 安全模式: a signed query for an encrypted message, with the msg_signature over its ciphertext. */
const safeModeQuery = (encrypt: string) => {
  const { timestamp, nonce, query } = signedQuery();
  return `${query}&encrypt_type=aes&msg_signature=${wechatSignature(TOKEN, timestamp, nonce, encrypt)}`;
};
const textXml = (from: string, msgId: string, content: string) =>
  `<xml><ToUserName><![CDATA[gh_12345]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>` +
  `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;
const post = (query: string, payload: string) =>
  app.inject({ method: 'POST', url: `/api/v1/channels/wechat?${query}`, headers: { 'content-type': 'text/xml' }, payload });
const contactsOf = (address: string) => db.select().from(writtenContacts).where(eq(writtenContacts.address, address));
/** An order number in the real form (a follow-up names it so), far in the future so that it meets no real order. */
const orderNumber = () =>
  `2099${String(1 + (++n % 12)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}-${String(randomInt(0, 100_000)).padStart(5, '0')}`;
const linksOf = (address: string) => db.select().from(citizenChannelAddresses).where(eq(citizenChannelAddresses.address, address));
/** An agent confirms on the queue that the sender is the citizen whose number the message gives (确认为该市民). */
const confirmCitizen = async (contactId: number, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: `/api/v1/contacts/${contactId}/confirm-citizen`, headers });

describe('WeChat official account endpoint', () => {
  it('answers URL verification with echostr only for the right signature, and logs a forged one', async () => {
    const { query } = signedQuery('&echostr=hello-wechat');
    const ok = await app.inject({ method: 'GET', url: `/api/v1/channels/wechat?${query}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('hello-wechat');
    const forged = await app.inject({
      method: 'GET',
      url: `/api/v1/channels/wechat?signature=${'0'.repeat(40)}&timestamp=1&nonce=2&echostr=hello`,
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: '微信签名校验失败' });
  });

  it('takes a plain text message as one contact and acknowledges it in the passive reply, also when WeChat retries', async () => {
    const user = openId();
    const xml = textXml(user, `9${Date.now()}`, '我家门口的路灯坏了');
    const first = await post(signedQuery().query, xml);
    expect(first.statusCode).toBe(200);
    const reply = parseWechatXml(first.body);
    const [contact] = await contactsOf(user);
    expect(reply).toMatchObject({ ToUserName: user, FromUserName: 'gh_12345', MsgType: 'text' });
    expect(reply.Content).toContain(`C${contact.id}`);
    const again = await post(signedQuery().query, xml);
    expect(parseWechatXml(again.body).Content).toBe(reply.Content);
    expect(await contactsOf(user)).toHaveLength(1);
    expect(contact).toMatchObject({ channel: 'wechat', content: '我家门口的路灯坏了', status: 'waiting' });
    expect(await db.select().from(channelMessages).where(eq(channelMessages.contactId, contact.id))).toEqual([
      expect.objectContaining({ kind: 'acknowledgement', status: 'sent', externalId: 'passive-reply' }),
    ]);
  });

  it('decrypts a safe-mode message and encrypts the passive reply; a forged msg_signature is refused and nothing stored', async () => {
    const user = openId();
    const encrypt = encryptMessage(key, APP_ID, textXml(user, `8${Date.now()}`, '咨询社保卡补办，电话 13912345678'));
    const envelope = `<xml><ToUserName><![CDATA[gh_12345]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
    const forged = signedQuery(`&encrypt_type=aes&msg_signature=${'a'.repeat(40)}`);
    expect((await post(forged.query, envelope)).statusCode).toBe(401);
    expect(await contactsOf(user)).toHaveLength(0);

    const res = await post(safeModeQuery(encrypt), envelope);
    expect(res.statusCode).toBe(200);
    const outer = parseWechatXml(res.body);
    expect(outer.MsgSignature).toBe(wechatSignature(TOKEN, outer.TimeStamp, outer.Nonce, outer.Encrypt));
    const inner = parseWechatXml(decryptMessage(key, APP_ID, outer.Encrypt));
    expect(inner.Content).toContain('您的留言已收到');

    // the number in the message is only a suggestion: the OpenID is not linked to anyone by it
    const [contact] = await contactsOf(user);
    expect(contact).toMatchObject({ citizenId: null, suggestedPhone: '13912345678' });
    expect(await linksOf(user)).toEqual([]);
  });

  it('refuses an unreadable safe-mode body with a reason', async () => {
    const encrypt = 'not-base64-ciphertext';
    const res = await post(safeModeQuery(encrypt), `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('微信消息无法解析');
  });

  it('turns image, voice and location messages into contacts an agent can read', async () => {
    const user = openId();
    const base = (type: string, body: string, id: string) =>
      `<xml><ToUserName>gh_12345</ToUserName><FromUserName>${user}</FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType>${type}</MsgType>${body}<MsgId>${id}</MsgId></xml>`;
    await post(signedQuery().query, base('image', '<PicUrl>http://example.invalid/p.jpg</PicUrl><MediaId>M1</MediaId>', `7${Date.now()}1`));
    await post(
      signedQuery().query,
      base('voice', '<MediaId>M2</MediaId><Format>amr</Format><Recognition>井盖丢了</Recognition>', `7${Date.now()}2`),
    );
    await post(
      signedQuery().query,
      base(
        'location',
        '<Location_X>36.0671</Location_X><Location_Y>120.3826</Location_Y><Scale>15</Scale><Label>青岛市市南区</Label>',
        `7${Date.now()}3`,
      ),
    );
    const event = await post(
      signedQuery().query,
      `<xml><ToUserName>gh_12345</ToUserName><FromUserName>${user}</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>subscribe</Event></xml>`,
    );
    expect(event.body).toBe('success');
    const rows = (await contactsOf(user)).sort((a, b) => a.id - b.id);
    expect(rows.map((r) => r.content)).toEqual(['[图片]', '[语音] 井盖丢了', '[位置] 青岛市市南区 (36.0671, 120.3826)']);
    expect(rows[2].meta).toMatchObject({ msgType: 'location', lat: 36.0671, lng: 120.3826 });
  });

  it("sends an agent's reply as a customer-service message and an order notice as a template message", async () => {
    const agent = await buildSignedInUser(app, 'agent');
    const user = openId();
    const phone = randomMobile();
    await post(signedQuery().query, textXml(user, `6${Date.now()}`, `请帮忙查询，我的手机 ${phone}`));
    const [unconfirmed] = await contactsOf(user);
    expect((await confirmCitizen(unconfirmed.id, agent.headers)).statusCode).toBe(200);
    const [contact] = await contactsOf(user);
    await app.inject({
      method: 'POST',
      url: `/api/v1/contacts/${contact.id}/reply`,
      headers: agent.headers,
      payload: { body: '您好，已为您查询。' },
    });

    await app.inject({
      method: 'PUT',
      url: `/api/v1/citizens/${contact.citizenId}/notice-settings`,
      headers: agent.headers,
      payload: { preferredChannel: 'wechat', isOptedOut: false },
    });
    const ticket = await insertTicketRow(db, { citizenId: contact.citizenId!, channel: 'phone' });
    expect(await app.services.contacts.notifyCitizen(ticket.id, 'notice_completed')).toMatchObject({ channel: 'wechat', status: 'queued' });

    await runDueJobs(app.services, [sendChannelMessage], { batchSize: 100 });
    expect(sentToWechat).toEqual(
      expect.arrayContaining([
        { path: '/cgi-bin/message/custom/send', body: { touser: user, msgtype: 'text', text: { content: '您好，已为您查询。' } } },
        {
          path: '/cgi-bin/message/template/send',
          body: expect.objectContaining({
            touser: user,
            template_id: 'TPL-ORDER',
            data: { content: { value: expect.stringContaining(ticket.number) } },
          }),
        },
      ]),
    );
    const onOrder = await db.select().from(channelMessages).where(eq(channelMessages.ticketId, ticket.id));
    expect(onOrder).toEqual([expect.objectContaining({ status: 'sent', externalId: expect.stringMatching(/^\d+$/) })]);
  });

  it('attaches a message from the same OpenID naming its order to that order, answering so in the passive reply; another OpenID only notes the number', async () => {
    const agent = await buildSignedInUser(app, 'agent');
    const user = openId();
    const someoneElse = openId();
    await post(signedQuery().query, textXml(user, `8${Date.now()}1`, '公园的健身器材坏了'));
    const [first] = await contactsOf(user);
    const { ticketId, number } = (
      await app.inject({ method: 'POST', url: `/api/v1/contacts/${first.id}/ticket`, headers: agent.headers, payload: { type: 'help' } })
    ).json();

    const res = await post(signedQuery().query, textXml(user, `8${Date.now()}2`, `工单号${number}，什么时候修？`));
    expect(parseWechatXml(res.body).Content).toContain(`已补充到工单 ${number}`);
    const followUp = (await contactsOf(user)).find((c) => c.id !== first.id)!;
    expect(followUp).toMatchObject({ status: 'attached', ticketId });
    expect(followUp.meta).toMatchObject({ followUp: { number, via: 'number' } });

    const other = await post(signedQuery().query, textXml(someoneElse, `8${Date.now()}3`, `工单号${number}，什么时候修？`));
    const [stranger] = await contactsOf(someoneElse);
    expect(parseWechatXml(other.body).Content).toContain(`C${stranger.id}`);
    expect(stranger).toMatchObject({ status: 'waiting', ticketId: null });
    expect(stranger.meta).toMatchObject({ mentionedNumbers: [number] });
    const events = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${ticketId}`, headers: agent.headers })).json().events;
    const followUps = events.filter((e: { action: string }) => e.action === 'follow_up');
    expect(followUps.map((e: { data: { contactId: number } }) => e.data.contactId)).toEqual([followUp.id]);
    expect(ticketEventProblems('follow_up', followUps[0].data)).toEqual([]);
    // integrations hear of it like of every other step (docs/events.md, outbox topics)
    const published = await db.select().from(outbox).where(eq(outbox.ticketId, ticketId));
    expect(published.filter((o) => o.topic === 'ticket.follow_up')).toHaveLength(1);
  });
  it("sends a Korean order's acceptance, survey and completion template messages in Korean", async () => {
    const user = openId();
    await post(signedQuery().query, textXml(user, `7${Date.now()}`, `제 전화번호는 ${randomMobile()}입니다`));
    const agent = await buildSignedInUser(app, 'agent');
    expect((await confirmCitizen((await contactsOf(user))[0].id, agent.headers)).statusCode).toBe(200);
    const [contact] = await contactsOf(user);
    const ticket = await insertTicketRow(db, { citizenId: contact.citizenId!, channel: 'wechat', language: 'ko' });
    for (const kind of ['notice_accepted', 'callback_survey', 'notice_completed'] as const) {
      expect(await app.services.contacts.notifyCitizen(ticket.id, kind)).toMatchObject({ channel: 'wechat', status: 'queued' });
    }
    await runDueJobs(app.services, [sendChannelMessage], { batchSize: 100 });
    const templates = sentToWechat
      .filter((m) => m.path === '/cgi-bin/message/template/send' && m.body.touser === user)
      .map((m) => m.body.data.content.value);
    // sent by concurrent job runs: in any order
    expect(templates).toHaveLength(3);
    expect(templates).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`민원이 접수되었습니다. 접수번호 ${ticket.number}`),
        expect.stringContaining('1 만족, 2 대체로 만족, 3 불만족'),
        expect.stringContaining(`민원 ${ticket.number}의 처리가 완료되었습니다`),
      ]),
    );
  });
});

describe('a phone number written in a message (security: it names a citizen, it does not prove the sender is them)', () => {
  it("a stranger who writes someone else's number is not linked to them: no notices about their orders, no follow-up on them, their name kept", async () => {
    const agent = await buildSignedInUser(app, 'agent');
    const victim = await buildCitizen(db, { phone: randomMobile(), name: '李梅' });
    const victimOrder = await insertTicketRow(db, { citizenId: victim.id, channel: 'wechat', number: orderNumber() });
    const stranger = openId();
    const res = await post(
      signedQuery().query,
      `<xml><ToUserName>gh_12345</ToUserName><FromUserName>${stranger}</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>` +
        `<Content>我是机主，电话${victim.phone}，工单号${victimOrder.number}办得怎么样了？</Content><MsgId>5${Date.now()}</MsgId></xml>`,
    );
    expect(res.statusCode).toBe(200);
    const [contact] = await contactsOf(stranger);
    // a suggestion for the agent, nothing more
    expect(contact).toMatchObject({ citizenId: null, suggestedPhone: victim.phone, status: 'waiting', ticketId: null });
    expect(contact.meta).toMatchObject({ mentionedNumbers: [victimOrder.number] });
    expect(await linksOf(stranger)).toEqual([]);
    const shown = (await app.inject({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, headers: agent.headers })).json();
    expect(shown).toMatchObject({
      citizenId: null,
      suggestedCitizen: { citizenId: victim.id, phone: `${victim.phone.slice(0, 3)}****${victim.phone.slice(-4)}` },
    });
    // the victim's record is untouched and their order got no follow-up
    expect((await db.select().from(citizens).where(eq(citizens.id, victim.id)))[0].name).toBe('李梅');
    const events = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${victimOrder.id}`, headers: agent.headers })).json().events;
    expect(events.filter((e: { action: string }) => e.action === 'follow_up')).toEqual([]);
    // a notice about the victim's order never goes to the stranger's OpenID
    const notice = await app.services.contacts.notifyCitizen(victimOrder.id, 'notice_completed');
    expect(notice).not.toMatchObject({ channel: 'wechat' });
    await runDueJobs(app.services, [sendChannelMessage], { batchSize: 100 });
    expect(sentToWechat.filter((m) => m.body.touser === stranger && JSON.stringify(m.body).includes(victimOrder.number))).toEqual([]);
    expect(await db.select().from(channelMessages).where(eq(channelMessages.address, stranger))).toEqual([
      expect.objectContaining({ kind: 'acknowledgement', ticketId: null, citizenId: null }),
    ]);
  });

  it("links the sender when an agent confirms it on the queue (audited); then the citizen's notices and follow-ups reach that OpenID", async () => {
    const agent = await buildSignedInUser(app, 'agent');
    const citizen = await buildCitizen(db, { phone: randomMobile(), name: '王强' });
    const order = await insertTicketRow(db, { citizenId: citizen.id, channel: 'wechat', number: orderNumber() });
    const user = openId();
    await post(signedQuery().query, textXml(user, `4${Date.now()}1`, `我的手机号${citizen.phone}，想问一下办理进度`));
    const [contact] = await contactsOf(user);
    expect(contact.citizenId).toBeNull();
    // before confirmation the order's notice cannot reach this OpenID
    expect(await app.services.contacts.notifyCitizen(order.id, 'notice_accepted')).not.toMatchObject({ channel: 'wechat' });

    const confirmed = await confirmCitizen(contact.id, agent.headers);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ id: contact.id, citizenId: citizen.id, suggestedCitizen: null });
    expect(await linksOf(user)).toEqual([expect.objectContaining({ channel: 'wechat', citizenId: citizen.id })]);
    const trail = await app.services.audit.findBySubject('written_contact', contact.id);
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'confirm_contact_citizen',
        actorUserId: agent.user.id,
        details: { citizenId: citizen.id, channel: 'wechat' },
      }),
    ]);

    expect(await app.services.contacts.notifyCitizen(order.id, 'notice_completed')).toMatchObject({ channel: 'wechat', status: 'queued' });
    await runDueJobs(app.services, [sendChannelMessage], { batchSize: 100 });
    expect(sentToWechat.filter((m) => m.body.touser === user && m.path === '/cgi-bin/message/template/send')).toHaveLength(1);
    const followUp = await post(signedQuery().query, textXml(user, `4${Date.now()}2`, `工单${order.number}请尽快处理`));
    expect(parseWechatXml(followUp.body).Content).toContain(`已补充到工单 ${order.number}`);
  });

  it('refuses to confirm a contact already linked, an SMS contact, one without a number, or by a role that may not: zh/en error, nothing changed', async () => {
    const agent = await buildSignedInUser(app, 'agent');
    const dispatcher = await buildSignedInUser(app, 'dispatcher');
    const user = openId();
    await post(signedQuery().query, textXml(user, `3${Date.now()}1`, `电话 ${randomMobile()}`));
    const [contact] = await contactsOf(user);

    const denied = await confirmCitizen(contact.id, dispatcher.headers);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: '无权执行此操作',
      message_en: 'You are not allowed to do this',
    });
    expect(await linksOf(user)).toEqual([]);

    expect((await confirmCitizen(contact.id, agent.headers)).statusCode).toBe(200);
    const again = await confirmCitizen(contact.id, agent.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'CONFLICT',
      message: '该书面诉求已关联市民',
      message_en: 'This contact is already linked to a citizen',
    });

    const phone = randomMobile();
    const sms = await app.services.contacts.receive({
      channel: 'sms',
      sourceId: `sms-${phone}`,
      address: phone,
      phone,
      content: `我朋友的电话 ${randomMobile()}`,
    });
    const smsRefused = await confirmCitizen(sms.contactId, agent.headers);
    expect(smsRefused.statusCode).toBe(409);
    expect(smsRefused.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: '短信的发送号码就是市民本人的号码，无需确认',
      message_en: "An SMS comes from the citizen's own number: there is nothing to confirm",
    });

    const quiet = openId();
    await post(signedQuery().query, textXml(quiet, `3${Date.now()}2`, '没有留电话'));
    const [noNumber] = await contactsOf(quiet);
    const none = await confirmCitizen(noNumber.id, agent.headers);
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({
      message: '留言中没有可确认的电话号码',
      message_en: 'The message gives no phone number to confirm',
    });
    expect(await linksOf(quiet)).toEqual([]);
    expect(await app.services.audit.findBySubject('written_contact', sms.contactId)).toEqual([]);
    expect(await app.services.audit.findBySubject('written_contact', noNumber.id)).toEqual([]);
    expect(await app.services.audit.findBySubject('written_contact', contact.id)).toHaveLength(1);
  });
});
