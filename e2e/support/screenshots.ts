/**
 * Opens every workbench as the role that uses it and saves a screenshot (docs/screenshots/*.png), against
 * the in-process test server (the e2e test) or a running server such as the demo city (scripts/screenshots.ts --url).
 * Nothing here assumes ids or months of one city: what a shot needs is looked up through the API at run time.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newSession, signIn, type StorageState } from './browser.ts';
import type { TestServer } from './server.ts';

/** The roles the shots sign in as (the e2e city's user keys). */
export type ShotUser = keyof TestServer['city']['users'];

/** Where the shots are taken: a server's address and the username signing in for each role. */
export interface ShotTarget {
  url: string;
  password: string;
  users: Partial<Record<ShotUser, string>>;
}

interface Shot {
  file: string;
  user: ShotUser | null;
  /** The page to open; a function gets a page signed in as `user` (page.request carries its session) to look things up. */
  path: string | ((page: Page) => Promise<string>);
  ready: (page: Page) => Promise<unknown>;
  phone?: boolean;
  /** false: the viewport only (a modal's mask covers only the viewport); the default is the whole page except on a phone */
  fullPage?: boolean;
  /** The screen's language; Chinese when not given (each shot sets its own, so none inherits the one before's) */
  language?: 'zh' | 'en';
  before?: (page: Page) => Promise<unknown>;
}

const settle = (page: Page) => page.waitForLoadState('networkidle').catch(() => undefined);
/** YYYY-MM of today in Beijing. */
const thisMonth = () => new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
const monthBefore = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
/**
 * The month to assess: last month (the one usually assessed) when the city has orders created in it, otherwise
 * this month (the e2e city's orders are all from today).
 */
async function assessedMonth(page: Page): Promise<string> {
  const current = thisMonth();
  const last = monthBefore(current);
  const res = await page.request.get('/api/v1/tickets', {
    params: { from: `${last}-01T00:00:00+08:00`, to: `${current}-01T00:00:00+08:00`, limit: 1 },
  });
  if (!res.ok()) throw new Error(`screenshots: GET /api/v1/tickets answered ${res.status()}`);
  const { items } = (await res.json()) as { items: unknown[] };
  return items.length ? last : current;
}

export const SHOTS: Shot[] = [
  { file: 'login.png', user: null, path: '/login', ready: (p) => p.getByRole('button', { name: /登\s*录/ }).waitFor() },
  {
    file: 'agent-desk.png',
    user: 'agent',
    path: '/agent',
    ready: (p) => p.getByTestId('intake-form').waitFor(),
    before: async (p) => {
      await p.locator('#caller-phone').fill('13900001234');
      await p.locator('#caller-phone').press('Enter');
      await p
        .getByLabel('诉求内容')
        .fill('北岭区紫荆府小区从今天早上开始停水，也没有提前通知，家里老人孩子都没法用水，请问什么时候能恢复供水？');
      await p.locator('#knowledge-search').fill('停水');
      await p.locator('#knowledge-search').press('Enter');
      // on the demo city the trained model suggests the category (the small e2e city has no model): take it, so the
      // unit suggestions and similar orders show as an agent sees them mid-call
      const panel = p.getByTestId('suggestions-panel');
      const useCategory = panel
        .getByTestId('suggested-categories')
        .getByRole('button', { name: /选\s*用/ })
        .first();
      // without a model the panel says so at once (suggestion-reason): no need to wait for categories
      await useCategory
        .or(panel.getByTestId('suggestion-reason'))
        .first()
        .waitFor({ timeout: 40_000 })
        .catch(() => undefined);
      if (await useCategory.count()) {
        await useCategory.click();
        const useRegion = panel
          .locator('.ant-list')
          .filter({ hasText: '所属区域' })
          .getByRole('button', { name: /选\s*用/ })
          .first();
        if (await useRegion.count()) await useRegion.click();
        await panel
          .getByTestId('use-unit')
          .first()
          .waitFor({ timeout: 30_000 })
          .catch(() => undefined);
        await p
          .getByTestId('similar-item')
          .first()
          .waitFor({ timeout: 30_000 })
          .catch(() => undefined);
        await p
          .getByTestId('knowledge-item')
          .first()
          .waitFor({ timeout: 30_000 })
          .catch(() => undefined);
      }
    },
  },
  {
    file: 'unit-desk-en.png',
    user: 'handlerCgj',
    path: '/unit',
    language: 'en',
    ready: (p) => p.getByTestId('unit-ticket').first().waitFor(),
    before: async (p) => {
      await p.getByTestId('unit-ticket').first().click();
      await p.getByTestId('ticket-detail').waitFor();
    },
  },
  {
    file: 'dispatch.png',
    user: 'dispatcher',
    path: '/dispatch',
    ready: (p) => p.getByTestId('dispatch-queue').locator('tr[data-row-key]').first().waitFor(),
    // an order picked, as the dispatcher works: its suggestions with why, and the deadlines it will get
    before: async (p) => {
      const rows = p.getByTestId('dispatch-queue').locator('tr[data-row-key]');
      const heating = rows.filter({ hasText: '暖气' }).first();
      await ((await heating.count()) ? heating : rows.first()).locator('td').nth(2).click();
      const useUnit = p.getByTestId('dispatch-suggestions').getByTestId('use-unit').first();
      if (
        await useUnit.waitFor({ timeout: 30_000 }).then(
          () => true,
          () => false,
        )
      )
        await useUnit.click();
      await p
        .getByTestId('deadline-preview')
        .getByText(/办结时限|Due by/)
        .waitFor({ timeout: 30_000 })
        .catch(() => undefined);
    },
  },
  {
    file: 'unit-desk-phone.png',
    user: 'handlerCgj',
    path: '/unit',
    phone: true,
    ready: (p) => p.getByTestId('unit-ticket').first().waitFor(),
  },
  { file: 'unit-desk.png', user: 'handlerCgj', path: '/unit', ready: (p) => p.getByTestId('unit-ticket').first().waitFor() },
  { file: 'review.png', user: 'dispatcher', path: '/review', ready: (p) => p.getByTestId('review-reply').waitFor() },
  {
    file: 'callback.png',
    user: 'callback',
    path: '/review',
    ready: (p) => p.getByRole('tab', { name: '回访' }).waitFor(),
    before: async (p) => {
      await p.getByRole('tab', { name: '回访' }).click();
      await p.getByTestId('callback-script').waitFor();
    },
  },
  { file: 'supervision.png', user: 'supervisor', path: '/supervision', ready: (p) => p.getByTestId('supervision-page').waitFor() },
  {
    file: 'dashboard.png',
    user: 'leader',
    path: '/dashboard',
    ready: (p) => p.getByTestId('district-map').locator('canvas').waitFor(),
    // the figures come from the analytics rollups, slower than the map on a big city: wait until no card is still loading
    before: async (p) => {
      await p.getByTestId('stream-item').first().waitFor();
      await p.getByTestId('dashboard-page').locator('.ant-skeleton').first().waitFor({ state: 'detached', timeout: 60_000 });
    },
  },
  {
    file: 'supervision-hotspots.png',
    user: 'supervisor',
    path: '/supervision?tab=hotspots',
    ready: (p) => p.getByTestId('hotspots-panel').waitFor(),
    // the compute-hotspots job fills the panel; where jobs are off (the browser tests) it shows that it is computing
    before: (p) => p.getByTestId('hotspots-panel').locator('.ant-table, .ant-empty, [data-testid=hotspots-computing]').first().waitFor(),
  },
  {
    file: 'supervision-alerts.png',
    user: 'supervisor',
    path: '/supervision?tab=alerts',
    ready: (p) => p.getByTestId('alerts-panel').waitFor(),
    before: (p) => p.getByTestId('alerts-panel').locator('.ant-table, .ant-empty').first().waitFor(),
  },
  {
    file: 'admin-autodispatch.png',
    user: 'admin',
    path: '/admin/autodispatch',
    ready: (p) => p.getByTestId('auto-dispatch-admin').waitFor(),
    before: (p) => p.getByTestId('dispatch-accuracy').waitFor(),
  },
  { file: 'admin-models.png', user: 'admin', path: '/admin/models', ready: (p) => p.getByTestId('models-admin').waitFor() },
  // a key's row, or the empty list (the browser tests' small city has no keys)
  {
    file: 'admin-integrations.png',
    user: 'admin',
    path: '/admin/integrations',
    ready: (p) => p.locator('[data-testid="api-key"], [data-testid="api-keys-admin"] .ant-empty').first().waitFor(),
  },
  {
    file: 'quality.png',
    user: 'supervisor',
    path: '/quality',
    ready: (p) => p.getByTestId('quality-agents-table').locator('tr[data-row-key]').first().waitFor(),
  },
  {
    file: 'quality-calls.png',
    user: 'supervisor',
    path: '/quality?tab=calls',
    ready: (p) => p.getByTestId('quality-calls').locator('tr[data-row-key]').first().waitFor(),
  },
  {
    file: 'tickets.png',
    user: 'supervisor',
    path: '/tickets',
    ready: (p) => p.getByTestId('tickets-table').locator('tr[data-row-key]').first().waitFor(),
  },
  { file: 'admin-users.png', user: 'admin', path: '/admin/users', ready: (p) => p.locator('tr[data-row-key]').first().waitFor() },
  {
    file: 'admin-knowledge.png',
    user: 'admin',
    path: '/admin/knowledge',
    fullPage: false,
    ready: (p) => p.locator('tr[data-row-key]').first().waitFor(),
    before: async (p) => {
      await p
        .getByRole('button', { name: /编\s*辑/ })
        .first()
        .click();
      await p.locator('.ant-modal #validTo').waitFor();
    },
  },
  {
    file: 'admin-templates.png',
    user: 'admin',
    path: '/admin/templates',
    ready: (p) => p.getByTestId('templates-admin').waitFor(),
    // the demo city has templates, the e2e city none: show the first one's full text when there is one
    before: async (p) => {
      const table = p.getByTestId('templates-table');
      const first = table.locator('tr[data-template-id]').first();
      await first
        .or(table.locator('.ant-empty'))
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(() => undefined);
      if (await first.count()) await first.locator('.ant-table-row-expand-icon').click();
    },
  },
  { file: 'portal-phone.png', user: null, path: '/portal', phone: true, ready: (p) => p.getByTestId('portal-submit').waitFor() },
  // 数据分析: the assessment screen computes last month, or this month on a city with no older orders (the e2e city)
  {
    file: 'analytics-indicators.png',
    user: 'leader',
    path: '/analytics/indicators',
    ready: (p) => p.getByTestId('indicators-table').locator('tr[data-row-key]').first().waitFor(),
    // the trend beside the ranking loads last (a query per day of the period)
    before: async (p) => {
      await p
        .locator('canvas')
        .nth(1)
        .waitFor({ timeout: 90_000 })
        .catch(() => undefined);
    },
  },
  {
    file: 'analytics-assessment.png',
    user: 'supervisor',
    path: async (p) => `/analytics/assessment?month=${await assessedMonth(p)}`,
    ready: (p) => p.getByTestId('assessment-compute').waitFor(),
    before: async (p) => {
      await p.getByTestId('assessment-compute').click();
      await p.getByTestId('assessment-ranking').waitFor({ timeout: 60_000 });
    },
  },
  {
    file: 'analytics-reports.png',
    user: 'supervisor',
    path: '/analytics/reports',
    ready: (p) => p.getByTestId('report-form').waitFor(),
    before: async (p) => {
      await p.getByTestId('report-kind').getByText('月报').click();
      // the month assessed (last month when the city has it): a whole month, compared with the one before
      await p.locator('#date').fill(await assessedMonth(p));
      await p.locator('#date').press('Enter');
      // Enter in the date field may submit the form by itself (then the button is loading or the preview is open)
      const frame = p.getByTestId('report-pdf-frame');
      const isUnderway =
        (await frame.waitFor({ timeout: 2_000 }).then(
          () => true,
          () => false,
        )) || (await p.getByTestId('report-generate').evaluate((b) => b.classList.contains('ant-btn-loading')));
      if (!isUnderway) await p.getByTestId('report-generate').click();
      await frame.waitFor({ timeout: 60_000 });
      await p.getByRole('tab', { name: '数据摘要' }).click();
      await p.getByTestId('report-figures').waitFor();
    },
  },
  {
    file: 'analytics-staffing.png',
    user: 'supervisor',
    path: '/analytics/staffing',
    ready: (p) => p.getByTestId('staffing-curve').locator('canvas').waitFor({ timeout: 60_000 }),
    // a roster a little below the forecast peak, so the planned service level shows the half hours it falls short
    before: async (p) => {
      const peak = Number(
        await p
          .locator('.ant-statistic')
          .filter({ hasText: /峰值所需坐席/ })
          .locator('.ant-statistic-content-value')
          .innerText(),
      );
      await p.locator('#plannedAgents').fill(String(Number.isFinite(peak) ? Math.max(1, Math.floor(peak * 0.8)) : 2));
      await p.getByTestId('staffing-run').click();
      await p.getByTestId('staffing-table').waitFor();
    },
  },
  {
    file: 'analytics-my-unit.png',
    user: 'unitAdminZs',
    path: async (p) => `/analytics/my-unit?month=${await assessedMonth(p)}`,
    ready: (p) => p.getByTestId('my-unit-assessment').waitFor(),
  },
];

/** The in-process test server as a target: the e2e city's users. */
export const targetOf = (server: TestServer): ShotTarget => ({ url: server.url, password: server.city.password, users: server.city.users });

export async function takeScreenshots(
  where: TestServer | ShotTarget,
  browser: Browser,
  outDir: string,
  only?: string[],
  /** Called with each page just before it is captured (tests look at what was shot). */
  onShot?: (file: string, page: Page) => Promise<void>,
): Promise<string[]> {
  const target = 'city' in where ? targetOf(where) : where;
  await mkdir(outDir, { recursive: true });
  const saved: string[] = [];
  // One sign-in per user: sign-in is rate-limited. Only the cookies are kept: the language a shot picked (kept in
  // localStorage) followed the user into the next shot, and unit-desk.png came out in English after unit-desk-en.png.
  const states = new Map<string, StorageState>();
  for (const shot of SHOTS) {
    if (only && !only.some((o) => shot.file.includes(o))) continue;
    const username = shot.user ? target.users[shot.user] : undefined;
    if (shot.user && !username) throw new Error(`screenshots: no username for role ${shot.user} (${shot.file})`);
    const { context, page } = await newSession(browser, target.url, {
      phone: shot.phone,
      language: shot.language ?? 'zh',
      storageState: shot.user ? states.get(shot.user) : undefined,
    });
    // the demo city on a shared, loaded machine answers slower than the e2e city
    page.setDefaultTimeout(60_000);
    try {
      if (shot.user && !states.has(shot.user)) {
        await signIn(page, username!, target.password);
        states.set(shot.user, { cookies: (await context.storageState()).cookies, origins: [] });
      }
      await page.goto(typeof shot.path === 'string' ? shot.path : await shot.path(page));
      await shot.ready(page);
      await shot.before?.(page);
      await settle(page);
      await page.waitForTimeout(400);
      const file = path.join(outDir, shot.file);
      await onShot?.(file, page);
      // a long page on a loaded machine can take longer than the default 15 s to capture
      await page.screenshot({ path: file, fullPage: shot.fullPage ?? !shot.phone, timeout: 90_000 });
      saved.push(file);
    } finally {
      await context.close();
    }
  }
  return saved;
}
