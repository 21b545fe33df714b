import { loadConfig } from '../server/config.ts';
import { openPostgres } from '../server/db/client.ts';
import { buildServices } from '../server/services.ts';
import { SYSTEM_ACTOR } from '../server/lib/actor.ts';
const database = await openPostgres(process.env.DATABASE_URL!, 4);
const s = buildServices({ db: database.db, clock: { now: () => new Date() }, config: loadConfig({ SEED_DEMO: 'false', DATA_DIR: '/tmp/lx' }) });
for (let i = 0; i < 3; i++) { const t = performance.now(); await s.analytics.assessments.compute(SYSTEM_ACTOR, '2026-10', {}); console.log(performance.now() - t); }
await database.close();
