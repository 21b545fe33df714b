/**
 * Relays the outbox to NATS JetStream: every committed event, in order, to the subject `<prefix>.<topic>`
 * (lianxin.ticket.dispatch), its body the same JSON as GET /api/v1/events gives. The outbox id is the message id,
 * so when a process stops between publishing and saving its cursor, JetStream drops the copies sent again.
 * One process relays at a time (an advisory lock), however many app processes run.
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { startPollLoop } from '../../lib/poll-loop.ts';
import { createEventsRepository } from './events.repository.ts';
import { presentEvent } from './events.service.ts';

const DEFAULT_BATCH_SIZE = 500;

export interface NatsRelayOptions {
  url: string;
  stream: string;
  /** Subjects are `<subjectPrefix>.<topic>`; the stream is created for `<subjectPrefix>.>` when missing. */
  subjectPrefix?: string;
  /** The cursor's name in outbox_cursors; one per relay target. */
  cursorName?: string;
  batchSize?: number;
}

export interface NatsRelay {
  /** Publishes the next batch of committed events; resolves to how many went out (0 when another process holds the lock). */
  relayOnce(): Promise<number>;
  close(): Promise<void>;
}

export async function createNatsRelay(db: Db, options: NatsRelayOptions): Promise<NatsRelay> {
  const prefix = options.subjectPrefix ?? 'lianxin';
  const cursorName = options.cursorName ?? `nats:${options.stream}`;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const nc: NatsConnection = await connect({ servers: options.url, name: 'lianxin-outbox-relay' });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.info(options.stream).catch(() => jsm.streams.add({ name: options.stream, subjects: [`${prefix}.>`] }));
  } catch (err) {
    await nc.close();
    throw err;
  }
  const js = jetstream(nc);
  const lockKey = `lianxin.outbox.relay.${cursorName}`;

  return {
    relayOnce: () =>
      db.transaction(async (tx) => {
        const [{ locked }] = (
          (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${lockKey})) as locked`)) as unknown as {
            rows: { locked: boolean }[];
          }
        ).rows;
        if (!locked) return 0;
        const repo = createEventsRepository(tx);
        const events = await repo.readAfter({ after: await repo.cursor(cursorName), limit: batchSize });
        // sent back to back on one connection, so the stream stores them in this order; a failure fails the batch and
        // leaves the cursor where it was
        await Promise.all(
          events.map((event) =>
            js.publish(`${prefix}.${event.topic}`, JSON.stringify(presentEvent(event)), { msgID: `${cursorName}:${event.id}` }),
          ),
        );
        if (events.length) await repo.saveCursor(cursorName, events.at(-1)!.id, new Date());
        return events.length;
      }),
    close: () => nc.drain(),
  };
}

/**
 * Keeps relaying in the background: batches back to back while there are events, then every `pollMs`. A NATS or
 * database outage is logged and retried; the outbox keeps the events meanwhile. Returns a function that stops it.
 */
export function startNatsRelay(
  db: Db,
  options: NatsRelayOptions & { pollMs?: number; log?: (message: string, err: unknown) => void },
): () => Promise<void> {
  const pollMs = options.pollMs ?? 1_000;
  const log = options.log ?? ((message, err) => console.warn(`[nats-relay] ${message}`, err instanceof Error ? err.message : err));
  let relay: NatsRelay | null = null;
  const stop = startPollLoop({
    pollMs,
    async round(isStopped) {
      relay ??= await createNatsRelay(db, options);
      // a full batch means more may be waiting
      while (!isStopped() && (await relay.relayOnce()) === (options.batchSize ?? DEFAULT_BATCH_SIZE));
    },
    async onError(err) {
      log('relay failed, will retry', err);
      await relay?.close().catch(() => undefined);
      relay = null;
    },
  });
  return async () => {
    await stop();
    await relay?.close().catch(() => undefined);
  };
}
