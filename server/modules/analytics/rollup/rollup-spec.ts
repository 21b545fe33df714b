/**
 * The rules that turn ticket events into measures, written as plain code over a list of events.
 * This is the reference: rollup.sql.ts does the same in one set-based SQL statement, and a test
 * checks that the incrementally maintained table equals this recount after random event sequences.
 *
 * Rules (event data: docs/events.md and common/ticket-events.ts; indicators: docs/indicators.md):
 * - Dimensions (category, region, channel, type) come from the ticket's create event, so later
 *   reclassification never moves past figures. Events of tickets without a create event are ignored.
 * - Day: Asia/Shanghai calendar day of the event; for create, direct_answer, invalidate,
 *   transfer_emergency and merge the day the ticket was created (cohort), so that orders and the
 *   direct-answer rate describe the same intake.
 * - Unit: the event's unit_id (0 when none), except where a measure charges another unit (below).
 * - Repeat complaint: the same citizen (tickets.citizen_id) complained in the same category in the 30 days
 *   before. The SQL looks among orders already recorded, i.e. created by an event with a lower id; a
 *   citizen's contacts are numbered in the order they were made, so this is the same set.
 */
import { shanghaiDay } from '../../../lib/calendar.ts';
import { emptyMeasures, MEASURE_KEYS, type Measures } from '../indicators/measures.ts';

export interface EventRecord {
  id: number;
  ticketId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  unitId: number | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface DerivedRow {
  eventId: number;
  ticketId: number;
  day: string;
  unitId: number;
  categoryId: number;
  regionId: number;
  channel: string;
  type: string;
  measures: Partial<Measures>;
  /** Only for replies. */
  handlingSeconds?: number;
}

export const COHORT_ACTIONS = ['create', 'direct_answer', 'invalidate', 'transfer_emergency', 'merge'];
/** A complaint repeats another when the same citizen raised the same category within this window before it (重复投诉). */
export const REPEAT_WINDOW_MS = 30 * 86_400_000;

/** Actions after which the order is with a (new) unit: the handling clock of a reply starts at the latest one. */
const isHandoff = (e: EventRecord) =>
  e.action === 'dispatch' ||
  e.action === 'subdispatch' ||
  e.action === 'reopen' ||
  (e.action === 'decide_objection' && e.data.decision === 'approve');

const toInt = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const toText = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Derives one row per counted event. `events` must hold every event of the tickets concerned up to
 * the last one to derive (earlier events are looked back at); `citizenOf` gives tickets.citizen_id.
 */
export function deriveRows(
  events: readonly EventRecord[],
  citizenOf: (ticketId: number) => number | null,
  only?: (e: EventRecord) => boolean,
): DerivedRow[] {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const { byTicket, creates, createOf } = indexEvents(sorted);
  const rows: DerivedRow[] = [];
  for (const e of sorted) {
    if (only && !only(e)) continue;
    const c = createOf.get(e.ticketId);
    if (!c) continue;
    const history = byTicket.get(e.ticketId)!.filter((p) => p.id < e.id);
    const measured = measureEvent(e, c, history, creates, citizenOf);
    if (measured) rows.push(rowOf(e, c, measured));
  }
  return rows;
}

interface EventIndex {
  byTicket: Map<number, EventRecord[]>;
  /** Every create event, in id order. */
  creates: EventRecord[];
  /** The first create event of each ticket. */
  createOf: Map<number, EventRecord>;
}

/** Groups events (sorted by id) by ticket and picks out the create events. */
function indexEvents(sorted: readonly EventRecord[]): EventIndex {
  const byTicket = new Map<number, EventRecord[]>();
  const creates: EventRecord[] = [];
  for (const e of sorted) {
    if (!byTicket.has(e.ticketId)) byTicket.set(e.ticketId, []);
    byTicket.get(e.ticketId)!.push(e);
    if (e.action === 'create') creates.push(e);
  }
  const createOf = new Map<number, EventRecord>();
  for (const c of creates) if (!createOf.has(c.ticketId)) createOf.set(c.ticketId, c);
  return { byTicket, creates, createOf };
}

interface Measured {
  measures: Partial<Measures>;
  /** The unit charged with the measures. */
  unitId: number;
  handlingSeconds?: number;
}

/**
 * The measures one event counts and the unit they are charged to, or null when the action counts
 * nothing. `c` is the ticket's create event, `history` the ticket's earlier events in id order.
 */
function measureEvent(
  e: EventRecord,
  c: EventRecord,
  history: readonly EventRecord[],
  creates: readonly EventRecord[],
  citizenOf: (ticketId: number) => number | null,
): Measured | null {
  const last = (pred: (p: EventRecord) => boolean) => [...history].reverse().find(pred);
  const m: Partial<Measures> = {};
  let unitId = e.unitId ?? 0;
  let handlingSeconds: number | undefined;

  switch (e.action) {
    case 'create': {
      m.contacts = 1;
      if (c.data.type === 'complaint') {
        m.complaints = 1;
        if (isRepeatComplaint(c, creates, citizenOf)) m.repeatComplaints = 1;
      }
      break;
    }
    case 'direct_answer':
      m.directAnswered = 1;
      break;
    case 'invalidate':
      m.invalid = 1;
      break;
    case 'transfer_emergency':
      m.transferred = 1;
      break;
    case 'merge':
      m.merged = 1;
      break;
    case 'dispatch':
    case 'subdispatch': {
      m.dispatches = 1;
      unitId = toInt(e.data.leadUnitId) ?? e.unitId ?? 0;
      if (e.action === 'dispatch' && e.fromStatus === 'returned') {
        const ret = last((p) => p.action === 'return');
        if (ret && ret.unitId !== null && ret.unitId === unitId) m.improperReturns = 1;
      }
      break;
    }
    case 'sign':
      m.signs = 1;
      if (e.data.isOnTime === true) m.signsOnTime = 1;
      break;
    case 'return':
      m.returns = 1;
      break;
    case 'object':
      m.objections = 1;
      break;
    case 'decide_objection': {
      if (e.data.decision === 'approve') {
        m.dispatches = 1;
        unitId = toInt(e.data.newUnitId) ?? e.unitId ?? 0;
      } else {
        m.objectionsDenied = 1;
        unitId = last((p) => p.action === 'object')?.unitId ?? e.unitId ?? 0;
      }
      break;
    }
    case 'request_extension':
      m.extensionRequests = 1;
      break;
    case 'reply': {
      m.replies = 1;
      if (e.data.isOnTime === true) m.repliesOnTime = 1;
      const start = last(isHandoff) ?? c;
      handlingSeconds = Math.floor((e.createdAt.getTime() - start.createdAt.getTime()) / 1000);
      m.handlingSeconds = handlingSeconds;
      break;
    }
    case 'review':
      if (e.data.decision === 'accept') m.reviewsAccepted = 1;
      else m.reviewsRejected = 1;
      break;
    case 'callback':
      countCallback(e, m);
      break;
    case 'reopen': {
      m.reopens = 1;
      unitId = last((p) => p.action === 'callback')?.unitId ?? e.unitId ?? 0;
      break;
    }
    case 'sla_overdue':
      m.overdue = 1;
      break;
    case 'supervise':
      m.supervisions = 1;
      break;
    case 'urge':
      m.urges = 1;
      break;
    default:
      return null;
  }
  return { measures: m, unitId, handlingSeconds };
}

function countCallback(e: EventRecord, m: Partial<Measures>): void {
  m.callbacks = 1;
  const result = e.data.result;
  if (result && result !== 'unreachable') m.callbacksReached = 1;
  if (result === 'satisfied') m.satisfied = 1;
  if (result === 'basically_satisfied') m.basicallySatisfied = 1;
  if (result === 'unsatisfied') m.unsatisfied = 1;
  if (e.data.isResolved === true || e.data.isResolved === false) m.resolvedAnswered = 1;
  if (e.data.isResolved === true) m.resolved = 1;
}

/** The row of a counted event: day and dimensions from the create event `c` (see the rules above). */
function rowOf(e: EventRecord, c: EventRecord, { measures, unitId, handlingSeconds }: Measured): DerivedRow {
  return {
    eventId: e.id,
    ticketId: e.ticketId,
    day: shanghaiDay(COHORT_ACTIONS.includes(e.action) ? c.createdAt : e.createdAt),
    unitId,
    categoryId: toInt(c.data.categoryId) ?? 0,
    regionId: toInt(c.data.regionId) ?? 0,
    channel: toText(c.data.channel),
    type: toText(c.data.type),
    measures,
    handlingSeconds,
  };
}

function isRepeatComplaint(c: EventRecord, creates: readonly EventRecord[], citizenOf: (ticketId: number) => number | null): boolean {
  const citizen = citizenOf(c.ticketId);
  const category = toInt(c.data.categoryId);
  if (citizen === null || category === null) return false;
  const t = c.createdAt.getTime();
  return creates.some(
    (p) =>
      p.ticketId !== c.ticketId &&
      p.data.type === 'complaint' &&
      toInt(p.data.categoryId) === category &&
      citizenOf(p.ticketId) === citizen &&
      p.createdAt.getTime() < t &&
      p.createdAt.getTime() >= t - REPEAT_WINDOW_MS,
  );
}

export const DIMENSIONS = ['all', 'unit', 'category', 'region', 'channel', 'type'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export function dimensionKey(row: DerivedRow, dim: Dimension): string {
  switch (dim) {
    case 'all':
      return '';
    case 'unit':
      return String(row.unitId);
    case 'category':
      return String(row.categoryId);
    case 'region':
      return String(row.regionId);
    case 'channel':
      return row.channel;
    case 'type':
      return row.type;
  }
}

/** The rollup as a map `dim|key|day` → measures, rows with all measures zero left out (as in the table). */
export function rollupOf(rows: readonly DerivedRow[]): Map<string, Measures> {
  const out = new Map<string, Measures>();
  for (const row of rows) {
    for (const dim of DIMENSIONS) {
      const k = `${dim}|${dimensionKey(row, dim)}|${row.day}`;
      const m = out.get(k) ?? emptyMeasures();
      for (const key of MEASURE_KEYS) m[key] += row.measures[key] ?? 0;
      out.set(k, m);
    }
  }
  return out;
}
