/**
 * The orders behind the dashboard's count cards (驾驶舱): for each card, the order-list query
 * (GET /api/v1/tickets) that finds exactly the orders the card counts, so a leader can open them.
 * Orders (受理工单) are contacts taken in on the period's China days less those closed as invalid,
 * merged into another order or transferred to an emergency line (ordersOf in indicators.ts); those
 * three end states are final, so today's status tells which contacts they are.
 */
import { FINAL_STATUSES, OPEN_STATUSES, TICKET_STATUSES } from '../../../common/ticket-lifecycle.ts';
import { SHANGHAI_UTC_OFFSET } from '../../lib/calendar.ts';
import type { Period } from './periods.ts';

export interface OrderListQuery {
  /** Comma-separated statuses, as the list takes them. */
  status: string;
  from?: string;
  to?: string;
  slaState?: 'at_risk' | 'overdue';
}

const NOT_ORDERS: readonly string[] = FINAL_STATUSES.filter((s) => s !== 'closed');
const ORDER_STATUSES = TICKET_STATUSES.filter((s) => !NOT_ORDERS.includes(s)).join(',');

/** Orders taken in on the China days [from, to]. */
export function ordersTakenIn(period: Period): OrderListQuery {
  return {
    status: ORDER_STATUSES,
    from: `${period.from}T00:00:00${SHANGHAI_UTC_OFFSET}`,
    to: `${period.to}T23:59:59.999${SHANGHAI_UTC_OFFSET}`,
  };
}

/** Open orders in an SLA state now (uses the same rule as countOpenBySlaState). */
export function openOrdersIn(slaState: 'at_risk' | 'overdue'): OrderListQuery {
  return { status: OPEN_STATUSES.join(','), slaState };
}
