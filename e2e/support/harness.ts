/** Shared setup of a browser test file: one server, one browser, screenshots of open pages on failure. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signIn as apiSignIn } from '../../test/factories/orgs.ts';
import { forgetOpenPages, launchBrowser, newSession, signIn, snapshotOpenPages, type StorageState } from './browser.ts';
import { apiAs } from './seed.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface Harness {
  server: TestServer;
  browser: Browser;
  /** A signed-in page of `username` at `path`. */
  openAs(username: string, path: string, options?: { phone?: boolean }): Promise<Page>;
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
  // Sessions are reused per user: sign-in is rate-limited (20 a minute per address).
  const states = new Map<string, StorageState>();
  const apiSessions = new Map<string, ReturnType<typeof apiAs>>();
  harness.openAs = async (username, path, opts = {}) => {
    const { page, context } = await newSession(harness.browser, harness.server.url, { ...opts, storageState: states.get(username) });
    if (!states.has(username)) {
      await signIn(page, username, harness.server.city.password);
      states.set(username, await context.storageState());
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
