/**
 * The whole story across roles, in a real browser: a citizen submits on the portal → the dispatcher
 * sees it arrive live and dispatches → a handler on a phone signs and replies with a photo → the center
 * reviews → callback → the citizen sees it closed and rates it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cspViolations, forgetOpenPages, launchBrowser, newSession, signIn, snapshotOpenPages } from './support/browser.ts';
import { TINY_PNG } from './support/fixtures.ts';
import { apiAs } from './support/seed.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { signIn as apiSignIn } from '../test/factories/orgs.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ seedTickets: false });
  browser = await launchBrowser();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await snapshotOpenPages(ctx.task.name);
  else forgetOpenPages();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openAs(username: string, path: string, options: { phone?: boolean } = {}): Promise<Page> {
  const { page } = await newSession(browser, server.url, options);
  await signIn(page, username, server.city.password);
  await page.goto(path);
  return page;
}

describe('cross-role journey', () => {
  it('goes from the citizen portal to a rated, closed order', async () => {
    const { users, units } = server.city;
    // The dispatcher's queue is open before the request arrives: it must appear without a reload.
    const dispatcher = await openAs(users.dispatcher, '/dispatch');
    await dispatcher.getByTestId('dispatch-queue').waitFor();
    await expect.poll(() => dispatcher.getByTestId('live-status').getAttribute('data-connected')).toBe('true');

    // 1. Citizen on a phone, no account.
    const citizen = (await newSession(browser, server.url, { phone: true })).page;
    await citizen.goto('/portal');
    await citizen.locator('#content').fill('和平小区3号楼门前的路灯坏了一个多月，晚上出行很不方便，请尽快维修。');
    await citizen.locator('#address').fill('中山区和平小区3号楼');
    await citizen.locator('input[type=file]').setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: TINY_PNG });
    await citizen.locator('#phone').fill('13912345678');
    await citizen.getByTestId('portal-submit').click();
    const numberText = await citizen.getByTestId('portal-number').textContent();
    const number = numberText!.match(/\d{8}-\d{5}/)![0];

    // 2. Dispatcher: the new order shows up live; dispatch it to the city management bureau.
    const row = dispatcher.locator(`tr[data-number="${number}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.locator('input[type=checkbox]').check();
    await dispatcher.getByTestId('dispatch-panel').locator('.ant-tree-title', { hasText: units.cgj.name }).click();
    await expect.poll(() => dispatcher.getByTestId('deadline-preview').textContent()).toContain('办结时限');
    await dispatcher.getByTestId('dispatch-confirm').click();
    await row.waitFor({ state: 'detached' });

    // 3. Handler on a phone: sign, then reply with a photo.
    const handler = await openAs(users.handlerCgj, '/unit', { phone: true });
    const card = handler.locator(`[data-testid=unit-ticket][data-number="${number}"]`);
    await card.locator('[data-action=sign]').click();
    await card.waitFor({ state: 'detached' });
    await handler.getByRole('tab', { name: /办理中/ }).click();
    const handlingCard = handler.locator(`[data-testid=unit-ticket][data-number="${number}"]`);
    await handlingCard.locator('[data-action=reply]').click();
    const modal = handler.locator('.ant-modal');
    await modal.getByLabel('办理结果').fill('已派维修人员更换路灯灯具，经测试照明恢复正常。');
    await modal.locator('input[type=file]').setInputFiles({ name: 'fixed.png', mimeType: 'image/png', buffer: TINY_PNG });
    await modal.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await handlingCard.waitFor({ state: 'detached' });

    // 4. Center reviews the reply.
    const reviewer = await openAs(users.dispatcher, '/review');
    await reviewer.locator(`tr[data-number="${number}"] button`).first().click();
    const decision = reviewer.getByTestId('decision-review');
    await expect.poll(() => decision.locator('[data-number]').getAttribute('data-number')).toBe(number);
    await expect(decision.getByTestId('review-reply').textContent()).resolves.toContain('照明恢复正常');
    await decision.getByTestId('review-accept').click();
    await reviewer.locator(`tr[data-number="${number}"]`).waitFor({ state: 'detached' });

    // 5. Callback: the citizen is satisfied.
    const callback = await openAs(users.callback, '/review');
    await callback.getByRole('tab', { name: '回访' }).click();
    await callback.locator(`tr[data-number="${number}"] button`).first().click();
    const panel = callback.getByTestId('decision-callback');
    await expect.poll(() => panel.locator('[data-number]').getAttribute('data-number')).toBe(number);
    await expect(panel.getByTestId('callback-script').textContent()).resolves.toContain('照明恢复正常');
    await panel.locator('[data-result=satisfied]').click();
    await callback.locator('.ant-modal-confirm').getByTestId('callback-confirm').click();
    await callback.locator(`tr[data-number="${number}"]`).waitFor({ state: 'detached' });

    // 6. The citizen sees it closed with the official reply, and rates it.
    // The notice's link names the order; the phone digits are typed, never carried in the address.
    await citizen.goto(`/portal?tab=track&number=${number}`);
    await citizen.locator('#last4').fill('5678');
    await citizen.getByTestId('portal-track').click();
    await expect.poll(() => citizen.getByTestId('portal-progress').getAttribute('data-status')).toBe('closed');
    await expect(citizen.getByTestId('portal-reply').textContent()).resolves.toContain('照明恢复正常');
    await citizen.getByTestId('portal-rate').locator('.ant-rate-star').nth(4).click();
    await citizen.getByTestId('portal-rate-submit').click();
    await expect(citizen.getByTestId('portal-rated').textContent()).resolves.toContain('5');

    // The record agrees: closed, satisfied, rated 5, a photo on the order and one on the reply.
    const agentApi = apiAs(server.app, await apiSignIn(server.app, users.agent));
    const detail = await agentApi('GET', `/api/v1/tickets/by-number/${number}`);
    expect(detail).toMatchObject({ status: 'closed', satisfaction: 'satisfied', citizenRating: 5 });
    expect(detail.attachments.length).toBeGreaterThanOrEqual(2);
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['create', 'dispatch', 'sign', 'reply', 'review', 'callback', 'rate']),
    );
    // Every screen of the journey ran under the server's Content-Security-Policy without a refusal.
    expect(cspViolations).toEqual([]);
  });
});
