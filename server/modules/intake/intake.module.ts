/** Wires the intake channels together; services.ts registers the result as `intake`. */
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/actor.ts';
import { createOpen311Service, type Open311Deps } from './open311.service.ts';
import { createPublicIntakeService, type PublicIntakeDeps } from './public.service.ts';

export function createIntake(deps: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'JURISDICTION_ID'>;
  auth: Open311Deps['auth'];
  tickets: PublicIntakeDeps['tickets'] & Open311Deps['tickets'];
  attachments: PublicIntakeDeps['attachments'];
}) {
  return {
    /** 网上诉求: the citizens' portal. */
    portal: createPublicIntakeService({ db: deps.db, tickets: deps.tickets, attachments: deps.attachments }),
    /** Open311 GeoReport v2 for 311 apps and tools. */
    open311: createOpen311Service({
      db: deps.db,
      clock: deps.clock,
      jurisdictionId: deps.config.JURISDICTION_ID,
      auth: deps.auth,
      tickets: deps.tickets,
    }),
  };
}
export type Intake = ReturnType<typeof createIntake>;
