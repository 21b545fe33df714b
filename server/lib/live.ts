/**
 * Live updates: services publish after commit; the SSE route delivers to the desks concerned.
 * In server mode the bus is bridged across processes with PostgreSQL LISTEN/NOTIFY (see live module).
 */
export interface LiveEvent {
  /** ticket.created, ticket.dispatched, ticket.updated, alert.raised … */
  topic: string;
  ticketId?: number;
  /** Units whose desks should see it; the center sees everything. */
  unitIds: number[];
  /** Only these users (telephony: the agent a call rings for); absent for everyone the unit rule allows. */
  userIds?: number[];
  payload?: Record<string, unknown>;
  at: string;
}

export function createLiveBus() {
  const listeners = new Set<(event: LiveEvent) => void>();
  /**
   * Every listener gets the event even when another throws, and the publisher never sees the error: it publishes
   * after its commit, so a desk's broken connection must not turn a saved change into a failed request.
   */
  const deliver = (event: LiveEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // that listener's own affair
      }
    }
  };
  /** Server mode: every local event is also sent to the other app processes (see live.bridge.ts). */
  let forward: ((event: LiveEvent) => void) | null = null;
  return {
    publish(event: Omit<LiveEvent, 'at'> & { at?: string }) {
      const full: LiveEvent = { ...event, at: event.at ?? new Date().toISOString() };
      deliver(full);
      forward?.(full);
    },
    setForwarder(fn: ((event: LiveEvent) => void) | null) {
      forward = fn;
    },
    /** An event another process published: delivered here, never forwarded again. */
    deliverRemote: deliver,
    subscribe(listener: (event: LiveEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type LiveBus = ReturnType<typeof createLiveBus>;
