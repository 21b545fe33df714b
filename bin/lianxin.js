#!/usr/bin/env node
// Launcher for the `lianxin` command: runs the compiled CLI (dist/, made by `npm run build` or `npm start`) when it
// is there, else registers tsx and runs the TypeScript source, so a fresh clone works without a build step.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/server/cli.js', import.meta.url);
let main;
if (existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../server/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
