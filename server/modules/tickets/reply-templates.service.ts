/** 答复模板: the wording units start their replies from; read by whoever replies or reviews, kept by centre admins. */
import type { Db } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { forbidden, notFound, unknownReference } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createReplyTemplatesRepository } from './reply-templates.repository.ts';
import type { ReplyTemplateCreate, ReplyTemplatesQuery, ReplyTemplateUpdate } from './reply-templates.schemas.ts';
import { canManageReplyTemplates, canReadReplyTemplates } from './tickets.policy.ts';

const TEMPLATE = { zh: '答复模板', en: 'reply template' };

export function createReplyTemplatesService(deps: { db: Db; audit: AuditService; clock: Clock }) {
  const repo = createReplyTemplatesRepository(deps.db);

  async function get(id: number) {
    const found = await repo.findById(id);
    if (!found) throw notFound(TEMPLATE, { id });
    return found;
  }
  async function checkCategory(categoryId: number | null | undefined) {
    if (categoryId && !(await repo.categoryExists(categoryId))) throw unknownReference({ zh: '分类', en: 'category' }, { categoryId });
  }

  return {
    async list(actor: Actor, query: ReplyTemplatesQuery) {
      if (!canReadReplyTemplates(actor) || (query.includeRetired && !canManageReplyTemplates(actor))) throw forbidden();
      return { items: await repo.find({ forCategoryId: query.categoryId, includeRetired: query.includeRetired }) };
    },

    async create(actor: Actor, input: ReplyTemplateCreate) {
      if (!canManageReplyTemplates(actor)) throw forbidden();
      await checkCategory(input.categoryId);
      const id = await deps.db.transaction(async (tx) => {
        const created = await createReplyTemplatesRepository(tx).create({
          ...input,
          createdById: actor.userId,
          updatedAt: deps.clock.now(),
        });
        await deps.audit.record(
          actor,
          { action: 'create_reply_template', subjectType: 'reply_template', subjectId: created, details: { title: input.title } },
          tx,
        );
        return created;
      });
      return get(id);
    },

    async update(actor: Actor, id: number, changes: ReplyTemplateUpdate) {
      if (!canManageReplyTemplates(actor)) throw forbidden();
      await get(id);
      await checkCategory(changes.categoryId);
      await deps.db.transaction(async (tx) => {
        await createReplyTemplatesRepository(tx).update(id, { ...changes, updatedAt: deps.clock.now() });
        await deps.audit.record(
          actor,
          { action: 'update_reply_template', subjectType: 'reply_template', subjectId: id, details: { changes } },
          tx,
        );
      });
      return get(id);
    },
  };
}
export type ReplyTemplatesService = ReturnType<typeof createReplyTemplatesService>;
