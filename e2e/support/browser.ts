/** Debian's Chromium driven by playwright-core, headless, with the flags a CI container needs. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT = { width: 1440, height: 900 };

/** `args`: extra Chromium flags, e.g. FAKE_MEDIA for the browser phone. */
export function launchBrowser(options: { args?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage', ...(options.args ?? [])],
  });
}

/** A microphone that plays a test tone, granted without asking, and audio that may play without a click. */
export const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];

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
