/** Pinyin initials of Chinese labels, from pinyin-pro loaded on first use (its dictionary is kept out of the main bundle). */
import { useEffect, useState } from 'react';

type Initials = (label: string) => string;
let loaded: Initials | undefined;
let loading: Promise<Initials> | undefined;

function load(): Promise<Initials> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    const cache = new Map<string, string>();
    loaded = (label) => {
      let code = cache.get(label);
      if (code === undefined) {
        code = (pinyin(label, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }) as string[]).join('').toLowerCase();
        cache.set(label, code);
      }
      return code;
    };
    return loaded;
  });
  return loading;
}

/** The initials function once the dictionary has loaded; undefined until then. */
export function usePinyinInitials(): Initials | undefined {
  const [fn, setFn] = useState<Initials | undefined>(() => loaded);
  useEffect(() => {
    if (!fn) void load().then((f) => setFn(() => f));
  }, [fn]);
  return fn;
}
