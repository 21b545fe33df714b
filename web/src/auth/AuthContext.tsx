import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import * as authApi from '../api/auth.ts';
import { getMe } from '../api/auth.ts';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { keys } from '../api/keys.ts';

interface AuthState {
  me: Me | null;
  isLoading: boolean;
  error: unknown;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
const ME_KEY = keys.me;

async function fetchMe(): Promise<Me | null> {
  try {
    return await getMe();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  const me = query.data ?? null;

  useEffect(() => {
    setCsrfToken(me?.csrfToken ?? null);
  }, [me]);

  useEffect(() => {
    setUnauthenticatedHandler(() => queryClient.setQueryData(ME_KEY, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const value: AuthState = {
    me,
    isLoading: query.isLoading,
    error: query.error,
    async signIn(username, password) {
      const signedIn = await authApi.signIn({ username, password });
      setCsrfToken(signedIn.csrfToken);
      // A "not signed in" answer still on its way must not overwrite the new user; the previous
      // user's data goes, the new user is set in place (clearing the cache would leave the page
      // a render with nobody signed in, and it would bounce back to sign-in).
      await queryClient.cancelQueries({ queryKey: ME_KEY });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, signedIn);
      return signedIn;
    },
    async signOut() {
      await authApi.signOut().catch(() => undefined);
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
