#!/usr/bin/env node
// Launcher for the `lianxin` command: runs the compiled CLI (dist/, made by `npm run build` or `npm start`) when it
// is there and no newer than the sources, else registers tsx and runs the TypeScript source, so a fresh clone works
// without a build step and an edited checkout never runs yesterday's build.
import { existsSync, readdirSync, statSync } from 'node:fs';

const compiled = new URL('../dist/server/cli.js', import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const child = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(child) : statSync(child).mtimeMs);
  }
  return newest;
}

const sources = ['../server/', '../common/'].map((dir) => new URL(dir, import.meta.url)).filter((dir) => existsSync(dir));
const builtIsCurrent = existsSync(compiled) && sources.every((dir) => newestSource(dir) <= statSync(compiled).mtimeMs);
let main;
if (builtIsCurrent) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../server/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
