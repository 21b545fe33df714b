/**
 * The demo city's mark on the data it generated: one audit_log row per seeding, naming the range of ticket ids it
 * reserved. Whatever is computed from those orders (the Models screen's figures) can then say it was measured on
 * synthetic data, not on a centre's real orders.
 */
import type { Executor } from '../client.ts';
import { auditLog } from '../schema.ts';

export const DEMO_SEED_ACTION = 'seed_demo_city';
export const DEMO_SEED_SUBJECT = 'demo_city';

export async function recordDemoSeed(
  db: Executor,
  details: { seed: number; tickets: number; firstTicketId: number; lastTicketId: number; namespace?: string },
) {
  await db.insert(auditLog).values({ action: DEMO_SEED_ACTION, subjectType: DEMO_SEED_SUBJECT, subjectId: String(details.seed), details });
}

/** How many of `ids` fall in one of the seeded ranges. */
export function countInRanges(ids: number[], ranges: { firstTicketId: number; lastTicketId: number }[]): number {
  if (!ranges.length) return 0;
  return ids.filter((id) => ranges.some((r) => id >= r.firstTicketId && id <= r.lastTicketId)).length;
}
