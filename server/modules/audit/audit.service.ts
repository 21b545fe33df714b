import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { createAuditRepository } from './audit.repository.ts';

/** Writes the audit trail: every read of unmasked personal data, every admin change. */
export function createAuditService(deps: { db: Executor }) {
  return {
    /** Pass `tx` to write inside the caller's transaction. */
    async record(
      actor: Actor,
      entry: { action: string; subjectType: string; subjectId: string | number; details?: Record<string, unknown> },
      tx?: Executor,
    ) {
      await createAuditRepository(tx ?? deps.db).create({
        actorUserId: actor.userId,
        actorApiKeyId: actor.apiKeyId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: String(entry.subjectId),
        details: entry.details ?? {},
        ip: actor.ip,
      });
    },
    findBySubject: (subjectType: string, subjectId: string | number) =>
      createAuditRepository(deps.db).findBySubject(subjectType, String(subjectId)),
    findByType: (subjectType: string, limit = 200) => createAuditRepository(deps.db).findByType(subjectType, limit),
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
