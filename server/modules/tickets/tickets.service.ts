/** Work orders: intake, listing, detail, and every lifecycle transition in one transaction each. */
import { createHash } from 'node:crypto';
import {
  checkTransition,
  STATUS_LABELS,
  TRANSITIONS,
  availableActions,
  type Outcome,
  type TicketStatus,
} from '../../../common/ticket-lifecycle.ts';
import type { Db, Executor } from '../../db/client.ts';
import { isCenterActor, type Actor, type Clock } from '../../lib/actor.ts';
import { shanghaiDay } from '../../lib/calendar.ts';
import { AppError, conflict, forbidden, notFound, unknownReference } from '../../lib/errors.ts';
import type { LiveBus } from '../../lib/live.ts';
import { randomToken } from '../../lib/crypto.ts';
import { createGroupCommit, type GroupCommitOptions } from '../../lib/group-commit.ts';
import { toSearchQuery, toSearchVector } from '../../lib/text.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { presentDetail, presentLiveTicket, presentSummary } from './tickets.presenter.ts';
import { canCreate, canRevealPhone, canSeeCitizenIdentity, relationOf } from './tickets.policy.ts';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor.ts';
import { parseTicketQuery } from './ticket-query.ts';
import { maskPhone, TEMPLATE_BLANK } from '../../../common/limits.ts';
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  createTicketsRepository,
  type TicketDetailParts,
  type TicketRow,
  type TicketsRepository,
} from './tickets.repository.ts';
import type { CreateTicketInput, ListTicketsQuery, StaffAction, TicketDetail, TransitionBodies } from './tickets.schemas.ts';
import { HANDLERS, type Effect, type TransitionContext } from './tickets.transitions.ts';
import type { DeadlineCalculator } from '../sla/sla.service.ts';

export interface TicketsDeps {
  db: Db;
  clock: Clock;
  live: LiveBus;
  audit: AuditService;
  sla: { calculatorFor(t: { type: string; urgency: string; categoryId: number | null }): Promise<DeadlineCalculator> };
  orgs: {
    unitSubtreeIds(unitId: number): Promise<number[]>;
    scopeOf(actor: Actor): Promise<number[] | null>;
    /** 派单目录: the units named for a category and region (most specific first) */
    lookupDispatch(actor: Actor, query: { categoryId: number; regionId?: number | null }): Promise<{ candidates: { unitId: number }[] }>;
  };
  /** How intakes are grouped into transactions (see createGroupCommit). */
  intakeBatching?: GroupCommitOptions;
  citizens: {
    findOrCreateByPhones(
      tx: Executor,
      inputs: { phone: string; name?: string | null; isConfidential?: boolean }[],
    ): Promise<{ id: number }[]>;
  };
}

/** 20261122: the order number's day is the hotline's local date. */
const orderNumberDay = (at: Date) => shanghaiDay(at).replace(/-/g, '');

export function createTicketsService(deps: TicketsDeps) {
  const { db, clock } = deps;
  const repo = createTicketsRepository(db);

  /** The units whose orders the actor works on (none for the center, which sees every order). */
  async function actorUnitIds(actor: Actor): Promise<number[]> {
    return (await deps.orgs.scopeOf(actor)) ?? [];
  }

  async function assertCanView(actor: Actor, r: TicketsRepository, ticketId: number) {
    if (isCenterActor(actor)) return;
    if (!(await r.wasAssignedToAny(ticketId, await actorUnitIds(actor)))) {
      // Units must not learn that other units' orders exist: answer as if absent.
      throw notFound({ zh: '工单', en: 'Ticket' }, { id: ticketId });
    }
  }

  /** After commit: each event names its order (presentLiveTicket) so desks can show it without fetching it. */
  async function publish(events: { topic: string; ticketId: number; unitIds: number[] }[]) {
    // best effort: the change is committed, a failed look-up only leaves the events without their summary
    const summaries = await repo.findLiveSummaries(events.map((e) => e.ticketId)).catch(() => []);
    const byId = new Map(summaries.map((s) => [s.id, s]));
    for (const { topic, ticketId, unitIds } of events) {
      const summary = byId.get(ticketId);
      deps.live.publish({
        topic,
        ticketId,
        unitIds: [...new Set(unitIds.filter((id): id is number => id !== null))],
        ...(summary ? { payload: presentLiveTicket(summary) } : {}),
      });
    }
  }

  /** What a transition needs from outside the tickets tables, read before its transaction opens. */
  interface Prepared {
    sla: DeadlineCalculator;
    unitIds: number[];
    leadUnitId: number | null;
    leadSubtreeIds: number[];
  }

  async function prepare(
    actor: Actor,
    t: { type: string; urgency: string; categoryId: number | null; leadUnitId: number | null },
    action: StaffAction,
  ): Promise<Prepared> {
    const [sla, unitIds, leadSubtreeIds] = await Promise.all([
      deps.sla.calculatorFor(t),
      actorUnitIds(actor),
      action === 'subdispatch' && t.leadUnitId ? deps.orgs.unitSubtreeIds(t.leadUnitId) : Promise.resolve([]),
    ]);
    return { sla, unitIds, leadUnitId: t.leadUnitId, leadSubtreeIds };
  }

  /**
   * Dispatching to a unit the dispatch catalogue does not name for the order's category and region (nor a sub-unit of
   * one it names) needs a reason, so a slip (暖气不热 → 市教育局) is caught and a deliberate choice is explained.
   * A category the catalogue says nothing about asks for nothing.
   */
  async function requireCatalogueOrReason(actor: Actor, ticket: TicketRow, body: TransitionBodies['dispatch']) {
    // auto-dispatch picks only among the catalogue's units of the category it read (see auto-dispatch.service)
    if (!ticket.categoryId || body.offCatalogueReason || actor.kind === 'system') return;
    const { candidates } = await deps.orgs.lookupDispatch(actor, { categoryId: ticket.categoryId, regionId: ticket.regionId });
    if (candidates.length === 0) return;
    const named = new Set((await Promise.all(candidates.map((c) => deps.orgs.unitSubtreeIds(c.unitId)))).flat());
    if (named.has(body.leadUnitId)) return;
    const message = '派单目录未将该单位列为此分类和区域的承办单位，请填写派往该单位的原因';
    const messageEn = 'The dispatch catalogue does not name this unit for the category and region: say why it goes there';
    throw new AppError('VALIDATION_FAILED', {
      message,
      messageEn,
      details: [{ path: 'offCatalogueReason', message, messageEn, catalogueUnitIds: candidates.map((c) => c.unitId) }],
    });
  }

  /** A reply started from a template goes to the citizen only once every blank (____) is filled in. */
  function requireFilledBlanks(content: string) {
    if (!TEMPLATE_BLANK.test(content)) return;
    const message = '答复中还有未填写的“____”，请按实际办理情况填写后再提交';
    const messageEn = 'The reply still has a blank (“____”) from its template: fill it in with what was done';
    throw new AppError('VALIDATION_FAILED', { message, messageEn, details: [{ path: 'content', message, messageEn }] });
  }

  /** `fresh`: an order created earlier in this transaction, which nobody else can see yet and which has no assignments. */
  async function runTransition<A extends StaffAction>(
    r: TicketsRepository,
    actor: Actor,
    ticketId: number,
    action: A,
    body: TransitionBodies[A],
    prepared: Prepared,
    fresh?: TicketRow,
  ) {
    const now = clock.now();
    if (action === 'merge' && !fresh) await r.lockInIdOrder([ticketId, (body as TransitionBodies['merge']).mainTicketId]);
    const ticket = fresh ?? (await r.getForUpdate(ticketId));
    if (body.version !== undefined && body.version !== ticket.version)
      throw conflict({ expectedVersion: body.version, currentVersion: ticket.version });
    // The sub-unit tree was read for the lead unit seen before locking; if it moved meanwhile, that reading is stale.
    if (action === 'subdispatch' && ticket.leadUnitId !== prepared.leadUnitId) throw conflict();
    const active = fresh ? [] : await r.findActiveAssignments(ticketId);
    const unitIds = prepared.unitIds;
    const relation = relationOf(actor, unitIds, active);
    if (relation === 'other_unit' && !(await r.wasAssignedToAny(ticketId, unitIds)))
      throw notFound({ zh: '工单', en: 'Ticket' }, { id: ticketId });
    const check = checkTransition({
      status: ticket.status as TicketStatus,
      action,
      role: actor.role,
      relation,
      outcome: outcomeOf({ action, body } as StaffTransition, active),
    });
    if (!check.ok) {
      if (check.reason === 'FORBIDDEN') throw forbidden({ action, status: ticket.status });
      throw invalidTransition(ticket.status as TicketStatus, action);
    }
    const ctx: TransitionContext<A> = {
      repo: r,
      ticket,
      actor,
      body,
      now,
      to: check.to,
      active,
      sla: prepared.sla,
      leadSubtreeIds: prepared.leadSubtreeIds,
    };
    const effect = await (HANDLERS[action] as unknown as (c: TransitionContext<A>) => Promise<Effect>)(ctx);
    const updated = await r.updateIfVersion(ticketId, ticket.version, { status: check.to, ...effect.changes, updatedAt: now });
    if (!updated) throw conflict();
    await r.createEvent({
      ticketId,
      action,
      fromStatus: ticket.status,
      toStatus: check.to,
      actorUserId: actor.userId,
      actorUnitId: actor.unitId,
      unitId: effect.unitId ?? null,
      note: effect.note ?? null,
      data: effect.data ?? {},
      createdAt: now,
    });
    const notify = [...(effect.notifyUnitIds ?? []), ...(updated.leadUnitId ? [updated.leadUnitId] : [])];
    await r.createOutbox({
      topic: `ticket.${action}`,
      ticketId,
      unitIds: [...new Set(notify)],
      payload: { status: check.to, number: ticket.number },
    });
    return { ticketId, notify };
  }

  interface IntakeItem {
    actor: Actor;
    input: CreateTicketInput;
    prepared: Prepared;
    idempotency: { scope: string; key: string; requestHash: string } | null;
    /** The caller answers with the order's detail: read for the whole batch at once after the commit. */
    wantsDetail: boolean;
    /** Reserved on the first attempt and kept when a failed batch is written again item by item. */
    number?: string;
  }

  /** One transaction for a batch of intakes: a few multi-row statements and one commit, however many orders. */
  async function writeIntakes(items: IntakeItem[]): Promise<(Intaken & { detail?: TicketDetailParts })[]> {
    const unnumbered = items.filter((item) => !item.number);
    if (unnumbered.length > 0) {
      // Numbers are taken in their own short statement, not in the intake transaction: the day's counter row would
      // otherwise stay locked until commit and serialise concurrent batches. A failed intake leaves a gap.
      const numbers = await repo.nextNumbers(orderNumberDay(clock.now()), unnumbered.length);
      unnumbered.forEach((item, i) => {
        item.number = numbers[i];
      });
    }
    const written = await db.transaction(async (tx) => {
      const r = createTicketsRepository(tx);
      const now = clock.now();
      const callers = items.filter((item) => item.input.citizen);
      const citizens = await deps.citizens.findOrCreateByPhones(
        tx,
        callers.map(({ input }) => ({ ...input.citizen!, isConfidential: input.isConfidential })),
      );
      const citizenIds = new Map(callers.map((item, i) => [item, citizens[i].id]));
      const created = await r
        .createMany(
          items.map((item) => {
            const { input, actor } = item;
            const title = input.title?.trim() || input.content.replace(/\s+/g, ' ').slice(0, 40);
            return {
              number: item.number!,
              channel: input.channel,
              type: input.type,
              urgency: input.urgency,
              title,
              content: input.content,
              categoryId: input.categoryId ?? null,
              regionId: input.regionId ?? null,
              address: input.address ?? null,
              lng: input.lng ?? null,
              lat: input.lat ?? null,
              citizenId: citizenIds.get(item) ?? null,
              citizenName: input.citizen?.name ?? null,
              isConfidential: input.isConfidential,
              language: input.language ?? 'zh',
              status: 'pending_dispatch',
              createdById: actor.userId,
              createdAt: now,
              updatedAt: now,
              publicToken: randomToken(12),
              search: toSearchVector(title, input.content, input.address) as unknown as string,
            };
          }),
        )
        .catch((error) => {
          // Unknown category or region: the foreign keys refuse the rows (cheaper than checking first). In a batch the
          // items are then written one by one, and this names the culprit.
          throw items.length === 1 ? unknownReferenceFrom(error, items[0].input) : error;
        });
      for (const [i, { input, actor }] of items.entries()) {
        if (input.attachmentIds.length === 0) continue;
        const linked = await r.linkAttachments(input.attachmentIds, { ticketId: created[i].id }, actor.userId);
        if (linked !== new Set(input.attachmentIds).size)
          throw unknownReference({ zh: '附件', en: 'attachment' }, { attachmentIds: input.attachmentIds });
      }
      await r.createEvent(
        items.map(({ actor, input }, i) => ({
          ticketId: created[i].id,
          action: 'create',
          fromStatus: null,
          toStatus: 'pending_dispatch',
          actorUserId: actor.userId,
          actorUnitId: actor.unitId,
          data: {
            channel: input.channel,
            type: input.type,
            urgency: input.urgency,
            categoryId: input.categoryId ?? null,
            regionId: input.regionId ?? null,
          },
          createdAt: now,
        })),
      );
      await r.createOutbox(created.map((ticket) => ({ topic: 'ticket.created', ticketId: ticket.id, payload: { number: ticket.number } })));
      const notify: number[][] = [];
      for (const [i, { actor, input, prepared }] of items.entries()) {
        if (!input.dispatch) continue;
        const body = { leadUnitId: input.dispatch.leadUnitId, coUnitIds: input.dispatch.coUnitIds, note: input.dispatch.note };
        notify[i] = (await runTransition(r, actor, created[i].id, 'dispatch', body, prepared, created[i])).notify;
      }
      const results: Intaken[] = created.map((ticket) => ({
        ticketId: ticket.id,
        number: ticket.number,
        publicToken: ticket.publicToken!,
      }));
      // Stored with the orders in one transaction: a retry finds either both or neither.
      const keys = items.flatMap(({ idempotency }, i) =>
        idempotency ? [{ ...idempotency, statusCode: 201, responseBody: results[i] }] : [],
      );
      if (keys.length > 0) await r.createIdempotent(keys);
      return results.map((result, i) => ({ result, notify: notify[i] ?? [] }));
    });
    // Committed: nothing below may fail the batch, or the group commit would write these orders a second time.
    await publish(written.map(({ result, notify }) => ({ topic: 'ticket.created', ticketId: result.ticketId, unitIds: notify })));
    const wanted = written.filter((_, i) => items[i].wantsDetail).map(({ result }) => result.ticketId);
    // without a detail here, create() reads it on its own
    const details =
      wanted.length > 0
        ? await repo.findDetails(wanted).catch(() => new Map<number, TicketDetailParts>())
        : new Map<number, TicketDetailParts>();
    return written.map(({ result }) => ({ ...result, detail: details.get(result.ticketId) }));
  }
  const intakes = createGroupCommit(writeIntakes, deps.intakeBatching);

  async function takeIn(
    actor: Actor,
    input: CreateTicketInput,
    options: { idempotencyKey?: string },
    wantsDetail: boolean,
  ): Promise<Intaken & { detail?: TicketDetailParts }> {
    if (!canCreate(actor, input)) throw forbidden();
    const key = options.idempotencyKey;
    const idempotency = key
      ? {
          scope: actor.userId ? `user:${actor.userId}` : actor.apiKeyId ? `key:${actor.apiKeyId}` : `ip:${actor.ip}`,
          key,
          requestHash: createHash('sha256').update(JSON.stringify(input)).digest('hex'),
        }
      : null;
    const replay = async (): Promise<Intaken | null> => {
      const previous = idempotency ? await repo.findIdempotent(idempotency.scope, idempotency.key) : null;
      if (!previous) return null;
      if (previous.requestHash !== idempotency!.requestHash) throw idempotencyMismatch();
      return previous.responseBody as Intaken;
    };

    const earlier = await replay();
    if (earlier) return earlier;
    const prepared = await prepare(
      actor,
      { type: input.type, urgency: input.urgency, categoryId: input.categoryId ?? null, leadUnitId: null },
      'dispatch',
    );
    try {
      return await intakes.submit({ actor, input, prepared, idempotency, wantsDetail });
    } catch (error) {
      // Two retries of one submission racing: the loser's insert of the key fails; answer with the winner's order.
      const winner = idempotency && isUniqueViolation(error) ? await replay() : null;
      if (winner) return winner;
      throw error;
    }
  }

  /** The detail view as this actor may see it, with the actions open to them. */
  function presentFor(actor: Actor, { summary, collections }: TicketDetailParts, unitIds: number[]): TicketDetail {
    const active = collections.assignments.filter((a) => (ACTIVE_ASSIGNMENT_STATUSES as readonly string[]).includes(a.status));
    const relation = relationOf(actor, unitIds, active);
    return presentDetail(actor, {
      summary,
      collections,
      availableActions: availableActions(summary.ticket.status as TicketStatus, actor.role, relation).filter((a) => a !== 'rate'),
    });
  }

  return {
    /** Throws NOT_FOUND when the actor may not see the ticket (attachments use it too). */
    assertCanView: (actor: Actor, ticketId: number) => assertCanView(actor, repo, ticketId),

    /** 受理 by staff: takes in an order and answers with its full detail. */
    async create(actor: Actor, input: CreateTicketInput, options: { idempotencyKey?: string } = {}): Promise<TicketDetail> {
      const { ticketId, detail } = await takeIn(actor, input, options, true);
      // A replayed retry has no fresh detail; staff outside the center see only what their units may.
      if (!detail || !isCenterActor(actor)) return this.get(actor, ticketId);
      return presentFor(actor, detail, await actorUnitIds(actor));
    },

    /**
     * Takes in an order (and dispatches it at once when asked); staff, integrations and citizens alike.
     * Resolves only after the commit, so an acknowledged request is never lost.
     */
    async intake(actor: Actor, input: CreateTicketInput, options: { idempotencyKey?: string } = {}): Promise<Intaken> {
      const { ticketId, number, publicToken } = await takeIn(actor, input, options, false);
      return { ticketId, number, publicToken };
    },

    async list(actor: Actor, query: ListTicketsQuery) {
      if (actor.kind === 'public' || actor.role === null) throw forbidden();
      const after = query.cursor ? (decodeTicketCursor(query.cursor, query.sort) ?? undefined) : undefined;
      if (query.cursor && !after)
        throw new AppError('VALIDATION_FAILED', {
          message: '分页游标无效',
          messageEn: 'Invalid pagination cursor',
          details: { path: 'cursor' },
        });
      const unitIds = (await deps.orgs.scopeOf(actor)) ?? undefined;
      const asked = query.q ? parseTicketQuery(query.q) : null;
      // a phone number finds the citizen's orders only for roles that may see the number, and each such search is audited;
      // for any other role it is just digits to look for in the text
      const byPhone = asked?.kind === 'phone' && canRevealPhone(actor) ? asked.phone : undefined;
      const text = asked?.kind === 'text' ? asked.text : asked?.kind === 'phone' && !byPhone ? query.q! : undefined;
      const filter = {
        statuses: query.status,
        unitId: query.unitId,
        categoryId: query.categoryId,
        regionId: query.regionId,
        channel: query.channel,
        type: query.type,
        urgency: query.urgency,
        slaStates: query.slaState ? [query.slaState] : query.overdue === true ? ['at_risk', 'overdue'] : undefined,
        isLatestReplyRejected: query.replyRejected,
        activeForUnitIds: query.activeOnly ? (unitIds ?? []) : undefined,
        from: query.from,
        to: query.to,
        search: text ? toSearchQuery(text) : undefined,
        addressContains: text,
        number: asked?.kind === 'number' ? { value: asked.number, isPrefix: asked.isPrefix } : undefined,
        citizenPhone: byPhone ?? query.citizenPhone,
        visibleToUnitIds: unitIds,
      };
      if (byPhone)
        await deps.audit.record(actor, {
          action: 'search_by_phone',
          subjectType: 'citizen_phone',
          subjectId: maskPhone(byPhone) ?? '',
          details: { phone: byPhone },
        });
      const [rows, total] = await Promise.all([
        repo.findSummaries({ ...filter, sort: query.sort, after, offset: after ? undefined : query.offset, limit: query.limit + 1 }),
        query.withTotal ? repo.countSummaries(filter) : undefined,
      ]);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((row) => presentSummary(actor, row)),
        nextCursor:
          rows.length > query.limit && last
            ? encodeTicketCursor(
                query.sort === 'due'
                  ? { sort: 'due', isOverdue: last.isOverdue, dueAt: last.dueAt, id: last.ticket.id }
                  : query.sort === 'waiting'
                    ? { sort: 'waiting', isUrgent: last.isUrgent, createdAt: last.ticket.createdAt, id: last.ticket.id }
                    : { sort: 'created', createdAt: last.ticket.createdAt, id: last.ticket.id },
              )
            : null,
        ...(total === undefined ? {} : { total }),
      };
    },

    async get(actor: Actor, ticketId: number): Promise<TicketDetail> {
      await assertCanView(actor, repo, ticketId);
      const [parts, unitIds] = await Promise.all([repo.getDetail(ticketId), actorUnitIds(actor)]);
      return presentFor(actor, parts, unitIds);
    },

    async getByNumber(actor: Actor, number: string): Promise<TicketDetail> {
      const id = await repo.findIdByNumber(number);
      if (!id) throw notFound({ zh: '工单', en: 'Ticket' }, { number });
      return this.get(actor, id);
    },

    /** Full phone number for staff allowed to call the citizen; every reveal is audited. */
    async revealPhone(actor: Actor, ticketId: number): Promise<{ phone: string | null }> {
      if (!canRevealPhone(actor)) {
        // 承办单位: a handler calls the citizen about an order their unit holds now, never a confidential citizen
        if (actor.kind !== 'user' || !(actor.role === 'handler' || actor.role === 'unit_admin')) throw forbidden();
        await assertCanView(actor, repo, ticketId);
        const relation = relationOf(actor, await actorUnitIds(actor), await repo.findActiveAssignments(ticketId));
        const { ticket } = await repo.getSummaryParts(ticketId);
        if ((relation !== 'assignee' && relation !== 'co_handler') || !canSeeCitizenIdentity(actor, ticket.isConfidential))
          throw forbidden();
      }
      const { ticket, citizen } = await repo.getSummaryParts(ticketId);
      await deps.audit.record(actor, {
        action: 'read_unmasked_phone',
        subjectType: 'ticket',
        subjectId: ticket.id,
        details: { citizenId: citizen?.id ?? null },
      });
      return { phone: citizen?.phone ?? null };
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
      if (!check.ok)
        throw new AppError('INVALID_TRANSITION', { message: '工单办结后才能评价', messageEn: 'Only closed orders can be rated' });
      if (ticket.citizenRating !== null)
        throw new AppError('CONFLICT', { message: '该工单已评价', messageEn: 'This order has already been rated' });
      const now = clock.now();
      const unitIds = ticket.leadUnitId ? [ticket.leadUnitId] : [];
      await db.transaction(async (tx) => {
        const r = createTicketsRepository(tx);
        const updated = await r.updateIfVersion(ticket.id, ticket.version, { citizenRating: input.rating, updatedAt: now });
        if (!updated) throw conflict();
        await r.createEvent({
          ticketId: ticket.id,
          action: 'rate',
          fromStatus: ticket.status,
          toStatus: ticket.status,
          unitId: ticket.leadUnitId,
          note: input.comment ?? null,
          data: { rating: input.rating },
          createdAt: now,
        });
        // integrations (GET /api/v1/events, the NATS relay) learn of the rating as of every other step
        await r.createOutbox({
          topic: 'ticket.rate',
          ticketId: ticket.id,
          unitIds,
          payload: { status: ticket.status, number: ticket.number },
        });
      });
      await publish([{ topic: 'ticket.rate', ticketId: ticket.id, unitIds }]);
      return { number: ticket.number, rating: input.rating };
    },

    /**
     * 追加: the order's citizen wrote again about it in a written channel (the contacts module decides that a message
     * is one). The event (the text is its note; the status is unchanged) and its outbox row go into the caller's
     * transaction, beside the contact; once the caller has committed, `announce` pushes it to the desks like every step.
     */
    async recordFollowUp(
      tx: Executor,
      ticket: { id: number; number: string; status: string; leadUnitId: number | null },
      contact: { id: number; channel: string; content: string },
    ): Promise<{ announce: () => Promise<void> }> {
      const r = createTicketsRepository(tx);
      const unitIds = ticket.leadUnitId ? [ticket.leadUnitId] : [];
      await r.createEvent({
        ticketId: ticket.id,
        action: 'follow_up',
        fromStatus: ticket.status,
        toStatus: ticket.status,
        unitId: ticket.leadUnitId,
        note: contact.content.slice(0, 2000),
        data: { contactId: contact.id, channel: contact.channel },
        createdAt: clock.now(),
      });
      await r.createOutbox({
        topic: 'ticket.follow_up',
        ticketId: ticket.id,
        unitIds,
        payload: { status: ticket.status, number: ticket.number },
      });
      return { announce: () => publish([{ topic: 'ticket.follow_up', ticketId: ticket.id, unitIds }]) };
    },

    async transition<A extends StaffAction>(actor: Actor, ticketId: number, action: A, body: TransitionBodies[A]): Promise<TicketDetail> {
      const ticket = await repo.getById(ticketId);
      if (action === 'dispatch') await requireCatalogueOrReason(actor, ticket, body as TransitionBodies['dispatch']);
      if (action === 'reply' || action === 'co_reply') requireFilledBlanks((body as TransitionBodies['reply']).content);
      const prepared = await prepare(actor, ticket, action);
      const { notify } = await db.transaction((tx) => runTransition(createTicketsRepository(tx), actor, ticketId, action, body, prepared));
      await publish([{ topic: `ticket.${action}`, ticketId, unitIds: notify }]);
      return this.get(actor, ticketId);
    },
  };
}
export type TicketsService = ReturnType<typeof createTicketsService>;
export interface Intaken {
  ticketId: number;
  number: string;
  publicToken: string;
}

/** An action with its body, one member per action, so that a switch on `action` narrows `body`. */
type StaffTransition = { [A in StaffAction]: { action: A; body: TransitionBodies[A] } }[StaffAction];

function outcomeOf(transition: StaffTransition, active: { role: string; signedAt: Date | null }[]): Outcome {
  switch (transition.action) {
    case 'callback':
      return { callback: transition.body.result };
    case 'review':
    case 'decide_extension':
      return { decision: transition.body.decision };
    case 'decide_objection':
      if (transition.body.decision === 'approve') return { decision: 'approve' };
      return { wasSigned: Boolean(active.find((a) => a.role === 'lead')?.signedAt) };
    default:
      return undefined;
  }
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
    message: '同一幂等键已用于内容不同的请求',
    messageEn: 'This Idempotency-Key was already used with a different request',
  });
}

/** An insert refused for an unknown category or region as the client's error; any other error as it is. */
function unknownReferenceFrom(error: unknown, input: CreateTicketInput): unknown {
  const e = error as {
    code?: string;
    constraint?: string;
    message?: string;
    cause?: { code?: string; constraint?: string; message?: string };
  };
  const inner = e?.cause ?? e;
  if (inner?.code !== '23503' && e?.code !== '23503') return error;
  const constraint = inner?.constraint ?? e?.constraint ?? inner?.message ?? e?.message ?? '';
  if (constraint.includes('category')) return unknownReference({ zh: '分类', en: 'category' }, { categoryId: input.categoryId });
  if (constraint.includes('region')) return unknownReference({ zh: '区域', en: 'region' }, { regionId: input.regionId });
  return error;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
