/** Which workbench each role works in; drives the menu, the home page and the route guards. */
import type { Role } from '../../../common/enums.ts';

export type WorkbenchKey =
  | 'agent'
  | 'dispatch'
  | 'unit'
  | 'review'
  | 'supervision'
  | 'dashboard'
  | 'tickets'
  | 'admin'
  | 'analytics'
  | 'myAssessment'
  | 'quality'
  | 'missedCalls'
  | 'wallboard'
  | 'contacts';

export const WORKBENCHES: { key: WorkbenchKey; path: string; roles: readonly Role[] }[] = [
  { key: 'agent', path: '/agent', roles: ['agent', 'dispatcher', 'admin'] },
  { key: 'dispatch', path: '/dispatch', roles: ['dispatcher', 'supervisor', 'admin'] },
  { key: 'unit', path: '/unit', roles: ['handler', 'unit_admin'] },
  { key: 'review', path: '/review', roles: ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'admin'] },
  { key: 'supervision', path: '/supervision', roles: ['supervisor', 'dispatcher', 'leader', 'admin'] },
  { key: 'dashboard', path: '/dashboard', roles: ['leader', 'supervisor', 'admin'] },
  { key: 'tickets', path: '/tickets', roles: ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'leader', 'admin'] },
  { key: 'admin', path: '/admin', roles: ['admin'] },
  { key: 'analytics', path: '/analytics', roles: ['leader', 'supervisor', 'admin'] },
  { key: 'myAssessment', path: '/analytics/my-unit', roles: ['handler', 'unit_admin'] },
  { key: 'quality', path: '/quality', roles: ['supervisor', 'callback_agent', 'leader', 'admin', 'agent'] },
  { key: 'missedCalls', path: '/missed-calls', roles: ['agent', 'callback_agent', 'dispatcher', 'supervisor', 'admin'] },
  { key: 'wallboard', path: '/wallboard', roles: ['supervisor', 'leader', 'admin'] },
  { key: 'contacts', path: '/contacts', roles: ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'admin'] },
];

const HOME: Record<Role, WorkbenchKey> = {
  agent: 'agent',
  dispatcher: 'dispatch',
  handler: 'unit',
  unit_admin: 'unit',
  supervisor: 'supervision',
  callback_agent: 'review',
  leader: 'dashboard',
  admin: 'agent',
};

export function workbenchesFor(role: Role | null) {
  return role ? WORKBENCHES.filter((w) => w.roles.includes(role)) : [];
}

export function homePath(role: Role | null): string {
  if (!role) return '/login';
  return WORKBENCHES.find((w) => w.key === HOME[role])!.path;
}

export function canOpen(role: Role | null, key: WorkbenchKey): boolean {
  return !!role && WORKBENCHES.find((w) => w.key === key)!.roles.includes(role);
}
