import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumToLaunch } from './browser.ts';

describe('chromiumToLaunch', () => {
  it('takes CHROMIUM_PATH first', async () => {
    expect(await chromiumToLaunch({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toEqual({ executablePath: '/opt/chrome/chrome', args: [] });
  });

  it('falls back to the Chromium shipped in @sparticuz/chromium when Debian has none', async () => {
    const { executablePath, args, env } = await chromiumToLaunch({}, '/nonexistent/chromium');
    expect(existsSync(`${env!.FONTCONFIG_PATH}/fonts.conf`)).toBe(true);
    expect(executablePath).not.toBe('/nonexistent/chromium');
    expect(existsSync(executablePath)).toBe(true);
    expect(args).not.toContain('--single-process');
  }, 120_000);

  it('keeps each browser context signed in as itself with the npm Chromium (two roles in one test)', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/set') res.setHeader('Set-Cookie', 'sid=first; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax');
      res.end(req.headers.cookie ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const found = await chromiumToLaunch({}, '/nonexistent/chromium');
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      headless: true,
      args: ['--no-sandbox', ...found.args],
      env: { ...process.env, ...found.env } as Record<string, string>,
    });
    try {
      const first = await (await browser.newContext()).newPage();
      await first.goto(`${base}/set`);
      expect(await (await first.goto(`${base}/echo`))!.text()).toBe('sid=first');
      const second = await (await browser.newContext()).newPage();
      expect(await (await second.goto(`${base}/echo`))!.text()).toBe('');
    } finally {
      await browser.close();
      server.close();
    }
  }, 120_000);
});
