/**
 * Through the real SIP stack: Kamailio + rtpengine (user space) started here on free ports, SIPp as citizens,
 * agents' phones and the outside switch, and this Lianxin listening on a real port for Kamailio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { callRecords, telAgents, telCallbacks, telCalls } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { openTestDatabase } from '../../../test/app.ts';
import { buildSignedInUser, buildUser } from '../../../test/factories/orgs.ts';
import type { Database } from '../../db/client.ts';
import { type RunningStack } from './sip/stack.ts';
import { freePort } from '../../lib/ports.ts';
import { agentDial, answeringPhone, citizenCall, citizenRates, registerAgents, type SippRun } from './sip/sipp.ts';
import { ensurePrompts } from './sip/prompts.ts';
import { missingSipTestTools, prepareSipTestStack, type SipTestStack, until, within } from './sip/test-stack.ts';
import net from 'node:net';
import dgram from 'node:dgram';

const missing = missingSipTestTools();
const SECRET = 'test-telephony-secret-0123456789';

const actorOf = (user: { id: number; role: string; displayName: string }): Actor => ({
  kind: 'user',
  userId: user.id,
  apiKeyId: null,
  role: user.role as Actor['role'],
  unitId: null,
  displayName: user.displayName,
  ip: null,
});
const uniquePhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe.skipIf(missing)('Telephony through Kamailio and rtpengine', () => {
  let database: Database;
  let app: App;
  let stack: RunningStack;
  let sipStack: SipTestStack;
  let appPort: number;
  let outsidePort: number;
  let fallbackPort: number;
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-tel-'));
  const phones: SippRun[] = [];

  const config = () =>
    loadConfig({
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      DATA_DIR: path.join(runDir, 'data'),
      ...sipStack.env,
      TELEPHONY_RATING_SECONDS: '12',
      TELEPHONY_WRAP_UP_SECONDS: '1',
      TELEPHONY_OUTSIDE_GATEWAY: `sip:{number}@127.0.0.1:${outsidePort}`,
      TELEPHONY_OUTSIDE_NUMBERS: '110=公安,119=消防',
    });
  async function startApp() {
    app = await buildApp({ config: config(), database });
    await app.listen({ port: appPort, host: '127.0.0.1' });
  }

  beforeAll(async () => {
    // Speech synthesis for the prompts runs beside the database's start; made once per machine (the app reuses the files).
    const prompts = ensurePrompts(path.join(os.tmpdir(), 'lianxin-test-prompts'));
    database = await openTestDatabase({ isolated: true });
    appPort = await freePort();
    outsidePort = await freePort();
    fallbackPort = await freePort();
    sipStack = await prepareSipTestStack({
      secret: SECRET,
      runDir,
      dataDir: path.join(runDir, 'data'),
      // a loaded shared CI machine
      overrides: { ringSeconds: 5, routeTimeoutSeconds: 3, fallbackUri: `sip:fallback@127.0.0.1:${fallbackPort}` },
    });
    const cached = await prompts;
    fs.mkdirSync(path.join(runDir, 'data', 'telephony', 'prompts'), { recursive: true });
    for (const file of Object.values(cached)) {
      for (const f of [file, file.replace(/\.wav$/, '.sha1')])
        fs.copyFileSync(f, path.join(runDir, 'data', 'telephony', 'prompts', path.basename(f)));
    }
    await startApp();
    stack = await sipStack.start(`http://127.0.0.1:${appPort}`);
  }, 240_000); // a database, two daemons and speech synthesis on a shared, loaded machine
  afterAll(async () => {
    for (const p of phones) await p.stop();
    await sipStack?.stop();
    await app?.close();
    await database?.close();
  });

  interface TestAgent {
    user: { id: number };
    actor: Actor;
    extension: string;
    uas: SippRun;
    trace: string;
    login: { extension: string; username: string; password: string; contactPort: number };
  }
  /** An agent user with a registered SIPp phone answering on its own port. */
  /** With `phone`, the agent registers that running phone (several agents on one SIPp process). */
  async function agentWithPhone(
    opts: { ringMs?: number; hangUpAfterMs?: number; phone?: { uas: SippRun; port: number } } = {},
  ): Promise<TestAgent> {
    const user = await buildUser(app.services.db, 'agent');
    const actor = actorOf(user);
    const phone = await app.services.telephony.phone(actor);
    const port = opts.phone?.port ?? (await freePort());
    const trace = path.join(runDir, `agent-${user.id}.log`);
    const uas =
      opts.phone?.uas ??
      (await answeringPhone(port, runDir, { ringMs: opts.ringMs ?? 300, hangUpAfterMs: opts.hangUpAfterMs, traceFile: trace }));
    if (!opts.phone) phones.push(uas);
    await registerAgents(
      { ip: '127.0.0.1', port: stack.settings.sipPort, domain: 'lianxin.local' },
      [{ extension: phone.extension!, username: phone.username!, password: phone.password!, contactPort: port }],
      runDir,
    );
    everyone.push({
      user,
      actor,
      extension: phone.extension!,
      uas,
      trace,
      login: { extension: phone.extension!, username: phone.username!, password: phone.password!, contactPort: port },
    });
    return everyone[everyone.length - 1]!;
  }
  const sipProxy = () => ({ ip: '127.0.0.1', port: stack.settings.sipPort });
  const callsOf = async (phone: string) =>
    app.services.db.select().from(telCalls).where(eq(telCalls.phone, phone)).orderBy(telCalls.offeredAt);
  const callOf = async (phone: string) => (await callsOf(phone))[0];
  const endedCallOf = (phone: string) =>
    until(
      async () => {
        const c = await callOf(phone);
        return c?.status === 'ended' ? c : null;
      },
      10_000,
      'call ended',
    );
  /**
   * Nobody but `keep` is ready (agents of earlier tests go on a break). An agent still held by a call of a failed
   * earlier attempt is set aside in the database, so that a retry (and the next test) starts from a known floor.
   */
  async function onlyReady(keep: TestAgent[]) {
    for (const a of everyone) {
      if (keep.includes(a)) continue;
      try {
        await app.services.telephony.setState(a.actor, { state: 'break', reason: '测试' });
      } catch {
        await app.services.db
          .update(telAgents)
          .set({ state: 'signed_out', currentCallId: null, stateSince: new Date() })
          .where(eq(telAgents.userId, a.user.id));
      }
    }
    for (const a of keep) await app.services.telephony.setState(a.actor, { state: 'ready' });
  }
  const everyone: TestAgent[] = [];

  it('rings the ready agent of two, who answers; the call record is complete', async () => {
    const ready = await agentWithPhone();
    const away = await agentWithPhone();
    await app.services.telephony.setState(ready.actor, { state: 'ready' });
    await app.services.telephony.setState(away.actor, { state: 'break', reason: '培训' });
    const caller = uniquePhone();
    const call = citizenCall(sipProxy(), { caller, localPort: await freePort(), talkMs: 800 }, runDir);
    expect(await call.done, call.output() + stack.logs().slice(-3000)).toBe(0);
    const row = await endedCallOf(caller);
    expect(row.agentUserId).toBe(ready.user.id);
    expect(row.endReason).toBe('completed');
    expect(row.hangupBy).toBe('caller');
    const [record] = await app.services.db.select().from(callRecords).where(eq(callRecords.externalId, row.callId));
    expect(record).toMatchObject({
      source: 'lianxin-sip',
      direction: 'inbound',
      phone: caller,
      queue: 'general',
      agentUserId: ready.user.id,
    });
    expect(record!.answeredAt).not.toBeNull();
    expect(record!.talkSeconds).toBeGreaterThanOrEqual(0);
    // rtpengine recorded it (pcap under DATA_DIR/recordings); playing it back is audited
    expect(row.recordingPath).toMatch(/^pcaps\/.+\.pcap$/);
    const supervisor = await buildSignedInUser(app, 'supervisor');
    const play = await app.inject({
      method: 'GET',
      url: `/api/v1/telephony/calls/${encodeURIComponent(row.callId)}/recording`,
      headers: supervisor.headers,
    });
    expect(play.statusCode).toBe(200);
    // SIPp sent no audio on this call: nothing to make a WAV of, the capture itself is offered
    expect(play.headers['content-type']).toContain('pcap');
    expect(play.rawPayload.readUInt32LE(0)).toBe(0xa1b2c3d4); // pcap magic
    const audits = await app.services.audit.findBySubject('tel_call', row.callId);
    expect(audits.some((a) => a.action === 'telephony.recording.play' && a.actorUserId === supervisor.userId)).toBe(true);

    expect(fs.existsSync(away.trace) ? fs.readFileSync(away.trace, 'utf8') : '').not.toContain('INVITE');
    // after the call: wrap-up (1 s here: on a loaded machine it may be over by now), then ready again by itself
    const [agentRow] = await app.services.db.select().from(telAgents).where(eq(telAgents.userId, ready.user.id));
    expect(agentRow!.wrapUpUntil!.getTime() - row.endedAt!.getTime()).toBe(1000);
    expect(['wrap_up', 'ready']).toContain((await app.services.telephony.me(ready.actor)).state);
  });

  it('plays a waiting caller the Mandarin prompt with their place, and takes the key the caller presses after the agent hung up (一次一评)', async () => {
    await onlyReady([]);
    const agent = await agentWithPhone({ hangUpAfterMs: 3000 });
    await app.services.telephony.setState(agent.actor, { state: 'break', reason: '测试' });
    // What the caller hears arrives here: the caller's SDP offers this port.
    const mediaPort = await freePort();
    const heard = dgram.createSocket('udp4');
    await new Promise<void>((r) => heard.bind(mediaPort, '127.0.0.1', () => r()));
    const packets: { at: number; payloadType: number; payload: Buffer }[] = [];
    heard.on('message', (m) => packets.push({ at: Date.now(), payloadType: m[1]! & 0x7f, payload: m.subarray(12) }));
    try {
      const caller = uniquePhone();
      const call = citizenRates(sipProxy(), { caller, localPort: await freePort(), mediaPort, digit: '2', pressAfterMs: 5500 }, runDir);
      phones.push(call);
      const queued = await until(
        async () => {
          const c = await callOf(caller);
          return c?.status === 'queued' ? c : null;
        },
        10_000,
        'queued',
      );
      await until(async () => packets.length > 60, 15_000, 'the queue prompt');
      // The queue prompt: G.711 µ-law speech while nobody is on the other side (silence would be all 0xff/0x7f bytes).
      const prompt = packets.filter((p) => p.payloadType === 0);
      expect(prompt.length, stack.logs().slice(-3000)).toBeGreaterThan(60);
      const distinct = new Set(Buffer.concat(prompt.map((p) => p.payload))).size;
      expect(distinct).toBeGreaterThan(40);

      const beforeAnswer = packets.length;
      await app.services.telephony.setState(agent.actor, { state: 'ready' });
      const callCode = await call.done;
      if (callCode !== 0)
        fs.writeFileSync(path.join(runDir, 'rate-failure.log'), `${call.output()}\n----\n${agent.uas.output()}\n----\n${stack.logs()}`);
      expect(callCode, `${call.output().slice(-2000)}\n${stack.logs().slice(-6000)}`).toBe(0);
      const row = await until(
        async () => {
          const c = await callOf(caller);
          return c?.rating ? c : null;
        },
        10_000,
        'rating stored',
      );
      expect(row).toMatchObject({ callId: queued.callId, status: 'ended', hangupBy: 'agent', agentUserId: agent.user.id, rating: 2 });
      const [record] = await app.services.db.select().from(callRecords).where(eq(callRecords.externalId, row.callId));
      expect(record).toMatchObject({ rating: 2, agentUserId: agent.user.id });
      // After the agent hung up, the caller heard the rating prompt (and the thanks) before the switch's BYE, in the call's
      // codec (A-law, as the agent answered).
      expect(
        packets.slice(beforeAnswer).filter((p) => (p.payloadType === 0 || p.payloadType === 8) && p.at > row.endedAt!.getTime()).length,
      ).toBeGreaterThan(25);
      // The recording (what both sides heard, prompts included) plays as a WAV, with byte ranges for seeking; audited.
      const supervisor = await buildSignedInUser(app, 'supervisor');
      const url = `/api/v1/telephony/calls/${encodeURIComponent(row.callId)}/recording`;
      const play = await until(
        async () => {
          const r = await app.inject({ method: 'GET', url, headers: supervisor.headers });
          return r.statusCode === 200 ? r : null;
        },
        10_000,
        'recording',
      );
      expect(play.headers['content-type']).toBe('audio/wav');
      expect(play.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
      expect(play.rawPayload.length).toBeGreaterThan(44 + 2 * 8000); // more than a second of audio
      const part = await app.inject({ method: 'GET', url, headers: { ...supervisor.headers, range: 'bytes=0-99' } });
      expect(part.statusCode).toBe(206);
      expect(part.rawPayload.length).toBe(100);
      expect((await callOf(caller))!.recordingPath).toMatch(/^wav\/.+\.wav$/);
      const audits = await app.services.audit.findBySubject('tel_call', row.callId);
      expect(audits.filter((x) => x.action === 'telephony.recording.play').length).toBeGreaterThanOrEqual(2);
    } finally {
      heard.close();
    }
  }, 150_000);

  it('plays the queue prompt again to a caller put back in the queue after the agent let the call ring out', async () => {
    await onlyReady([]);
    const deaf = await agentWithPhone({ ringMs: 60_000 }); // rings longer than the switch lets it (5 s here)
    const next = await agentWithPhone({ hangUpAfterMs: 1000 });
    await onlyReady([deaf]);
    const mediaPort = await freePort();
    const heard = dgram.createSocket('udp4');
    await new Promise<void>((r) => heard.bind(mediaPort, '127.0.0.1', () => r()));
    const packets: { at: number; payloadType: number; payload: Buffer }[] = [];
    heard.on('message', (m) => packets.push({ at: Date.now(), payloadType: m[1]! & 0x7f, payload: m.subarray(12) }));
    try {
      const caller = uniquePhone();
      const trace = path.join(runDir, `requeued-${caller}.log`);
      const call = citizenRates(
        sipProxy(),
        { caller, localPort: await freePort(), mediaPort, digit: '1', pressAfterMs: 2000, traceFile: trace },
        runDir,
      );
      phones.push(call);
      await until(async () => (await callOf(caller))?.status === 'ringing', 10_000, 'ringing');
      const requeued = await until(
        async () => {
          const c = await callOf(caller);
          return c?.status === 'queued' && c.missedAgentIds.includes(deaf.user.id) ? c : null;
        },
        20_000,
        'back in the queue',
      );
      const since = Date.now();
      // the caller hears the queue prompt (speech, not silence) while waiting again
      const speech = () => packets.filter((p) => p.at >= since && p.payloadType === 0);
      await until(async () => speech().length > 60, 15_000, 'the queue prompt after the ring-out').catch((err: Error) => {
        throw new Error(`${err.message}: ${packets.length} packets in all\n${stack.logs().slice(-4000)}`);
      });
      expect(new Set(Buffer.concat(speech().map((p) => p.payload))).size).toBeGreaterThan(40);
      // through early media the caller's phone can take: a 183 with rtpengine's answer (the agent's 180 had none)
      const early = fs
        .readFileSync(trace, 'utf8')
        .split(/-{10,}/)
        .find((m) => m.includes('SIP/2.0 183'));
      expect(early).toMatch(/m=audio \d+ RTP\/AVP/);
      // and is then answered by the next agent who becomes ready
      await app.services.telephony.setState(next.actor, { state: 'ready' });
      expect(await within(call.done, 40_000, 'the caller'), call.output().slice(-2000)).toBe(0);
      const row = await endedCallOf(caller);
      expect(row).toMatchObject({ callId: requeued.callId, agentUserId: next.user.id, endReason: 'completed' });
    } finally {
      heard.close();
      await app.services.telephony.setState(deaf.actor, { state: 'break', reason: '测试' }).catch(() => undefined);
    }
  }, 120_000);

  it('rings agent after agent whose phones refuse the call, past the 12 branches one SIP transaction holds, until one answers', async () => {
    await onlyReady([]);
    // 12 agents on do-not-disturb (one SIPp process answers 486 for all of them), then one who answers
    const busyPort = await freePort();
    const busyUas = await answeringPhone(busyPort, path.join(runDir, 'busy'), { isBusy: true });
    phones.push(busyUas);
    const busy: TestAgent[] = [];
    for (let i = 0; i < 12; i++) busy.push(await agentWithPhone({ phone: { uas: busyUas, port: busyPort } }));
    const answering = await agentWithPhone();
    // ready in this order: the longest idle rings first, so the agent who answers rings thirteenth
    await onlyReady([...busy, answering]);
    const caller = uniquePhone();
    const call = citizenCall(sipProxy(), { caller, localPort: await freePort(), talkMs: 300 }, runDir);
    expect(await within(call.done, 60_000, 'the caller'), call.output().slice(-2000) + stack.logs().slice(-3000)).toBe(0);
    const row = await endedCallOf(caller);
    expect(row).toMatchObject({ agentUserId: answering.user.id, endReason: 'completed' });
    expect([...row.missedAgentIds].sort((a, b) => a - b)).toEqual(busy.map((a) => a.user.id).sort((a, b) => a - b));
    // nobody is left ringing for a call that went elsewhere
    for (const a of busy) expect((await app.services.telephony.me(a.actor)).state).not.toBe('ringing');
  }, 90_000);

  it('makes a callback task of a call abandoned in the queue, which closes itself when the number gets through later', async () => {
    await onlyReady([]);
    const caller = uniquePhone();
    const abandon = citizenCall(sipProxy(), { caller, localPort: await freePort(), abandonAfterMs: 1500 }, runDir);
    expect(await abandon.done, abandon.output()).toBe(0);
    const first = await endedCallOf(caller);
    expect(first.endReason).toBe('abandoned_queue');
    const [task] = await app.services.db.select().from(telCallbacks).where(eq(telCallbacks.callId, first.callId));
    expect(task).toMatchObject({ status: 'open', phone: caller });
    const [record] = await app.services.db.select().from(callRecords).where(eq(callRecords.externalId, first.callId));
    expect(record!.answeredAt).toBeNull();

    const agent = await agentWithPhone();
    await onlyReady([agent]);
    const again = citizenCall(sipProxy(), { caller, localPort: await freePort(), talkMs: 300 }, runDir);
    expect(await again.done, again.output()).toBe(0);
    await until(async () => (await callsOf(caller)).length === 2 && (await callsOf(caller))[1]!.status === 'ended', 10_000, 'second call');
    const [closed] = await app.services.db.select().from(telCallbacks).where(eq(telCallbacks.id, task!.id));
    expect(closed).toMatchObject({ status: 'done', closedReason: 'answered_later' });
  });

  // 8 s: longer than a transaction suspended once per poll could wait (each suspension adds a branch; at most 12–30)
  it('queues a caller while nobody is ready and rings the first agent who becomes ready, however long the caller waited', async () => {
    await onlyReady([]);
    const agent = await agentWithPhone();
    await app.services.telephony.setState(agent.actor, { state: 'break', reason: '测试' });
    const caller = uniquePhone();
    const call = citizenCall(sipProxy(), { caller, localPort: await freePort(), talkMs: 300 }, runDir);
    await until(async () => (await callOf(caller))?.status === 'queued', 10_000, 'queued');
    await new Promise((r) => setTimeout(r, 8000));
    expect((await callOf(caller))!.status).toBe('queued');
    await app.services.telephony.setState(agent.actor, { state: 'ready' });
    expect(await call.done, call.output()).toBe(0);
    const row = await endedCallOf(caller);
    expect(row.agentUserId).toBe(agent.user.id);
    expect(row.answeredAt!.getTime() - row.offeredAt.getTime()).toBeGreaterThanOrEqual(8000);
  });

  it('sends the call to the fallback when Lianxin does not answer the routing request in time', async () => {
    const fallback = await answeringPhone(fallbackPort, runDir, { calls: 1 });
    phones.push(fallback);
    await app.close();
    // Something holds Lianxin's port and never answers (a hung process).
    const sockets = new Set<net.Socket>();
    const hung = net
      .createServer((socket) => {
        sockets.add(socket);
      })
      .listen(appPort, '127.0.0.1');
    const caller = uniquePhone();
    try {
      const started = Date.now();
      const call = citizenCall(sipProxy(), { caller, localPort: await freePort(), talkMs: 200 }, runDir);
      expect(await call.done, call.output()).toBe(0);
      expect(await fallback.done, fallback.output()).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => hung.close(r));
      await startApp();
    }
    // Lianxin never saw the call: Kamailio reports it with the first tick Lianxin answers, and the records count it
    const row = await until(async () => (await callOf(caller)) ?? null, 20_000, 'the fallback reported');
    expect(row).toMatchObject({ status: 'ended', endReason: 'fallback', queue: 'general', agentUserId: null });
    const [record] = await app.services.db.select().from(callRecords).where(eq(callRecords.externalId, row.callId));
    expect(record).toMatchObject({ phone: caller, answeredAt: null });
    expect((await app.services.db.select().from(telCallbacks).where(eq(telCallbacks.callId, row.callId))).length).toBe(0);
  });

  it('sends the callers waiting in the queue to the fallback when Lianxin stops answering', async () => {
    await onlyReady([]);
    const fallback = await answeringPhone(fallbackPort, runDir, { calls: 1 });
    phones.push(fallback);
    const caller = uniquePhone();
    const call = citizenCall(sipProxy(), { caller, localPort: await freePort(), talkMs: 200 }, runDir);
    await until(async () => (await callOf(caller))?.status === 'queued', 10_000, 'queued');
    // As if the process were killed: Kamailio's open requests are cut too, not waited for.
    const closing = app.close();
    app.server.closeAllConnections();
    await within(closing, 15_000, 'closing Lianxin'); // refused connections: Kamailio's tick fails at once
    try {
      expect(await within(call.done, 40_000, 'the caller'), call.output()).toBe(0);
      expect(await within(fallback.done, 10_000, 'the fallback'), fallback.output()).toBe(0);
    } finally {
      await within(startApp(), 20_000, 'starting Lianxin again');
    }
    // the waiting call ends as sent to the fallback (no callback task), and the wallboard counts it
    const row = await until(
      async () => {
        const c = await callOf(caller);
        return c?.status === 'ended' ? c : null;
      },
      20_000,
      'the fallback reported',
    );
    expect(row.endReason).toBe('fallback');
    expect((await app.services.db.select().from(telCallbacks).where(eq(telCallbacks.callId, row.callId))).length).toBe(0);
    const supervisor = await buildSignedInUser(app, 'supervisor');
    const board = (await app.inject({ method: 'GET', url: '/api/v1/telephony/wallboard', headers: supervisor.headers })).json();
    expect(board.today.fallback).toBeGreaterThanOrEqual(2);
  });

  it('keeps a call going while Lianxin restarts, and completes its record after the restart', async () => {
    const agent = await agentWithPhone();
    await onlyReady([agent]);
    const caller = uniquePhone();
    const call = citizenCall(sipProxy(), { caller, localPort: await freePort(), talkMs: 4000 }, runDir);
    await until(async () => (await callOf(caller))?.status === 'talking', 10_000, 'talking');
    // As if the process were killed: Kamailio's open requests are cut too, not waited for.
    const closing = app.close();
    app.server.closeAllConnections();
    await within(closing, 15_000, 'closing Lianxin');
    await new Promise((r) => setTimeout(r, 1000));
    await within(startApp(), 20_000, 'starting Lianxin again');
    expect(await within(call.done, 40_000, 'the caller'), call.output()).toBe(0);
    const row = await endedCallOf(caller);
    expect(row).toMatchObject({ endReason: 'completed', agentUserId: agent.user.id });
    const [record] = await app.services.db.select().from(callRecords).where(eq(callRecords.externalId, row.callId));
    expect(record!.talkSeconds).toBeGreaterThanOrEqual(3);
  });

  it('lets an agent call 110 (answered by the outside switch) and refuses a number not on the list', async () => {
    const agent = await agentWithPhone();
    await onlyReady([agent]);
    const switch110 = await answeringPhone(outsidePort, runDir, { calls: 1 });
    phones.push(switch110);
    const proxy = { ...sipProxy(), domain: 'lianxin.local' };
    const dial = agentDial(proxy, agent.login, '110', { localPort: await freePort() }, runDir);
    expect(await dial.done, dial.output()).toBe(0);
    expect(dial.refused()).toBeNull();
    expect(await switch110.done, switch110.output()).toBe(0);

    const refused = agentDial(proxy, agent.login, '95555', { localPort: await freePort() }, runDir);
    await refused.done;
    expect(refused.refused()).toContain('该号码不在允许外呼或转接的范围内');
  });
});
