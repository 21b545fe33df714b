/**
 * The browser phone against the real switch: Kamailio + rtpengine started on free ports, Chromium with a fake
 * microphone registering over WebSocket, a SIPp citizen calling 12345. Of two signed-in agents the ready one rings,
 * sees the caller's history before answering, answers, writes an order linked to the call and hangs up.
 * Without Kamailio/rtpengine/SIPp the call test skips; the states, worklist and wallboard tests need only the API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { callRecords, telCalls, users } from '../server/db/schema.ts';
import { citizenCall, type SippRun } from '../server/modules/telephony/sip/sipp.ts';
import { missingSipTestTools, prepareSipTestStack, type SipTestStack, until } from '../server/modules/telephony/sip/test-stack.ts';
import { buildUser } from '../test/factories/orgs.ts';
import { signIn as apiSignIn } from '../test/factories/orgs.ts';
import { FAKE_MEDIA, forgetOpenPages, launchBrowser, newSession, signIn, snapshotOpenPages } from './support/browser.ts';
import { apiAs } from './support/seed.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const missing = missingSipTestTools();
const SECRET = 'e2e-telephony-secret-0123456789';

let server: TestServer;
let browser: Browser;
let sipStack: SipTestStack;
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-phone-e2e-'));
const calls: SippRun[] = [];

beforeAll(async () => {
  // The switch's ports are chosen first: Lianxin hands the WebSocket address to the browsers.
  sipStack = await prepareSipTestStack({
    secret: SECRET,
    runDir,
    dataDir: path.join(runDir, 'data'),
    overrides: { ringSeconds: 20, recordingDir: null },
  });
  server = await startTestServer({ seedTickets: false, env: { ...sipStack.env, TELEPHONY_WRAP_UP_SECONDS: '3' } });
  if (!missing) await sipStack.start(server.url);
  browser = await launchBrowser({ args: FAKE_MEDIA });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await snapshotOpenPages(ctx.task.name);
    const stack = sipStack.running();
    if (stack) console.error(stack.logs().slice(-4000));
  } else forgetOpenPages();
});
afterAll(async () => {
  for (const c of calls) await c.stop();
  await browser?.close();
  await sipStack?.stop();
  await server?.close();
  fs.rmSync(runDir, { recursive: true, force: true });
});

async function openAs(username: string, pathName: string): Promise<Page> {
  const { page } = await newSession(browser, server.url);
  if (process.env.E2E_DEBUG) {
    page.on('console', (m) => console.error(`[${username}] ${m.text().slice(0, 3000)}`));
    await page.addInitScript(() => localStorage.setItem('debug', 'JsSIP:RTCSession JsSIP:Transport'));
  }
  await signIn(page, username, server.city.password);
  await page.goto(pathName);
  return page;
}
const apiFor = async (username: string) => apiAs(server.app, await apiSignIn(server.app, username));

describe.skipIf(!!process.env.E2E_ONLY_CALL)('agent states on the phone bar', () => {
  it('goes ready, on a break with a reason, and signs out; the server agrees each time', async () => {
    const page = await openAs(server.city.users.agent, '/agent');
    const bar = page.getByTestId('phone-bar');
    await bar.waitFor();
    const api = await apiFor(server.city.users.agent);
    await page.getByTestId('phone-ready').click();
    await expect.poll(() => bar.getAttribute('data-agent-state')).toBe('ready');
    expect((await api('GET', '/api/v1/telephony/agents/me')).state).toBe('ready');

    await page.keyboard.press('Alt+B');
    await page.getByRole('dialog').getByText('用餐').click();
    await page.getByTestId('break-confirm').click();
    await expect.poll(() => bar.getAttribute('data-agent-state')).toBe('break');
    await expect(page.getByTestId('agent-state').textContent()).resolves.toContain('用餐');
    expect(await api('GET', '/api/v1/telephony/agents/me')).toMatchObject({ state: 'break', breakReason: '用餐' });

    await page.getByTestId('phone-sign-out').click();
    await expect.poll(() => bar.getAttribute('data-agent-state')).toBe('signed_out');
    await page.screenshot({ path: path.join(runDir, 'signed-out.png') });
  });
});

describe.skipIf(missing)('a citizen calls 12345 through Kamailio and rtpengine', () => {
  it('rings the ready agent of two, pops the caller before answering, links the order and hangs up', async () => {
    const caller = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const agentApi = await apiFor(server.city.users.agent);
    // The caller's history: an open order from last time.
    const earlier = await agentApi('POST', '/api/v1/tickets', {
      channel: 'phone',
      type: 'complaint',
      content: '楼下餐馆油烟扰民，晚上十点后仍在营业',
      categoryId: server.city.categories.streetLight.id,
      citizen: { phone: caller, name: '陈女士' },
    });
    const second = await buildUser(server.app.services.db, 'agent', {
      username: `agent-b-${Date.now()}`,
      displayName: '赵敏',
      unitId: server.city.units.center.id,
    });

    const [ready, away] = await Promise.all([openAs(server.city.users.agent, '/agent'), openAs(second.username, '/agent')]);
    for (const page of [ready, away]) {
      await expect.poll(() => page.getByTestId('phone-bar').getAttribute('data-registration'), { timeout: 60_000 }).toBe('registered');
    }
    await ready.getByTestId('phone-ready').click();
    await expect.poll(() => ready.getByTestId('phone-bar').getAttribute('data-agent-state')).toBe('ready');
    await away.getByTestId('phone-break').click();
    await away.getByTestId('break-confirm').click();
    await expect.poll(() => away.getByTestId('phone-bar').getAttribute('data-agent-state')).toBe('break');

    const call = citizenCall(
      { ip: '127.0.0.1', port: sipStack.settings.sipPort },
      { caller, localPort: await freeUdpPort(), talkMs: 60_000, timeoutS: 90 },
      runDir,
    );
    calls.push(call);

    // Ringing: the answer button and, before answering, the pop with the masked number, the name and the open order.
    const answer = ready.getByTestId('phone-answer');
    await answer.waitFor({ timeout: 20_000 });
    const pop = ready.getByTestId('call-pop');
    await pop.waitFor();
    await expect(ready.getByTestId('pop-from').textContent()).resolves.toBe(`${caller.slice(0, 3)}****${caller.slice(-4)}`);
    await expect(ready.getByTestId('pop-name').textContent()).resolves.toBe('陈女士');
    await expect(ready.getByTestId('pop-open-tickets').textContent()).resolves.toContain(earlier.number);
    await ready.screenshot({ path: path.join(runDir, 'ringing.png') });
    expect(await away.getByTestId('phone-answer').count()).toBe(0);

    await ready.keyboard.press('Alt+A');
    await expect.poll(() => ready.getByTestId('phone-bar').getAttribute('data-line'), { timeout: 15_000 }).toBe('talking');
    const callId = await pop.getAttribute('data-call-id');
    const talking = await until(
      async () => {
        const [row] = await server.app.services.db.select().from(telCalls).where(eq(telCalls.callId, callId!));
        return row?.status === 'talking' ? row : null;
      },
      10_000,
      'call answered',
    );
    expect(talking.agentUserId).not.toBe(second.id);

    // The order written during the call is linked to it.
    await ready.locator('#phone').fill(caller);
    await ready.locator('#type label', { hasText: '投诉' }).click();
    await ready.locator('#categoryId').click();
    for (const name of ['城市管理', '市政设施', '路灯不亮'])
      await ready.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
    await ready.keyboard.press('Escape');
    await ready.locator('#content').fill('油烟问题仍未解决，市民再次来电反映');
    await ready.keyboard.press('Control+s');
    const result = ready.getByTestId('intake-result');
    await result.waitFor();
    const number = await result.getAttribute('data-number');
    const ticket = await agentApi('GET', `/api/v1/tickets/by-number/${number}`);
    await until(
      async () => {
        const [row] = await server.app.services.db.select().from(telCalls).where(eq(telCalls.callId, callId!));
        return row?.ticketId === ticket.id;
      },
      10_000,
      'order linked to the call',
    );

    await ready.getByTestId('phone-hangup').click();
    await until(
      async () => {
        const [row] = await server.app.services.db.select().from(telCalls).where(eq(telCalls.callId, callId!));
        return row?.status === 'ended' ? row : null;
      },
      15_000,
      'call ended',
    );
    const [record] = await server.app.services.db.select().from(callRecords).where(eq(callRecords.externalId, callId!));
    expect(record).toMatchObject({ direction: 'inbound', phone: caller, agentUserId: talking.agentUserId });
    expect(record!.answeredAt).not.toBeNull();
    await expect.poll(() => ready.getByTestId('phone-bar').getAttribute('data-agent-state'), { timeout: 10_000 }).toMatch(/wrap_up|ready/);

    // The order keeps its call: found by its number in 工单查询, its 通话记录 tab names the agent and the rating.
    await ready.goto('/tickets');
    await ready.getByLabel('关键词').fill(number!);
    await ready.getByLabel('关键词').press('Enter');
    await ready.locator(`tr[data-number="${number}"]`).click();
    await ready.getByRole('tab', { name: /通话记录 \(1\)/ }).click();
    const listed = ready.getByTestId('order-call');
    await expect(listed.getAttribute('data-call-id')).resolves.toBe(callId);
    const [taker] = await server.app.services.db.select().from(users).where(eq(users.id, talking.agentUserId!));
    await expect(listed.textContent()).resolves.toContain(taker!.displayName);
    await expect(ready.getByTestId('order-call-rating').textContent()).resolves.toContain('未评价');
  });
});

async function freeUdpPort(): Promise<number> {
  const { freePort } = await import('../server/lib/ports.ts');
  return freePort();
}
