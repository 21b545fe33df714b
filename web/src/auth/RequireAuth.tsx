import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthContext.tsx';
import { ErrorState, PageSpinner } from '../components/PageState.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, isLoading, error } = useAuth();
  const location = useLocation();
  if (isLoading) return <PageSpinner />;
  if (error && !me) return <ErrorState error={error} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
