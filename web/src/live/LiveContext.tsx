/**
 * One EventSource per signed-in tab on /api/v1/live. New work refreshes the ticket lists
 * (TanStack Query keys starting with 'tickets'), a little later rather than once per event;
 * surge alerts (`alert` events) refresh the alert lists.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../api/keys.ts';

export interface LiveMessage {
  topic: string;
  ticketId?: number;
  unitIds: number[];
  payload?: Record<string, unknown>;
  at: string;
}

type Listener = (message: LiveMessage) => void;

interface LiveState {
  isConnected: boolean;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<LiveState>({ isConnected: false, subscribe: () => () => undefined });
const REFRESH_DELAY_MS = 400;

export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [isConnected, setConnected] = useState(false);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/live');
    let timer: ReturnType<typeof setTimeout> | null = null;
    source.addEventListener('ready', () => setConnected(true));
    /** Hands a server event to the subscribers; false when it is not readable. */
    const deliver = (e: Event) => {
      let message: LiveMessage;
      try {
        message = JSON.parse((e as MessageEvent).data);
      } catch {
        return false;
      }
      for (const listener of listeners.current) listener(message);
      return true;
    };
    source.addEventListener('ticket', (e) => {
      if (!deliver(e) || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: keys.tickets.all });
        void queryClient.invalidateQueries({ queryKey: keys.analytics.all });
      }, REFRESH_DELAY_MS);
    });
    // 预警: surge alerts arrive as their own event kind (dispatchers, supervisors, leaders, admins).
    source.addEventListener('alert', (e) => {
      if (deliver(e)) void queryClient.invalidateQueries({ queryKey: keys.insight.alerts() });
    });
    // 电话: agent states, offered calls and the wallboard (docs/telephony.md); the phone desk subscribes.
    source.addEventListener('telephony', deliver);
    source.onerror = () => setConnected(false);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [queryClient]);

  const value: LiveState = {
    isConnected,
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  };
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive() {
  return useContext(LiveContext);
}

/** Calls `listener` for every live message while the component is mounted. */
export function useLiveMessages(listener: Listener) {
  const { subscribe } = useLive();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((m) => latest.current(m)), [subscribe]);
}
