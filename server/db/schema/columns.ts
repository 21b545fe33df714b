/** Column helpers shared by the schema files. */
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** jieba-segmented words, stored with the 'simple' configuration (see lib/text.ts). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => ts('created_at').notNull().defaultNow();
/** A transaction id (PostgreSQL 13+), compared with a snapshot's horizon to read committed rows in order. */
export const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });
