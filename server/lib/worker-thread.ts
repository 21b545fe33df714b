/**
 * Runs a TypeScript module's task on a worker thread: corpus-wide computations (training, hotspots) take seconds to
 * minutes of pure CPU, which on the main thread would stop the server answering anyone for that long.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker that loads `moduleUrl` (whose top level checks `workerData.task` and posts one reply), and resolves
 * with that reply. The thread registers tsx itself: hooks given by --import do not reach a worker's entry on Node 20.
 */
export function runModuleInThread<Reply>(moduleUrl: string, workerData: { task: string } & Record<string, unknown>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const bootstrap = moduleUrl.endsWith('.ts')
      ? `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); })`
      : `import(${JSON.stringify(moduleUrl)})`;
    const worker = new Worker(bootstrap, { eval: true, workerData });
    let isSettled = false;
    worker.once('message', (reply: Reply) => {
      isSettled = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', (error) => { if (!isSettled) { isSettled = true; reject(error); } });
    worker.once('exit', (code) => { if (!isSettled) { isSettled = true; reject(new Error(`worker thread exited with code ${code}`)); } });
  });
}
