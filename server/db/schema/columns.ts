/** Column helpers shared by the schema files. */
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** jieba-segmented words, stored with the 'simple' configuration (see lib/text.ts). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => ts('created_at').notNull().defaultNow();
