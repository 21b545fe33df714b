/** Every setting, typed, from the environment (documented in README.md). */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Embedded database and uploaded files live here. */
  DATA_DIR: z.string().default('./data'),
  /** When set, run on this PostgreSQL server instead of embedded PGlite. */
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /** Seed the demo city when the database is empty. */
  SEED_DEMO: bool.default(true),
  /** Orders in the demo city. */
  DEMO_TICKETS: z.coerce.number().int().min(0).default(50_000),
  DEMO_SEED: z.coerce.number().int().default(12345),
  JOBS_ENABLED: bool.default(true),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Public endpoints: requests per minute per client address. */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** Open311: requests per minute per API key (machine clients that poll and read every service definition). */
  OPEN311_KEY_RATE_LIMIT: z.coerce.number().int().positive().default(1200),
  /**
   * Which proxies' X-Forwarded-For / X-Forwarded-Proto to believe: true, false, or a comma-separated list of
   * addresses, CIDR ranges or `loopback`. The default trusts a proxy on the same machine only, so HTTPS ended
   * there still gives a `Secure` session cookie, and no remote client can pose as one.
   */
  TRUST_PROXY: z.string().default('loopback').transform((v): boolean | string[] => {
    if (['true', '1'].includes(v)) return true;
    if (['false', '0', ''].includes(v)) return false;
    return v.split(',').map((s) => s.trim()).filter(Boolean);
  }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Open311 jurisdiction_id this server answers for. */
  JURISDICTION_ID: z.string().default('lianxin.demo'),
  /** When set (nats://host:4222), domain events are relayed from the outbox to NATS JetStream. */
  NATS_URL: z.string().optional(),
  /** The JetStream stream the relay publishes to (subjects lianxin.<topic>), created when missing. */
  NATS_STREAM: z.string().regex(/^[A-Za-z0-9_-]+$/).default('LIANXIN'),
});

export type Config = z.infer<typeof envSchema> & { filesDir: string; mode: 'embedded' | 'server' };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.parse(env);
  return {
    ...parsed,
    DATA_DIR: path.resolve(parsed.DATA_DIR),
    filesDir: path.resolve(parsed.DATA_DIR, 'files'),
    mode: parsed.DATABASE_URL ? 'server' : 'embedded',
  };
}
