/**
 * A call that ends while Lianxin is down: Kamailio's dialog module still knows (JSON-RPC dlg.list), so the restarted
 * Lianxin closes the call it had as talking. Real Kamailio + rtpengine + SIPp; skipped when they are not installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { callRecords, telCalls } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { openTestDatabase } from '../../../test/app.ts';
import { buildUser } from '../../../test/factories/orgs.ts';
import type { Database } from '../../db/client.ts';
import type { RunningStack } from './sip/stack.ts';
import { freePort } from '../../lib/ports.ts';
import { answeringPhone, citizenCall, registerAgents, type SippRun } from './sip/sipp.ts';
import { listLiveDialogs } from './sip/kamailio-rpc.ts';
import { missingSipTestTools, prepareSipTestStack, type SipTestStack, until } from './sip/test-stack.ts';

const missing = missingSipTestTools();
const SECRET = 'reconcile-telephony-secret-01234';
const uniquePhone = () => `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe.skipIf(missing)('Reconciling calls with Kamailio after a restart', () => {
  let database: Database;
  let app: App;
  let stack: RunningStack;
  let sipStack: SipTestStack;
  let appPort: number;
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-tel-reconcile-'));
  const phones: SippRun[] = [];
  const rpcUrl = () => `http://127.0.0.1:${sipStack.settings.wsPort}/RPC`;

  async function startApp() {
    app = await buildApp({
      database,
      config: loadConfig({
        SEED_DEMO: 'false',
        JOBS_ENABLED: 'false',
        DATA_DIR: path.join(runDir, 'data'),
        ...sipStack.env,
        TELEPHONY_WRAP_UP_SECONDS: '1',
        TELEPHONY_KAMAILIO_RPC_URL: rpcUrl(),
      }),
    });
    await app.listen({ port: appPort, host: '127.0.0.1' });
  }

  beforeAll(async () => {
    database = await openTestDatabase({ isolated: true });
    appPort = await freePort();
    sipStack = await prepareSipTestStack({
      secret: SECRET,
      runDir,
      dataDir: path.join(runDir, 'data'),
      overrides: { routeTimeoutSeconds: 3, fallbackUri: `sip:fallback@127.0.0.1:${await freePort()}` },
    });
    await startApp();
    stack = await sipStack.start(`http://127.0.0.1:${appPort}`);
  }, 120_000);
  afterAll(async () => {
    for (const p of phones) await p.stop();
    await sipStack?.stop(); // its logs stay in runDir/stack.log
    await app?.close();
    await database?.close();
  });

  it('closes the record of a call whose caller hung up while Lianxin was down', async () => {
    const user = await buildUser(app.services.db, 'agent');
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      apiKeyId: null,
      role: 'agent',
      unitId: null,
      displayName: user.displayName,
      ip: null,
    };
    const phone = await app.services.telephony.phone(actor);
    await app.services.telephony.setSkills({ ...actor, role: 'admin' }, { userId: user.id, skills: [{ queue: 'ko', level: 1 }] });
    await app.services.telephony.setState(actor, { state: 'ready' });
    const port = await freePort();
    phones.push(await answeringPhone(port, runDir, { ringMs: 200 }));
    await registerAgents(
      { ip: '127.0.0.1', port: stack.settings.sipPort, domain: 'lianxin.local' },
      [{ extension: phone.extension!, username: phone.username!, password: phone.password!, contactPort: port }],
      runDir,
    );

    const caller = uniquePhone();
    const call = citizenCall(
      { ip: '127.0.0.1', port: stack.settings.sipPort },
      { caller, localPort: await freePort(), service: '123451', talkMs: 3000 },
      runDir,
    );
    const talking = await until(
      async () => {
        const [c] = await app.services.db.select().from(telCalls).where(eq(telCalls.phone, caller));
        return c?.status === 'talking' ? c : null;
      },
      15_000,
      'talking',
    );
    expect((await listLiveDialogs(rpcUrl())).callIds.has(talking.callId)).toBe(true);

    await app.close(); // Lianxin is down: the caller hangs up meanwhile, Kamailio's report of the BYE goes nowhere
    expect(await call.done, call.output()).toBe(0);
    expect((await listLiveDialogs(rpcUrl())).callIds.has(talking.callId)).toBe(false);
    const [stillTalking] = await database.db.select().from(telCalls).where(eq(telCalls.callId, talking.callId));
    expect(stillTalking!.status).toBe('talking');

    await startApp(); // on start: Kamailio's live dialogs are checked
    const ended = await until(
      async () => {
        const [c] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, talking.callId));
        return c?.status === 'ended' ? c : null;
      },
      10_000,
      'ended after restart',
    );
    expect(ended).toMatchObject({ endReason: 'completed', agentUserId: user.id });
    const [record] = await app.services.db.select().from(callRecords).where(eq(callRecords.externalId, talking.callId));
    expect(record).toMatchObject({ agentUserId: user.id });
    expect(record!.answeredAt).not.toBeNull();
    expect(record!.talkSeconds).toBeGreaterThanOrEqual(3);
    const me = await app.services.telephony.me(actor);
    expect(me.state === 'wrap_up' || me.state === 'ready').toBe(true);
    expect(me.currentCall).toBeNull();
  });
});
