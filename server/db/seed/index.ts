/**
 * The demo city 连城市: generated deterministically from a seed and seeded into an empty database
 * on first start. Same seed + same `now` (+ same calendar and SLA policies) → the same city, orders and history.
 *
 * How: the city (city.ts, categories.ts, people.ts) and the orders (generate.ts → lifecycle.ts, sweep.ts)
 * are built in memory with ids reserved from the tables' sequences, then written in one transaction with
 * multi-row INSERT … SELECT FROM json_to_recordset batches (bulk.ts, store.ts). On a fresh database the
 * history tables' secondary indexes are rebuilt once at the end and foreign keys are not checked per row.
 *
 * Tests seed the shared PostgreSQL test database with a `namespace`, which prefixes every unique value
 * and keeps all checks on; see demo-city.api.test.ts.
 */
import { sql } from 'drizzle-orm';
import { WorkingCalendar, shanghaiDay } from '../../lib/calendar.ts';
import { hashPassword } from '../../lib/crypto.ts';
import type { SlaPolicy } from '../../modules/sla/sla.rules.ts';
import type { Db, Executor } from '../client.ts';
import { allocateIds, rowsOf, withIndexesDeferred } from './bulk.ts';
import { buildCatalogue, buildCategories } from './categories.ts';
import { generateCalls, storeCalls } from './calls.ts';
import { DEMO_QUALITY_FORM, storeDemoQualityForm } from './quality.ts';
import { buildCity } from './city.ts';
import { createDeadlineBook } from './deadlines.ts';
import { generateTickets, type KnowledgeRef } from './generate.ts';
import { KNOWLEDGE } from './knowledge.data.ts';
import { buildStaff, CitizenPool, DEMO_PASSWORD, demoApiKey, type DemoLogin } from './people.ts';
import { Rng } from './prng.ts';
import { storeHistory, storeReferenceData, type KnowledgeInsert } from './store.ts';
import { createWorkCalendar } from './work-time.ts';
import { recordDemoSeed } from './marker.ts';

export { DEMO_PASSWORD } from './people.ts';
export type { DemoLogin } from './people.ts';

export interface DemoSeedOptions {
  /** Orders to generate over the history before `now` (default 50,000). */
  tickets: number;
  seed: number;
  now: Date;
  /** Days of history before `now` (default DEMO_HISTORY_DAYS); tests use fewer to get more open orders from few tickets. */
  days?: number;
  /**
   * Prefix for every unique code, username, phone block and token. Only for tests that seed into
   * a shared PostgreSQL database next to other tests' rows; production seeds run without one.
   */
  namespace?: string;
}

export interface DemoSeedResult {
  logins: DemoLogin[];
  apiKey: string;
  counts?: Record<string, number>;
  /** Milliseconds spent generating in memory and writing to the database. */
  timings?: { generateMs: number; writeMs: number; totalMs: number };
}

/**
 * A year and two months of history: 同比 compares a period with the same dates a year earlier, and a month with the
 * whole month a year earlier, so this month and last month (the monthly report's) have their year-ago data on any day.
 */
export const DEMO_HISTORY_DAYS = 365 + 31 + 31;

/** Arbitrary constant: two app processes starting on an empty database do not both seed it. */
const SEED_LOCK_ID = 4_812_346;

/** True when nothing has been created yet: no units, users or tickets (`ticketsOnly`: no tickets). */
export async function isDatabaseEmpty(db: Executor, options: { ticketsOnly?: boolean } = {}): Promise<boolean> {
  const result = await db.execute(
    options.ticketsOnly
      ? sql`select count(*) as n from (select 1 from tickets limit 1) t`
      : sql`select
    (select count(*) from (select 1 from units limit 1) u) +
    (select count(*) from (select 1 from users limit 1) s) +
    (select count(*) from (select 1 from tickets limit 1) t) as n`,
  );
  return Number(rowsOf<{ n: number | string }>(result)[0].n) === 0;
}

const HISTORY_TABLES = [
  'citizens',
  'tickets',
  'assignments',
  'replies',
  'ticket_events',
  'callbacks',
  'extensions',
  'objections',
  'supervisions',
  'call_records',
];

/** The logins and API key of the demo city seeded with `seed` (to print them again on later starts). */
export function describeDemoCity(options: number | Pick<DemoSeedOptions, 'seed' | 'namespace'>): DemoSeedResult {
  const { seed, namespace } = typeof options === 'number' ? { seed: options, namespace: undefined } : options;
  const city = buildCity(counter(), namespace);
  const staff = buildStaff(city, counter(), namespace);
  return { logins: staff.logins, apiKey: demoApiKey(seed, namespace) };
}

/** Seeds the demo city unless the database already has data; null when it did nothing. */
export async function seedDemoCityIfEmpty(db: Db, options: DemoSeedOptions): Promise<DemoSeedResult | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    if (!(await isDatabaseEmpty(tx))) return null;
    return seedInto(tx, options);
  });
}

/** Generates the demo city and writes it in one transaction. */
export async function seedDemoCity(db: Db, options: DemoSeedOptions): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    return seedInto(tx, options);
  });
}

async function seedInto(db: Executor, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const started = Date.now();
  const { namespace = '' } = options;
  const now = options.now.getTime();
  const days = options.days ?? DEMO_HISTORY_DAYS;
  // the city, its staff and knowledge exist a month before the first order
  const createdAt = new Date(now - (days + 31) * 86_400_000);

  // one query at a time: a transaction holds one connection (and PGlite has only one)
  const passwordHash = hashPassword(DEMO_PASSWORD);
  const calendarRows = await db.execute(sql`select day::text as day, is_workday, name from calendar_days`);
  const policyRows =
    await db.execute(sql`select id, name, ticket_type, urgency, category_id, sign_working_hours, handle_unit, handle_amount,
    callback_working_days, at_risk_ratio, is_active from sla_policies where is_active`);
  const sequenceRows = await db.execute(
    sql`select day, last_value from ticket_sequences where day >= ${dayKey(now - (days + 2) * 86_400_000)}`,
  );
  const cal = createWorkCalendar(
    new WorkingCalendar(
      new Map(
        rowsOf<{ day: string; is_workday: boolean; name: string }>(calendarRows).map((r) => [
          r.day,
          { isWorkday: r.is_workday, name: r.name },
        ]),
      ),
    ),
  );
  const policies = rowsOf<Record<string, unknown>>(policyRows).map((r): SlaPolicy => ({
    id: Number(r.id),
    name: String(r.name),
    ticketType: (r.ticket_type as string | null) ?? null,
    urgency: (r.urgency as string | null) ?? null,
    categoryId: r.category_id === null ? null : Number(r.category_id),
    signWorkingHours: Number(r.sign_working_hours),
    handleUnit: String(r.handle_unit),
    handleAmount: Number(r.handle_amount),
    callbackWorkingDays: Number(r.callback_working_days),
    atRiskRatio: Number(r.at_risk_ratio),
    isActive: true,
  }));
  const sequences = new Map(rowsOf<{ day: string; last_value: number }>(sequenceRows).map((r) => [r.day, Number(r.last_value)]));

  // ids are reserved from the tables' sequences, so rows can reference each other before they are written
  const cityPlan = buildCity(counter(), namespace);
  const staffPlan = buildStaff(cityPlan, counter(), namespace);
  const categoryPlan = buildCategories(counter(), namespace);
  const regionIds = await allocateIds(db, 'regions', cityPlan.regions.length);
  const unitIds = await allocateIds(db, 'units', cityPlan.units.length);
  const userIds = await allocateIds(db, 'users', staffPlan.users.length);
  const categoryIds = await allocateIds(db, 'categories', categoryPlan.rows.length);
  const knowledgeIds = await allocateIds(db, 'knowledge_items', KNOWLEDGE.length);
  const ticketIds = await allocateIds(db, 'tickets', options.tickets);
  const take = fromList({ regions: regionIds, units: unitIds, users: userIds, categories: categoryIds });
  const city = buildCity(take, namespace);
  const staff = buildStaff(city, () => take('users'), namespace);
  const categories = buildCategories(() => take('categories'), namespace);
  const catalogue = buildCatalogue(city, categories);

  const knowledge = new Map<string, KnowledgeRef>();
  KNOWLEDGE.forEach(([key, title, , , , content], i) => knowledge.set(key, { id: knowledgeIds[i], key, title, content }));
  const citizens = new CitizenPool(new Rng(options.seed ^ 0x5eed), namespace);
  const { out, sequences: usedSequences } = generateTickets({
    count: options.tickets,
    days,
    seed: options.seed,
    now,
    city,
    categories,
    staff,
    citizens,
    knowledge,
    cal,
    ticketIds,
    sequences,
    namespace,
    deadlinesFor: createDeadlineBook(cal, policies),
  });
  const uses = new Map<number, number>();
  for (const k of out.ticketKnowledge) uses.set(k.knowledgeItemId, (uses.get(k.knowledgeItemId) ?? 0) + 1);
  const knowledgeRows: KnowledgeInsert[] = KNOWLEDGE.map(([, title, leaf, owner, keywords, content], i) => {
    const category = categories.byPath.get(leaf);
    if (!category) throw new Error(`knowledge item ${title}: unknown category ${leaf}`);
    const kind = owner.split(':')[0];
    const unitId =
      kind === 'center'
        ? city.center.id
        : kind === 'city'
          ? city.departments[owner.slice(5)].id
          : kind === 'util'
            ? city.utilities[owner.slice(5)].id
            : null;
    return {
      id: knowledgeIds[i],
      title,
      content,
      categoryId: category.row.id,
      unitId,
      keywords: keywords.split(' '),
      validFrom: isoDate(createdAt.getTime()),
      validTo: null,
      useCount: uses.get(knowledgeIds[i]) ?? 0,
    };
  });
  const generated = Date.now();

  const citizenIds = await allocateIds(db, 'citizens', citizens.rows.length);
  const assignmentIds = await allocateIds(db, 'assignments', out.assignments.length);
  const replyIds = await allocateIds(db, 'replies', out.replies.length);
  const supervisionIds = await allocateIds(db, 'supervisions', out.supervisions.length);
  await storeReferenceData(db, {
    city,
    categories,
    catalogue,
    staff,
    passwordHash: await passwordHash,
    apiKey: demoApiKey(options.seed, namespace),
    knowledge: knowledgeRows,
    createdAt,
  });
  const calls = generateCalls({ seed: options.seed, now, tickets: out.tickets, citizens: citizens.rows, agents: staff.agents });
  const store = async () => {
    await storeHistory(
      db,
      citizens.rows,
      out,
      { citizens: citizenIds, assignments: assignmentIds, replies: replyIds, supervisions: supervisionIds },
      usedSequences,
    );
    // after the tickets they refer to
    await storeCalls(db, namespace ? `${namespace}-demo-cti` : 'demo-cti', calls, now);
    await storeDemoQualityForm(
      db,
      namespace ? `${namespace}-${DEMO_QUALITY_FORM.name}` : DEMO_QUALITY_FORM.name,
      staff.admin.id,
      createdAt.getTime(),
    );
    if (ticketIds.length)
      await recordDemoSeed(db, {
        seed: options.seed,
        tickets: ticketIds.length,
        firstTicketId: ticketIds[0],
        lastTicketId: ticketIds.at(-1)!,
        namespace: namespace || undefined,
      });
  };
  // on a fresh database (first start) the big tables' indexes are built once at the end instead of row by row
  if (!namespace && (await isDatabaseEmpty(db, { ticketsOnly: true }))) await withIndexesDeferred(db, HISTORY_TABLES, store);
  else await store();
  const finished = Date.now();

  return {
    logins: staff.logins,
    apiKey: demoApiKey(options.seed, namespace),
    counts: {
      regions: city.regions.length,
      units: city.units.length,
      users: staff.users.length,
      categories: categories.rows.length,
      catalogue: catalogue.length,
      knowledgeItems: knowledgeRows.length,
      citizens: citizens.rows.length,
      tickets: out.tickets.length,
      events: out.events.length,
      assignments: out.assignments.length,
      replies: out.replies.length,
      callbacks: out.callbacks.length,
      extensions: out.extensions.length,
      objections: out.objections.length,
      supervisions: out.supervisions.length,
      calls: calls.length,
    },
    timings: { generateMs: generated - started, writeMs: finished - generated, totalMs: finished - started },
  };
}

/** Sequential ids for a dry build (describeDemoCity and the first pass that counts rows). */
function counter() {
  let n = 0;
  return () => ++n;
}

function fromList(lists: Record<string, number[]>) {
  const next: Record<string, number> = {};
  return (table: string) => {
    next[table] ??= 0;
    const id = lists[table][next[table]++];
    if (id === undefined) throw new Error(`demo seed: ran out of reserved ${table} ids`);
    return id;
  };
}

const dayKey = (t: number) => shanghaiDay(new Date(t)).replace(/-/g, '');
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
