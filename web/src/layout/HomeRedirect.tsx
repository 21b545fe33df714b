import { Navigate } from 'react-router-dom';
import { useMe } from '../auth/AuthContext.tsx';
import { homePath } from './workbenches.ts';

export function HomeRedirect() {
  const me = useMe();
  return <Navigate to={homePath(me.role)} replace />;
}
