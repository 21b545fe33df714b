/** Every workbench renders for the role that uses it (the same pass scripts/screenshots.ts saves for the docs). */
import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, takeScreenshots } from './support/screenshots.ts';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: true });

describe('workbench screenshots', () => {
  it('renders and captures every workbench', async () => {
    const dir = process.env.SCREENSHOTS_DIR ?? (await mkdtemp(path.join(os.tmpdir(), 'lianxin-shots-')));
    const files = await takeScreenshots(h.server, h.browser, dir);
    expect(files).toHaveLength(SHOTS.length);
    for (const file of files) expect((await stat(file)).size).toBeGreaterThan(10_000);
    // one pass over every screen (25+), some of which compute an assessment or render a report
  }, 420_000);

  it('takes each shot in its own language, whatever the shot before it used', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lianxin-shots-'));
    const languages: Record<string, string | null> = {};
    // unit-desk-en.png signs the handler in, then unit-desk-phone.png and unit-desk.png reuse that session
    await takeScreenshots(h.server, h.browser, dir, ['unit-desk'], async (file, page) => {
      languages[path.basename(file)] = await page.evaluate(
        () => document.querySelector('[data-testid="unit-ticket"]') && (localStorage.getItem('lx_lang') ?? 'zh'),
      );
    });
    expect(languages).toEqual({ 'unit-desk-en.png': 'en', 'unit-desk-phone.png': 'zh', 'unit-desk.png': 'zh' });
  });
});
