import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export function createAuditRepository(db: Executor) {
  return {
    create: (row: typeof auditLog.$inferInsert) => db.insert(auditLog).values(row),
    findBySubject: (subjectType: string, subjectId: string) =>
      db.select().from(auditLog).where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId))).orderBy(desc(auditLog.id)),
  };
}
