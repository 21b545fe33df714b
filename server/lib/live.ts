/**
 * Live updates: services publish after commit; the SSE route delivers to the desks concerned.
 * In server mode the bus is bridged across processes with PostgreSQL LISTEN/NOTIFY (see live module).
 */
import { EventEmitter } from 'node:events';

export interface LiveEvent {
  /** ticket.created, ticket.dispatched, ticket.updated, alert.raised … */
  topic: string;
  ticketId?: number;
  /** Units whose desks should see it; the center sees everything. */
  unitIds: number[];
  payload?: Record<string, unknown>;
  at: string;
}

export function createLiveBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  /** Server mode: every local event is also sent to the other app processes (see live.bridge.ts). */
  let forward: ((event: LiveEvent) => void) | null = null;
  return {
    publish(event: Omit<LiveEvent, 'at'> & { at?: string }) {
      const full: LiveEvent = { ...event, at: event.at ?? new Date().toISOString() };
      emitter.emit('event', full);
      forward?.(full);
    },
    setForwarder(fn: ((event: LiveEvent) => void) | null) {
      forward = fn;
    },
    /** An event another process published: delivered here, never forwarded again. */
    deliverRemote(event: LiveEvent) {
      emitter.emit('event', event);
    },
    subscribe(listener: (event: LiveEvent) => void): () => void {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}
export type LiveBus = ReturnType<typeof createLiveBus>;
