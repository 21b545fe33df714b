/** Shared setup of a browser test file: one server, one browser, screenshots of open pages on failure. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signIn as apiSignIn } from '../../test/factories/orgs.ts';
import { forgetOpenPages, launchBrowser, newSession, signIn, snapshotOpenPages, type StorageState } from './browser.ts';
import { apiAs } from './seed.ts';
import { startTestServer, type TestServer } from './server.ts';

/** A phone-sized page, the language the user picked, a desktop size other than the default. */
export interface OpenOptions {
  phone?: boolean;
  language?: 'zh' | 'en';
  viewport?: { width: number; height: number };
}

export interface Harness {
  server: TestServer;
  browser: Browser;
  /** A signed-in page of `username` at `path`. */
  openAs(username: string, path: string, options?: OpenOptions): Promise<Page>;
  /** API calls as `username`, through the real routes. */
  apiFor(username: string): Promise<ReturnType<typeof apiAs>>;
}

export function useHarness(options: { seedTickets?: boolean } = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await startTestServer({ seedTickets: options.seedTickets ?? false });
    harness.browser = await launchBrowser();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await snapshotOpenPages(ctx.task.name);
    else forgetOpenPages();
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  // Sessions are reused per user: sign-in is rate-limited (20 a minute per address). Only the cookies are kept, so
  // that a language one test picked (kept in localStorage) does not follow the user into the next test.
  const states = new Map<string, StorageState>();
  const apiSessions = new Map<string, ReturnType<typeof apiAs>>();
  harness.openAs = async (username, path, { viewport, ...opts } = {}) => {
    const { page, context } = await newSession(harness.browser, harness.server.url, { ...opts, storageState: states.get(username) });
    if (viewport) await page.setViewportSize(viewport);
    if (!states.has(username)) {
      await signIn(page, username, harness.server.city.password);
      states.set(username, { cookies: (await context.storageState()).cookies, origins: [] });
    }
    await page.goto(path);
    return page;
  };
  harness.apiFor = async (username) => {
    if (!apiSessions.has(username)) apiSessions.set(username, apiAs(harness.server.app, await apiSignIn(harness.server.app, username)));
    return apiSessions.get(username)!;
  };
  return harness;
}
