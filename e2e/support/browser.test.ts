import { existsSync } from 'node:fs';
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
    expect(args).toContain('--single-process');
  }, 120_000);
});
