/** Knowledge items, written through the service so the search vector is built as in production. */
import type { App } from '../../server/app.ts';
import { SYSTEM_ACTOR } from '../../server/lib/actor.ts';
import type { KnowledgeCreate } from '../../server/modules/knowledge/knowledge.schemas.ts';
import { uid } from './orgs.ts';

export function buildKnowledgeItem(app: App, overrides: Partial<KnowledgeCreate> = {}) {
  return app.services.knowledge.create(SYSTEM_ACTOR, { title: `知识条目${uid()}`, content: '测试内容', ...overrides });
}
