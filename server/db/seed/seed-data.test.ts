import { describe, expect, it } from 'vitest';
import { shanghaiDay, WorkingCalendar } from '../../lib/calendar.ts';
import { monthOf, monthPeriod, shiftMonth, yearAgoPeriod } from '../../modules/analytics/periods.ts';
import { buildCatalogue, buildCategories } from './categories.ts';
import { buildCity, resolveHandler } from './city.ts';
import { buildSlaPolicy } from '../../../test/factories/sla.ts';
import { createDeadlineBook } from './deadlines.ts';
import { generateTickets, SCENARIOS, withGenericScenarios } from './generate.ts';
import { DEMO_HISTORY_DAYS } from './index.ts';
import { KNOWLEDGE } from './knowledge.data.ts';
import { buildStaff, CitizenPool } from './people.ts';
import { Rng, WeightedTable } from './prng.ts';
import { replyTemplateRows } from './store.ts';

/** One catch-all policy, as a centre without special rules would have (the demo city's come from the SLA migration). */
const POLICIES = [buildSlaPolicy(1, { name: '默认时限' })];
import { createWorkCalendar } from './work-time.ts';

const counter = () => {
  let n = 0;
  return () => ++n;
};

describe('Rng', () => {
  it('repeats its sequence for the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const seq = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seq);
    expect(new Rng(43).next()).not.toBe(seq[0]);
  });

  it('draws weighted items in proportion', () => {
    const rng = new Rng(7);
    const table = new WeightedTable(['a', 'b'], [3, 1]);
    let a = 0;
    for (let i = 0; i < 4000; i++) if (table.draw(rng) === 'a') a++;
    expect(a / 4000).toBeGreaterThan(0.72);
    expect(a / 4000).toBeLessThan(0.78);
  });
});

describe('demo city data', () => {
  const city = buildCity(counter());
  const categories = buildCategories(counter());

  it('names only categories that exist and handlers that resolve', () => {
    for (const s of SCENARIOS) expect(categories.byPath.has(s.leaf), s.leaf).toBe(true);
    for (const [key, , leaf] of KNOWLEDGE) expect(categories.byPath.has(leaf), `${key} ${leaf}`).toBe(true);
    expect(replyTemplateRows(categories).filter((t) => t.categoryId !== null).length).toBeGreaterThan(0);
    const keys = new Set(KNOWLEDGE.map(([key]) => key));
    expect(keys.size).toBe(KNOWLEDGE.length);
    for (const s of SCENARIOS) if (s.knowledge) expect(keys.has(s.knowledge), s.knowledge).toBe(true);
    for (const leaf of categories.leaves) expect(() => resolveHandler(city, leaf.handler, city.streets[0]), leaf.path).not.toThrow();
    expect(buildCatalogue(city, categories).length).toBeGreaterThan(categories.leaves.length);
  });

  it('gives every street aliases that no other street uses', () => {
    const seen = new Map<string, string>();
    for (const r of city.regions.filter((x) => x.level === 'street' || x.level === 'community')) {
      for (const alias of r.aliases) {
        expect(seen.get(alias), `${alias} in ${r.name} and ${seen.get(alias)}`).toBeUndefined();
        seen.set(alias, r.name);
      }
    }
  });

  it('generates the same orders for the same seed and now', () => {
    const run = () => {
      const cal = createWorkCalendar(new WorkingCalendar());
      const staff = buildStaff(city, counter());
      const knowledge = new Map(KNOWLEDGE.map(([key, title, , , , content], i) => [key, { id: i + 1, key, title, content }]));
      return generateTickets({
        count: 300,
        days: 30,
        seed: 9,
        now: Date.parse('2026-06-01T12:00:00+08:00'),
        city,
        categories,
        staff,
        knowledge,
        cal,
        citizens: new CitizenPool(new Rng(1)),
        ticketIds: Array.from({ length: 300 }, (_, i) => i + 1),
        sequences: new Map(),
        deadlinesFor: createDeadlineBook(cal, POLICIES),
      }).out;
    };
    const a = run();
    const b = run();
    expect(b.tickets.map((t) => [t.number, t.title, t.status])).toEqual(a.tickets.map((t) => [t.number, t.title, t.status]));
    expect(b.events.length).toBe(a.events.length);
  });

  it('never has a unit visit the site before the order came in', () => {
    const cal = createWorkCalendar(new WorkingCalendar());
    const knowledge = new Map(KNOWLEDGE.map(([key, title, , , , content], i) => [key, { id: i + 1, key, title, content }]));
    const out = generateTickets({
      count: 300,
      days: 30,
      seed: 9,
      now: Date.parse('2026-06-01T12:00:00+08:00'),
      city,
      categories,
      staff: buildStaff(city, counter()),
      knowledge,
      cal,
      citizens: new CitizenPool(new Rng(1)),
      ticketIds: Array.from({ length: 300 }, (_, i) => i + 1),
      sequences: new Map(),
      deadlinesFor: createDeadlineBook(cal, POLICIES),
    }).out;
    const received = new Map(out.tickets.map((t) => [t.id, new Date(t.createdAt + 8 * 3_600_000)]));
    let visits = 0;
    for (const r of out.replies) {
      const visit = /于(\d+)月(\d+)日安排工作人员/.exec(r.content);
      if (!visit) continue;
      visits++;
      const day = received.get(r.ticketId)!;
      const [m, d] = [Number(visit[1]), Number(visit[2])];
      // within the 30 days before June, a visit in an earlier month than the order's, or earlier that month, is too early
      expect(m * 100 + d, r.content).toBeGreaterThanOrEqual((day.getUTCMonth() + 1) * 100 + day.getUTCDate());
    }
    expect(visits).toBeGreaterThan(20);
  });
});

describe('generic demo texts', () => {
  it('never write the category’s own name into an order (the label must not be readable off the text)', () => {
    const categories = buildCategories(counter());
    const generic = withGenericScenarios(categories).slice(SCENARIOS.length);
    expect(generic.length).toBeGreaterThan(20);
    const nameOf = new Map(categories.leaves.map((l) => [l.path, l.row.name]));
    for (const s of generic) {
      const name = nameOf.get(s.leaf)!;
      for (const text of [...s.titles, ...s.problems, ...s.findings]) expect(text, s.leaf).not.toContain(name);
    }
  });
});

describe('DEMO_HISTORY_DAYS', () => {
  it('reaches back to the whole of this month and last month a year earlier on every day of the year (同比)', () => {
    for (let d = 0; d < 366; d++) {
      const now = new Date(Date.parse('2026-01-01T10:00:00+08:00') + d * 86_400_000);
      const month = monthOf(shanghaiDay(now));
      const firstDay = shanghaiDay(new Date(now.getTime() - DEMO_HISTORY_DAYS * 86_400_000));
      for (const m of [month, shiftMonth(month, -1)])
        expect(firstDay <= yearAgoPeriod(monthPeriod(m)).from, `${shanghaiDay(now)} ${m}`).toBe(true);
    }
  });
});
