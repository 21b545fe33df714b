/** The knowledge base (知识库): items agents answer from, searched with jieba full-text search. */
import type { Db, Executor } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { AppError, forbidden, notFound, unknownReference, validation } from '../../lib/errors.ts';
import { anyPieceQuery, keywordsOf, toSearchQuery } from '../../lib/text.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { authorize, isCenterEditor, isUnitEditor } from './knowledge.policy.ts';
import { createKnowledgeRepository, type KnowledgeRepository, type Visibility } from './knowledge.repository.ts';
import type { KnowledgeCreate, KnowledgeQuery, KnowledgeUpdate } from './knowledge.schemas.ts';
import { chinaDate, isOrderedRange, isValidOn } from './knowledge.validity.ts';

const ITEM = { zh: '知识条目', en: 'knowledge item' };

type Cursor = { mode: 'and' | 'or'; offset: number } | { beforeId: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Number.isInteger(value?.beforeId) && value.beforeId > 0) return { beforeId: value.beforeId };
    if ((value?.mode === 'and' || value?.mode === 'or') && Number.isInteger(value.offset) && value.offset >= 0)
      return { mode: value.mode, offset: value.offset };
  } catch {
    // fall through
  }
  throw validation('分页游标无效', 'The cursor is not valid', { path: 'cursor' });
}

/** How many of a complaint's words are looked for in the knowledge base (`about`). */
const ABOUT_KEYWORDS = 6;

export function createKnowledgeService(deps: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  orgs: { scopeOf(actor: Actor): Promise<number[] | null> };
}) {
  const { db, audit, clock } = deps;
  const repo = createKnowledgeRepository(db);
  const today = () => chinaDate(clock.now());

  /** Whether the unit admin `actor` owns `unitId` through their unit subtree. */
  const ownsUnit = async (actor: Actor, unitId: number | null) =>
    unitId !== null && ((await deps.orgs.scopeOf(actor)) ?? []).includes(unitId);

  async function load(r: KnowledgeRepository, id: number) {
    const found = await r.findById(id);
    if (!found) throw notFound(ITEM, { id });
    return found;
  }

  async function checkReferences(r: KnowledgeRepository, input: { categoryId?: number | null; unitId?: number | null }) {
    if (input.categoryId && !(await r.categoryExists(input.categoryId)))
      throw unknownReference({ zh: '分类', en: 'category' }, { categoryId: input.categoryId });
    if (input.unitId && !(await r.unitExists(input.unitId))) throw unknownReference({ zh: '单位', en: 'unit' }, { unitId: input.unitId });
  }

  function present(found: NonNullable<Awaited<ReturnType<KnowledgeRepository['findById']>>>) {
    const { item } = found;
    return {
      id: item.id,
      title: item.title,
      content: item.content,
      categoryId: item.categoryId,
      categoryPathName: found.categoryPathName,
      unitId: item.unitId,
      unitName: found.unitName,
      keywords: item.keywords,
      validFrom: item.validFrom,
      validTo: item.validTo,
      isPublished: item.isPublished,
      isValid: isValidOn(item, today()),
      useCount: item.useCount,
      createdById: item.createdById,
      createdAt: item.createdAt.toISOString(),
      updatedAt: item.updatedAt.toISOString(),
    };
  }

  return {
    /** Lists or searches items; by default only published items valid today. Ranked by ts_rank when `q` is given. */
    async search(actor: Actor, query: KnowledgeQuery) {
      authorize(actor, 'read');
      const isEditor = isCenterEditor(actor) || isUnitEditor(actor);
      if ((query.includeExpired || query.includeUnpublished) && !isEditor) throw forbidden({ path: 'includeExpired/includeUnpublished' });
      const visibility: Visibility = !query.includeUnpublished
        ? { kind: 'published' }
        : isCenterEditor(actor)
          ? { kind: 'all' }
          : { kind: 'published_or_units', unitIds: (await deps.orgs.scopeOf(actor)) ?? [] };
      const day = today();
      const cursor = decodeCursor(query.cursor);
      const common = {
        categoryId: query.categoryId,
        unitId: query.unitId,
        validOn: query.includeExpired ? null : day,
        visibility,
        limit: query.limit + 1,
      };

      let rows;
      let next: Cursor | null = null;
      const q = query.q?.trim();
      if (q) {
        if (cursor && !('mode' in cursor)) throw validation('分页游标无效', 'The cursor is not valid', { path: 'cursor' });
        let mode = cursor?.mode ?? 'and';
        const offset = cursor?.offset ?? 0;
        const tsQuery = toSearchQuery(q, mode);
        if (!tsQuery) return { items: [], nextCursor: null };
        rows = await repo.search({ ...common, query: tsQuery, offset });
        // No item has every word: fall back to items with any of them, still best match first.
        if (rows.length === 0 && mode === 'and' && offset === 0) {
          mode = 'or';
          rows = await repo.search({ ...common, query: toSearchQuery(q, 'or'), offset });
        }
        if (rows.length > query.limit) next = { mode, offset: offset + query.limit };
      } else if (query.about) {
        const groups = keywordsOf(query.about, ABOUT_KEYWORDS)
          .map(anyPieceQuery)
          .filter((g) => g !== null);
        if (groups.length === 0) return { items: [], nextCursor: null };
        rows = await repo.search({
          ...common,
          limit: query.limit,
          query: null,
          matchAtLeast: { groups, atLeast: Math.min(2, groups.length) },
        });
      } else {
        if (cursor && !('beforeId' in cursor)) throw validation('分页游标无效', 'The cursor is not valid', { path: 'cursor' });
        rows = await repo.search({ ...common, query: null, beforeId: cursor?.beforeId });
        if (rows.length > query.limit) next = { beforeId: rows[query.limit - 1].id };
      }
      const items = rows.slice(0, query.limit).map((row) => ({
        ...row,
        isValid: isValidOn(row, day),
        updatedAt: row.updatedAt.toISOString(),
        rank: row.rank === null ? null : Number(row.rank),
      }));
      return { items, nextCursor: next ? encodeCursor(next) : null };
    },

    /** One item; drafts only for those who may edit them (others get NOT_FOUND). Expired items stay readable, flagged. */
    async get(actor: Actor, input: { id: number }) {
      authorize(actor, 'read');
      const found = await load(repo, input.id);
      if (!found.item.isPublished && !isCenterEditor(actor) && !(isUnitEditor(actor) && (await ownsUnit(actor, found.item.unitId)))) {
        throw notFound(ITEM, { id: input.id });
      }
      return present(found);
    },

    async create(actor: Actor, input: KnowledgeCreate) {
      authorize(actor, 'edit');
      // A unit admin's items belong to their unit unless they name one of its sub-units.
      const unitId = input.unitId ?? (isCenterEditor(actor) ? null : actor.unitId);
      if (!isCenterEditor(actor) && !(await ownsUnit(actor, unitId))) throw forbidden({ unitId });
      const validFrom = input.validFrom ?? null;
      const validTo = input.validTo ?? null;
      if (!isOrderedRange(validFrom, validTo)) throw rangeError(validFrom, validTo);
      return db.transaction(async (tx) => {
        const r = createKnowledgeRepository(tx);
        await checkReferences(r, { categoryId: input.categoryId, unitId });
        const now = clock.now();
        const id = await r.create({
          title: input.title,
          content: input.content,
          categoryId: input.categoryId ?? null,
          unitId,
          keywords: dedupe(input.keywords ?? []),
          validFrom,
          validTo,
          isPublished: input.isPublished ?? true,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(
          actor,
          { action: 'create_knowledge_item', subjectType: 'knowledge_item', subjectId: id, details: { title: input.title } },
          tx,
        );
        return present((await r.findById(id))!);
      });
    },

    async update(actor: Actor, input: KnowledgeUpdate & { id: number }) {
      const { id, ...patch } = input;
      authorize(actor, 'edit');
      return db.transaction(async (tx) => {
        const r = createKnowledgeRepository(tx);
        const { item } = await load(r, id);
        if (!isCenterEditor(actor)) {
          if (!(await ownsUnit(actor, item.unitId))) throw forbidden({ id });
          if (patch.unitId !== undefined && !(await ownsUnit(actor, patch.unitId))) throw forbidden({ unitId: patch.unitId });
        }
        await checkReferences(r, patch);
        const validFrom = patch.validFrom === undefined ? item.validFrom : patch.validFrom;
        const validTo = patch.validTo === undefined ? item.validTo : patch.validTo;
        if (!isOrderedRange(validFrom, validTo)) throw rangeError(validFrom, validTo);
        const changes = Object.fromEntries(
          Object.entries({ ...patch, keywords: patch.keywords && dedupe(patch.keywords) }).filter(([, v]) => v !== undefined),
        );
        await r.update(
          id,
          { ...changes, updatedAt: clock.now() },
          {
            title: patch.title ?? item.title,
            keywords: patch.keywords ?? item.keywords,
            content: patch.content ?? item.content,
          },
        );
        await audit.record(
          actor,
          { action: 'update_knowledge_item', subjectType: 'knowledge_item', subjectId: id, details: { fields: Object.keys(changes) } },
          tx,
        );
        return present((await r.findById(id))!);
      });
    },

    /** Items cited by tickets cannot be deleted (the ticket history points at them); unpublish them instead. */
    async delete(actor: Actor, input: { id: number }) {
      authorize(actor, 'edit');
      await db.transaction(async (tx) => {
        const r = createKnowledgeRepository(tx);
        const { item } = await load(r, input.id);
        if (!isCenterEditor(actor) && !(await ownsUnit(actor, item.unitId))) throw forbidden({ id: input.id });
        if ((await r.countCitations(input.id)) > 0) {
          throw new AppError('CONFLICT', {
            message: '该知识条目已被工单引用，不能删除；可改为下架',
            messageEn: 'Tickets cite this item, so it cannot be deleted; unpublish it instead',
            details: { id: input.id },
          });
        }
        await r.delete(input.id);
        await audit.record(
          actor,
          { action: 'delete_knowledge_item', subjectType: 'knowledge_item', subjectId: input.id, details: { title: item.title } },
          tx,
        );
      });
    },

    /**
     * For the tickets service (直接办结): checks that every cited item exists and is published, and counts the use.
     * Runs in the caller's transaction.
     */
    async recordCitations(tx: Executor, knowledgeItemIds: number[]) {
      const ids = [...new Set(knowledgeItemIds)];
      if (ids.length === 0) return;
      const r = createKnowledgeRepository(tx);
      const found = new Set(await r.findPublishedIds(ids));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw unknownReference(ITEM, { knowledgeItemIds: missing });
      await r.incrementUseCount(ids);
    },
  };
}
export type KnowledgeService = ReturnType<typeof createKnowledgeService>;

const dedupe = (values: string[]) => [...new Set(values)];

const rangeError = (validFrom: string | null, validTo: string | null) =>
  validation('有效期结束日期不能早于开始日期', 'validTo cannot be before validFrom', { validFrom, validTo });
