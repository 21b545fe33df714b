/** The outbox as a feed: committed events in id order, and the relays' cursors. */
import { and, arrayOverlaps, asc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { outbox, outboxCursors } from '../../db/schema.ts';

export interface OutboxEvent {
  id: number;
  topic: string;
  ticketId: number | null;
  unitIds: number[];
  payload: unknown;
  createdAt: Date;
}

export function createEventsRepository(db: Executor) {
  return {
    /**
     * Events after the event `after`, in (transaction id, event id) order, only from transactions that ended before every
     * one still running. Ids are taken before commit, so going by id alone could pass over an event whose transaction
     * commits late; in this order every event that becomes readable comes after all those already read.
     */
    readAfter: async (input: {
      after: number;
      limit: number;
      topicPrefixes?: string[];
      unitIds?: number[] | null;
    }): Promise<OutboxEvent[]> => {
      const [cursor] =
        input.after > 0
          ? await db
              .select({ txId: sql<string>`${outbox.txId}::text` })
              .from(outbox)
              .where(eq(outbox.id, input.after))
          : [];
      return db
        .select({
          id: outbox.id,
          topic: outbox.topic,
          ticketId: outbox.ticketId,
          unitIds: outbox.unitIds,
          payload: outbox.payload,
          createdAt: outbox.createdAt,
        })
        .from(outbox)
        .where(
          and(
            cursor ? sql`(${outbox.txId}, ${outbox.id}) > (${cursor.txId}::xid8, ${input.after}::bigint)` : gt(outbox.id, input.after),
            sql`${outbox.txId} < pg_snapshot_xmin(pg_current_snapshot())`,
            input.topicPrefixes?.length
              ? sql`(${sql.join(
                  input.topicPrefixes.map((p) => sql`starts_with(${outbox.topic}, ${p})`),
                  sql` or `,
                )})`
              : undefined,
            input.unitIds ? arrayOverlaps(outbox.unitIds, input.unitIds) : undefined,
          ),
        )
        .orderBy(asc(outbox.txId), asc(outbox.id))
        .limit(input.limit);
    },

    cursor: async (name: string): Promise<number> =>
      (await db.select({ lastId: outboxCursors.lastId }).from(outboxCursors).where(eq(outboxCursors.name, name)))[0]?.lastId ?? 0,

    saveCursor: (name: string, lastId: number, at: Date) =>
      db
        .insert(outboxCursors)
        .values({ name, lastId, updatedAt: at })
        .onConflictDoUpdate({ target: outboxCursors.name, set: { lastId, updatedAt: at } }),
  };
}
