/** Wires repositories, clocks and services together; the only place that knows all of them. */
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Clock } from './lib/actor.ts';
import { createAuthRepository } from './modules/auth/auth.repository.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createLiveBus } from './lib/live.ts';

export function buildServices(deps: { db: Db; clock: Clock; config: Config }) {
  const { db, clock, config } = deps;
  const auth = createAuthService({ repo: createAuthRepository(db), clock, sessionTtlHours: config.SESSION_TTL_HOURS });
  const audit = createAuditService({ db });
  const live = createLiveBus();
  return { db, clock, config, auth, audit, live };
}
export type Services = ReturnType<typeof buildServices>;
