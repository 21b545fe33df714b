/**
 * Builds the web app (web/dist) when it is missing or older than its sources, so `npm start`
 * and `npm test` always serve the current screens. Run: tsx scripts/build-web-if-needed.ts [--force]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtMarker = path.join(root, 'web/dist/index.html');
/** What the bundle is made of: the app, its shared vocabularies, the build config and the locked packages. */
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'common', 'package-lock.json'];

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when web/dist is missing or a source changed after the last build. */
export function isWebBuildStale(): boolean {
  const built = newestMtime(builtMarker);
  if (!built) return true;
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

export async function buildWebIfNeeded(options: { force?: boolean; quiet?: boolean } = {}): Promise<boolean> {
  if (!options.force && !isWebBuildStale()) return false;
  const started = Date.now();
  if (!options.quiet) console.log('正在构建 Web 端 Building the web app (web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: options.quiet ? 'error' : 'warn' });
  if (!options.quiet) console.log(`Web 端已构建 Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const didBuild = await buildWebIfNeeded({ force: process.argv.includes('--force') });
    if (!didBuild) console.log('Web 端已是最新 Web app is up to date (web/dist)');
  } catch (err) {
    console.error('Web 端构建失败 Web build failed:', err);
    process.exit(1);
  }
}
