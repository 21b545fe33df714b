/**
 * Demo call records (pure, deterministic for a seed): every phone order came from an answered call, and
 * about a third as many calls again reached the queue without becoming an order — follow-ups on earlier
 * orders, questions answered without a record, and callers who hung up while waiting (mostly after a long wait).
 * Tuned to a realistic floor: answer rate about 97 %, answered within 15 s about 88 % of calls offered.
 * About half of the answered callers rate the call when it ends (一次一评), mostly satisfied.
 */
import type { Executor } from '../client.ts';
import { bulkInsert, iso } from './bulk.ts';
import type { CitizenRow, UserRow } from './people.ts';
import { Rng } from './prng.ts';
import type { TicketRow } from './rows.ts';

export interface CallSeedRow {
  externalId: string;
  phone: string | null;
  queue: string;
  offeredAt: number;
  answeredAt: number | null;
  endedAt: number;
  waitSeconds: number;
  talkSeconds: number;
  wrapUpSeconds: number;
  agentUserId: number | null;
  ticketId: number | null;
  /** 一次一评: 1 satisfied, 2 basically satisfied, 3 unsatisfied; null when the caller did not rate. */
  rating: 1 | 2 | 3 | null;
}

/** Extra calls per phone order that reach the queue but create no order. */
const EXTRA_CALL_RATE = 0.35;
/** Share of the extra calls that are abandoned: ≈ 3 % of all calls offered. */
const EXTRA_ABANDON_RATE = 0.09;
const ANSWERED_WITHIN_15S = 0.91;
/** Share of answered callers who press a key when asked to rate the call (一次一评). */
const RATED_SHARE = 0.55;

/** A caller's rating, or null (not rated): about 88 % satisfied, 8 % basically satisfied, 4 % unsatisfied. */
function rating(rng: Rng): 1 | 2 | 3 | null {
  if (!rng.chance(RATED_SHARE)) return null;
  return rng.weighted([1, 2, 3] as const, [0.88, 0.08, 0.04]);
}

function answeredWait(rng: Rng): number {
  if (rng.chance(ANSWERED_WITHIN_15S)) return rng.int(1, 15);
  return 16 + Math.min(300, Math.floor(-Math.log(1 - rng.next()) * 35));
}

/** Callers who give up mostly waited long; a few hang up at once (wrong number, changed their mind). */
function abandonedWait(rng: Rng): number {
  return rng.chance(0.2) ? rng.int(3, 15) : 16 + Math.min(600, Math.floor(-Math.log(1 - rng.next()) * 70));
}

export function generateCalls(input: {
  seed: number;
  now: number;
  tickets: readonly TicketRow[];
  citizens: readonly CitizenRow[];
  agents: readonly UserRow[];
}): CallSeedRow[] {
  const rng = new Rng(input.seed ^ 0xca11);
  // its own stream, so the calls themselves stay as they were before ratings were drawn
  const ratings = new Rng(input.seed ^ 0x7a7e);
  const now = input.now;
  const rows: CallSeedRow[] = [];
  const queueOf = (t: TicketRow | null) =>
    t && (t.type === 'complaint' || t.type === 'report') ? 'complaints' : rng.chance(0.12) ? 'business' : 'general';
  for (const t of input.tickets) {
    if (t.channel !== 'phone') continue;
    const phone = t.citizenLocalId === null ? null : (input.citizens[t.citizenLocalId - 1]?.phone ?? null);
    // the order is saved during the call: answered a minute or two before, ended a few minutes after
    const wait = answeredWait(rng);
    const answeredAt = t.createdAt - rng.int(40, 180) * 1000;
    // an order saved in the last minutes: its call has just ended (never in the future)
    const endedAt = Math.min(t.createdAt + rng.int(20, 240) * 1000, Math.max(now - 1000, t.createdAt));
    rows.push({
      externalId: `t${t.id}`,
      phone,
      queue: queueOf(t),
      offeredAt: answeredAt - wait * 1000,
      answeredAt,
      endedAt,
      waitSeconds: wait,
      talkSeconds: Math.round((endedAt - answeredAt) / 1000),
      wrapUpSeconds: rng.int(15, 120),
      agentUserId: t.createdById,
      ticketId: t.id,
      rating: rating(ratings),
    });
    if (!rng.chance(EXTRA_CALL_RATE)) continue;
    // another call within a few hours of this one, through the same busy and quiet hours
    const offeredAt = t.createdAt + rng.int(-3 * 3600, 3 * 3600) * 1000;
    const caller = rng.chance(0.3) ? phone : (input.citizens[rng.int(0, input.citizens.length - 1)]?.phone ?? null);
    if (rng.chance(EXTRA_ABANDON_RATE)) {
      const w = abandonedWait(rng);
      if (offeredAt + w * 1000 >= input.now) continue;
      rows.push({
        externalId: `x${t.id}`,
        phone: caller,
        queue: queueOf(null),
        offeredAt,
        answeredAt: null,
        endedAt: offeredAt + w * 1000,
        waitSeconds: w,
        talkSeconds: 0,
        wrapUpSeconds: 0,
        agentUserId: null,
        ticketId: null,
        rating: null,
      });
      continue;
    }
    const w = answeredWait(rng);
    const talk = rng.int(45, 360);
    const answered = offeredAt + w * 1000;
    if (answered + talk * 1000 >= input.now) continue;
    rows.push({
      externalId: `x${t.id}`,
      phone: caller,
      queue: queueOf(null),
      offeredAt,
      answeredAt: answered,
      endedAt: answered + talk * 1000,
      waitSeconds: w,
      talkSeconds: talk,
      wrapUpSeconds: rng.int(10, 90),
      agentUserId: rng.pick(input.agents).id,
      ticketId: null,
      rating: rating(ratings),
    });
  }
  return rows.sort((a, b) => a.offeredAt - b.offeredAt);
}

export async function storeCalls(db: Executor, source: string, rows: CallSeedRow[], createdAt: number): Promise<void> {
  await bulkInsert(
    db,
    'call_records',
    [
      ['source', 'text'],
      ['external_id', 'text'],
      ['direction', 'text'],
      ['phone', 'text'],
      ['queue', 'text'],
      ['offered_at', 'timestamptz'],
      ['answered_at', 'timestamptz'],
      ['ended_at', 'timestamptz'],
      ['wait_seconds', 'int'],
      ['talk_seconds', 'int'],
      ['wrap_up_seconds', 'int'],
      ['agent_user_id', 'int'],
      ['ticket_id', 'int'],
      ['rating', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    rows.map((r) => [
      source,
      r.externalId,
      'inbound',
      r.phone,
      r.queue,
      iso(r.offeredAt),
      iso(r.answeredAt),
      iso(r.endedAt),
      r.waitSeconds,
      r.talkSeconds,
      r.wrapUpSeconds,
      r.agentUserId,
      r.ticketId,
      r.rating,
      iso(createdAt),
      iso(createdAt),
    ]),
    { batchSize: 2500 },
  );
}
