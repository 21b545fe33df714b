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
});
