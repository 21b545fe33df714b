/**
 * Saves a screenshot of every workbench under docs/screenshots/, against an in-process server with
 * a small demo city. Run: tsx scripts/screenshots.ts [name-filter …]   (needs /usr/bin/chromium)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/support/browser.ts';
import { takeScreenshots } from '../e2e/support/screenshots.ts';
import { startTestServer } from '../e2e/support/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const files = await takeScreenshots(server, browser, path.join(root, 'docs/screenshots'), only.length ? only : undefined);
  for (const file of files) console.log(`saved ${path.relative(root, file)}`);
} finally {
  await browser.close();
  await server.close();
}
