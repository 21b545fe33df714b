import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumExecutable } from './browser.ts';

describe('chromiumExecutable', () => {
  it('takes CHROMIUM_PATH first', async () => {
    expect(await chromiumExecutable({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
  });

  it('falls back to the Chromium shipped in @sparticuz/chromium when Debian has none', async () => {
    const path = await chromiumExecutable({}, '/nonexistent/chromium');
    expect(path).not.toBe('/nonexistent/chromium');
    expect(existsSync(path)).toBe(true);
  }, 120_000);
});
