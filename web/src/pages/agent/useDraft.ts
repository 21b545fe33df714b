/**
 * Keeps the half-written order in localStorage on every keystroke, so a reload, a crash or a failed
 * request never loses it. The draft also holds the idempotency key, so re-sending after a network
 * failure cannot create the order twice.
 */
import { useCallback, useMemo } from 'react';

export interface Draft<T> {
  values: T;
  idempotencyKey: string;
  savedAt: string;
}

const newKey = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export function useDraft<T>(storageKey: string) {
  const read = useCallback((): Draft<T> | null => {
    try {
      const raw = localStorage.getItem(storageKey);
      return raw ? (JSON.parse(raw) as Draft<T>) : null;
    } catch {
      return null;
    }
  }, [storageKey]);

  return useMemo(
    () => ({
      read,
      save(values: T) {
        const current = read();
        const draft: Draft<T> = { values, idempotencyKey: current?.idempotencyKey ?? newKey(), savedAt: new Date().toISOString() };
        try {
          localStorage.setItem(storageKey, JSON.stringify(draft));
        } catch {
          // storage full or disabled: the form still works, only the safety net is gone
        }
        return draft;
      },
      idempotencyKey(): string {
        return read()?.idempotencyKey ?? this.save({} as T).idempotencyKey;
      },
      clear() {
        try {
          localStorage.removeItem(storageKey);
        } catch {
          // ignore
        }
      },
    }),
    [read, storageKey],
  );
}
