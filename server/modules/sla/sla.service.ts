/**
 * SLA: deadlines from the policies and the working calendar, pausing arithmetic, the overdue sweep,
 * and the administration of policies and calendar days.
 */
import type { Db } from '../../db/client.ts';
import { WorkingCalendar, dayIndexOf, dayStartMs, localDayIndex } from '../../lib/calendar.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { AppError, forbidden, unknownReference, validation } from '../../lib/errors.ts';
import type { Role } from '../../../common/enums.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createSlaRepository, type SlaPolicyRow, type SlaRepository } from './sla.repository.ts';
import { createSlaSweepRepository, type SlaChange, type WorkingTimeTable } from './sla-sweep.repository.ts';
import {
  checkCalendarImport,
  computeDeadlines,
  defaultPolicy,
  isCatchAll,
  resumedDeadline,
  selectPolicy,
  usesClockHours,
  type SlaPolicy,
  type TicketCriteria,
} from './sla.rules.ts';

const ADMIN: readonly Role[] = ['admin'];
const READERS: readonly Role[] = ['admin', 'supervisor', 'dispatcher'];
/** Other app processes may edit the calendar or policies; cached copies are reloaded at least this often. */
const DEFAULT_CACHE_TTL_MS = 60_000;
/** The sweep computes working time in SQL for orders dispatched or due within this many days of now. */
const SWEEP_WINDOW_DAYS = 730;

export type PolicyInput = Omit<SlaPolicy, 'id'>;
export interface CalendarDayInput {
  day: string;
  isWorkday: boolean;
  name: string;
}

function requireRole(actor: Actor, roles: readonly Role[]) {
  if (actor.kind === 'public' || !actor.role || !roles.includes(actor.role)) throw forbidden();
}

/** A small time-limited cache of one async value; `invalidate` forces the next read to reload. */
function cached<T>(load: () => PromiseLike<T>, ttlMs: number) {
  let entry: { value: Promise<T>; loadedAt: number } | null = null;
  return {
    get(): Promise<T> {
      if (!entry || performance.now() - entry.loadedAt > ttlMs) {
        // Promise.resolve settles a lazy Drizzle query once; kept as is, it would run again on every await.
        const value = Promise.resolve(load());
        const current = { value, loadedAt: performance.now() };
        entry = current;
        value.catch(() => {
          if (entry === current) entry = null;
        });
      }
      return entry.value;
    },
    invalidate() {
      entry = null;
    },
  };
}

/** Synchronous deadline arithmetic for one order (see calculatorFor). */
export interface DeadlineCalculator {
  policyId: number;
  deadlines(from: Date): { signDueAt: Date; handleDueAt: Date };
  extend(due: Date, workingDays: number): Date;
  resume(due: Date, pausedAt: Date, resumedAt: Date): Date;
  callbackDue(from: Date): Date;
}

export function createSlaService(deps: { db: Db; clock: Clock; audit: AuditService; cacheTtlMs?: number }) {
  const { db, clock, audit } = deps;
  const ttl = deps.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const repo = createSlaRepository(db);
  const sweepRepo = createSlaSweepRepository(db);

  const calendar = cached(async () => {
    const rows = await repo.findCalendarDays();
    return new WorkingCalendar(new Map(rows.map((r) => [r.day, { isWorkday: r.isWorkday, name: r.name }])));
  }, ttl);
  const policies = cached(() => repo.findPolicies() as PromiseLike<SlaPolicy[]>, ttl);
  let categoryChains = new Map<number, Promise<number[]>>();
  let chainsLoadedAt = performance.now();

  function categoryChain(categoryId: number | null): Promise<number[]> {
    if (categoryId === null) return Promise.resolve([]);
    if (performance.now() - chainsLoadedAt > ttl) {
      categoryChains = new Map();
      chainsLoadedAt = performance.now();
    }
    let chain = categoryChains.get(categoryId);
    if (!chain) {
      chain = repo.findCategoryChain(categoryId);
      categoryChains.set(categoryId, chain);
      chain.catch(() => categoryChains.delete(categoryId));
    }
    return chain;
  }

  async function policyFor(t: TicketCriteria): Promise<SlaPolicy> {
    const [all, chain] = await Promise.all([policies.get(), categoryChain(t.categoryId)]);
    const policy = selectPolicy(all, t, chain);
    if (!policy) throw noPolicy();
    return policy;
  }

  async function fallbackPolicy(): Promise<SlaPolicy> {
    const policy = defaultPolicy(await policies.get());
    if (!policy) throw noPolicy();
    return policy;
  }

  /** Runs an admin change and its audit entry in one transaction, then drops the caches it affects. */
  async function adminChange<T>(
    actor: Actor,
    subjectType: 'sla_policy' | 'calendar_day',
    action: string,
    change: (r: SlaRepository) => Promise<T>,
    describe: (result: T) => { id: string | number; details: Record<string, unknown> },
  ): Promise<T> {
    const result = await db.transaction(async (tx) => {
      const value = await change(createSlaRepository(tx));
      const { id, details } = describe(value);
      await audit.record(actor, { action, subjectType, subjectId: id, details }, tx);
      return value;
    });
    if (subjectType === 'sla_policy') policies.invalidate();
    else calendar.invalidate();
    return result;
  }

  /** Refuses a change that would leave no active catch-all policy (every order must match one). */
  async function keepCatchAll(r: SlaRepository, changedId: number, after: SlaPolicyRow | null) {
    const others = (await r.findPolicies()).filter((p) => p.id !== changedId && p.isActive && isCatchAll(p));
    if (others.length === 0 && !(after && after.isActive && isCatchAll(after))) {
      throw validation(
        '至少需要保留一条启用的通用时限策略（不限类型、紧急程度和分类）',
        'At least one active catch-all SLA policy (no type, urgency or category) must remain',
      );
    }
  }

  async function checkCategory(r: SlaRepository, categoryId: number | null | undefined) {
    if (categoryId != null && !(await r.categoryExists(categoryId))) throw unknownReference({ zh: '分类', en: 'category' }, { categoryId });
  }

  return {
    /** The working calendar (cached; edits through this service reload it, other processes within the cache TTL). */
    getCalendar: (): Promise<WorkingCalendar> => calendar.get(),

    /**
     * The deadline arithmetic for one order, resolved up front (policy, calendar) so the lifecycle can use it
     * inside a transaction without further queries: PGlite is one connection, a nested query there would wait forever.
     */
    async calculatorFor(t: TicketCriteria): Promise<DeadlineCalculator> {
      const [cal, policy] = await Promise.all([calendar.get(), policyFor(t)]);
      return {
        policyId: policy.id,
        deadlines: (from) => computeDeadlines(cal, policy, from),
        extend: (due, workingDays) => cal.addWorkingDays(due, workingDays),
        resume: (due, pausedAt, resumedAt) => resumedDeadline(cal, due, pausedAt, resumedAt, usesClockHours(policy)),
        callbackDue: (from) => cal.addWorkingDays(from, policy.callbackWorkingDays),
      };
    },

    /** Sign-by and handle-by deadlines for an order dispatched at `from`, and the policy that gave them. */
    async deadlinesFor(
      t: { type: string; urgency: string; categoryId: number | null },
      from: Date,
    ): Promise<{ signDueAt: Date; handleDueAt: Date; policyId: number }> {
      const [cal, policy] = await Promise.all([calendar.get(), policyFor(t)]);
      return { ...computeDeadlines(cal, policy, from), policyId: policy.id };
    },

    /** An approved extension (延期): the same clock time `workingDays` working days later. */
    async extendDeadline(due: Date, workingDays: number): Promise<Date> {
      if (!Number.isFinite(workingDays) || workingDays < 0) throw validation('延期天数不正确', 'Extension days must be zero or more');
      return (await calendar.get()).addWorkingDays(due, workingDays);
    },

    /**
     * Moves a deadline by the time spent paused: clock time for urgent orders (or, when the order's criteria are given,
     * for clock-hour policies), working time otherwise.
     */
    async resumeDeadline(due: Date, pausedAt: Date, resumedAt: Date, urgency: string, t?: TicketCriteria): Promise<Date> {
      const isClockTime = t ? usesClockHours(await policyFor(t)) : urgency === 'urgent';
      return resumedDeadline(await calendar.get(), due, pausedAt, resumedAt, isClockTime);
    },

    /** 回访 deadline: the policy's callback working days after the accepted reply (the catch-all policy unless `t` is given). */
    async callbackDueAt(from: Date, t?: TicketCriteria): Promise<Date> {
      const [cal, policy] = await Promise.all([calendar.get(), t ? policyFor(t) : fallbackPolicy()]);
      return cal.addWorkingDays(from, policy.callbackWorkingDays);
    },

    /**
     * Marks open orders at risk or overdue (see sla-sweep.repository.ts), batch by batch in id order.
     * Returns every state change; escalations also got their events and automatic reminders. `unitIds` limits the sweep
     * to orders whose lead unit is one of them.
     */
    async markOverdueOrders(
      actor: Actor,
      options: { batchSize?: number; unitIds?: number[] } = {},
    ): Promise<{ scanned: number; changes: SlaChange[] }> {
      if (actor.kind !== 'system') requireRole(actor, ADMIN);
      const now = clock.now();
      const cal = await calendar.get();
      const baseDay = localDayIndex(now) - SWEEP_WINDOW_DAYS;
      const table: WorkingTimeTable = { baseDay, prefix: cal.workingMsPrefix(baseDay, 2 * SWEEP_WINDOW_DAYS + 1), periods: cal.periods };
      const nowWorkingMs = cal.workingMsBetween(new Date(dayStartMs(baseDay)), now);
      const batchSize = options.batchSize ?? 5_000;
      let cursor = 0;
      let scanned = 0;
      const changes: SlaChange[] = [];
      for (;;) {
        const batch = await sweepRepo.sweepBatch({ now, cursor, batchSize, table, nowWorkingMs, unitIds: options.unitIds });
        scanned += batch.scanned;
        changes.push(...batch.changes);
        if (batch.scanned < batchSize || batch.lastId === null) break;
        cursor = batch.lastId;
      }
      return { scanned, changes };
    },

    // ---- administration ----

    async listPolicies(actor: Actor) {
      requireRole(actor, READERS);
      return repo.findPolicies();
    },

    async createPolicy(actor: Actor, input: PolicyInput) {
      requireRole(actor, ADMIN);
      return adminChange(
        actor,
        'sla_policy',
        'sla_policy.create',
        async (r) => {
          await checkCategory(r, input.categoryId);
          return r.createPolicy(input);
        },
        (row) => ({ id: row.id, details: { policy: row } }),
      );
    },

    async updatePolicy(actor: Actor, id: number, patch: Partial<PolicyInput>) {
      requireRole(actor, ADMIN);
      const { after } = await adminChange(
        actor,
        'sla_policy',
        'sla_policy.update',
        async (r) => {
          await r.lockPolicies();
          const before = await r.getPolicyById(id);
          await checkCategory(r, patch.categoryId);
          const after = await r.updatePolicy(id, patch);
          if (before.isActive && isCatchAll(before)) await keepCatchAll(r, id, after);
          return { before, after };
        },
        (change) => ({ id, details: change }),
      );
      return after;
    },

    async deletePolicy(actor: Actor, id: number) {
      requireRole(actor, ADMIN);
      await adminChange(
        actor,
        'sla_policy',
        'sla_policy.delete',
        async (r) => {
          await r.lockPolicies();
          const before = await r.getPolicyById(id);
          if (before.isActive && isCatchAll(before)) await keepCatchAll(r, id, null);
          return r.deletePolicy(id);
        },
        (row) => ({ id, details: { policy: row } }),
      );
    },

    /** The exception days of a year and how many working days the year has. */
    async listCalendarYear(actor: Actor, year: number) {
      requireRole(actor, READERS);
      const days = await repo.findCalendarDays({ from: `${year}-01-01`, to: `${year}-12-31` });
      const cal = await calendar.get();
      let workingDays = 0;
      for (let d = dayIndexOf(`${year}-01-01`), last = dayIndexOf(`${year}-12-31`); d <= last; d++)
        if (cal.isWorkingDayIndex(d)) workingDays++;
      return { year, workingDays, days: days.map((r) => ({ day: r.day, isWorkday: r.isWorkday, name: r.name })) };
    },

    async upsertCalendarDay(actor: Actor, input: CalendarDayInput) {
      requireRole(actor, ADMIN);
      checkDay(input.day);
      const row = await adminChange(
        actor,
        'calendar_day',
        'calendar_day.upsert',
        (r) => r.upsertCalendarDay(input),
        (saved) => ({ id: saved.day, details: { isWorkday: saved.isWorkday, name: saved.name } }),
      );
      return { day: row.day, isWorkday: row.isWorkday, name: row.name };
    },

    async deleteCalendarDay(actor: Actor, day: string) {
      requireRole(actor, ADMIN);
      checkDay(day);
      await adminChange(
        actor,
        'calendar_day',
        'calendar_day.delete',
        (r) => r.deleteCalendarDay(day),
        (removed) => ({ id: day, details: { isWorkday: removed.isWorkday, name: removed.name } }),
      );
    },

    /** Replaces a year's exception days with the imported ones (one transaction, audited). */
    async importCalendarYear(actor: Actor, rows: CalendarDayInput[]) {
      requireRole(actor, ADMIN);
      rows.forEach((r) => checkDay(r.day));
      const checked = checkCalendarImport(rows);
      if ('problem' in checked) throw validation(checked.problem.zh, checked.problem.en, { day: checked.problem.day ?? null });
      const { year } = checked;
      return adminChange(
        actor,
        'calendar_day',
        'calendar_day.import',
        async (r) => {
          const replaced = await r.deleteCalendarYear(year);
          await r.insertCalendarDays(rows.map((x) => ({ day: x.day, isWorkday: x.isWorkday, name: x.name })));
          return { year, imported: rows.length, replaced };
        },
        (result) => ({ id: String(year), details: result }),
      );
    },
  };
}
export type SlaService = ReturnType<typeof createSlaService>;

function checkDay(day: string) {
  try {
    dayIndexOf(day);
  } catch {
    throw validation('日期格式应为 YYYY-MM-DD 且为有效日期', 'The day must be a valid YYYY-MM-DD date', { day });
  }
}

function noPolicy() {
  return new AppError('INTERNAL', {
    message: '没有适用的时限策略，请检查时限策略配置',
    messageEn: 'No SLA policy applies; check the SLA policy settings',
  });
}
