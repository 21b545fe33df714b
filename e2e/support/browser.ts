/** Debian's Chromium driven by playwright-core, headless, with the flags a CI container needs. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT = { width: 1440, height: 900 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function newSession(browser: Browser, baseURL: string, options: { phone?: boolean; language?: 'zh' | 'en'; storageState?: StorageState } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    storageState: options.storageState,
    viewport: options.phone ? PHONE_VIEWPORT : DESKTOP_VIEWPORT,
    deviceScaleFactor: 1,
    isMobile: !!options.phone,
    hasTouch: !!options.phone,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  if (options.language) {
    await context.addInitScript((lang) => localStorage.setItem('lx_lang', lang), options.language);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  openPages.push(page);
  page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && process.env.E2E_DEBUG) console.error(`[browser] ${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return { context, page };
}

/** Signs in through the login page and waits for the role's workbench. */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const openPages: Page[] = [];

/** Everything the browser refused under the server's Content-Security-Policy (should stay empty). */
export const cspViolations: string[] = [];

/** Saves a screenshot of every page still open (called when a test fails) and forgets them. */
export async function snapshotOpenPages(label: string, dir = process.env.E2E_FAILURE_DIR ?? '/tmp/lianxin-e2e-failures') {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  const pages = openPages.splice(0);
  await Promise.all(pages.map(async (page, i) => {
    if (page.isClosed()) return;
    const file = `${dir}/${label.replace(/[^\w-]+/g, '_')}-${i}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`[e2e] failure screenshot ${file} (${page.url()})`);
  }));
}

export function forgetOpenPages() {
  openPages.splice(0);
}
