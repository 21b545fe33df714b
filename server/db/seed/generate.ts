/**
 * Generates the orders of the last twelve months (pure, deterministic for a seed and a `now`):
 * when they came in, through which channel, about what and where, who called, and — through
 * lifecycle.ts — everything that happened to them until `now`.
 */
import { segmenter } from '../../lib/text.ts';
import type { Channel, TicketType } from '../../../common/enums.ts';
import type { Categories, Leaf } from './categories.ts';
import { resolveHandler, type City, type Street, type UnitRow } from './city.ts';
import { composeReply, composeTicket, knowledgeAnswer, type Place } from './compose.ts';
import type { OrderDeadlines } from './deadlines.ts';
import { runLifecycle } from './lifecycle.ts';
import type { PlanMode, TicketPlan } from './plan.ts';
import type { CitizenPool, Staff } from './people.ts';
import { CHANNEL_WEIGHTS, ONLINE_CHANNELS } from './phrases.ts';
import { Rng, WeightedTable } from './prng.ts';
import { CITY_SCENARIOS } from './scenarios-city.data.ts';
import { SERVICE_SCENARIOS } from './scenarios-services.data.ts';
import { seasonFactor, type Scenario } from './scenarios.ts';
import { emptyOutput, type SeedOutput, type TicketRow } from './rows.ts';
import type { WorkCalendar } from './work-time.ts';
import { dayStartMs, localDayIndex, shanghaiDay } from '../../lib/calendar.ts';

const DAY = 86_400_000;
const PHONE_HOURS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 0.8, 2, 4.5, 6, 6, 5.5, 4, 4.5, 5.5, 5.5, 5, 4, 3, 2.5, 2, 1.5, 1, 0.6];
export const SCENARIOS: Scenario[] = [...CITY_SCENARIOS, ...SERVICE_SCENARIOS];
const ONLINE_HOURS = [1, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 2.5, 3, 3, 3, 2.8, 2.8, 3, 3, 3, 3, 2.8, 3, 3.2, 3, 2.5, 1.6];

export interface KnowledgeRef {
  id: number;
  key: string;
  title: string;
  content: string;
}

export interface GenerateInput {
  count: number;
  days: number;
  seed: number;
  now: number;
  city: City;
  categories: Categories;
  staff: Staff;
  citizens: CitizenPool;
  knowledge: Map<string, KnowledgeRef>;
  cal: WorkCalendar;
  /** The SLA policy arithmetic for an order (see deadlines.ts). */
  deadlinesFor: (t: { type: string; urgency: string }, categoryChain: number[]) => OrderDeadlines;
  /** Ticket ids in creation order. */
  ticketIds: number[];
  /** Last number already used per day 'YYYYMMDD' (normally none). */
  sequences: Map<string, number>;
  namespace?: string;
}

export function generateTickets(input: GenerateInput): { out: SeedOutput; sequences: Map<string, number> } {
  const { city, categories, staff, cal, now } = input;
  const rng = new Rng(input.seed);
  const out = emptyOutput();
  let seq = 0;
  let assignmentId = 0;
  let replyId = 0;
  let supervisionId = 0;
  const env = {
    now,
    cal,
    rng: rng.fork('lifecycle'),
    city,
    staff,
    out,
    nextSeq: () => ++seq,
    nextAssignmentId: () => ++assignmentId,
    nextReplyId: () => ++replyId,
    nextSupervisionId: () => ++supervisionId,
  };

  const scenarios = withGenericScenarios(categories);
  const incident: ReturnType<typeof planIncident> & { main?: TicketPlan } = planIncident(
    rng.fork('incident'),
    scenarios,
    city,
    input.count,
    now,
  );
  const incidentMerges = rng.fork('incident-merges');
  const times = [...intakeTimes(rng.fork('times'), input.count - incident.times.length, input.days, now, cal), ...incident.times].sort(
    (a, b) => a.at - b.at,
  );
  const tables = Array.from(
    { length: 12 },
    (_, month) =>
      new WeightedTable(
        scenarios,
        scenarios.map((s) => s.weight * seasonFactor(s.season, month)),
      ),
  );
  const districtTable = new WeightedTable(
    city.districts,
    city.districts.map((d) => d.spec.weight),
  );
  const countyStreets = city.streets.filter((s) => s.isTown);
  const pick = rng.fork('orders');
  const recent: { plan: TicketPlan; place: Place; scenario: Scenario }[] = [];
  const lastCall = new Map<number, { scenario: Scenario; at: number }>();
  const sequences = new Map(input.sequences);

  times.forEach(({ at, channel, isIncident }, index) => {
    const day = cal.dayKey(at);
    const number = (sequences.get(day) ?? 0) + 1;
    sequences.set(day, number);
    const month = Number(shanghaiDay(new Date(at)).slice(5, 7)) - 1;

    let scenario = tables[month].draw(pick);
    let place: Place | null = null;
    let duplicateOf: (typeof recent)[number] | undefined;
    if (isIncident) {
      scenario = incident.scenario!;
      place = incident.place;
      // agents merge most later calls about the burst into the first order (重复诉求并单); some slip through
      if (incident.main && incidentMerges.chance(0.8)) duplicateOf = { plan: incident.main, place: incident.place!, scenario };
    } else if (pick.chance(0.025)) {
      duplicateOf = recent.find((r) => at - r.plan.ticket.createdAt < 3 * DAY && r.plan.mode === 'dispatch' && pick.chance(0.3));
    }
    if (duplicateOf) {
      scenario = duplicateOf.scenario;
      place = duplicateOf.place;
    } else if (!isIncident) {
      place = choosePlace(pick, scenario, districtTable.draw(pick), countyStreets);
    }
    const leaf = categories.byPath.get(scenario.leaf)!;
    let street: Street | null = place?.street ?? null;
    if (!street && leaf.isLocal) street = pick.pick(city.streets);
    const type = scenario.type;
    const isUrgent = pick.chance(isIncident ? 0.5 : (scenario.urgentRate ?? (type === 'help' ? 0.03 : 0.01)));
    const citizen = input.citizens.next(at, 0.2);
    const previous = lastCall.get(citizen.id);
    lastCall.set(citizen.id, { scenario, at });
    const isConfidential = type === 'report' && pick.chance(0.35);
    if (isConfidential) citizen.isConfidential = true;

    const composed = composeTicket(pick, scenario, place, channel, type, duplicateOf ? duplicateOf.plan.ticket.title : undefined);
    const geo = place ? (place.community ?? place.street).region.geo : null;
    const hasGeo = geo !== null && pick.chance(0.85);
    const ticket: TicketRow = {
      id: input.ticketIds[index],
      number: `${day}-${String(number).padStart(5, '0')}`,
      channel,
      type,
      urgency: isUrgent ? 'urgent' : 'normal',
      title: composed.title,
      content: composed.content,
      categoryId: leaf.row.id,
      regionId: place
        ? (place.community ?? place.street).region.id
        : street && leaf.isLocal
          ? street.region.id
          : pick.chance(0.4)
            ? districtTable.draw(pick).region.id
            : null,
      address: composed.address,
      lng: hasGeo ? round(geo.lng + pick.range(-0.004, 0.004)) : null,
      lat: hasGeo ? round(geo.lat + pick.range(-0.003, 0.003)) : null,
      citizenLocalId: citizen.id,
      citizenName: citizen.name,
      isConfidential,
      status: 'pending_dispatch',
      leadUnitId: null,
      signDueAt: null,
      handleDueAt: null,
      callbackDueAt: null,
      pausedAt: null,
      slaState: 'normal',
      isRepeat: !!duplicateOf || (!!previous && previous.scenario === scenario && at - previous.at < 30 * DAY),
      mergedIntoId: null,
      hasLeaderInstruction: false,
      isSupervised: false,
      isLegacy: false,
      isExcludedFromAssessment: false,
      satisfaction: null,
      citizenRating: null,
      reopenCount: 0,
      returnCount: 0,
      resolution: null,
      publicToken: ONLINE_CHANNELS.includes(channel) ? `${input.namespace ? `${input.namespace}-` : ''}${token(pick)}` : null,
      createdById: channel === 'phone' || channel === 'sms' || channel === 'mailbox' ? pick.pick(staff.agents).id : null,
      createdAt: at,
      updatedAt: at,
      dispatchedAt: null,
      repliedAt: null,
      closedAt: null,
      version: 1,
      words: composed.words,
    };

    const mode = chooseMode(pick, scenario, leaf, channel, !!duplicateOf);
    const unit = mode === 'dispatch' ? dispatchUnit(pick, city, leaf, street, type) : city.center;
    const plan: TicketPlan = {
      ticket,
      mode,
      unit,
      sla: input.deadlinesFor(ticket, leaf.chain),
      line: scenario.line,
      mainTicket: duplicateOf?.plan.ticket,
      writeReply: (u: UnitRow, when: number) =>
        composeReply(pick, { scenario, title: ticket.title, channel, type, place, receivedAt: ticket.createdAt }, u, when),
    };
    if (mode === 'direct') {
      const item = input.knowledge.get(scenario.knowledge!)!;
      plan.knowledge = { id: item.id, answer: knowledgeAnswer(item.title, item.content) };
    }
    if (mode === 'dispatch') {
      if (pick.chance(leaf.isLocal ? 0.08 : 0.05)) plan.wrongUnit = wrongUnitFor(pick, city, unit, street);
      if (pick.chance(0.05)) plan.coUnit = coUnitFor(pick, city, unit, street);
    }
    out.tickets.push(ticket);
    runLifecycle(env, plan);
    if (isIncident && !incident.main) incident.main = plan;
    if (place && mode === 'dispatch') {
      recent.unshift({ plan, place, scenario });
      if (recent.length > 150) recent.pop();
    }
  });
  return { out, sequences };
}

/**
 * 突发事件: a water main bursts in one estate earlier today (at least 2 hours before `now`), and residents keep calling
 * about it, so a fresh demo city has a live surge alert and a top hotspot. About 0.12 % of the orders (12 to 60), most
 * in the first hours; agents merge most of them into the first.
 */
function planIncident(rng: Rng, scenarios: Scenario[], city: City, count: number, now: number) {
  const scenario = scenarios.find((s) => s.leaf === '公用事业/供水/停水' && s.place === 'estate');
  if (!scenario) return { scenario: null, place: null, times: [] };
  const district = rng.pick(city.districts.filter((d) => !d.streets.every((s) => s.isTown)));
  const place = choosePlace(rng, scenario, district, []);
  const sinceMidnight = now - dayStartMs(localDayIndex(now));
  const span = Math.min(20 * 3_600_000, Math.max(2 * 3_600_000, sinceMidnight));
  const times = Array.from({ length: Math.min(60, Math.max(12, Math.round(count * 0.0012))) }, () => ({
    at: Math.floor((now - span + rng.next() ** 2 * span) / 1000) * 1000,
    channel: (rng.chance(0.7) ? 'phone' : rng.pick(['wechat', 'app', 'web'])) as Channel,
    isIncident: true,
  }));
  return { scenario, place, times };
}

/** Intake times over the `span` days before `now`: fewer on rest days, a slow upward trend, office-hour peaks for calls. */
function intakeTimes(
  rng: Rng,
  count: number,
  span: number,
  now: number,
  cal: WorkCalendar,
): { at: number; channel: Channel; isIncident: boolean }[] {
  const lastDay = cal.localDay(now);
  const days = Array.from({ length: span + 1 }, (_, i) => lastDay - span + i);
  const dayTable = new WeightedTable(
    days,
    days.map((d, i) => (cal.isWorkday(d) ? 1 : 0.6) * (0.85 + 0.3 * (i / span))),
  );
  const channelTable = new WeightedTable(
    CHANNEL_WEIGHTS.map((c) => c[0]),
    CHANNEL_WEIGHTS.map((c) => c[1]),
  );
  const phoneHours = new WeightedTable(
    PHONE_HOURS.map((_, h) => h),
    PHONE_HOURS,
  );
  const onlineHours = new WeightedTable(
    ONLINE_HOURS.map((_, h) => h),
    ONLINE_HOURS,
  );
  const start = now - span * DAY;
  const result: { at: number; channel: Channel; isIncident: boolean }[] = [];
  while (result.length < count) {
    const channel = channelTable.draw(rng);
    const hour = (channel === 'phone' ? phoneHours : onlineHours).draw(rng);
    const at = cal.at(dayTable.draw(rng), hour) + rng.int(0, 3_599_999);
    if (at < now && at >= start) result.push({ at: Math.floor(at / 1000) * 1000, channel, isIncident: false });
  }
  return result.sort((a, b) => a.at - b.at);
}

export function choosePlace(rng: Rng, scenario: Scenario, district: City['districts'][number], countyStreets: Street[]): Place | null {
  if (scenario.place === 'none') return null;
  if (scenario.place === 'village') {
    const street =
      district.streets.some((s) => s.isTown) && rng.chance(0.6)
        ? rng.pick(district.streets.filter((s) => s.isTown))
        : rng.pick(countyStreets);
    const community = rng.pick(street.communities.filter((c) => c.isVillage));
    return { kind: 'village', name: community.region.name, district: street.district, street, community };
  }
  const street = rng.pick(district.streets);
  if (scenario.place === 'estate') {
    const community = rng.pick(street.communities);
    return { kind: community.isVillage ? 'village' : 'estate', name: rng.pick(community.estates), district, street, community };
  }
  if (scenario.place === 'road') return { kind: 'road', name: rng.pick(street.roads), district, street, community: null };
  if (scenario.near) {
    // the matter happens at a hospital, school…: take one in this street, else in the district, else anywhere
    const pattern = NEAR[scenario.near];
    const matches = (s: Street) => s.landmarks.filter((l) => pattern.test(l));
    const candidates = [street, ...district.streets, ...countyStreets.flatMap((s) => s.district.streets)].find(
      (s) => matches(s).length > 0,
    );
    if (candidates)
      return { kind: 'landmark', name: rng.pick(matches(candidates)), district: candidates.district, street: candidates, community: null };
  }
  return { kind: 'landmark', name: rng.pick(street.landmarks), district, street, community: null };
}

const NEAR: Record<NonNullable<Scenario['near']>, RegExp> = {
  hospital: /医院|卫生院|卫生服务中心|保健院/,
  school: /小学|中学|大学/,
  shop: /购物中心|广场|市场/,
  square: /广场|公园/,
  station: /站/,
};

function chooseMode(rng: Rng, scenario: Scenario, leaf: Leaf, channel: Channel, isDuplicate: boolean): PlanMode {
  if (scenario.isInvalid) return 'invalid';
  if (scenario.line && (scenario.line !== '119' || rng.chance(0.35))) return 'transfer';
  if (isDuplicate) return 'merge';
  if (scenario.knowledge && scenario.type === 'inquiry') {
    if (leaf.handler === 'center' || rng.chance(channel === 'phone' ? 0.85 : 0.6)) return 'direct';
  }
  return 'dispatch';
}

/** Center-handled matters that still go to a unit (praise is passed on; suggestions go to a department). */
function dispatchUnit(rng: Rng, city: City, leaf: Leaf, street: Street | null, type: TicketType): UnitRow {
  if (leaf.handler !== 'center') return resolveHandler(city, leaf.handler, street);
  const departments = Object.values(city.departments).filter((u) => u.parentId === null);
  if (type === 'praise' && rng.chance(0.5)) return rng.pick(city.streets).unit;
  return rng.pick(departments);
}

function wrongUnitFor(rng: Rng, city: City, unit: UnitRow, street: Street | null): UnitRow {
  if (unit.kind === 'street' && street) {
    const neighbours = street.district.streets.filter((s) => s !== street);
    return rng.chance(0.5) ? rng.pick(neighbours).unit : street.district.offices.zf;
  }
  if (unit.peerGroup === 'district' && street) {
    return rng.chance(0.5)
      ? street.unit
      : rng.pick(Object.values(street.district.offices).filter((u) => u !== unit && u.kind === 'department'));
  }
  const candidates = Object.values(city.departments).filter((u) => u !== unit && u.parentId === null);
  return rng.chance(0.3) && street ? street.unit : rng.pick(candidates);
}

function coUnitFor(rng: Rng, city: City, unit: UnitRow, street: Street | null): UnitRow {
  if (street && unit.kind !== 'street') return street.unit;
  if (street) return street.district.offices.zf;
  const candidates = Object.values(city.departments).filter((u) => u !== unit && u.parentId === null);
  return rng.pick(candidates);
}

/**
 * Leaves no scenario covers still receive a trickle of plainly worded orders. Their texts never spell out the leaf's own
 * name (a classifier would read the label off the text and score 100 %): at most one of the words the name is made of,
 * which neighbouring leaves share (公积金 in 公积金提取 and 公积金贷款), or nothing specific at all — as vague as real callers.
 */
export function withGenericScenarios(categories: Categories): Scenario[] {
  const covered = new Set(SCENARIOS.map((s) => s.leaf));
  const generic: Scenario[] = [];
  for (const leaf of categories.leaves) {
    if (covered.has(leaf.path) || leaf.handler === 'center') continue;
    const name = leaf.row.name;
    const isLocal = leaf.isLocal;
    const parts = segmenter()
      .cut(name, false)
      .filter((w) => [...w].length >= 2 && w !== name);
    const topics = parts.length ? parts : ['这方面'];
    generic.push({
      leaf: leaf.path,
      type: isLocal ? 'complaint' : 'inquiry',
      weight: 0.5,
      place: isLocal ? 'estate' : 'none',
      titles: isLocal
        ? topics.flatMap((t) => [`{p}${t}问题`, `反映{p}的问题`])
        : topics.flatMap((t) => [`咨询${t}相关问题`, '咨询办事问题']),
      problems: isLocal
        ? topics.flatMap((t) => [`{p}存在${t}方面的问题，多次反映没有得到解决`, '反映{p}的问题，希望有关部门到现场看一看'])
        : topics.flatMap((t) => [`想咨询一下${t}的政策和办理流程`, '咨询相关规定，需要准备哪些材料']),
      findings: isLocal ? ['反映的问题基本属实', '该处问题已有工作台账'] : ['相关政策规定和办理流程已向您电话说明'],
      actions: isLocal
        ? ['已责成相关责任方限期整改，并将持续跟踪', '已安排专人负责，后续将加强日常巡查']
        : ['如需进一步了解，可到政务服务中心对应窗口咨询'],
    });
  }
  return [...SCENARIOS, ...generic];
}

const TOKEN_CHARS = 'abcdefghijkmnpqrstuvwxyz23456789';
function token(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 20; i++) s += TOKEN_CHARS[rng.int(0, TOKEN_CHARS.length - 1)];
  return s;
}

function round(x: number) {
  return Math.round(x * 1e6) / 1e6;
}
