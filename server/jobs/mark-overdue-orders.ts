/**
 * 超期预警: marks open orders at risk (即将超期) or overdue (已超期) and issues automatic reminders.
 * The work is one set-based statement per batch (see sla-sweep.repository.ts); this file wires it to the live bus.
 */
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import { defineJob } from './runner.ts';

/** Beyond this many changes in one run, desks get one summary event per run instead of one per order. */
const MAX_PER_ORDER_EVENTS = 200;

export const markOverdueOrders = defineJob({
  name: 'mark-overdue-orders',
  payloadSchema: z.object({
    /** Only orders whose lead unit is one of these (default: all open orders). */
    unitIds: z.array(z.number().int().positive()).max(1_000).optional(),
  }),
  schedule: { everyMs: 60_000 },
  async handler(services, payload) {
    const { scanned, changes } = await services.sla.markOverdueOrders(SYSTEM_ACTOR, { unitIds: payload.unitIds });
    const escalated = changes.filter((c) => c.to !== 'normal');
    if (escalated.length <= MAX_PER_ORDER_EVENTS) {
      for (const c of escalated) {
        services.live.publish({
          topic: 'ticket.sla_changed',
          ticketId: c.ticketId,
          unitIds: c.leadUnitId ? [c.leadUnitId] : [],
          payload: { slaState: c.to, previousSlaState: c.from, status: c.status },
        });
      }
    } else {
      const unitIds = [...new Set(escalated.map((c) => c.leadUnitId).filter((id): id is number => id !== null))];
      services.live.publish({
        topic: 'sla.swept',
        unitIds,
        payload: {
          atRisk: escalated.filter((c) => c.to === 'at_risk').length,
          overdue: escalated.filter((c) => c.to === 'overdue').length,
        },
      });
    }
    return { scanned, changed: changes.length, escalated: escalated.length };
  },
});
