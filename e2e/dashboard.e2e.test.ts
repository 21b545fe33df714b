/**
 * 领导驾驶舱 and 预警 as a leader uses them on the wall: each count card opens exactly the orders it counts and says
 * what it counts; the dashboard fills the screen; alerts of one place and category read apart, and state their size
 * as counts against the usual level; a month's assessment is there without anyone pressing 计算考核.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { tickets } from '../server/db/schema.ts';
import { SYSTEM_ACTOR } from '../server/lib/actor.ts';
import { jobDefinitions } from '../server/jobs/index.ts';
import { runDueJobs } from '../server/jobs/runner.ts';
import { surgeWindows } from '../server/modules/insight/alerts/alert-windows.ts';
import { monthOf, shiftMonth, today } from '../server/modules/analytics/periods.ts';
import { buildOrder, orderStory } from '../test/factories/analytics.ts';
import { insertTicketRow } from '../test/factories/citizens.ts';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: false });
const SHOTS = process.env.DESK_SHOTS_DIR;
/** DESK_SHOTS_DIR=… keeps screenshots to look at; the pause only lets a tooltip finish fading in for the picture. */
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describe('dashboard', () => {
  it('opens from each count card exactly the orders it counts, and says what it counts', async () => {
    const { app, city } = h.server;
    const db = app.services.db;
    // today: three orders, one contact closed as invalid; one order overdue and one close to its deadline
    const orders = [];
    for (let i = 0; i < 3; i++) orders.push(await buildOrder(db, { at: minutesAgo(5 + i), title: `驾驶舱测试工单 ${i}` }));
    await orderStory(db, (await buildOrder(db, { at: minutesAgo(4) })).id).invalidate(minutesAgo(3));
    await (await orderStory(db, orders[0].id).dispatch(minutesAgo(2), city.units.cgj.id)).overdue(minutesAgo(1));
    await orderStory(db, orders[1].id).dispatch(minutesAgo(2), city.units.cgj.id);
    await db.update(tickets).set({ slaState: 'at_risk' }).where(eq(tickets.id, orders[1].id));
    await app.services.analytics.rollups.refresh();

    const page = await h.openAs(city.users.leader, '/dashboard');
    const card = (key: string) => page.getByTestId(`kpi-${key}`);
    await expect.poll(() => card('today').getAttribute('data-value'), { timeout: 20_000 }).toBe('3');
    await shot(page, 'dashboard');

    // the definition: what is counted, over which period
    await card('month').getByTestId('kpi-definition').hover();
    const tip = page.locator('.ant-tooltip').filter({ hasText: '本月受理工单' });
    await tip.waitFor();
    await expect(tip.textContent()).resolves.toMatch(
      new RegExp(`${monthOf(today(new Date()))}-01 至 ${today(new Date())} 受理的诉求，不含无效件、并单和转出件`),
    );
    await shot(page, 'dashboard-definition');
    await card('satisfaction').getByTestId('kpi-definition').hover();
    await page.locator('.ant-tooltip').filter({ hasText: '满意率：' }).waitFor();

    for (const key of ['today', 'month', 'overdue', 'atRisk']) {
      await page.goto('/dashboard');
      await expect.poll(() => card(key).getAttribute('data-value'), { timeout: 20_000 }).toMatch(/^\d+$/);
      const counted = Number(await card(key).getAttribute('data-value'));
      expect(counted, key).toBeGreaterThan(0);
      await card(key).click();
      await page.getByTestId('tickets-from-dashboard').waitFor();
      await expect
        .poll(async () => Number(await page.getByTestId('list-total').getAttribute('data-total')), { timeout: 20_000 })
        .toBe(counted);
      if (key === 'overdue') {
        await page.locator(`tr[data-row-key="${orders[0].id}"]`).waitFor();
        await shot(page, 'dashboard-overdue-orders');
      }
    }
    // a rate counts callbacks or replies, not orders: its card leads to that indicator's figures by unit for the month
    await page.goto('/dashboard');
    await card('resolution').click();
    await page.getByText('解决率 走势').waitFor();
  });

  it('marks today on the 30-day trend as a day still under way, so its short count does not read as a collapse', async () => {
    const page = await h.openAs(h.server.city.users.leader, '/dashboard');
    const day = today(new Date());
    const yesterday = today(new Date(Date.now() - 86_400_000));
    await expect.poll(() => page.getByTestId('trend-partial-note').textContent(), { timeout: 20_000 }).toContain(day);
    const chart = page.getByTestId('dashboard-trend');
    const box = (await chart.boundingBox())!;
    // the plot runs from 40 px to 16 px short of the right edge, one band per day, 30 days
    const band = (box.width - 56) / 30;
    const tooltipAt = async (fromRight: number, label: string) => {
      await page.mouse.move(box.x + box.width - 16 - band * fromRight, box.y + box.height / 2);
      const tip = chart
        .locator('div')
        .filter({ hasText: new RegExp(`^${label}`) })
        .last();
      await tip.waitFor();
      return tip.textContent();
    };
    await expect(tooltipAt(0.5, day.slice(5))).resolves.toContain('今日，未满一天');
    await expect(tooltipAt(1.5, yesterday.slice(5))).resolves.not.toContain('未满一天');
    await shot(page, 'dashboard-trend-today');
  });

  it('fills the screen for the wall and goes back', async () => {
    const page = await h.openAs(h.server.city.users.leader, '/dashboard');
    const screen = page.getByTestId('dashboard-page');
    await page.getByTestId('kpi-today').waitFor();
    await page.getByTestId('dashboard-fullscreen').click();
    await expect
      .poll(() => page.evaluate(() => (document.fullscreenElement as HTMLElement | null)?.dataset.testid ?? null))
      .toBe('dashboard-page');
    await expect.poll(() => screen.getAttribute('data-wall')).toBe('true');
    await expect(page.getByTestId('dashboard-fullscreen').textContent()).resolves.toMatch(/退出全屏/);
    await shot(page, 'dashboard-wall');
    await page.getByTestId('dashboard-fullscreen').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await expect.poll(() => screen.getAttribute('data-wall')).toBe('false');
  });

  it('reaches the 全屏 and 全屏大屏 controls from the keyboard, each a button named as it reads', async () => {
    const page = await h.openAs(h.server.city.users.leader, '/dashboard');
    const screen = page.getByTestId('dashboard-page');
    await page.getByTestId('kpi-today').waitFor();
    // by role and by its exact name, as a screen reader announces it (not "fullscreen 全屏")
    const enter = page.getByRole('button', { name: '全屏', exact: true });
    await expect(enter.count()).resolves.toBe(1);
    /** Tabs from the top of the page to the control named `name`; the tab stops it took. */
    const tabTo = async (name: string) => {
      await page.locator('body').focus();
      for (let stops = 1; stops <= 60; stops++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el ? { tag: el.tagName, label: el.getAttribute('aria-label') ?? el.textContent?.trim() } : null;
        });
        if (focused?.label === name) return { stops, tag: focused.tag };
      }
      return null;
    };
    await expect(tabTo('全屏')).resolves.toMatchObject({ tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await expect.poll(() => screen.getAttribute('data-wall')).toBe('true');
    await page.getByRole('button', { name: '退出全屏', exact: true }).click();
    await expect.poll(() => screen.getAttribute('data-wall')).toBe('false');

    // the wallboard card's way to the wall view: one control, one tab stop (it was a button inside a link)
    await page.getByTestId('dashboard-wallboard').waitFor();
    const open = page.getByTestId('dashboard-wallboard').getByRole('button', { name: '全屏大屏', exact: true });
    await expect(open.count()).resolves.toBe(1);
    await expect(page.getByTestId('dashboard-wallboard').locator('a button, a [role=button]').count()).resolves.toBe(0);
    await expect(tabTo('全屏大屏')).resolves.toMatchObject({ tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await page.getByTestId('wall-view').waitFor();
    await expect(page.getByTestId('wall-view').locator('a button, a [role=button]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '退出大屏', exact: true }).click();
    await page.getByTestId('wallboard-page').waitFor();
  });

  it('tells two alerts of one place and category apart, and states them as counts against the usual level', async () => {
    const { app, city } = h.server;
    // a burst of noise complaints in 临江区 during the last complete hour, where there were none before: an hour's and the day's alert
    const { hour } = surgeWindows(new Date());
    for (let i = 0; i < 12; i++) {
      await insertTicketRow(app.services.db, {
        title: '滨江路酒吧夜间噪音扰民',
        content: '滨江路酒吧每晚音乐声很大，影响休息。',
        categoryId: city.categories.noise.id,
        regionId: city.regions.districts['临江区'],
        createdAt: new Date(hour.start.getTime() + i * 4 * 60_000),
      });
    }
    const outcome = await app.services.insight.detectSurgeAlerts(SYSTEM_ACTOR);
    expect(outcome.raised).toBeGreaterThanOrEqual(2);

    const page = await h.openAs(city.users.leader, '/dashboard');
    const rows = page.getByTestId('alerts-panel').getByTestId('alert').filter({ hasText: '临江区' });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const texts = await rows.allTextContents();
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.some((t) => t.includes('全天'))).toBe(true);
    expect(texts.some((t) => /\d{2}:00–\d{2}:00/.test(t))).toBe(true);
    for (const t of texts) {
      expect(t).toMatch(/12 件，通常(约 \d+|不到 1) 件/);
      expect(t).not.toMatch(/%/);
    }
    await rows.first().scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-alerts');

    const table = await h.openAs(city.users.supervisor, '/supervision?tab=alerts');
    const counts = table.getByTestId('alerts-panel').getByTestId('alert-counts');
    await counts.first().waitFor({ timeout: 20_000 });
    for (const t of await counts.allTextContents()) expect(t).toMatch(/^\d+ 件，通常(约 \d+|不到 1) 件$/);
    await shot(table, 'alerts-table');
  });
});

describe('monthly assessment', () => {
  it('computes a month on its first view in the background, without anyone pressing 计算考核', async () => {
    const { app, city } = h.server;
    const db = app.services.db;
    const month = shiftMonth(monthOf(today(new Date())), -2);
    const order = await buildOrder(db, { at: `${month}-03T08:00:00+08:00`, type: 'complaint' });
    await (
      await orderStory(db, order.id).dispatch(`${month}-03T09:00:00+08:00`, city.units.cgj.id)
    ).sign(`${month}-03T10:00:00+08:00`, true);

    const page = await h.openAs(city.users.supervisor, `/analytics/assessment?month=${month}`);
    await page.getByTestId('assessment-computing').waitFor({ timeout: 20_000 });
    await shot(page, 'assessment-computing');
    // what the app's job loop does in the background (jobs are off in this harness)
    await runDueJobs(
      app.services,
      jobDefinitions.filter((d) => d.name === 'compute-monthly-assessments'),
    );
    await page.getByTestId('assessment-ranking').waitFor({ timeout: 20_000 });
    await page.getByTestId('assessment-ranking').locator('tr', { hasText: city.units.cgj.name }).waitFor();
    await expect(page.textContent('body')).resolves.toMatch(/草稿/);
    await shot(page, 'assessment-computed');
  });
});
