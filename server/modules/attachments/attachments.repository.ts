import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { attachments } from '../../db/schema.ts';
import { notFound } from '../../lib/errors.ts';

export function createAttachmentsRepository(db: Executor) {
  return {
    create: async (row: typeof attachments.$inferInsert) => (await db.insert(attachments).values(row).returning())[0],
    getById: async (id: number) => {
      const row = (await db.select().from(attachments).where(eq(attachments.id, id)).limit(1))[0];
      if (!row) throw notFound({ zh: '附件', en: 'Attachment' }, { id });
      return row;
    },
  };
}
