/** Finds hotspots on a worker thread, so a month of a large city's orders never stops the server answering. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runModuleInThread } from '../../../lib/worker-thread.ts';
import { findHotspots, type Hotspot, type HotspotOptions, type HotspotOrder } from './hotspots.ts';

const TASK = 'lianxin-find-hotspots';
type WorkerReply = { ok: true; hotspots: Hotspot[] } | { ok: false; message: string; stack?: string };

export async function findHotspotsInThread(orders: HotspotOrder[], options: Partial<HotspotOptions>): Promise<Hotspot[]> {
  const reply = await runModuleInThread<WorkerReply>(import.meta.url, { task: TASK, orders, options });
  if (reply.ok) return reply.hotspots;
  throw Object.assign(new Error(reply.message), { stack: reply.stack });
}

if (!isMainThread && workerData?.task === TASK) {
  const { orders, options } = workerData as { orders: HotspotOrder[]; options: Partial<HotspotOptions> };
  let reply: WorkerReply;
  try {
    reply = { ok: true, hotspots: findHotspots(orders, options) };
  } catch (error) {
    reply = { ok: false, message: (error as Error).message, stack: (error as Error).stack };
  }
  parentPort!.postMessage(reply);
}
