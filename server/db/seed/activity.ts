/**
 * What the demo city's staff have done through the services once the app is built: the administrator's
 * auto-dispatch rules (自动派单) and the quality staff's inspections (质检) of last month's and this month's orders and calls.
 * Their rules (who may, what a score is, which orders and calls may be sampled) live in the services, so the seed
 * calls them instead of writing rows (CONVENTIONS 17). Runs once, right after the city is seeded.
 */
import { sql } from 'drizzle-orm';
import { shanghaiDay } from '../../lib/calendar.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Services } from '../../services.ts';
import type { Executor } from '../client.ts';
import { rowsOf } from './bulk.ts';
import { buildCategories } from './categories.ts';
import { Rng } from './prng.ts';
import { DEMO_QUALITY_FORM } from './quality.ts';

/** A few categories a centre would let the system dispatch alone: clear-cut, one city-wide unit, one switched off. */
export const DEMO_AUTO_DISPATCH_RULES: { path: string; minConfidence: number; isEnabled: boolean }[] = [
  { path: '城乡建设/住房公积金/公积金提取', minConfidence: 0.9, isEnabled: true },
  { path: '城乡建设/住房公积金/公积金贷款', minConfidence: 0.9, isEnabled: true },
  { path: '城市管理/市政设施/路灯不亮', minConfidence: 0.85, isEnabled: true },
  { path: '城市管理/市政设施/井盖缺失破损', minConfidence: 0.95, isEnabled: false },
];

/** Per agent and month (last month and this one so far): orders and calls drawn for inspection; about three in four are scored. */
const SAMPLE = { ordersPerAgent: 2, callsPerAgent: 2, scoredShare: 0.75 };

export interface DemoActivityOptions {
  seed: number;
  now: Date;
  namespace?: string;
}

export async function seedDemoActivity(
  db: Executor,
  services: Pick<Services, 'insight' | 'quality'>,
  options: DemoActivityOptions,
): Promise<{ autoDispatchRules: number; inspections: number; scored: number }> {
  const prefix = options.namespace ? `${options.namespace}-` : '';
  const actorOf = await actors(db, prefix);

  const admin = actorOf('admin');
  const leaves = buildCategories(counter(), options.namespace).byPath;
  const codes = DEMO_AUTO_DISPATCH_RULES.map((r) => {
    const leaf = leaves.get(r.path);
    if (!leaf) throw new Error(`demo auto-dispatch rule: unknown category ${r.path}`);
    return leaf.row.code;
  });
  const categoryIds = new Map(
    rowsOf<{ id: number; code: string }>(await db.execute(sql`select id, code from categories where code in ${codes}`)).map((r) => [
      r.code,
      Number(r.id),
    ]),
  );
  for (const [i, rule] of DEMO_AUTO_DISPATCH_RULES.entries()) {
    await services.insight.createAutoDispatchRule(admin, {
      categoryId: categoryIds.get(codes[i])!,
      minConfidence: rule.minConfidence,
      isEnabled: rule.isEnabled,
    });
  }

  // the centre's quality inspector (回访质检员) draws a sample and scores most of it
  const inspector = actorOf('callback_agent');
  const [form] = rowsOf<{ id: number }>(
    await db.execute(sql`select id from quality_forms where name = ${prefix + DEMO_QUALITY_FORM.name}`),
  );
  const today = shanghaiDay(options.now);
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthEnd = shanghaiDay(new Date(Date.parse(`${monthStart}T12:00:00+08:00`) - 86_400_000));
  const agentIds = rowsOf<{ id: number }>(
    await db.execute(sql`select id from users where role = 'agent' and username like ${`${prefix}%`} order by id`),
  ).map((r) => Number(r.id));
  const rng = new Rng(options.seed ^ 0x9a11);
  let inspections = 0;
  let scored = 0;
  // last month's sample, and this month's so far (the screens open on this month)
  for (const [from, to] of [
    [`${lastMonthEnd.slice(0, 8)}01`, lastMonthEnd],
    [monthStart, today],
  ]) {
    const sample = await services.quality.sample(inspector, {
      formId: Number(form.id),
      from,
      to,
      agentUserIds: agentIds,
      ordersPerAgent: SAMPLE.ordersPerAgent,
      callsPerAgent: SAMPLE.callsPerAgent,
      seed: options.seed,
    });
    inspections += sample.items.length;
    for (const inspection of sample.items) {
      if (!rng.chance(SAMPLE.scoredShare)) continue;
      await services.quality.score(inspector, inspection.id, scoresFor(rng));
      scored++;
    }
  }
  return { autoDispatchRules: DEMO_AUTO_DISPATCH_RULES.length, inspections, scored };
}

/** Mostly good work with a point or two lost here and there; rarely a fatal violation (0 points). */
function scoresFor(rng: Rng) {
  const isFatal = rng.chance(0.02);
  const scores = DEMO_QUALITY_FORM.items.map((item) =>
    item.isFatal
      ? { key: item.key, isViolated: isFatal && item.key === 'quarrel' }
      : { key: item.key, points: Math.max(0, item.maxPoints - (rng.chance(0.4) ? rng.int(1, Math.ceil(item.maxPoints / 4)) : 0)) },
  );
  const lost = scores.some((s) => 'points' in s && s.points !== undefined);
  return { scores, comment: isFatal ? '通话中与市民争执，态度生硬' : lost ? null : '规范' };
}

/** The demo staff by username (without the namespace prefix), as the actors the services expect. */
async function actors(db: Executor, prefix: string) {
  const rows = rowsOf<{ id: number; username: string; role: string; unit_id: number | null; display_name: string }>(
    await db.execute(
      sql`select id, username, role, unit_id, display_name from users where username in ${['admin', 'callback_agent'].map((u) => prefix + u)}`,
    ),
  );
  return (username: string): Actor => {
    const row = rows.find((r) => r.username === prefix + username);
    if (!row) throw new Error(`demo activity: no user ${prefix + username}`);
    return {
      kind: 'user',
      userId: Number(row.id),
      apiKeyId: null,
      role: row.role as Actor['role'],
      unitId: row.unit_id === null ? null : Number(row.unit_id),
      displayName: row.display_name,
      ip: null,
    };
  };
}

function counter() {
  let n = 0;
  return () => ++n;
}
