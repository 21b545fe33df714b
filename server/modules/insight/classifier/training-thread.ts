/**
 * Trains a text classifier on a worker thread. Training on a centre's history is seconds to minutes of
 * pure computation; on the main thread it would stop the server answering anyone for that long.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runModuleInThread } from '../../../lib/worker-thread.ts';
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
  | {
      ok: false;
      trainingError?: { code: TrainingDataError['code']; message: string; messageEn: string };
      message?: string;
      stack?: string;
    };

const TASK = 'lianxin-train-text-classifier';

export function trainClassifierInThread(examples: TextExample[], priors: TextExample[] | undefined): Promise<ThreadTrainingResult> {
  return runModuleInThread<WorkerReply>(import.meta.url, { task: TASK, examples, priors }).then((reply) => {
    if (reply.ok) return reply.result;
    if (reply.trainingError)
      throw new TrainingDataError(reply.trainingError.code, reply.trainingError.message, reply.trainingError.messageEn);
    throw Object.assign(new Error(reply.message ?? 'training failed'), { stack: reply.stack });
  });
}

if (!isMainThread && workerData?.task === TASK) {
  const { examples, priors } = workerData as { examples: TextExample[]; priors?: TextExample[] };
  let reply: WorkerReply;
  try {
    const { classifier, report } = trainTextClassifier(examples, {}, { priors });
    reply = {
      ok: true,
      result: { model: serializeClassifier(classifier), report, labelCount: classifier.labels.length, trainedOn: classifier.trainedOn },
    };
  } catch (error) {
    reply =
      error instanceof TrainingDataError
        ? { ok: false, trainingError: { code: error.code, message: error.message, messageEn: error.messageEn } }
        : { ok: false, message: (error as Error).message, stack: (error as Error).stack };
  }
  parentPort!.postMessage(reply);
}
