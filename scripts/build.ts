/**
 * Builds what production runs: the web app (Vite, web/dist) and the server compiled to JavaScript (tsc, dist/).
 * `npm start` and `npm test` call it so each part is rebuilt only when it is missing or older than its sources.
 * Run: tsx scripts/build.ts [--force] [--if-needed]   (`npm run build` forces both)
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Target {
  /** A file the build writes last: its time is the build's time. */
  marker: string;
  /** What the output is made of: its code, the build config and the locked packages. */
  sources: string[];
}
const WEB: Target = {
  marker: 'web/dist/index.html',
  sources: ['web/src', 'web/index.html', 'web/vite.config.ts', 'common', 'package-lock.json'],
};
const SERVER: Target = {
  marker: 'dist/server/main.js',
  sources: ['server', 'common', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
};

/** The compiled server's entry, run by `npm start` and bin/lianxin.js. */
export const serverEntry = path.join(root, SERVER.marker);

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

function isStale(target: Target): boolean {
  const built = newestMtime(path.join(root, target.marker));
  if (!built) return true;
  return target.sources.some((s) => newestMtime(path.join(root, s)) > built);
}

/** True when web/dist is missing or a source changed after the last build. */
export const isWebBuildStale = (): boolean => isStale(WEB);
/** True when dist/ is missing or a server source changed after the last build. */
export const isServerBuildStale = (): boolean => isStale(SERVER);

type BuildOptions = { force?: boolean; quiet?: boolean };

async function timed(zh: string, en: string, options: BuildOptions, build: () => Promise<void>): Promise<void> {
  const started = Date.now();
  if (!options.quiet) console.log(`正在构建${zh} Building ${en}…`);
  await build();
  if (!options.quiet) console.log(`${zh}已构建 Built ${en} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function buildWebIfNeeded(options: BuildOptions = {}): Promise<boolean> {
  if (!options.force && !isWebBuildStale()) return false;
  await timed('Web 端', 'the web app (web/dist)', options, async () => {
    const { build } = await import('vite');
    // Vite builds React's development runtime when NODE_ENV says so, and vitest sets it to 'test': a browser test that
    // built the app itself would otherwise drive a bundle no user gets (jsx-dev-runtime, antd's dev-only styles).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: options.quiet ? 'error' : 'warn' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  });
  return true;
}

/**
 * Compiles server/ and common/ to dist/ with tsc (tsconfig.build.json rewrites the `.ts` imports to `.js`). The old
 * output is removed first, so a deleted source never lives on as a stale module.
 */
export async function buildServerIfNeeded(options: BuildOptions = {}): Promise<boolean> {
  if (!options.force && !isServerBuildStale()) return false;
  await timed('服务端', 'the server (dist/)', options, async () => {
    fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    try {
      await promisify(execFile)(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`tsc failed:\n${stdout}${stderr}`, { cause: error });
    }
  });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = !process.argv.includes('--if-needed') || process.argv.includes('--force');
  try {
    const didBuildWeb = await buildWebIfNeeded({ force });
    const didBuildServer = await buildServerIfNeeded({ force });
    if (!didBuildWeb && !didBuildServer) console.log('已是最新 Web app and server are up to date (web/dist, dist/)');
  } catch (err) {
    console.error('构建失败 Build failed:', err);
    process.exit(1);
  }
}
