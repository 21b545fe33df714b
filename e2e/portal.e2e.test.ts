/**
 * The citizen portal as FixMyStreet sets the bar (issue 13 finding 12, issue 12 item 7): the place picked on an offline
 * map or from the phone's location, nearby open reports before submitting, the tracking proof never in an address,
 * 办结 and the unit's approved photo on the timeline, and the portal in Korean, Japanese and English.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { tickets } from '../server/db/schema.ts';
import { signIn as apiSignIn } from '../test/factories/orgs.ts';
import { newSession } from './support/browser.ts';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: false });
const WAIT = 60_000;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: WAIT });
/** A 48×32 PNG: a photo small enough for a test. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAANUlEQVR42u3OQREAAAQAMDllkkQSsZRwXrtbgEXWnJjOEyEkJCQkJCQkJCQkJCQkJCQk9Bla03Nul6ReiDsAAAAASUVORK5CYII=',
  'base64',
);
/** 中山区's label point in the shipped city map. */
const ZHONGSHAN = { longitude: 117.13, latitude: 36.2 };
const randomPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function citizenPage(options: { geolocation?: { longitude: number; latitude: number }; language?: 'zh' | 'en' } = {}): Promise<Page> {
  const { page, context } = await newSession(h.browser, h.server.url, { phone: true, language: options.language });
  page.setDefaultTimeout(WAIT);
  if (options.geolocation) {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(options.geolocation);
  }
  return page;
}

async function orderRow(number: string) {
  const [row] = await h.server.app.services.db
    .select({ id: tickets.id, lng: tickets.lng, lat: tickets.lat, language: tickets.language })
    .from(tickets)
    .where(eq(tickets.number, number));
  return row;
}

async function submitOnPortal(page: Page, content: string, phone: string) {
  await page.locator('#content').fill(content);
  await page.locator('#phone').fill(phone);
  await page.getByTestId('portal-submit').click();
  const text = await page.getByTestId('portal-number').textContent();
  return text!.match(/\d{8}-\d{5}/)![0];
}

describe('citizen portal', () => {
  it('picks the place by tapping the offline city map or from the phone, and stores it with the report', async () => {
    const page = await citizenPage({ geolocation: ZHONGSHAN });
    await page.goto('/portal');
    const map = page.getByTestId('portal-map');
    await map.locator('canvas').first().waitFor();
    const box = (await map.boundingBox())!;
    // The map's centre lies inside the city (the districts fill the drawing).
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const picked = page.getByTestId('portal-picked');
    await poll(() => picked.getAttribute('data-lng'));
    const tapped = { lng: Number(await picked.getAttribute('data-lng')), lat: Number(await picked.getAttribute('data-lat')) };
    expect(tapped.lng).toBeGreaterThan(116.8);
    expect(tapped.lng).toBeLessThan(117.6);
    expect(tapped.lat).toBeGreaterThan(35.8);
    expect(tapped.lat).toBeLessThan(36.4);

    await page.getByTestId('portal-locate').click();
    await poll(() => picked.getAttribute('data-lng')).toBe(String(ZHONGSHAN.longitude));
    await expect(picked.textContent()).resolves.toContain('中山区');

    const number = await submitOnPortal(page, `人行道井盖缺失，夜里很危险 ${Date.now()}`, randomPhone());
    await expect(orderRow(number)).resolves.toMatchObject({ lng: ZHONGSHAN.longitude, lat: ZHONGSHAN.latitude, language: 'zh' });
  });

  it('refuses a phone location outside the city and asks for a tap instead', async () => {
    const page = await citizenPage({ geolocation: { longitude: 121.47, latitude: 31.23 } });
    await page.goto('/portal');
    await page.getByTestId('portal-locate').click();
    await poll(() => page.getByTestId('portal-place-problem').textContent()).toContain('不在本市范围内');
    expect(await page.getByTestId('portal-picked').count()).toBe(0);
  });

  it('shows open reports near the picked place, without who reported them, before the citizen submits', async () => {
    const phone = randomPhone();
    const earlier = await h.server.app.inject({
      method: 'POST',
      url: '/api/v1/public/requests',
      remoteAddress: '10.77.0.1',
      payload: {
        content: `和平街路灯不亮 ${Date.now()}`,
        phone,
        name: '赵先生',
        lng: ZHONGSHAN.longitude + 0.003,
        lat: ZHONGSHAN.latitude,
      },
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    const { number } = earlier.json();

    const page = await citizenPage({ geolocation: ZHONGSHAN });
    await page.goto('/portal');
    await page.getByTestId('portal-locate').click();
    const item = page.locator(`[data-testid=portal-nearby-item][data-number="${number}"]`);
    await item.waitFor();
    const text = (await item.textContent())!;
    expect(text).toContain('和平街路灯不亮');
    expect(text).toMatch(/2[6-8]0 米/);
    expect(text).toContain('待派单');
    const nearby = (await page.getByTestId('portal-nearby').textContent())!;
    expect(nearby).not.toContain(phone);
    expect(nearby).not.toContain('赵先生');
  });

  it("keeps the tracking digits out of every address, and shows 办结 with the unit's approved photo", async () => {
    const page = await citizenPage();
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    await page.goto('/portal');
    const phone = randomPhone();
    const last4 = phone.slice(-4);
    const number = await submitOnPortal(page, `小区门口路面塌陷，车辆通行困难 ${Date.now()}`, phone);

    // The hotline handles it; the unit's reply carries a photo, and the centre accepts it.
    const { users, units } = h.server.city;
    const session = async (username: string) => apiSignIn(h.server.app, username);
    const [dispatcher, handler, callback] = [
      await session(users.dispatcher),
      await session(users.handlerCgj),
      await session(users.callback),
    ];
    const call = async (who: { headers: Record<string, string> }, url: string, payload: unknown) => {
      const res = await h.server.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as never });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const { id } = (await orderRow(number))!;
    let t = await call(dispatcher, `/api/v1/tickets/${id}/dispatch`, { leadUnitId: units.cgj.id });
    t = await call(handler, `/api/v1/tickets/${id}/sign`, { version: t.version });
    const boundary = `----portal${Date.now()}`;
    const upload = await h.server.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { ...handler.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="repaired.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        PHOTO,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    t = await call(handler, `/api/v1/tickets/${id}/reply`, {
      version: t.version,
      content: '已修复塌陷路面并恢复通行。',
      attachmentIds: [upload.json().id],
    });
    t = await call(dispatcher, `/api/v1/tickets/${id}/review`, { version: t.version, decision: 'accept' });
    await call(callback, `/api/v1/tickets/${id}/callback`, { version: t.version, result: 'satisfied', isResolved: true });

    await page.getByRole('button', { name: '查看进度' }).click();
    await poll(() => page.getByTestId('portal-progress').getAttribute('data-status')).toBe('closed');
    await expect(page.getByTestId('portal-timeline').locator('[data-action=close]').textContent()).resolves.toContain('办结');
    const photo = page.getByTestId('portal-reply-photos').locator('img').first();
    await poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);

    // A reload keeps the order open from this tab's storage, not from the address.
    await page.reload();
    await poll(() => page.getByTestId('portal-progress').getAttribute('data-status')).toBe('closed');
    expect(new URL(page.url()).search).toBe('?tab=track');
    const leaks = addresses.filter((url) => url.includes(last4) || /phoneLast4|last4|token=/.test(url));
    expect(leaks).toEqual([]);

    // An old link with the digits in it loses them at once.
    await page.goto(`/portal?tab=track&number=${number}&last4=${last4}`);
    await poll(() => new URL(page.url()).searchParams.has('last4')).toBe(false);
  });

  it("speaks Korean, Japanese and English, and the order keeps the citizen's language", async () => {
    const page = await citizenPage();
    await page.goto('/portal');
    const switcher = page.getByTestId('language-switch');
    await switcher.getByText('한국어').click();
    await poll(() => page.getByTestId('portal-page').textContent()).toContain('12345 시민 민원');
    await expect(page.getByTestId('portal-submit').textContent()).resolves.toMatch(/제\s*출/);
    const number = await submitOnPortal(page, `집 앞 가로등이 고장났습니다 ${Date.now()}`, randomPhone());
    await expect(orderRow(number)).resolves.toMatchObject({ language: 'ko' });

    await page.goto('/portal');
    await page.getByTestId('language-switch').getByText('日本語').click();
    await poll(() => page.getByTestId('portal-page').textContent()).toContain('12345 市民の声');
    await page.getByTestId('language-switch').getByText('EN').click();
    await poll(() => page.getByTestId('portal-page').textContent()).toContain('12345 citizen requests');
  });
});
