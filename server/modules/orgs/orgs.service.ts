/**
 * Organisation and reference data: regions, units, categories and the dispatch catalogue (派单目录),
 * plus the unit-tree helpers the tickets service uses for access checks. Accounts live in accounts.service.ts.
 */
import type { RegionLevel, UnitKind } from '../../../common/enums.ts';
import type { Db, Tx } from '../../db/client.ts';
import { unitScopeOf, type Actor, type Clock } from '../../lib/actor.ts';
import { notFound, unknownReference, validation } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { createAccountsService } from './accounts.service.ts';
import { duplicate, inUse, isForeignKeyViolation, isUniqueViolation } from './db-errors.ts';
import { authorize } from './orgs.policy.ts';
import { createOrgsRepository, type CategoryRow, type OrgsRepository, type RegionRow, type UnitRow } from './orgs.repository.ts';
import type {
  CatalogueCreate,
  CatalogueUpdate,
  CategoryCreate,
  CategoryUpdate,
  RegionCreate,
  RegionUpdate,
  UnitCreate,
  UnitUpdate,
} from './orgs.schemas.ts';
import {
  buildTree,
  CATEGORY_MAX_LEVEL,
  categoryPaths,
  defaultPeerGroup,
  isValidRegionChild,
  rankCatalogueCandidates,
  wouldCreateCycle,
} from './orgs.tree.ts';

const REGION = { zh: '行政区划', en: 'region' };
const UNIT = { zh: '单位', en: 'unit' };
const CATEGORY = { zh: '分类', en: 'category' };
const CATALOGUE_ENTRY = { zh: '派单目录条目', en: 'dispatch catalogue entry' };

/** How long a unit's subtree is reused before it is read again (other processes may have changed the tree). */
const DEFAULT_UNIT_CACHE_TTL_MS = 5_000;

export function presentRegion(row: RegionRow) {
  const geo = row.geo as { lng?: unknown; lat?: unknown } | null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level as RegionLevel,
    parentId: row.parentId,
    aliases: row.aliases,
    geo: geo && typeof geo.lng === 'number' && typeof geo.lat === 'number' ? { lng: geo.lng, lat: geo.lat } : null,
  };
}

export function presentUnit(row: UnitRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as UnitKind,
    peerGroup: row.peerGroup,
    parentId: row.parentId,
    regionId: row.regionId,
    phone: row.phone,
    isActive: row.isActive,
  };
}

export function presentCategory(row: CategoryRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parentId,
    pathName: row.pathName,
    isActive: row.isActive,
  };
}

/** Only the keys the caller sent, for the audit trail. */
const changed = (patch: Record<string, unknown>) => Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));

export function createOrgsService(deps: { db: Db; audit: AuditService; auth: AuthService; clock: Clock; unitCacheTtlMs?: number }) {
  const { db, audit } = deps;
  const repo = createOrgsRepository(db);
  const inTx = <T>(fn: (tx: Tx, repo: OrgsRepository) => Promise<T>) => db.transaction((tx) => fn(tx, createOrgsRepository(tx)));
  const ttl = deps.unitCacheTtlMs ?? DEFAULT_UNIT_CACHE_TTL_MS;
  const subtreeCache = new Map<number, { ids: number[]; expiresAt: number }>();

  /** Runs a write, turning constraint errors into CONFLICT: a unique key taken, or a row still referenced. */
  async function guarded<T>(what: { zh: string; en: string }, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(what);
      if (isForeignKeyViolation(error)) throw inUse(what);
      throw error;
    }
  }

  async function requireRegion(r: OrgsRepository, id: number, asReference: boolean) {
    const row = await r.findRegionById(id);
    if (!row) throw asReference ? unknownReference(REGION, { regionId: id }) : notFound(REGION, { id });
    return row;
  }
  async function requireUnit(r: OrgsRepository, id: number, asReference: boolean) {
    const row = await r.findUnitById(id);
    if (!row) throw asReference ? unknownReference(UNIT, { unitId: id }) : notFound(UNIT, { id });
    return row;
  }
  async function requireCategory(r: OrgsRepository, id: number, asReference: boolean) {
    const row = await r.findCategoryById(id);
    if (!row) throw asReference ? unknownReference(CATEGORY, { categoryId: id }) : notFound(CATEGORY, { id });
    return row;
  }
  const noCycle = async (r: OrgsRepository, table: 'regions' | 'units' | 'categories', id: number, newParentId: number | null) => {
    if (wouldCreateCycle(newParentId, await r.subtreeIds(table, id))) throw cycleError(newParentId);
  };

  const orgs = {
    // ───────────── Unit tree helpers (used by the tickets service for access checks) ─────────────

    /** The unit and all its descendants (cached for a few seconds). Unknown unit: []. */
    async unitSubtreeIds(unitId: number): Promise<number[]> {
      const now = performance.now();
      const hit = subtreeCache.get(unitId);
      if (hit && hit.expiresAt > now) return [...hit.ids];
      const ids = await repo.subtreeIds('units', unitId);
      subtreeCache.set(unitId, { ids, expiresAt: now + ttl });
      return [...ids];
    },

    /** Whose work `actor` sees (lib/actor.ts unitScopeOf): null = every unit's, else these units'. */
    scopeOf(actor: Actor): Promise<number[] | null> {
      return unitScopeOf(actor, (unitId) => orgs.unitSubtreeIds(unitId));
    },

    /**
     * Whether `ancestorId` is `unitId` or one of its ancestors. A miss in the cached subtree is checked again
     * against the database, so a sub-unit created a moment ago is never refused.
     */
    async isAncestorOrSelf(ancestorId: number, unitId: number): Promise<boolean> {
      if (ancestorId === unitId) return true;
      if ((await orgs.unitSubtreeIds(ancestorId)).includes(unitId)) return true;
      return (await repo.ancestorIds('units', unitId)).includes(ancestorId);
    },

    clearUnitCache() {
      subtreeCache.clear();
    },

    // ───────────── Regions (行政区划) ─────────────

    async listRegions(actor: Actor, query: { view: 'tree' | 'flat'; parentId?: number; level?: RegionLevel; q?: string }) {
      authorize(actor, 'read_reference');
      const rows = (await repo.findRegions(query)).map(presentRegion);
      const isFiltered = query.parentId !== undefined || query.level !== undefined || query.q !== undefined;
      return query.view === 'tree' && !isFiltered ? buildTree(rows) : rows;
    },

    async createRegion(actor: Actor, input: RegionCreate) {
      authorize(actor, 'manage_reference');
      return inTx(async (tx, r) => {
        const parentId = input.parentId ?? null;
        if (parentId !== null) {
          const parent = await requireRegion(r, parentId, true);
          if (!isValidRegionChild(parent.level as RegionLevel, input.level)) throw levelError(parent.level, input.level);
        }
        const row = await guarded(REGION, () =>
          r.createRegion({
            code: input.code,
            name: input.name,
            level: input.level,
            parentId,
            aliases: dedupe(input.aliases ?? []),
            geo: input.geo ?? null,
          }),
        );
        await audit.record(
          actor,
          { action: 'create_region', subjectType: 'region', subjectId: row.id, details: { code: row.code, name: row.name } },
          tx,
        );
        return presentRegion(row);
      });
    },

    async updateRegion(actor: Actor, input: RegionUpdate & { id: number }) {
      authorize(actor, 'manage_reference');
      const { id, ...patch } = input;
      return inTx(async (tx, r) => {
        const current = await requireRegion(r, id, false);
        const level = (patch.level ?? current.level) as RegionLevel;
        const parentId = patch.parentId === undefined ? current.parentId : patch.parentId;
        if (patch.parentId !== undefined) await noCycle(r, 'regions', id, parentId);
        if (parentId !== null && (patch.parentId !== undefined || patch.level !== undefined)) {
          const parent = await requireRegion(r, parentId, true);
          if (!isValidRegionChild(parent.level as RegionLevel, level)) throw levelError(parent.level, level);
        }
        if (patch.level !== undefined) {
          const badChild = (await r.findRegions({ parentId: id })).find((c) => !isValidRegionChild(level, c.level as RegionLevel));
          if (badChild) throw levelError(level, badChild.level);
        }
        const row = await guarded(REGION, () =>
          r.updateRegion(id, {
            ...changed({ code: patch.code, name: patch.name, level: patch.level, parentId: patch.parentId, geo: patch.geo }),
            ...(patch.aliases ? { aliases: dedupe(patch.aliases) } : {}),
          }),
        );
        await audit.record(
          actor,
          { action: 'update_region', subjectType: 'region', subjectId: id, details: { changes: changed(patch) } },
          tx,
        );
        return presentRegion(row!);
      });
    },

    async deleteRegion(actor: Actor, input: { id: number }) {
      authorize(actor, 'manage_reference');
      await inTx(async (tx, r) => {
        const current = await requireRegion(r, input.id, false);
        if ((await r.countChildRegions(input.id)) > 0) throw inUse(REGION, { reason: 'has_children' });
        await guarded(REGION, () => r.deleteRegion(input.id));
        await audit.record(
          actor,
          { action: 'delete_region', subjectType: 'region', subjectId: input.id, details: { code: current.code, name: current.name } },
          tx,
        );
      });
    },

    // ───────────── Units (承办单位) ─────────────

    async listUnits(actor: Actor, query: { q?: string; parentId?: number; kind?: UnitKind; includeInactive?: boolean }) {
      authorize(actor, 'read_reference');
      return (await repo.findUnits(query)).map(presentUnit);
    },

    async createUnit(actor: Actor, input: UnitCreate) {
      authorize(actor, 'manage_reference');
      return inTx(async (tx, r) => {
        const parentId = input.parentId ?? null;
        if (parentId !== null) await requireUnit(r, parentId, true);
        if (input.regionId) await requireRegion(r, input.regionId, true);
        const row = await guarded(UNIT, () =>
          r.createUnit({
            code: input.code,
            name: input.name,
            kind: input.kind,
            peerGroup: input.peerGroup ?? defaultPeerGroup(input.kind),
            parentId,
            regionId: input.regionId ?? null,
            phone: input.phone ?? null,
          }),
        );
        await audit.record(
          actor,
          { action: 'create_unit', subjectType: 'unit', subjectId: row.id, details: { code: row.code, name: row.name, parentId } },
          tx,
        );
        subtreeCache.clear();
        return presentUnit(row);
      });
    },

    async updateUnit(actor: Actor, input: UnitUpdate & { id: number }) {
      authorize(actor, 'manage_reference');
      const { id, ...patch } = input;
      const result = await inTx(async (tx, r) => {
        await requireUnit(r, id, false);
        if (patch.parentId !== undefined && patch.parentId !== null) {
          await requireUnit(r, patch.parentId, true);
          await noCycle(r, 'units', id, patch.parentId);
        }
        if (patch.regionId) await requireRegion(r, patch.regionId, true);
        const row = await guarded(UNIT, () => r.updateUnit(id, changed(patch)));
        await audit.record(actor, { action: 'update_unit', subjectType: 'unit', subjectId: id, details: { changes: changed(patch) } }, tx);
        return presentUnit(row!);
      });
      subtreeCache.clear();
      return result;
    },

    async deleteUnit(actor: Actor, input: { id: number }) {
      authorize(actor, 'manage_reference');
      await inTx(async (tx, r) => {
        const current = await requireUnit(r, input.id, false);
        if ((await r.countChildUnits(input.id)) > 0) throw inUse(UNIT, { reason: 'has_children' });
        await guarded(UNIT, () => r.deleteUnit(input.id));
        await audit.record(
          actor,
          { action: 'delete_unit', subjectType: 'unit', subjectId: input.id, details: { code: current.code, name: current.name } },
          tx,
        );
      });
      subtreeCache.clear();
    },

    // ───────────── Categories (三级分类) ─────────────

    async listCategories(actor: Actor, query: { view: 'tree' | 'flat'; includeInactive?: boolean }) {
      authorize(actor, 'read_reference');
      const rows = (await repo.findCategories(query)).map(presentCategory);
      return query.view === 'tree' ? buildTree(rows) : rows;
    },

    async createCategory(actor: Actor, input: CategoryCreate) {
      authorize(actor, 'manage_reference');
      return inTx(async (tx, r) => {
        const parent = input.parentId ? await requireCategory(r, input.parentId, true) : null;
        if (parent && parent.level >= CATEGORY_MAX_LEVEL) throw tooDeep();
        const row = await guarded(CATEGORY, () =>
          r.createCategory({
            code: input.code,
            name: input.name,
            parentId: parent?.id ?? null,
            level: parent ? parent.level + 1 : 1,
            pathName: categoryPaths([{ id: 0, parentId: null, name: input.name }], 0, parent)[0].pathName,
          }),
        );
        await audit.record(
          actor,
          { action: 'create_category', subjectType: 'category', subjectId: row.id, details: { code: row.code, pathName: row.pathName } },
          tx,
        );
        return presentCategory(row);
      });
    },

    /** Renaming or moving a category rewrites the level and path name of its whole subtree. */
    async updateCategory(actor: Actor, input: CategoryUpdate & { id: number }) {
      authorize(actor, 'manage_reference');
      const { id, ...patch } = input;
      return inTx(async (tx, r) => {
        const current = await requireCategory(r, id, false);
        let row: typeof current;
        if (patch.name !== undefined || patch.parentId !== undefined) {
          const parentId = patch.parentId === undefined ? current.parentId : patch.parentId;
          const parent = parentId === null ? null : await requireCategory(r, parentId, true);
          const subtreeIds = await r.subtreeIds('categories', id);
          if (wouldCreateCycle(parentId, subtreeIds)) throw cycleError(parentId);
          const subtree = (await r.findCategoriesByIds(subtreeIds)).map((c) =>
            c.id === id ? { ...c, name: patch.name ?? c.name, parentId } : c,
          );
          const paths = categoryPaths(subtree, id, parent);
          if (paths.some((p) => p.level > CATEGORY_MAX_LEVEL)) throw tooDeep();
          for (const p of paths) {
            if (p.id === id) continue;
            await r.updateCategory(p.id, { level: p.level, pathName: p.pathName });
          }
          const own = paths.find((p) => p.id === id)!;
          row = (await guarded(CATEGORY, () =>
            r.updateCategory(id, {
              ...changed({ code: patch.code, name: patch.name, isActive: patch.isActive }),
              parentId,
              level: own.level,
              pathName: own.pathName,
            }),
          ))!;
        } else {
          row = (await guarded(CATEGORY, () => r.updateCategory(id, changed(patch))))!;
        }
        await audit.record(
          actor,
          { action: 'update_category', subjectType: 'category', subjectId: id, details: { changes: changed(patch) } },
          tx,
        );
        return presentCategory(row);
      });
    },

    async deleteCategory(actor: Actor, input: { id: number }) {
      authorize(actor, 'manage_reference');
      await inTx(async (tx, r) => {
        const current = await requireCategory(r, input.id, false);
        if ((await r.countChildCategories(input.id)) > 0) throw inUse(CATEGORY, { reason: 'has_children' });
        await guarded(CATEGORY, () => r.deleteCategory(input.id));
        await audit.record(
          actor,
          {
            action: 'delete_category',
            subjectType: 'category',
            subjectId: input.id,
            details: { code: current.code, pathName: current.pathName },
          },
          tx,
        );
      });
    },

    // ───────────── Dispatch catalogue (派单目录) ─────────────

    async listCatalogue(actor: Actor, query: { categoryId?: number; regionId?: number; unitId?: number }) {
      authorize(actor, 'read_reference');
      return repo.findCatalogue(query);
    },

    async createCatalogueEntry(actor: Actor, input: CatalogueCreate) {
      authorize(actor, 'manage_reference');
      return inTx(async (tx, r) => {
        const entry = { categoryId: input.categoryId, regionId: input.regionId ?? null, unitId: input.unitId, note: input.note ?? null };
        await checkCatalogueReferences(r, entry);
        if (await r.findCatalogueDuplicate(entry)) throw duplicate(CATALOGUE_ENTRY, entry);
        const row = await guarded(CATALOGUE_ENTRY, () => r.createCatalogueEntry(entry));
        await audit.record(
          actor,
          { action: 'create_dispatch_entry', subjectType: 'dispatch_catalogue', subjectId: row.id, details: entry },
          tx,
        );
        return (await r.findCatalogue({ categoryId: row.categoryId, unitId: row.unitId })).find((e) => e.id === row.id)!;
      });
    },

    async updateCatalogueEntry(actor: Actor, input: CatalogueUpdate & { id: number }) {
      authorize(actor, 'manage_reference');
      const { id, ...patch } = input;
      return inTx(async (tx, r) => {
        const current = await r.findCatalogueEntry(id);
        if (!current) throw notFound(CATALOGUE_ENTRY, { id });
        const next = {
          categoryId: current.categoryId,
          regionId: patch.regionId === undefined ? current.regionId : patch.regionId,
          unitId: patch.unitId ?? current.unitId,
          note: patch.note === undefined ? current.note : patch.note,
        };
        await checkCatalogueReferences(r, next);
        const existing = await r.findCatalogueDuplicate(next);
        if (existing && existing.id !== id) throw duplicate(CATALOGUE_ENTRY, next);
        await guarded(CATALOGUE_ENTRY, () => r.updateCatalogueEntry(id, next));
        await audit.record(
          actor,
          { action: 'update_dispatch_entry', subjectType: 'dispatch_catalogue', subjectId: id, details: { changes: changed(patch) } },
          tx,
        );
        return (await r.findCatalogue({ categoryId: next.categoryId, unitId: next.unitId })).find((e) => e.id === id)!;
      });
    },

    async deleteCatalogueEntry(actor: Actor, input: { id: number }) {
      authorize(actor, 'manage_reference');
      await inTx(async (tx, r) => {
        const current = await r.findCatalogueEntry(input.id);
        if (!current) throw notFound(CATALOGUE_ENTRY, { id: input.id });
        await r.deleteCatalogueEntry(input.id);
        await audit.record(
          actor,
          {
            action: 'delete_dispatch_entry',
            subjectType: 'dispatch_catalogue',
            subjectId: input.id,
            details: { categoryId: current.categoryId, regionId: current.regionId, unitId: current.unitId },
          },
          tx,
        );
      });
    },

    /** 派单目录变更记录: who added, changed or retired which rows, newest first (from the audit trail). */
    async catalogueHistory(actor: Actor) {
      authorize(actor, 'manage_reference');
      const rows = await audit.findByType('dispatch_catalogue');
      return rows.map(({ entry, actorName }) => ({
        id: entry.id,
        action: entry.action,
        entryId: Number(entry.subjectId),
        actorName: actorName ?? null,
        details: entry.details as Record<string, unknown>,
        createdAt: entry.createdAt,
      }));
    },

    /**
     * Candidate units for a ticket of `categoryId` in `regionId`: the most specific region first, walking up the
     * region tree, then the region-less rows; when the exact category has no row, its parent categories follow.
     */
    async lookupDispatch(actor: Actor, query: { categoryId: number; regionId?: number | null }) {
      authorize(actor, 'read_reference');
      await requireCategory(repo, query.categoryId, true);
      const regionId = query.regionId ?? null;
      if (regionId !== null) await requireRegion(repo, regionId, true);
      const categoryChain = await repo.ancestorIds('categories', query.categoryId);
      const regionChain = regionId === null ? [] : await repo.ancestorIds('regions', regionId);
      const rows = await repo.findCatalogueCandidates(categoryChain, regionChain);
      const ranked = rankCatalogueCandidates(rows, regionChain, categoryChain);
      return {
        categoryId: query.categoryId,
        regionId,
        candidates: ranked.map((c) => ({
          unitId: c.unitId,
          unitCode: c.unitCode,
          unitName: c.unitName,
          unitKind: c.unitKind,
          catalogueId: c.catalogueId,
          categoryId: c.categoryId,
          regionId: c.regionId,
          regionName: c.regionName,
          note: c.note,
          isParentCategory: c.categoryId !== query.categoryId,
        })),
      };
    },
  };

  async function checkCatalogueReferences(r: OrgsRepository, entry: { categoryId: number; regionId: number | null; unitId: number }) {
    await requireCategory(r, entry.categoryId, true);
    if (entry.regionId !== null) await requireRegion(r, entry.regionId, true);
    const unit = await requireUnit(r, entry.unitId, true);
    if (!unit.isActive)
      throw validation('该单位已停用，不能加入派单目录', 'The unit is deactivated and cannot be added to the catalogue', {
        unitId: unit.id,
      });
  }

  return {
    ...orgs,
    ...createAccountsService({ db, audit, auth: deps.auth, clock: deps.clock, unitSubtreeIds: orgs.unitSubtreeIds, scopeOf: orgs.scopeOf }),
  };
}
export type OrgsService = ReturnType<typeof createOrgsService>;

const dedupe = (values: string[]) => [...new Set(values)];

const levelError = (parentLevel: string, childLevel: string) =>
  validation(
    '下级行政区划的层级必须低于上级（市 → 区县 → 街道 → 社区）',
    'A child region must be below its parent (city → district → street → community)',
    { parentLevel, childLevel },
  );

const tooDeep = () => validation('分类最多三级', 'Categories have at most three levels', { maxLevel: CATEGORY_MAX_LEVEL });

const cycleError = (parentId: number | null) =>
  validation('不能把节点移到它自己或它的下级之下', 'A node cannot be moved under itself or one of its descendants', { parentId });
