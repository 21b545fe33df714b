/** Work orders: intake, listing, detail, and every lifecycle transition in one transaction each. */
import { createHash } from 'node:crypto';
import { checkTransition, STATUS_LABELS, TRANSITIONS, availableActions, type Outcome, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { AppError, conflict, forbidden, notFound, unknownReference } from '../../lib/errors.ts';
import type { LiveBus } from '../../lib/live.ts';
import { randomToken } from '../../lib/crypto.ts';
import { toSearchQuery, toSearchVector } from '../../lib/text.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { presentDetail, presentLiveTicket, presentSummary } from './tickets.presenter.ts';
import { canCreate, canRevealPhone, isCenterActor, relationOf } from './tickets.policy.ts';
import { ACTIVE_ASSIGNMENT_STATUSES, createTicketsRepository, type TicketsRepository } from './tickets.repository.ts';
import type { CreateTicketInput, ListTicketsQuery, StaffAction, TicketDetail, TransitionBodies } from './tickets.schemas.ts';
import { HANDLERS, type Effect, type TransitionContext } from './tickets.transitions.ts';
import type { DeadlineCalculator } from '../sla/sla.service.ts';

export interface TicketsDeps {
  db: Db;
  clock: Clock;
  live: LiveBus;
  audit: AuditService;
  sla: { calculatorFor(t: { type: string; urgency: string; categoryId: number | null }): Promise<DeadlineCalculator> };
  orgs: { unitSubtreeIds(unitId: number): Promise<number[]> };
  citizens: { findOrCreateByPhone(tx: Executor, input: { phone: string; name?: string | null; isConfidential?: boolean }): Promise<{ id: number }> };
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** 20261122: the order number's day is the hotline's local date. */
export function localDay(date: Date): string {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

export function createTicketsService(deps: TicketsDeps) {
  const { db, clock } = deps;
  const repo = createTicketsRepository(db);

  /** The units whose orders the actor works on: its own, plus sub-units for unit admins. */
  async function actorUnitIds(actor: Actor): Promise<number[]> {
    if (actor.unitId === null) return [];
    return actor.role === 'unit_admin' ? deps.orgs.unitSubtreeIds(actor.unitId) : [actor.unitId];
  }

  async function assertCanView(actor: Actor, r: TicketsRepository, ticketId: number) {
    if (isCenterActor(actor)) return;
    if (!(await r.wasAssignedToAny(ticketId, await actorUnitIds(actor)))) {
      // Units must not learn that other units' orders exist: answer as if absent.
      throw notFound({ zh: '工单', en: 'Ticket' }, { id: ticketId });
    }
  }

  /** After commit: the event names the order (presentLiveTicket) so desks can show it without fetching it. */
  async function publish(topic: string, ticketId: number, unitIds: number[]) {
    const summary = await repo.findLiveSummary(ticketId).catch(() => null);
    deps.live.publish({
      topic, ticketId, unitIds: [...new Set(unitIds.filter((id): id is number => id !== null))],
      ...(summary ? { payload: presentLiveTicket(summary) } : {}),
    });
  }

  /** What a transition needs from outside the tickets tables, read before its transaction opens. */
  interface Prepared {
    sla: DeadlineCalculator;
    unitIds: number[];
    leadUnitId: number | null;
    leadSubtreeIds: number[];
  }

  async function prepare(actor: Actor, t: { type: string; urgency: string; categoryId: number | null; leadUnitId: number | null }, action: StaffAction): Promise<Prepared> {
    const [sla, unitIds, leadSubtreeIds] = await Promise.all([
      deps.sla.calculatorFor(t), actorUnitIds(actor),
      action === 'subdispatch' && t.leadUnitId ? deps.orgs.unitSubtreeIds(t.leadUnitId) : Promise.resolve([]),
    ]);
    return { sla, unitIds, leadUnitId: t.leadUnitId, leadSubtreeIds };
  }

  async function runTransition<A extends StaffAction>(r: TicketsRepository, actor: Actor, ticketId: number, action: A, body: TransitionBodies[A], prepared: Prepared) {
    const now = clock.now();
    const ticket = await r.getForUpdate(ticketId);
    if (body.version !== undefined && body.version !== ticket.version) throw conflict({ expectedVersion: body.version, currentVersion: ticket.version });
    // The sub-unit tree was read for the lead unit seen before locking; if it moved meanwhile, that reading is stale.
    if (action === 'subdispatch' && ticket.leadUnitId !== prepared.leadUnitId) throw conflict();
    const active = await r.findActiveAssignments(ticketId);
    const unitIds = prepared.unitIds;
    const relation = relationOf(actor, unitIds, active);
    if (relation === 'other_unit' && !(await r.wasAssignedToAny(ticketId, unitIds))) throw notFound({ zh: '工单', en: 'Ticket' }, { id: ticketId });
    const check = checkTransition({ status: ticket.status as TicketStatus, action, role: actor.role, relation, outcome: outcomeOf(action, body, active) });
    if (!check.ok) {
      if (check.reason === 'FORBIDDEN') throw forbidden({ action, status: ticket.status });
      throw invalidTransition(ticket.status as TicketStatus, action);
    }
    const ctx: TransitionContext<A> = { repo: r, ticket, actor, body, now, to: check.to, active, sla: prepared.sla, leadSubtreeIds: prepared.leadSubtreeIds };
    const effect = await (HANDLERS[action] as unknown as (c: TransitionContext<A>) => Promise<Effect>)(ctx);
    const updated = await r.updateIfVersion(ticketId, ticket.version, { status: check.to, ...effect.changes, updatedAt: now });
    if (!updated) throw conflict();
    await r.createEvent({
      ticketId, action, fromStatus: ticket.status, toStatus: check.to, actorUserId: actor.userId, actorUnitId: actor.unitId,
      unitId: effect.unitId ?? null, note: effect.note ?? null, data: effect.data ?? {}, createdAt: now,
    });
    const notify = [...(effect.notifyUnitIds ?? []), ...(updated.leadUnitId ? [updated.leadUnitId] : [])];
    await r.createOutbox({ topic: `ticket.${action}`, ticketId, unitIds: [...new Set(notify)], payload: { status: check.to, number: ticket.number } });
    return { ticketId, notify };
  }

  return {
    /** Throws NOT_FOUND when the actor may not see the ticket (attachments use it too). */
    assertCanView: (actor: Actor, ticketId: number) => assertCanView(actor, repo, ticketId),

    /** 受理 by staff: takes in an order and answers with its full detail. */
    async create(actor: Actor, input: CreateTicketInput, options: { idempotencyKey?: string } = {}): Promise<TicketDetail> {
      const { ticketId } = await this.intake(actor, input, options);
      return this.get(actor, ticketId);
    },

    /**
     * Takes in an order (and dispatches it at once when asked); staff, integrations and citizens alike.
     * Resolves only after the commit, so an acknowledged request is never lost.
     */
    async intake(actor: Actor, input: CreateTicketInput, options: { idempotencyKey?: string } = {}): Promise<{ ticketId: number; number: string; publicToken: string }> {
      if (!canCreate(actor, input)) throw forbidden();
      const key = options.idempotencyKey;
      const scope = actor.userId ? `user:${actor.userId}` : actor.apiKeyId ? `key:${actor.apiKeyId}` : `ip:${actor.ip}`;
      const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
      type Stored = { ticketId: number; number: string; publicToken: string };
      const replay = async (): Promise<Stored | null> => {
        const previous = key ? await repo.findIdempotent(scope, key) : null;
        if (!previous) return null;
        if (previous.requestHash !== requestHash) throw idempotencyMismatch();
        return previous.responseBody as Stored;
      };

      const earlier = await replay();
      if (earlier) return earlier;
      const prepared = await prepare(actor, { type: input.type, urgency: input.urgency, categoryId: input.categoryId ?? null, leadUnitId: null }, 'dispatch');
      // The number is taken in its own short statement, not in the intake transaction: the day's counter row would
      // otherwise stay locked until commit and serialise every concurrent intake. A failed intake leaves a gap.
      const number = await repo.nextNumber(localDay(clock.now()));
      let created: Stored & { notify: number[] };
      try {
        created = await db.transaction(async (tx) => {
          const r = createTicketsRepository(tx);
          const now = clock.now();
          const citizen = input.citizen ? await deps.citizens.findOrCreateByPhone(tx, { phone: input.citizen.phone, name: input.citizen.name, isConfidential: input.isConfidential }) : null;
          const title = input.title?.trim() || input.content.replace(/\s+/g, ' ').slice(0, 40);
          // Unknown category or region: the foreign keys refuse the row (cheaper than checking first).
          const ticket = await r.create({
            number, channel: input.channel, type: input.type, urgency: input.urgency, title, content: input.content,
            categoryId: input.categoryId ?? null, regionId: input.regionId ?? null, address: input.address ?? null, lng: input.lng ?? null, lat: input.lat ?? null,
            citizenId: citizen?.id ?? null, citizenName: input.citizen?.name ?? null, isConfidential: input.isConfidential, status: 'pending_dispatch',
            createdById: actor.userId, createdAt: now, updatedAt: now, publicToken: randomToken(12), search: toSearchVector(title, input.content, input.address) as unknown as string,
          }).catch((error) => {
            const constraint = foreignKeyViolation(error);
            if (constraint?.includes('category')) throw unknownReference({ zh: '分类', en: 'category' }, { categoryId: input.categoryId });
            if (constraint?.includes('region')) throw unknownReference({ zh: '区域', en: 'region' }, { regionId: input.regionId });
            throw error;
          });
          const linked = await r.linkAttachments(input.attachmentIds, { ticketId: ticket.id }, actor.userId);
          if (linked !== new Set(input.attachmentIds).size) throw unknownReference({ zh: '附件', en: 'attachment' }, { attachmentIds: input.attachmentIds });
          await r.createEvent({
            ticketId: ticket.id, action: 'create', fromStatus: null, toStatus: 'pending_dispatch', actorUserId: actor.userId, actorUnitId: actor.unitId,
            data: { channel: input.channel, type: input.type, urgency: input.urgency, categoryId: input.categoryId ?? null, regionId: input.regionId ?? null }, createdAt: now,
          });
          await r.createOutbox({ topic: 'ticket.created', ticketId: ticket.id, payload: { number: ticket.number } });
          let notify: number[] = [];
          if (input.dispatch) {
            const body = { leadUnitId: input.dispatch.leadUnitId, coUnitIds: input.dispatch.coUnitIds, note: input.dispatch.note };
            notify = (await runTransition(r, actor, ticket.id, 'dispatch', body, prepared)).notify;
          }
          const stored: Stored = { ticketId: ticket.id, number: ticket.number, publicToken: ticket.publicToken! };
          // Stored with the order in one transaction: a retry finds either both or neither.
          if (key) await r.createIdempotent({ scope, key, requestHash, statusCode: 201, responseBody: stored });
          return { ...stored, notify };
        });
      } catch (error) {
        // Two retries of one submission racing: the loser's insert of the key fails; answer with the winner's order.
        const winner = key && isUniqueViolation(error) ? await replay() : null;
        if (winner) return winner;
        throw error;
      }
      await publish('ticket.created', created.ticketId, created.notify);
      return { ticketId: created.ticketId, number: created.number, publicToken: created.publicToken };
    },

    async list(actor: Actor, query: ListTicketsQuery) {
      if (actor.kind === 'public' || actor.role === null) throw forbidden();
      const before = query.cursor ? decodeCursor(query.cursor) : undefined;
      const unitIds = isCenterActor(actor) ? undefined : await actorUnitIds(actor);
      const rows = await repo.findSummaries({
        statuses: query.status, unitId: query.unitId, categoryId: query.categoryId, regionId: query.regionId, channel: query.channel,
        type: query.type, urgency: query.urgency,
        slaStates: query.slaState ? [query.slaState] : query.overdue === true ? ['at_risk', 'overdue'] : undefined,
        isLatestReplyRejected: query.replyRejected,
        activeForUnitIds: query.activeOnly ? unitIds ?? [] : undefined,
        from: query.from, to: query.to, search: query.q ? toSearchQuery(query.q) : undefined,
        visibleToUnitIds: unitIds,
        before, limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((row) => presentSummary(actor, row)),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last.ticket.createdAt, last.ticket.id) : null,
      };
    },

    async get(actor: Actor, ticketId: number): Promise<TicketDetail> {
      await assertCanView(actor, repo, ticketId);
      const [summary, collections, unitIds] = await Promise.all([repo.getSummaryParts(ticketId), repo.findDetailCollections(ticketId), actorUnitIds(actor)]);
      const active = collections.assignments.filter((a) => (ACTIVE_ASSIGNMENT_STATUSES as readonly string[]).includes(a.status));
      const relation = relationOf(actor, unitIds, active);
      return presentDetail(actor, {
        summary, collections,
        availableActions: availableActions(summary.ticket.status as TicketStatus, actor.role, relation).filter((a) => a !== 'rate'),
      });
    },

    async getByNumber(actor: Actor, number: string): Promise<TicketDetail> {
      const id = await repo.findIdByNumber(number);
      if (!id) throw notFound({ zh: '工单', en: 'Ticket' }, { number });
      return this.get(actor, id);
    },

    /** Full phone number for staff allowed to call the citizen; every reveal is audited. */
    async revealPhone(actor: Actor, ticketId: number): Promise<{ phone: string | null }> {
      if (!canRevealPhone(actor)) throw forbidden();
      const { ticket, citizen } = await repo.getSummaryParts(ticketId);
      await deps.audit.record(actor, { action: 'read_unmasked_phone', subjectType: 'ticket', subjectId: ticket.id, details: { citizenId: citizen?.id ?? null } });
      return { phone: citizen?.phone ?? null };
    },

    /** Possible duplicates of a ticket: recent orders sharing its words. */
    async findSimilar(actor: Actor, ticketId: number, days = 30) {
      if (!isCenterActor(actor)) throw forbidden();
      const ticket = await repo.getById(ticketId);
      return this.findSimilarText(actor, `${ticket.title} ${ticket.content}`.slice(0, 300), ticketId, days);
    },

    async findSimilarText(actor: Actor, text: string, excludeId: number | null = null, days = 30) {
      if (!isCenterActor(actor)) throw forbidden();
      const words = toSearchQueryAny(text);
      if (!words) return [];
      const since = new Date(clock.now().getTime() - days * 86_400_000);
      return repo.findSimilar(words, excludeId, since, 10);
    },

    /** 市民评价: the citizen rates a closed order, proving who they are with the last four digits of their phone. */
    async rateByCitizen(actor: Actor, input: { number: string; phoneLast4: string; rating: number; comment?: string | null }) {
      const ticketId = await repo.findIdByNumber(input.number);
      const parts = ticketId ? await repo.getSummaryParts(ticketId) : null;
      if (!parts || !parts.citizen || !parts.citizen.phone.endsWith(input.phoneLast4)) {
        throw notFound({ zh: '工单', en: 'Ticket' }, { number: input.number });
      }
      const ticket = parts.ticket;
      const check = checkTransition({ status: ticket.status as TicketStatus, action: 'rate', role: null, relation: 'citizen' });
      if (!check.ok) throw new AppError('INVALID_TRANSITION', { message: '工单办结后才能评价', messageEn: 'Only closed orders can be rated' });
      if (ticket.citizenRating !== null) throw new AppError('CONFLICT', { message: '该工单已评价', messageEn: 'This order has already been rated' });
      const now = clock.now();
      await db.transaction(async (tx) => {
        const r = createTicketsRepository(tx);
        const updated = await r.updateIfVersion(ticket.id, ticket.version, { citizenRating: input.rating, updatedAt: now });
        if (!updated) throw conflict();
        await r.createEvent({
          ticketId: ticket.id, action: 'rate', fromStatus: ticket.status, toStatus: ticket.status, unitId: ticket.leadUnitId,
          note: input.comment ?? null, data: { rating: input.rating }, createdAt: now,
        });
      });
      await publish('ticket.rate', ticket.id, ticket.leadUnitId ? [ticket.leadUnitId] : []);
      return { number: ticket.number, rating: input.rating };
    },

    async transition<A extends StaffAction>(actor: Actor, ticketId: number, action: A, body: TransitionBodies[A]): Promise<TicketDetail> {
      const prepared = await prepare(actor, await repo.getById(ticketId), action);
      const { notify } = await db.transaction((tx) => runTransition(createTicketsRepository(tx), actor, ticketId, action, body, prepared));
      await publish(`ticket.${action}`, ticketId, notify);
      return this.get(actor, ticketId);
    },
  };
}
export type TicketsService = ReturnType<typeof createTicketsService>;

function outcomeOf(action: StaffAction, body: any, active: { role: string; signedAt: Date | null }[]): Outcome {
  if (action === 'callback') return { callback: body.result };
  if (action === 'review') return { decision: body.decision };
  if (action === 'decide_extension') return { decision: body.decision };
  if (action === 'decide_objection') {
    if (body.decision === 'approve') return { decision: 'approve' };
    return { wasSigned: Boolean(active.find((a) => a.role === 'lead')?.signedAt) };
  }
  return undefined;
}

function invalidTransition(status: TicketStatus, action: StaffAction) {
  const label = TRANSITIONS[action].label;
  return new AppError('INVALID_TRANSITION', {
    message: `工单当前状态为「${STATUS_LABELS[status].zh}」，不能执行「${label.zh}」`,
    messageEn: `A ticket in status "${STATUS_LABELS[status].en}" cannot be given "${label.en}"`,
    details: { status, action },
  });
}

function idempotencyMismatch() {
  return new AppError('IDEMPOTENCY_MISMATCH', {
    message: '同一幂等键已用于内容不同的请求', messageEn: 'This Idempotency-Key was already used with a different request',
  });
}

/** The violated foreign-key constraint's name, or null for any other error. */
function foreignKeyViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const inner = e?.cause ?? e;
  if (inner?.code !== '23503' && e?.code !== '23503') return null;
  return inner?.constraint ?? e?.constraint ?? inner?.message ?? e?.message ?? '';
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

function encodeCursor(createdAt: Date, id: number) {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: number } {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const createdAt = new Date(iso);
    if (Number.isNaN(createdAt.getTime()) || !Number.isInteger(id)) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', { message: '分页游标无效', messageEn: 'Invalid pagination cursor', details: { path: 'cursor' } });
  }
}

/** OR-query of a text's words: similarity wants overlap, not every word. */
function toSearchQueryAny(text: string) {
  return toSearchQuery(text, 'or');
}
