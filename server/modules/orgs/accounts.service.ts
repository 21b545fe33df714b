/** Accounts: users and their roles, password resets, integration API keys. Part of the `orgs` service. */
import { ROLE_LABELS, ROLES, UNIT_ROLES, type Role } from '../../../common/enums.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { hashPassword, randomToken } from '../../lib/crypto.ts';
import { AppError, forbidden, notFound, unknownReference, validation } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { createAccountsRepository, type AccountsRepository, type ApiKeyView, type UserView } from './accounts.repository.ts';
import { duplicate, isUniqueViolation } from './db-errors.ts';
import { authorize } from './orgs.policy.ts';
import { createOrgsRepository } from './orgs.repository.ts';
import type { UserCreate, UserUpdate } from './orgs.schemas.ts';

const USER = { zh: '用户', en: 'user' };
const API_KEY = { zh: 'API 密钥', en: 'API key' };

export function presentUser(row: UserView) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    unitId: row.unitId,
    unitName: row.unitName,
    phone: row.phone,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentApiKey(row: ApiKeyView) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role as Role,
    unitId: row.unitId,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Handlers and unit admins act for a unit, so they must belong to one. */
function requireUnitForRole(role: Role, unitId: number | null) {
  if (UNIT_ROLES.includes(role) && unitId === null) {
    throw validation('承办人和单位管理员必须属于一个单位', 'Handlers and unit admins must belong to a unit', { role, path: 'unitId' });
  }
}

export function createAccountsService(deps: {
  db: Db;
  audit: AuditService;
  auth: AuthService;
  clock: Clock;
  unitSubtreeIds: (unitId: number) => Promise<number[]>;
  scopeOf: (actor: Actor) => Promise<number[] | null>;
}) {
  const { db, audit } = deps;
  const repo = createAccountsRepository(db);
  const inTx = <T>(fn: (tx: Tx, repo: AccountsRepository) => Promise<T>) => db.transaction((tx) => fn(tx, createAccountsRepository(tx)));

  async function requireExistingUnit(unitId: number | null | undefined, executor: Db | Tx = db) {
    if (unitId === null || unitId === undefined) return;
    if (!(await createOrgsRepository(executor).findUnitById(unitId))) throw unknownReference({ zh: '单位', en: 'unit' }, { unitId });
  }

  async function requireUser(r: AccountsRepository, id: number) {
    const row = await r.findUserById(id);
    if (!row) throw notFound(USER, { id });
    return row;
  }

  return {
    listRoles(actor: Actor) {
      authorize(actor, 'read_reference');
      return ROLES.map((key) => ({ key, ...ROLE_LABELS[key], scope: UNIT_ROLES.includes(key) ? ('unit' as const) : ('center' as const) }));
    },

    /** Admins list everyone; unit admins only the users of their own unit and its sub-units. */
    async listUsers(
      actor: Actor,
      query: {
        unitId?: number;
        role?: Role;
        q?: string;
        includeInactive?: boolean;
        includeSubUnits?: boolean;
        cursor?: string;
        limit: number;
      },
    ) {
      authorize(actor, 'list_users');
      const includeSubUnits = query.includeSubUnits ?? true;
      const scope = await deps.scopeOf(actor);
      let unitIds = scope ?? undefined;
      if (query.unitId !== undefined) {
        if (scope && !scope.includes(query.unitId)) throw forbidden({ unitId: query.unitId });
        unitIds = includeSubUnits ? await deps.unitSubtreeIds(query.unitId) : [query.unitId];
      }
      const rows = await repo.findUsers({
        unitIds,
        role: query.role,
        q: query.q,
        includeInactive: query.includeInactive,
        afterId: query.cursor ? Number(query.cursor) : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      return { items: page.map(presentUser), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
    },

    async createUser(actor: Actor, input: UserCreate) {
      authorize(actor, 'manage_users');
      const unitId = input.unitId ?? null;
      requireUnitForRole(input.role, unitId);
      await requireExistingUnit(unitId);
      const passwordHash = await hashPassword(input.password);
      return inTx(async (tx, r) => {
        let id: number;
        try {
          id = await r.createUser({
            username: input.username,
            displayName: input.displayName,
            passwordHash,
            role: input.role,
            unitId,
            phone: input.phone ?? null,
          });
        } catch (error) {
          if (isUniqueViolation(error))
            throw duplicate({ zh: `用户名 ${input.username} `, en: `Username ${input.username}` }, { path: 'username' });
          throw error;
        }
        await audit.record(
          actor,
          { action: 'create_user', subjectType: 'user', subjectId: id, details: { username: input.username, role: input.role, unitId } },
          tx,
        );
        return presentUser((await r.findUserById(id))!);
      });
    },

    /** Changes name, role, unit, phone or active flag; an admin cannot lock themself out. */
    async updateUser(actor: Actor, input: UserUpdate & { id: number }) {
      authorize(actor, 'manage_users');
      const { id, ...patch } = input;
      return inTx(async (tx, r) => {
        const current = await requireUser(r, id);
        if (id === actor.userId && (patch.isActive === false || (patch.role !== undefined && patch.role !== 'admin'))) {
          throw new AppError('FORBIDDEN', {
            message: '不能停用自己的账号或取消自己的管理员角色',
            messageEn: 'You cannot deactivate your own account or drop your own admin role',
          });
        }
        const role = patch.role ?? (current.role as Role);
        const unitId = patch.unitId === undefined ? current.unitId : patch.unitId;
        requireUnitForRole(role, unitId);
        if (patch.unitId !== undefined) await requireExistingUnit(patch.unitId, tx);
        const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        await r.updateUser(id, changes);
        if (patch.isActive === false) await r.deleteSessionsOfUser(id);
        await audit.record(actor, { action: 'update_user', subjectType: 'user', subjectId: id, details: { changes } }, tx);
        return presentUser((await r.findUserById(id))!);
      });
    },

    /** Sets the given password, or generates one to hand over once; signs the user out everywhere. */
    async resetPassword(actor: Actor, input: { id: number; password?: string }) {
      authorize(actor, 'manage_users');
      await requireUser(repo, input.id);
      const temporaryPassword = input.password ? null : randomToken(9);
      const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
      await inTx(async (tx, r) => {
        await r.updateUser(input.id, { passwordHash });
        await r.deleteSessionsOfUser(input.id);
        await audit.record(
          actor,
          { action: 'reset_password', subjectType: 'user', subjectId: input.id, details: { isGenerated: temporaryPassword !== null } },
          tx,
        );
      });
      return { userId: input.id, temporaryPassword };
    },

    async listApiKeys(actor: Actor, query: { includeRevoked?: boolean }) {
      authorize(actor, 'manage_api_keys');
      return (await repo.findApiKeys({ includeRevoked: query.includeRevoked ?? false })).map(presentApiKey);
    },

    /** The plain key is in this result only; the database keeps its hash. */
    async createApiKey(actor: Actor, input: { name: string; role: Role; unitId?: number | null }) {
      authorize(actor, 'manage_api_keys');
      const unitId = input.unitId ?? null;
      requireUnitForRole(input.role, unitId);
      await requireExistingUnit(unitId);
      const created = await deps.auth.createApiKey({ name: input.name, role: input.role, unitId });
      await audit.record(actor, {
        action: 'create_api_key',
        subjectType: 'api_key',
        subjectId: created.id,
        details: { name: created.name, role: created.role, unitId, prefix: created.prefix },
      });
      return { ...presentApiKey(created), key: created.plainKey };
    },

    async revokeApiKey(actor: Actor, input: { id: number }) {
      authorize(actor, 'manage_api_keys');
      return inTx(async (tx, r) => {
        const current = await r.findApiKeyById(input.id);
        if (!current) throw notFound(API_KEY, { id: input.id });
        if (current.revokedAt) {
          throw new AppError('CONFLICT', {
            message: '该 API 密钥已被吊销',
            messageEn: 'This API key is already revoked',
            details: { id: input.id },
          });
        }
        const row = await r.revokeApiKey(input.id, deps.clock.now());
        await audit.record(
          actor,
          {
            action: 'revoke_api_key',
            subjectType: 'api_key',
            subjectId: input.id,
            details: { name: current.name, prefix: current.prefix },
          },
          tx,
        );
        return presentApiKey(row!);
      });
    },
  };
}
