/**
 * Watermark bookkeeping for incremental jobs over ticket_events.
 *
 * Event ids come from a sequence, taken when the row is inserted; with several app processes a
 * transaction holding id 100 can commit after one holding id 101. A job that simply remembered
 * "done up to 101" would never see 100. So ids missing below the watermark are kept as pending gaps,
 * re-checked on every run, and dropped only after `gapTimeoutMs` (then they were rolled back).
 */

export interface Gap {
  from: number;
  to: number;
  /** When the gap was first seen (epoch ms). */
  seenAt: number;
}

/** Removes the ids that have now appeared from the pending gaps. */
export function removeFound(gaps: readonly Gap[], foundIds: readonly number[]): Gap[] {
  const found = [...foundIds].sort((a, b) => a - b);
  const out: Gap[] = [];
  for (const gap of gaps) {
    let from = gap.from;
    for (const id of found) {
      if (id < from || id > gap.to) continue;
      if (id > from) out.push({ from, to: id - 1, seenAt: gap.seenAt });
      from = id + 1;
    }
    if (from <= gap.to) out.push({ from, to: gap.to, seenAt: gap.seenAt });
  }
  return out;
}

/** Gaps still worth waiting for. */
export function dropExpired(gaps: readonly Gap[], now: number, timeoutMs: number): Gap[] {
  return gaps.filter((g) => now - g.seenAt < timeoutMs);
}

export function isInGaps(id: number, gaps: readonly Gap[]): boolean {
  return gaps.some((g) => id >= g.from && id <= g.to);
}
