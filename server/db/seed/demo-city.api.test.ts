/**
 * The demo city on both databases. On PGlite each run gets a fresh in-memory database and seeds it as
 * on first start; on the shared PostgreSQL test database the seed runs with a random `namespace`
 * (prefixed codes, usernames, phone block, tokens) and a `now` in 2021, so it never clashes with other
 * tests' rows, and every check below is limited to the orders it created.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketEventProblems } from '../../../common/ticket-events.ts';
import { ROLES, type Role } from '../../../common/enums.ts';
import { TRANSITIONS, type TicketAction } from '../../../common/ticket-lifecycle.ts';
import { isPostgres, openTestDatabase, testClock } from '../../../test/app.ts';
import { signIn, uid } from '../../../test/factories/orgs.ts';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { SYSTEM_ACTOR } from '../../lib/actor.ts';
import { sha256 } from '../../lib/crypto.ts';
import { toSearchQuery } from '../../lib/text.ts';
import { shiftMonth } from '../../modules/analytics/periods.ts';
import { openPglite, type Database } from '../client.ts';
import { rowsOf } from './bulk.ts';
import {
  describeDemoCity,
  isDatabaseEmpty,
  seedDemoCity,
  seedDemoCityIfEmpty,
  type DemoSeedOptions,
  type DemoSeedResult,
} from './index.ts';
import { DEMO_AUTO_DISPATCH_RULES, seedDemoActivity } from './activity.ts';

const namespace = isPostgres ? `t${uid()}` : undefined;
const options: DemoSeedOptions = {
  tickets: 500,
  seed: 4242,
  days: 60,
  namespace,
  now: new Date(isPostgres ? '2021-03-15T10:30:00+08:00' : '2026-06-15T10:30:00+08:00'),
};
const SYSTEM = new Set(['create', 'sla_at_risk', 'sla_overdue', 'auto_reminder', 'exclude_from_assessment']);
const FINAL = ['closed', 'merged', 'invalid', 'transferred'];

interface Ticket {
  id: number;
  number: string;
  title: string;
  channel: string;
  status: string;
  created_at: Date | string;
  closed_at: Date | null;
  lead_unit_id: number | null;
  resolution: string | null;
  version: number;
}
interface Event {
  id: number;
  ticket_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_user_id: number | null;
  data: Record<string, unknown>;
}

let database: Database;
let app: App;
let result: DemoSeedResult;
let activity: Awaited<ReturnType<typeof seedDemoActivity>>;
let tickets: Ticket[];
let events: Event[];
const clock = testClock(options.now);

async function query<T>(text: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(text));
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** This run's orders: on PostgreSQL other tests' orders share the tables. */
const mine = () => (namespace ? sql`category_id in (select id from categories where code like ${`${namespace}-%`})` : sql`true`);

beforeAll(async () => {
  database = await openTestDatabase();
  if (!isPostgres) expect(await isDatabaseEmpty(database.db)).toBe(true);
  result = await seedDemoCity(database.db, options);
  tickets = await query<Ticket>(
    sql`select id, number, title, channel, status, created_at, closed_at, lead_unit_id, resolution, version from tickets where ${mine()} order by id`,
  );
  events = await query<Event>(sql`select id, ticket_id, action, from_status, to_status, actor_user_id, data from ticket_events
    where ticket_id in (select id from tickets where ${mine()}) order by ticket_id, id`);
  app = await buildApp({
    config: loadConfig({ SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: '/tmp/lianxin-test' }),
    database,
    clock,
  });
  await app.ready();
  activity = await seedDemoActivity(database.db, app.services, { seed: options.seed, now: options.now, namespace });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('seedDemoCity', () => {
  it('creates the requested orders, with a user for every role and the demo logins', async () => {
    expect(tickets).toHaveLength(options.tickets);
    const users = await query<{ role: Role; n: number }>(
      sql`select role, count(*)::int as n from users where username like ${`${namespace ? `${namespace}-` : ''}%`} group by role`,
    );
    for (const role of ROLES) expect(users.find((u) => u.role === role)?.n ?? 0, role).toBeGreaterThan(0);
    expect(result.logins.map((l) => l.role)).toEqual(expect.arrayContaining([...ROLES]));
    expect(describeDemoCity({ seed: options.seed, namespace })).toEqual({ logins: result.logins, apiKey: result.apiKey });
    if (!isPostgres) expect(await isDatabaseEmpty(database.db)).toBe(false);
  });

  it('builds the city: districts, streets, communities with aliases, a unit tree with peer groups', async () => {
    const prefix = namespace ? `${namespace}-` : '';
    const regions = await query<{
      level: string;
      n: number;
      aliases: number;
    }>(sql`select level, count(*)::int as n, sum(cardinality(aliases))::int as aliases
      from regions where code like ${`${prefix}3709%`} group by level`);
    const count = (level: string) => regions.find((r) => r.level === level)?.n ?? 0;
    expect(count('district')).toBe(6);
    expect(count('street')).toBeGreaterThanOrEqual(35);
    expect(count('community')).toBeGreaterThanOrEqual(180);
    expect(regions.find((r) => r.level === 'community')!.aliases).toBeGreaterThan(150);
    const units = await query<{
      kind: string;
      peer_group: string;
      has_parent: boolean;
      n: number;
    }>(sql`select kind, peer_group, parent_id is not null as has_parent, count(*)::int as n
      from units where code like ${`${prefix}%`} group by 1, 2, 3`);
    const n = (kind: string, peer: string) => units.filter((u) => u.kind === kind && u.peer_group === peer).reduce((s, u) => s + u.n, 0);
    expect(n('center', 'department')).toBe(1);
    expect(n('department', 'department')).toBeGreaterThanOrEqual(25);
    expect(n('utility', 'utility')).toBe(4);
    expect(n('district', 'district')).toBe(6);
    expect(n('street', 'street')).toBeGreaterThanOrEqual(35);
    expect(units.some((u) => u.kind === 'street' && u.has_parent)).toBe(true);
  });

  it('ships a three-level category tree with a dispatch catalogue and knowledge items', async () => {
    const prefix = namespace ? `${namespace}-` : '';
    const [leaves] = await query<{ n: number; catalogued: number }>(sql`select count(*)::int as n,
      count(*) filter (where exists (select 1 from dispatch_catalogue d where d.category_id = c.id))::int as catalogued
      from categories c where c.level = 3 and c.code like ${`${prefix}%`}`);
    expect(leaves.n).toBeGreaterThanOrEqual(150);
    expect(leaves.n).toBeLessThanOrEqual(500);
    expect(leaves.catalogued).toBeGreaterThan(leaves.n * 0.9);
    const [knowledge] = await query<{
      n: number;
      searchable: number;
    }>(sql`select count(*)::int as n, count(search)::int as searchable from knowledge_items
      where category_id in (select id from categories where code like ${`${prefix}%`})`);
    expect(knowledge.n).toBeGreaterThanOrEqual(60);
    expect(knowledge.searchable).toBe(knowledge.n);
  });

  it("writes every event's data as the event contract says (common/ticket-events.ts)", () => {
    const problems = events.flatMap((e) => ticketEventProblems(e.action, e.data));
    expect([...new Set(problems)].slice(0, 10)).toEqual([]);
  });

  it("writes every order's history as a chain of allowed transitions ending in its status", async () => {
    const byTicket = groupBy(events, (e) => e.ticket_id);
    const roles = new Map((await query<{ id: number; role: Role }>(sql`select id, role from users`)).map((u) => [u.id, u.role]));
    for (const ticket of tickets) {
      const history = byTicket.get(ticket.id) ?? [];
      expect(history[0], ticket.number).toMatchObject({ action: 'create', from_status: null, to_status: 'pending_dispatch' });
      for (let i = 1; i < history.length; i++) {
        const e = history[i];
        expect(e.from_status, `${ticket.number} #${i} ${e.action}`).toBe(history[i - 1].to_status);
        if (SYSTEM.has(e.action)) {
          expect(e.to_status).toBe(e.from_status);
          continue;
        }
        const rule = TRANSITIONS[e.action as TicketAction];
        expect(rule, e.action).toBeDefined();
        expect(rule.from as readonly string[], `${ticket.number} ${e.action}`).toContain(e.from_status);
        if (rule.party !== 'citizen')
          expect(rule.roles as readonly string[], `${ticket.number} ${e.action}`).toContain(roles.get(e.actor_user_id!));
      }
      expect(history.at(-1)!.to_status, ticket.number).toBe(ticket.status);
    }
  });

  it('keeps the ticket columns consistent with the history', async () => {
    const dispatched = new Set(events.filter((e) => e.action === 'dispatch').map((e) => e.ticket_id));
    const leads = await query<{ ticket_id: number; status: string }>(sql`select ticket_id, status from assignments
      where role = 'lead' and ticket_id in (select id from tickets where ${mine()})`);
    const leadOf = groupBy(leads, (a) => a.ticket_id);
    for (const t of tickets) {
      expect(t.closed_at === null, `${t.number} ${t.status}`).toBe(!FINAL.includes(t.status));
      if (t.status === 'closed') expect(['handled', 'direct_answer']).toContain(t.resolution);
      if (dispatched.has(t.id)) {
        expect(t.lead_unit_id, t.number).not.toBeNull();
        expect(leadOf.get(t.id)?.length ?? 0, t.number).toBeGreaterThan(0);
      }
      const active = (leadOf.get(t.id) ?? []).filter((a) => ['pending_sign', 'signed', 'objected'].includes(a.status)).map((a) => a.status);
      const expected: Record<string, string[]> = {
        pending_sign: ['pending_sign'],
        handling: ['signed'],
        extension_pending: ['signed'],
        objected: ['objected'],
        returned: [],
      };
      if (t.status in expected) expect(active, `${t.number} ${t.status}`).toEqual(expected[t.status]);
    }
    const replies = new Set(
      (await query<{ id: number }>(sql`select id from replies where ticket_id in (select id from tickets where ${mine()})`)).map(
        (r) => r.id,
      ),
    );
    for (const e of events.filter((x) => x.action === 'reply')) expect(replies.has(e.data.replyId as number)).toBe(true);
    const open = tickets.filter((t) => !FINAL.includes(t.status)).map((t) => t.status);
    expect(new Set(open).size).toBeGreaterThanOrEqual(5);
  });

  it('covers the whole lifecycle: returns, extensions, disputes, overdue, callbacks, reopenings, merges', async () => {
    const actions = new Set(events.map((e) => e.action));
    for (const action of [
      'dispatch',
      'sign',
      'reply',
      'review',
      'callback',
      'close',
      'direct_answer',
      'request_extension',
      'decide_extension',
      'return',
      'object',
      'decide_objection',
      'reopen',
      'merge',
      'invalidate',
      'sla_at_risk',
      'sla_overdue',
      'auto_reminder',
      'urge',
    ]) {
      expect(actions.has(action), action).toBe(true);
    }
    const results = new Set(events.filter((e) => e.action === 'callback').map((e) => e.data.result));
    expect([...results].sort()).toEqual(['basically_satisfied', 'satisfied', 'unreachable', 'unsatisfied']);
    const [repeat] = await query<{ n: number }>(
      sql`select count(*)::int as n from (select citizen_id from tickets where ${mine()} group by 1 having count(*) > 1) x`,
    );
    expect(repeat.n).toBeGreaterThan(0);
  });

  it('numbers orders per day and continues the day sequences', async () => {
    const numbers = tickets.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^\d{8}-\d{5}$/);
    const last = new Map<string, number>();
    for (const n of numbers) last.set(n.slice(0, 8), Math.max(last.get(n.slice(0, 8)) ?? 0, Number(n.slice(9))));
    const sequences = await query<{ day: string; last_value: number }>(
      sql`select day, last_value from ticket_sequences where day in (${sql.join(
        [...last.keys()].map((d) => sql`${d}`),
        sql`, `,
      )})`,
    );
    for (const s of sequences) expect(s.last_value).toBeGreaterThanOrEqual(last.get(s.day)!);
    expect(sequences).toHaveLength(last.size);
  });

  it('leaves no dangling references (a fresh database is loaded without row-by-row foreign key checks)', async () => {
    const checks: [string, string, string][] = [
      ['ticket_events', 'ticket_id', 'tickets'],
      ['ticket_events', 'actor_user_id', 'users'],
      ['ticket_events', 'actor_unit_id', 'units'],
      ['ticket_events', 'unit_id', 'units'],
      ['tickets', 'citizen_id', 'citizens'],
      ['tickets', 'category_id', 'categories'],
      ['tickets', 'region_id', 'regions'],
      ['tickets', 'lead_unit_id', 'units'],
      ['tickets', 'merged_into_id', 'tickets'],
      ['tickets', 'created_by_id', 'users'],
      ['assignments', 'ticket_id', 'tickets'],
      ['assignments', 'unit_id', 'units'],
      ['replies', 'assignment_id', 'assignments'],
      ['replies', 'ticket_id', 'tickets'],
      ['callbacks', 'ticket_id', 'tickets'],
      ['extensions', 'assignment_id', 'assignments'],
      ['objections', 'assignment_id', 'assignments'],
      ['supervisions', 'ticket_id', 'tickets'],
      ['supervisions', 'issued_by_id', 'users'],
      ['ticket_knowledge', 'knowledge_item_id', 'knowledge_items'],
      ['users', 'unit_id', 'units'],
      ['units', 'parent_id', 'units'],
    ];
    for (const [table, column, target] of checks) {
      const [row] = await query<{ n: number }>(
        sql.raw(`select count(*)::int as n from "${table}" x where x."${column}" is not null
        and not exists (select 1 from "${target}" y where y.id = x."${column}")`),
      );
      expect(row.n, `${table}.${column} → ${target}`).toBe(0);
    }
  });

  it('restores the indexes it set aside while loading a fresh database', async () => {
    const indexes = (
      await query<{ indexname: string }>(sql`select indexname from pg_indexes where tablename in ('tickets', 'ticket_events')`)
    ).map((i) => i.indexname);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'tickets_search_idx',
        'tickets_lead_unit_status_idx',
        'ticket_events_ticket_idx',
        'ticket_events_created_idx',
      ]),
    );
  });

  it('fills the search vector so orders are found by words of their text', async () => {
    const sample = tickets.find((t) => t.title.length >= 6)!;
    const [found] = await query<{ n: number }>(
      sql`select count(*)::int as n from tickets where id = ${sample.id} and search @@ ${toSearchQuery(sample.title)!}`,
    );
    expect(found.n).toBe(1);
  });

  it('leaves nothing for the SLA sweep to escalate at seeding time', async () => {
    const units = (await query<{ id: number }>(sql`select id from units where code like ${`${namespace ? `${namespace}-` : ''}%`}`)).map(
      (u) => u.id,
    );
    const { changes } = await app.services.sla.markOverdueOrders(SYSTEM_ACTOR, { unitIds: units });
    const rank = { normal: 0, at_risk: 1, overdue: 2 } as const;
    expect(changes.filter((c) => rank[c.to as keyof typeof rank] > rank[c.from as keyof typeof rank])).toEqual([]);
  });

  it('plants a burst water main earlier today, which the hourly surge alert job raises', async () => {
    const since = new Date(options.now.getTime() - 20 * 3_600_000);
    const burst = await query<{
      category_id: number;
      region_id: number;
      n: number;
    }>(sql`select t.category_id, t.region_id, count(*)::int as n
      from tickets t join categories c on c.id = t.category_id
      where ${mine()} and c.path_name like '%停水' and t.created_at >= ${since} group by 1, 2 order by n desc limit 1`);
    expect(burst[0].n).toBeGreaterThanOrEqual(12);
    const outcome = await app.services.insight.detectSurgeAlerts(SYSTEM_ACTOR, { at: options.now });
    const alerts = (
      await query<{ id: number; category_id: number; observed: number }>(sql`select id, category_id, observed from insight_alerts`)
    ).filter((a) => outcome.alertIds.includes(a.id));
    expect(alerts.some((a) => a.category_id === burst[0].category_id && a.observed >= 5)).toBe(true);
  });

  it('marks its orders as synthetic: a model trained on them says its figures come from the demo data', async () => {
    const marks = await query<{ details: { seed: number; firstTicketId: number; lastTicketId: number; namespace?: string } }>(
      sql`select details from audit_log where action = 'seed_demo_city'`,
    );
    const mark = marks.find((m) => m.details.namespace === namespace && m.details.seed === options.seed)!;
    expect(mark).toBeDefined();
    expect(tickets.every((t) => t.id >= mark.details.firstTicketId && t.id <= mark.details.lastTicketId)).toBe(true);
    const admin = result.logins.find((l) => l.role === 'admin')!;
    const session = await signIn(app, admin.username, admin.password);
    const trained = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/insight/train',
      headers: session.headers,
      payload: { labelKind: 'category' },
    });
    expect(trained.statusCode, trained.body).toBe(200);
    // on the shared PostgreSQL, other runs' demo orders of the same months are synthetic too
    expect(trained.json().models[0].syntheticShare).toBe(1);
    const listed = await app.inject({ method: 'GET', url: '/api/v1/admin/insight/models?labelKind=category', headers: session.headers });
    expect(listed.json().items.find((m: { id: number }) => m.id === trained.json().models[0].modelId)).toMatchObject({
      syntheticShare: 1,
      isRefitted: true,
    });
  });

  it('lets the demo users sign in and act, and the demo API key authenticate', async () => {
    for (const login of result.logins.slice(0, 8)) await signIn(app, login.username, login.password);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${result.apiKey}` } });
    expect(me.statusCode).toBe(200);
    const [key] = await query<{ n: number }>(sql`select count(*)::int as n from api_keys where key_hash = ${sha256(result.apiKey)}`);
    expect(key.n).toBe(1);

    const waiting = tickets.find((t) => t.status === 'pending_callback')!;
    expect(waiting).toBeDefined();
    const callbackAgent = result.logins.find((l) => l.role === 'callback_agent')!;
    const session = await signIn(app, callbackAgent.username, callbackAgent.password);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${waiting.id}/callback`,
      headers: session.headers,
      payload: { version: waiting.version, result: 'satisfied', isResolved: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('closed');
  });

  it("fills the screens of the staff's own work: auto-dispatch rules, quality scores, the callers' ratings (一次一评)", async () => {
    const login = (role: Role) => result.logins.find((l) => l.role === role)!;
    const admin = await signIn(app, login('admin').username, login('admin').password);
    const rules = await app.inject({ method: 'GET', url: '/api/v1/admin/insight/auto-dispatch-rules', headers: admin.headers });
    expect(rules.statusCode, rules.body).toBe(200);
    const myCategories = new Set(
      (await query<{ id: number }>(sql`select id from categories where ${namespace ? sql`code like ${`${namespace}-%`}` : sql`true`}`)).map(
        (c) => Number(c.id),
      ),
    );
    const mine = rules.json().items.filter((r: { categoryId: number }) => myCategories.has(r.categoryId));
    expect(mine).toHaveLength(DEMO_AUTO_DISPATCH_RULES.length);
    expect(mine.filter((r: { isEnabled: boolean }) => r.isEnabled).length).toBeGreaterThan(0);

    // 质检均分 per agent over the sampled months, and some inspections left for the inspector to score
    expect(activity.scored).toBeGreaterThan(0);
    expect(activity.scored).toBeLessThan(activity.inspections);
    const supervisor = await signIn(app, login('supervisor').username, login('supervisor').password);
    const today = options.now.toISOString().slice(0, 10);
    // the inspector sampled last month and this month so far
    const from = `${shiftMonth(today.slice(0, 7), -1)}-01`;
    const agents = await app.inject({ method: 'GET', url: `/api/v1/quality/agents?from=${from}&to=${today}`, headers: supervisor.headers });
    expect(agents.statusCode, agents.body).toBe(200);
    const myAgents = agents
      .json()
      .items.filter(
        (a: { username: string; role: string }) => a.role === 'agent' && (!namespace || a.username.startsWith(`${namespace}-`)),
      );
    expect(myAgents.length).toBeGreaterThan(0);
    for (const a of myAgents) expect(a.averageQaScore, a.username).toBeGreaterThan(60);
    const pending = await app.inject({
      method: 'GET',
      url: `/api/v1/quality/inspections?from=${from}&to=${today}&status=pending`,
      headers: supervisor.headers,
    });
    expect(pending.json().items.length).toBeGreaterThan(0);

    // 一次一评: about half of the answered calls rated, so the call satisfaction rate has a figure
    const [ratings] = await query<{ answered: number; rated: number }>(
      sql`select count(*) filter (where answered_at is not null)::int as answered, count(rating)::int as rated from call_records
        where source = ${namespace ? `${namespace}-demo-cti` : 'demo-cti'}`,
    );
    expect(ratings.rated / ratings.answered).toBeGreaterThan(0.4);
    const stats = await app.inject({ method: 'GET', url: `/api/v1/calls/stats?from=${from}&to=${today}`, headers: supervisor.headers });
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().total.indicators.call_satisfaction_rate).toBeGreaterThan(0.8);
  });

  it('is deterministic: the same seed and now give the same orders', async () => {
    const other = await openPglite();
    try {
      await seedDemoCity(other.db, options);
      const again = rowsOf<Ticket>(await other.db.execute(sql`select number, title, channel, status, created_at from tickets order by id`));
      const strip = (rows: Ticket[]) =>
        rows.map((t) => ({ title: t.title, channel: t.channel, created: new Date(t.created_at).toISOString(), day: t.number.slice(0, 8) }));
      // the callback test above closed one order; compare what the seed wrote
      expect(strip(again)).toEqual(strip(tickets));
      // PostgreSQL may already hold earlier runs' sequences for these days, so only PGlite compares full numbers
      if (!isPostgres) expect(again.map((t) => t.number)).toEqual(tickets.map((t) => t.number));
    } finally {
      await other.close();
    }
  });

  it('seeds only an empty database when asked to seed if empty', async () => {
    expect(await seedDemoCityIfEmpty(database.db, options)).toBeNull();
  });
});
