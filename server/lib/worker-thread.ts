/**
 * Runs a TypeScript module's task on a worker thread: corpus-wide computations (training, hotspots) take seconds to
 * minutes of pure CPU, which on the main thread would stop the server answering anyone for that long.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The worker's entry: the compiled server (`.js`) imports the module as it is; the source (`.ts`, under tsx in
 * development and tests) registers tsx in the thread first, as hooks given by --import do not reach a worker's entry.
 */
function bootstrapFor(moduleUrl: string): string {
  if (!moduleUrl.endsWith('.ts')) return `import(${JSON.stringify(moduleUrl)})`;
  const tsxApi = pathToFileURL(
    path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); })`;
}

/** Starts a worker that loads `moduleUrl` (whose top level checks `workerData.task` and posts one reply), and resolves with that reply. */
export function runModuleInThread<Reply>(moduleUrl: string, workerData: { task: string } & Record<string, unknown>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrapFor(moduleUrl), { eval: true, workerData });
    let isSettled = false;
    worker.once('message', (reply: Reply) => {
      isSettled = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!isSettled) {
        isSettled = true;
        reject(error);
      }
    });
    worker.once('exit', (code) => {
      if (!isSettled) {
        isSettled = true;
        reject(new Error(`worker thread exited with code ${code}`));
      }
    });
  });
}
