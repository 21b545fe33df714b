/**
 * Server mode: several app processes share one PostgreSQL. Each process NOTIFYs the events its
 * services publish and LISTENs for the others', so a desk connected to process B sees an order
 * created through process A. Each message carries its origin so a process ignores its own echo.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.ts';
import type { LiveBus, LiveEvent } from '../../lib/live.ts';

export const LIVE_CHANNEL = 'lianxin_live';
/** NOTIFY payloads must stay under 8000 bytes; larger events travel without their payload. */
const MAX_NOTIFY_BYTES = 7500;
/** How long an event waits for others to share its NOTIFY (live delivery across processes is that much later). */
const FLUSH_MS = 20;

export async function bridgeLiveBus(deps: { bus: LiveBus; database: Database; db: Db; log?: (err: unknown) => void }) {
  const { bus, database, db } = deps;
  if (!database.listen) return false;
  const origin = randomUUID();
  await database.listen(LIVE_CHANNEL, (raw) => {
    const message = parseMessage(raw);
    if (message && message.origin !== origin) message.events.forEach((event) => bus.deliverRemote(event));
  });
  // Events published within FLUSH_MS (a batch of intakes; the calls of a busy switch) share NOTIFY statements: one per
  // message that fits. Each NOTIFY is a statement of its own and its commit takes PostgreSQL's one notify-queue lock:
  // at 50 calls a second, one NOTIFY per event was 6 statements a call, most of the statements on the pool.
  let waiting: LiveEvent[] = [];
  bus.setForwarder((event) => {
    if (waiting.length === 0) setTimeout(flush, FLUSH_MS).unref();
    waiting.push(event);
  });
  function flush() {
    const events = waiting;
    waiting = [];
    for (const text of notifyMessages(origin, events)) {
      db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${text})`).catch((err) => deps.log?.(err));
    }
  }
  return true;
}

/** Packs events into as few messages as fit; an event too large on its own travels without its payload. */
export function notifyMessages(origin: string, events: LiveEvent[]): string[] {
  const messages: string[] = [];
  let batch: string[] = [];
  const wrap = (parts: string[]) => `{"origin":${JSON.stringify(origin)},"events":[${parts.join(',')}]}`;
  for (const event of events) {
    let text = JSON.stringify(event);
    if (Buffer.byteLength(wrap([text])) > MAX_NOTIFY_BYTES) text = JSON.stringify({ ...event, payload: undefined });
    if (batch.length > 0 && Buffer.byteLength(wrap([...batch, text])) > MAX_NOTIFY_BYTES) {
      messages.push(wrap(batch));
      batch = [];
    }
    batch.push(text);
  }
  if (batch.length > 0) messages.push(wrap(batch));
  return messages;
}

function parseMessage(raw: string): { origin: string; events: LiveEvent[] } | null {
  try {
    const message = JSON.parse(raw);
    if (typeof message?.origin !== 'string' || !Array.isArray(message.events)) return null;
    const events = message.events.filter((e: LiveEvent) => typeof e?.topic === 'string' && Array.isArray(e.unitIds));
    return { origin: message.origin, events };
  } catch {
    return null;
  }
}
