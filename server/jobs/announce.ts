/** What the terminal says about background jobs after `npm start`: the first model training's start and end. */
import type { JobEvent } from './runner.ts';
import { trainDispatchModel } from './train-dispatch-model.ts';

/** A job-event listener that prints the first run of the dispatch-model training (later daily runs stay quiet). */
export function announceFirstTraining(print: (line: string) => void = console.log): (event: JobEvent) => void {
  let isAnnounced = false;
  return (event) => {
    if (event.name !== trainDispatchModel.name || isAnnounced) return;
    if (event.phase === 'started') {
      print('正在训练派单模型 Training the dispatch models on closed orders (suggestions use the catalogue until it ends)…');
      return;
    }
    isAnnounced = true;
    if (event.phase === 'done') {
      const models = (event.result as { models?: { labelKind: string }[] } | undefined)?.models ?? [];
      const trained = models.map((m) => m.labelKind).join(', ') || 'no model: too few closed orders';
      print(`派单模型已训练 Dispatch models trained in ${(event.ms / 1000).toFixed(1)} s (${trained})`);
    } else {
      print(
        `派单模型训练失败 Dispatch model training failed after ${(event.ms / 1000).toFixed(1)} s: ${event.error}${event.willRetry ? ' (will retry)' : ''}`,
      );
    }
  };
}
