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
import { callRecords, telCallbacks, telCalls } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { openTestDatabase } from '../../../test/app.ts';
import { buildUser } from '../../../test/factories/orgs.ts';
import type { Database } from '../../db/client.ts';
import { ephemeralCredentials, extensionOf } from './acd.ts';
import { defaultStackSettings, freePort, missingTelephony, startStack, type RunningStack } from './sip/stack.ts';
import { answeringPhone, citizenCall, registerAgents, SIPP_BIN, type SippRun } from './sip/sipp.ts';

const missing = missingTelephony() ?? (fs.existsSync(SIPP_BIN) ? null : 'sipp (sip-tester) not installed');
const SECRET = 'test-telephony-secret-0123456789';

const actorOf = (user: { id: number; role: string; displayName: string }): Actor => ({
  kind: 'user', userId: user.id, apiKeyId: null, role: user.role as Actor['role'], unitId: null, displayName: user.displayName, ip: null,
});
const uniquePhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
async function until<T>(fn: () => Promise<T | null | undefined | false>, ms = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(missing)('Telephony through Kamailio and rtpengine', () => {
  let database: Database;
  let app: App;
  let stack: RunningStack;
  let appPort: number;
  let outsidePort: number;
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-tel-'));
  const phones: SippRun[] = [];

  const config = () => loadConfig({
    SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: path.join(runDir, 'data'), TELEPHONY_SECRET: SECRET,
    TELEPHONY_WRAP_UP_SECONDS: '1', TELEPHONY_OUTSIDE_GATEWAY: `sip:{number}@127.0.0.1:${outsidePort}`, TELEPHONY_OUTSIDE_NUMBERS: '110=公安,119=消防',
  });
  async function startApp() {
    app = await buildApp({ config: config(), database });
    await app.listen({ port: appPort, host: '127.0.0.1' });
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    appPort = await freePort();
    outsidePort = await freePort();
    await startApp();
    stack = await startStack(await defaultStackSettings({
      lianxinUrl: `http://127.0.0.1:${appPort}`, secret: SECRET, runDir: path.join(runDir, 'sip'), ringSeconds: 5, logLevel: Number(process.env.KAMAILIO_LOG_LEVEL ?? 1),
      fallbackUri: 'sip:fallback@127.0.0.1:9', // nobody: a fallback call is answered by whatever the test starts there
    }));
  });
  afterAll(async () => {
    for (const p of phones) await p.stop();
    await stack?.stop();
    if (stack) fs.writeFileSync(path.join(runDir, 'stack.log'), stack.logs());
    await app?.close();
    await database?.close();
  });

  /** An agent user with a registered SIPp phone answering on its own port. */
  async function agentWithPhone(opts: { ringMs?: number } = {}) {
    const user = await buildUser(app.services.db, 'agent');
    const actor = actorOf(user);
    const phone = await app.services.telephony.phone(actor);
    const port = await freePort();
    const trace = path.join(runDir, `agent-${user.id}.log`);
    const uas = answeringPhone(port, runDir, { ringMs: opts.ringMs ?? 300, traceFile: trace });
    phones.push(uas);
    await registerAgents({ ip: '127.0.0.1', port: stack.settings.sipPort, domain: 'lianxin.local' },
      [{ extension: phone.extension!, username: phone.username!, password: phone.password!, contactPort: port }], runDir);
    return { user, actor, extension: phone.extension!, uas, trace };
  }
  const sipProxy = () => ({ ip: '127.0.0.1', port: stack.settings.sipPort });
  const callOf = async (phone: string) => (await app.services.db.select().from(telCalls).where(eq(telCalls.phone, phone)))[0];

  it('rings the ready agent of two, who answers; the call record is complete', async () => {
    const ready = await agentWithPhone();
    const away = await agentWithPhone();
    await app.services.telephony.setState(ready.actor, { state: 'ready' });
    await app.services.telephony.setState(away.actor, { state: 'break', reason: '培训' });
    const caller = uniquePhone();
    const call = citizenCall(sipProxy(), { caller, localPort: await freePort(), talkMs: 800 }, runDir);
    expect(await call.done, call.output() + stack.logs().slice(-3000)).toBe(0);
    const row = await until(async () => { const c = await callOf(caller); return c?.status === 'ended' ? c : null; }, 10_000, 'call ended');
    expect(row.agentUserId).toBe(ready.user.id);
    expect(row.endReason).toBe('completed');
    expect(row.hangupBy).toBe('caller');
    const [record] = await app.services.db.select().from(callRecords).where(eq(callRecords.externalId, row.callId));
    expect(record).toMatchObject({ source: 'lianxin-sip', direction: 'inbound', phone: caller, queue: 'general', agentUserId: ready.user.id });
    expect(record!.answeredAt).not.toBeNull();
    expect(record!.talkSeconds).toBeGreaterThanOrEqual(0);
    expect(fs.existsSync(away.trace) ? fs.readFileSync(away.trace, 'utf8') : '').not.toContain('INVITE');
    // after the call: wrap-up, then ready again by itself
    expect((await app.services.telephony.me(ready.actor)).state).toBe('wrap_up');
  });
});
