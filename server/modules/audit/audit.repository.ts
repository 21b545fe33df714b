import { and, desc, eq } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import type { Executor } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export function createAuditRepository(db: Executor) {
  return {
    create: (row: typeof auditLog.$inferInsert) => db.insert(auditLog).values(row),
    findBySubject: (subjectType: string, subjectId: string) =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId)))
        .orderBy(desc(auditLog.id)),
    /** The latest entries about every subject of a type, newest first, with the acting user's name. */
    findByType: (subjectType: string, limit: number) =>
      db
        .select({ entry: auditLog, actorName: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(eq(auditLog.subjectType, subjectType))
        .orderBy(desc(auditLog.id))
        .limit(limit),
  };
}
