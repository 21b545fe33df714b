/**
 * Trains a text classifier on a worker thread. Training on a centre's history is seconds to minutes of
 * pure computation; on the main thread it would stop the server answering anyone for that long.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serializeClassifier } from './model-io.ts';
import { TrainingDataError, trainTextClassifier, type TextExample } from './text-classifier.ts';

type TrainReport = ReturnType<typeof trainTextClassifier>['report'];
export interface ThreadTrainingResult {
  /** The serialized classifier (model-io format) */
  model: string;
  report: TrainReport;
  labelCount: number;
  trainedOn: ReturnType<typeof trainTextClassifier>['classifier']['trainedOn'];
}
type WorkerReply =
  | { ok: true; result: ThreadTrainingResult }
  | { ok: false; trainingError?: { code: TrainingDataError['code']; message: string; messageEn: string }; message?: string; stack?: string };

const TASK = 'lianxin-train-text-classifier';

export function trainClassifierInThread(examples: TextExample[], priors: TextExample[] | undefined): Promise<ThreadTrainingResult> {
  return new Promise((resolve, reject) => {
    // The thread registers tsx itself, then loads this TypeScript file: hooks given by --import do not reach a worker's entry on Node 20.
    const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { task: TASK, examples, priors } });
    let isSettled = false;
    worker.once('message', (reply: WorkerReply) => {
      isSettled = true;
      if (reply.ok) resolve(reply.result);
      else if (reply.trainingError) reject(new TrainingDataError(reply.trainingError.code, reply.trainingError.message, reply.trainingError.messageEn));
      else reject(Object.assign(new Error(reply.message ?? 'training failed'), { stack: reply.stack }));
      void worker.terminate();
    });
    worker.once('error', (error) => { if (!isSettled) { isSettled = true; reject(error); } });
    worker.once('exit', (code) => { if (!isSettled) { isSettled = true; reject(new Error(`training thread exited with code ${code}`)); } });
  });
}

if (!isMainThread && workerData?.task === TASK) {
  const { examples, priors } = workerData as { examples: TextExample[]; priors?: TextExample[] };
  let reply: WorkerReply;
  try {
    const { classifier, report } = trainTextClassifier(examples, {}, { priors });
    reply = { ok: true, result: { model: serializeClassifier(classifier), report, labelCount: classifier.labels.length, trainedOn: classifier.trainedOn } };
  } catch (error) {
    reply = error instanceof TrainingDataError
      ? { ok: false, trainingError: { code: error.code, message: error.message, messageEn: error.messageEn } }
      : { ok: false, message: (error as Error).message, stack: (error as Error).stack };
  }
  parentPort!.postMessage(reply);
}
