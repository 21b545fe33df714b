/**
 * Chromium driven by playwright-core, headless, with the flags a CI container needs: CHROMIUM_PATH when
 * set, else Debian's /usr/bin/chromium, else the Chromium shipped inside the npm package @sparticuz/chromium.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT = { width: 1440, height: 900 };

/** The Chromium to drive, with the flags it needs: the configured one, Debian's, or the npm package's (unpacked to /tmp on first use). */
export async function chromiumToLaunch(
  env: NodeJS.ProcessEnv = process.env,
  debianPath = DEBIAN_CHROMIUM,
): Promise<{ executablePath: string; args: string[]; env?: Record<string, string> }> {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, args: [] };
  if (existsSync(debianPath)) return { executablePath: debianPath, args: [] };
  // The serverless build brings its own fonts (unpacked beside it; without them it aborts). Its flags are for a
  // one-page lambda: --single-process lets browser contexts share cookies, so a second signed-in role saw the first.
  const { default: bundled } = await import('@sparticuz/chromium');
  const executablePath = await bundled.executablePath();
  return {
    executablePath,
    args: bundled.args.filter((a) => !a.startsWith('--headless') && a !== '--single-process' && a !== '--no-zygote'),
    env: { FONTCONFIG_PATH: path.join(os.tmpdir(), 'fonts') },
  };
}

/** `args`: extra Chromium flags, e.g. FAKE_MEDIA for the browser phone. */
export async function launchBrowser(options: { args?: string[] } = {}): Promise<Browser> {
  let executablePath = '(none found)';
  try {
    const found = await chromiumToLaunch();
    executablePath = found.executablePath;
    return await chromium.launch({
      executablePath,
      headless: true,
      env: found.env ? ({ ...process.env, ...found.env } as Record<string, string>) : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-dev-shm-usage',
        ...found.args,
        ...(options.args ?? []),
      ],
    });
  } catch (err) {
    const reason = String((err as Error).message ?? err).split('\n')[0];
    throw new Error(
      `Chromium could not start (${executablePath}): apt-get install chromium, or npm install for @sparticuz/chromium, or set CHROMIUM_PATH — ${reason}`,
      { cause: err },
    );
  }
}

/** A microphone that plays a test tone, granted without asking, and audio that may play without a click. */
export const FAKE_MEDIA = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export async function newSession(
  browser: Browser,
  baseURL: string,
  options: { phone?: boolean; language?: 'zh' | 'en'; storageState?: StorageState } = {},
): Promise<{ context: BrowserContext; page: Page }> {
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
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(`${page.url()}: ${message.text()}`);
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
  await Promise.all(
    pages.map(async (page, i) => {
      if (page.isClosed()) return;
      const file = `${dir}/${label.replace(/[^\w-]+/g, '_')}-${i}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`[e2e] failure screenshot ${file} (${page.url()})`);
    }),
  );
}

export function forgetOpenPages() {
  openPages.splice(0);
}
