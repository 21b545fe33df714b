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

export async function bridgeLiveBus(deps: { bus: LiveBus; database: Database; db: Db; log?: (err: unknown) => void }) {
  const { bus, database, db } = deps;
  if (!database.listen) return false;
  const origin = randomUUID();
  await database.listen(LIVE_CHANNEL, (raw) => {
    const message = parseMessage(raw);
    if (message && message.origin !== origin) bus.deliverRemote(message.event);
  });
  bus.setForwarder((event) => {
    let text = JSON.stringify({ origin, event });
    if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES) text = JSON.stringify({ origin, event: { ...event, payload: undefined } });
    db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${text})`).catch((err) => deps.log?.(err));
  });
  return true;
}

function parseMessage(raw: string): { origin: string; event: LiveEvent } | null {
  try {
    const message = JSON.parse(raw);
    if (typeof message?.origin !== 'string' || typeof message?.event?.topic !== 'string' || !Array.isArray(message.event.unitIds)) return null;
    return message;
  } catch {
    return null;
  }
}
